// Which BPS variables feed bps_poverty. Banten (domain 3600) ids were not found in any public source,
// so they are discovered by title through the paged `model=var` list and recorded in
// data/reference/bps/variables.json; an indicator with no Banten variable falls back to the national
// kab/kota table (domain 0000) listed in published/bps_api_variables.csv.
import { readFile } from "node:fs/promises";
import { parseCsvObjects } from "../lib/csv.js";
import { writeFileAtomic } from "../lib/atomic.js";
import type { BpsClient } from "./client.js";
import { fetchAllPages } from "./list.js";
import type { PovertyField } from "./rows.js";

export interface IndicatorSpec {
  readonly field: PovertyField;
  /** Indonesian name for messages. */
  readonly label: string;
  /** Matches the start of the variable title (after an optional "(P0)"-style tag). */
  readonly title: RegExp;
}

export const INDICATORS: readonly IndicatorSpec[] = [
  { field: "p0_pct", label: "persentase penduduk miskin (P0)", title: /^persentase penduduk miskin\b/i },
  { field: "poor_count", label: "jumlah penduduk miskin", title: /^jumlah penduduk miskin\b/i },
  { field: "poverty_line_rp", label: "garis kemiskinan", title: /^garis kemiskinan\b/i },
  { field: "p1", label: "indeks kedalaman kemiskinan (P1)", title: /^indeks kedalaman kemiskinan\b/i },
  { field: "p2", label: "indeks keparahan kemiskinan (P2)", title: /^indeks keparahan kemiskinan\b/i }
];

const BY_KABKOTA = /menurut\s+kabupaten\s*\/\s*kota/i;

export interface VariableItem {
  readonly var_id: number;
  readonly title: string;
  readonly unit: string | null;
}

export interface VariableChoice extends VariableItem {
  readonly field: PovertyField;
  readonly domain: string;
  /** "discovered" in domain 3600, or "fallback-national" from the published list. */
  readonly basis: "discovered" | "fallback-national";
}

export interface VariablesFile {
  readonly format: 1;
  /** Domain searched by title. */
  readonly domain: string;
  /** ISO timestamp of the last discovery; null until a discovery has run against the API. */
  readonly discovered_at: string | null;
  readonly note: string;
  /** The variable used for each indicator. */
  readonly chosen: readonly VariableChoice[];
  /** Every title that matched, so a reviewer can pin another id by editing `chosen`. */
  readonly candidates: readonly (VariableItem & { field: PovertyField })[];
}

export function toVariableItem(raw: Record<string, unknown>): VariableItem | undefined {
  const id = Number(raw.var_id);
  const title = typeof raw.title === "string" ? raw.title.trim() : "";
  if (!Number.isInteger(id) || title === "") return undefined;
  const unit = typeof raw.unit === "string" && raw.unit.trim() !== "" ? raw.unit.trim() : null;
  return { var_id: id, title, unit };
}

function titleCore(title: string): string {
  return title.replace(/\s*\((P[012])\)\s*/gi, " ").replace(/\s+/g, " ").trim();
}

/** Variables whose title names the indicator and a kab/kota breakdown. */
export function matchIndicator(spec: IndicatorSpec, items: readonly VariableItem[]): VariableItem[] {
  // Extreme poverty is a different measure ("Jumlah Penduduk Miskin Ekstrem" must not feed poor_count).
  return items.filter((item) => spec.title.test(titleCore(item.title)) && BY_KABKOTA.test(item.title) && !/ekstrem/i.test(item.title));
}

/**
 * Picks one variable among candidates: a title naming Provinsi Banten first, then the shortest title
 * (extra words usually mean a sub-breakdown), then the highest id (the newer table).
 */
export function pickVariable(candidates: readonly VariableItem[]): VariableItem | undefined {
  return [...candidates].sort((a, b) => {
    const banten = Number(/provinsi banten/i.test(b.title)) - Number(/provinsi banten/i.test(a.title));
    return banten || a.title.length - b.title.length || b.var_id - a.var_id;
  })[0];
}

/** National kab/kota fallbacks (vars 619/621/622/623) read from published/bps_api_variables.csv. */
export function nationalFallbacks(publishedVariablesCsv: string): VariableChoice[] {
  const items = parseCsvObjects(publishedVariablesCsv)
    .filter(({ row }) => row.domain === "0000")
    .map(({ row }) => toVariableItem({ var_id: row.var_id, title: row.title, unit: row.unit }))
    .filter((item): item is VariableItem => item !== undefined);
  const out: VariableChoice[] = [];
  for (const spec of INDICATORS) {
    const chosen = pickVariable(matchIndicator(spec, items));
    if (chosen) out.push({ ...chosen, field: spec.field, domain: "0000", basis: "fallback-national" });
  }
  return out;
}

export function selectVariables(domain: string, items: readonly VariableItem[], fallbacks: readonly VariableChoice[], discoveredAt: string): VariablesFile {
  const chosen: VariableChoice[] = [];
  const candidates: (VariableItem & { field: PovertyField })[] = [];
  for (const spec of INDICATORS) {
    const matches = matchIndicator(spec, items);
    candidates.push(...matches.map((m) => ({ ...m, field: spec.field })));
    const pick = pickVariable(matches);
    if (pick) chosen.push({ ...pick, field: spec.field, domain, basis: "discovered" });
    else {
      const fallback = fallbacks.find((f) => f.field === spec.field);
      if (fallback) chosen.push(fallback);
    }
  }
  return {
    format: 1,
    domain,
    discovered_at: discoveredAt,
    note: `Variabel dicari menurut judul pada model=var domain ${domain}; indikator tanpa variabel Banten memakai tabel kab/kota nasional (domain 0000).`,
    chosen,
    candidates
  };
}

export async function discoverVariables(
  client: BpsClient,
  domain: string,
  fallbacks: readonly VariableChoice[],
  now: () => Date,
  log: (line: string) => void = () => {}
): Promise<VariablesFile> {
  const raw = await fetchAllPages(client, { model: "var", lang: "ind", domain }, {
    onPage: (page, pages) => {
      if (page === 1 || page % 10 === 0 || page === pages) log(`  daftar variabel domain ${domain}: halaman ${page}/${pages}`);
    }
  });
  const items = raw.map(toVariableItem).filter((item): item is VariableItem => item !== undefined);
  return selectVariables(domain, items, fallbacks, now().toISOString());
}

export async function readVariablesFile(file: string): Promise<VariablesFile | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return undefined;
  }
  const candidate = parsed as Partial<VariablesFile>;
  if (candidate?.format !== 1 || !Array.isArray(candidate.chosen)) return undefined;
  return candidate as VariablesFile;
}

export async function writeVariablesFile(file: string, variables: VariablesFile): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(variables, null, 2)}\n`);
}
