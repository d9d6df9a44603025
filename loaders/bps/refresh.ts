// One refresh from the BPS Web API: settle the variables, fetch every year in chunks, tidy, validate.
// Any failure propagates so the command can fall back to the snapshot and say why. A newly
// discovered variable list is written to the committed variables.json only once the whole refresh
// has produced valid rows: a failed refresh changes no committed file.
import type { BpsClient } from "./client.js";
import type { ApiRowsFile } from "./api-rows.js";
import { fetchDataChunked, listPeriods } from "./periods.js";
import { assemblePovertyRows, tidyDataAnswer, type Observation } from "./tidy.js";
import { validatePovertyRows } from "./validate.js";
import {
  discoverVariables,
  INDICATORS,
  nationalFallbacks,
  readVariablesFile,
  writeVariablesFile,
  type VariablesFile
} from "./variables.js";

export interface RefreshOptions {
  readonly client: BpsClient;
  /** data/reference/bps/variables.json */
  readonly variablesPath: string;
  /** Text of published/bps_api_variables.csv (national fallbacks). */
  readonly publishedVariablesCsv: string;
  /** Search the variable list again even if variables.json records a discovery. */
  readonly rediscover?: boolean;
  readonly domain?: string;
  /** First year requested (the snapshot starts in 2015). */
  readonly fromYear?: number;
  /** Years per request before the API states its limit. */
  readonly initialChunk?: number;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}

export class RefreshError extends Error {
  constructor(message: string, readonly problems: readonly string[] = []) {
    super(message);
    this.name = "RefreshError";
  }
}

/** The variables to fetch, and whether they were discovered now (and so still to be recorded). */
async function settleVariables(
  options: RefreshOptions,
  now: () => Date,
  log: (line: string) => void
): Promise<{ variables: VariablesFile; discovered: boolean }> {
  const domain = options.domain ?? "3600";
  if (!options.rediscover) {
    const recorded = await readVariablesFile(options.variablesPath);
    if (recorded?.discovered_at && recorded.domain === domain && recorded.chosen.length > 0) return { variables: recorded, discovered: false };
  }
  log(`Mencari variabel kemiskinan menurut kabupaten/kota di domain ${domain}…`);
  const variables = await discoverVariables(options.client, domain, nationalFallbacks(options.publishedVariablesCsv), now, log);
  for (const spec of INDICATORS) {
    const choice = variables.chosen.find((c) => c.field === spec.field);
    log(
      choice
        ? `  ${spec.label}: var ${choice.var_id} domain ${choice.domain}${choice.basis === "fallback-national" ? " (cadangan nasional)" : ""}`
        : `  ${spec.label}: tidak ditemukan`
    );
  }
  return { variables, discovered: true };
}

export async function refreshFromApi(options: RefreshOptions): Promise<ApiRowsFile> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const fromYear = options.fromYear ?? 2015;
  const { variables, discovered } = await settleVariables(options, now, log);
  const observations: Observation[] = [];
  const problems: string[] = [];
  const chunkSizes = new Map<string, number>();
  for (const choice of variables.chosen) {
    const periods = (await listPeriods(options.client, choice.domain, choice.var_id)).filter((p) => p.year >= fromYear);
    if (periods.length === 0) {
      problems.push(`var ${choice.var_id} (${choice.field}): BPS tidak mencantumkan tahun ${fromYear} atau sesudahnya`);
      continue;
    }
    log(`Mengambil var ${choice.var_id} (${choice.field}, domain ${choice.domain}), ${periods[0]!.year}–${periods[periods.length - 1]!.year}…`);
    const { chunks, chunkSize } = await fetchDataChunked(
      options.client,
      { domain: choice.domain, varId: choice.var_id, periods, initialChunk: chunkSizes.get(choice.domain) ?? options.initialChunk ?? 3 },
      log
    );
    chunkSizes.set(choice.domain, chunkSize);
    for (const { th, answer } of chunks) {
      if (answer.kind === "no-data") {
        problems.push(`var ${choice.var_id} th ${th}: tidak ada data (${answer.reason})`);
        continue;
      }
      const tidied = tidyDataAnswer(answer.body, {
        field: choice.field,
        domain: choice.domain,
        varId: choice.var_id,
        unitHint: choice.unit ?? choice.title,
        fetchedAt: answer.fetchedAt
      });
      observations.push(...tidied.observations);
      problems.push(...tidied.problems);
    }
  }
  const assembled = assemblePovertyRows(observations);
  const validated = validatePovertyRows(assembled.rows, now().getUTCFullYear());
  problems.push(...assembled.problems, ...validated.problems);
  if (validated.rows.length === 0) {
    throw new RefreshError(`API tidak menghasilkan satu pun baris yang sah${problems[0] ? ` (${problems[0]})` : ""}`, problems);
  }
  const retrievedAt = validated.rows.map((r) => r.retrieved_at).sort().at(-1)!;
  if (discovered) await writeVariablesFile(options.variablesPath, variables);
  return {
    format: 1,
    refreshed_at: now().toISOString(),
    retrieved_at: retrievedAt,
    variables: variables.chosen,
    poverty: validated.rows,
    problems: [...new Set(problems)] // the same unknown region recurs in every chunk
  };
}
