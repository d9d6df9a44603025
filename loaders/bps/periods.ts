// Years of a variable (model=th) and model=data requests split into `th` chunks. The API caps the
// number of years per call (3 on domain 0000, 2 on provinces, changed over time) and states the cap in
// its error message, so the client re-chunks to that number and carries on.
import type { BpsClient, BpsAnswer } from "./client.js";
import { BpsApiError } from "./errors.js";
import { fetchAllPages } from "./list.js";

export interface Period {
  /** The `th` id to send. */
  readonly th: string;
  readonly year: number;
}

/** Periods of a variable from model=th, sorted by year; ids are read, never assumed to be year − 1900. */
export async function listPeriods(client: BpsClient, domain: string, varId: number): Promise<Period[]> {
  const items = await fetchAllPages(client, { model: "th", lang: "ind", domain, var: varId });
  const periods = new Map<number, Period>();
  for (const item of items) {
    const id = String(item.th_id ?? "").trim();
    const year = Number(String(item.th ?? "").trim());
    if (/^\d+$/.test(id) && Number.isInteger(year) && year > 1900 && year < 2200) periods.set(year, { th: id, year });
  }
  return [...periods.values()].sort((a, b) => a.year - b.year);
}

export interface DataChunk {
  readonly th: string;
  readonly answer: BpsAnswer;
}

/** Fetches every period in chunks; returns the answers and the chunk size that worked (for the next variable). */
export async function fetchDataChunked(
  client: BpsClient,
  request: { domain: string; varId: number; periods: readonly Period[]; initialChunk: number },
  log: (line: string) => void = () => {}
): Promise<{ chunks: DataChunk[]; chunkSize: number }> {
  let size = request.initialChunk;
  let remaining = request.periods.map((p) => p.th);
  const out: DataChunk[] = [];
  while (remaining.length > 0) {
    const ths = remaining.slice(0, size);
    const th = ths.join(";");
    try {
      const answer = await client.request({ model: "data", lang: "ind", domain: request.domain, var: request.varId, th });
      out.push({ th, answer });
      remaining = remaining.slice(ths.length);
    } catch (error) {
      const limit = error instanceof BpsApiError && error.kind === "th-limit" ? error.maxYears : undefined;
      if (limit === undefined || limit >= ths.length) throw error;
      log(`  BPS membatasi ${limit} tahun per permintaan; permintaan var ${request.varId} dibagi ulang`);
      size = limit;
    }
  }
  return { chunks: out, chunkSize: size };
}
