// model=data answers → tidy observations (one indicator value per region × year × survey month), and
// observations → bps_poverty rows. Everything the mapping cannot place for certain is reported.
import { extractCells, readDataResponse, type Dim } from "./datacontent.js";
import { resolveVervar } from "./regions-map.js";
import { POVERTY_VALUE_FIELDS, povertyKey, type PovertyField, type PovertyRow } from "./rows.js";
import { personsPerUnit } from "./units.js";

export interface Observation {
  readonly field: PovertyField;
  readonly region_kode: string;
  readonly year: number;
  readonly month: number;
  readonly value: number;
  readonly domain: string;
  readonly var_id: number;
  /** ISO timestamp of the fetch that returned the value. */
  readonly fetched_at: string;
  /** True when an annual ("Tahun") column was read as March (kab/kota poverty is measured in March). */
  readonly month_assumed: boolean;
}

export interface Tidied {
  readonly observations: Observation[];
  readonly problems: string[];
}

/** Susenas rounds: 61 Maret, 62 September (or the month named in the label); annual columns are "annual". */
export function classifyTurtahun(dim: Dim): 3 | 9 | "annual" | undefined {
  const label = dim.label.toLowerCase();
  if (dim.val === "61" || /\bmaret\b|\bmarch\b|semester\s*(1|i)\b/.test(label)) return 3;
  if (dim.val === "62" || /\bseptember\b|semester\s*(2|ii)\b/.test(label)) return 9;
  if (dim.val === "63" || /^tahun(an)?$/.test(label) || (dim.val === "0" && label === "")) return "annual";
  return undefined;
}

/** The whole-population turvar: the only one, or the one labelled total/jumlah. */
export function pickTurvar(turvars: readonly Dim[]): Dim | undefined {
  if (turvars.length === 1) return turvars[0];
  const totals = turvars.filter((t) => /\b(total|jumlah)\b|perkotaan\s*\+\s*perdesaan/i.test(t.label));
  return totals.length === 1 ? totals[0] : undefined;
}

function valueMultiplier(field: PovertyField, unit: string): number | undefined {
  if (field === "poor_count") return personsPerUnit(unit);
  if (field === "poverty_line_rp") return /\bribu\b/i.test(unit) ? 1_000 : 1;
  return 1;
}

export interface TidyContext {
  readonly field: PovertyField;
  readonly domain: string;
  readonly varId: number;
  /** Unit or title from the variable list, used when the answer carries no unit. */
  readonly unitHint: string | null;
  readonly fetchedAt: string;
}

export function tidyDataAnswer(body: Record<string, unknown>, context: TidyContext): Tidied {
  const where = `var ${context.varId}`;
  const problems: string[] = [];
  const response = readDataResponse(body);
  const variable = response.vars.find((v) => v.val === String(context.varId));
  if (!variable) return { observations: [], problems: [`${where}: jawaban tidak memuat variabel yang diminta`] };
  const unit = variable.unit ?? context.unitHint ?? "";
  const multiplier = valueMultiplier(context.field, unit || variable.label);
  if (multiplier === undefined) return { observations: [], problems: [`${where}: satuan jumlah tidak dikenali ("${unit || variable.label}")`] };

  const turvar = pickTurvar(response.turvar);
  if (!turvar) return { observations: [], problems: [`${where}: tidak jelas turvar mana yang total (${response.turvar.map((t) => t.label).join(", ")})`] };
  const explicitRounds = response.turtahun.some((t) => classifyTurtahun(t) === 3 || classifyTurtahun(t) === 9);

  const { cells, collisions, unmatchedKeys } = extractCells(response);
  for (const c of collisions) problems.push(`${where}: kunci datacontent "${c.key}" ambigu (${c.combinations.join(" / ")}); nilainya tidak dipakai`);
  if (unmatchedKeys.length > 0) problems.push(`${where}: ${unmatchedKeys.length} kunci datacontent tidak cocok dengan dimensi mana pun`);

  const reported = new Set<string>();
  const report = (message: string) => {
    if (reported.has(message)) return;
    reported.add(message);
    problems.push(message);
  };
  const observations: Observation[] = [];
  for (const cell of cells) {
    if (cell.var.val !== variable.val || cell.turvar.val !== turvar.val || cell.value === null) continue;
    const region = resolveVervar(cell.vervar, context.domain);
    if (region.status === "outside") continue;
    if (region.status === "unknown") {
      report(`${where}: ${region.reason}`);
      continue;
    }
    const round = classifyTurtahun(cell.turtahun);
    if (round === undefined) {
      report(`${where}: periode turtahun ${cell.turtahun.val} "${cell.turtahun.label}" tidak dikenali`);
      continue;
    }
    if (round === "annual" && explicitRounds) continue; // the March/September columns carry the survey rounds
    const year = /^\d{4}$/.test(cell.tahun.label) ? Number(cell.tahun.label) : Number.NaN;
    if (!Number.isInteger(year)) {
      report(`${where}: label tahun "${cell.tahun.label}" (th ${cell.tahun.val}) bukan tahun`);
      continue;
    }
    const value = context.field === "poor_count" ? Math.round(cell.value * multiplier) : cell.value * multiplier;
    observations.push({
      field: context.field,
      region_kode: region.kode,
      year,
      month: round === "annual" ? 3 : round,
      value,
      domain: context.domain,
      var_id: context.varId,
      fetched_at: context.fetchedAt,
      month_assumed: round === "annual"
    });
  }
  return { observations, problems };
}

/** Groups observations into bps_poverty rows; the source names every variable and the fetch date. */
export function assemblePovertyRows(observations: readonly Observation[]): { rows: PovertyRow[]; problems: string[] } {
  const problems: string[] = [];
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = povertyKey(o);
    const list = groups.get(key) ?? [];
    const same = list.find((x) => x.field === o.field);
    if (same) {
      if (same.value !== o.value) problems.push(`${key} ${o.field}: dua nilai berbeda (${same.value} dari var ${same.var_id}, ${o.value} dari var ${o.var_id}); yang pertama dipakai`);
      continue;
    }
    list.push(o);
    groups.set(key, list);
  }
  const rows: PovertyRow[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    const values = Object.fromEntries(POVERTY_VALUE_FIELDS.map((f) => [f, list.find((o) => o.field === f)?.value ?? null])) as Record<PovertyField, number | null>;
    const fetched = list.map((o) => o.fetched_at.slice(0, 10)).sort();
    const retrievedAt = fetched[fetched.length - 1]!;
    const used = POVERTY_VALUE_FIELDS.flatMap((f) => list.filter((o) => o.field === f));
    const oneDomain = used.every((o) => o.domain === first.domain);
    const vars = used.map((o) => (oneDomain ? `var ${o.var_id} (${o.field})` : `var ${o.var_id} domain ${o.domain} (${o.field})`));
    rows.push({
      region_kode: first.region_kode,
      year: first.year,
      month: first.month,
      ...values,
      source: `BPS Web API ${oneDomain ? `domain ${first.domain} ` : ""}${vars.join(", ")}, diambil ${retrievedAt}`,
      retrieved_at: retrievedAt,
      note: list.some((o) => o.month_assumed) ? "Kolom tahunan BPS dibaca sebagai Maret (angka kab/kota bersumber dari Susenas Maret)." : null
    });
  }
  rows.sort((a, b) => (a.region_kode < b.region_kode ? -1 : a.region_kode > b.region_kode ? 1 : a.year - b.year || a.month - b.month));
  return { rows, problems };
}
