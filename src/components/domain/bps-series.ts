// Pure shaping of the BPS tables for the Ringkasan and Kemajuan pages: series per region,
// latest figures with their change, the current target. No DOM, tested in Node.

export interface PovertyRow {
  region_kode: string;
  year: number;
  month: number;
  poor_count: number | null;
  p0_pct: number | null;
  poverty_line_rp: number | null;
  p1: number | null;
  p2: number | null;
  source: string;
  retrieved_at: Date | string;
  note: string | null;
}

export interface ExtremeRow {
  region_kode: string;
  year: number;
  month: number | null;
  kind: "survey" | "registry" | "unclear" | "line_only";
  extreme_pct: number | null;
  extreme_count: number | null;
  count_unit: string | null;
  line_rp: number | null;
  line_basis: string | null;
  /** Line series of a survey rate (usd190_ppp2011 / usd215_ppp2017); null for other kinds. */
  series: string | null;
  /** Survey rates: false when kept as context only; null for other kinds. */
  for_validation: boolean | null;
  source: string;
  retrieved_at: Date | string;
  note: string | null;
}

export interface TargetRow {
  region_kode: string;
  indicator: string;
  year: number;
  value: number;
  basis: string;
  is_current: boolean;
  source: string;
}

export type PovertyField = "p0_pct" | "poor_count" | "poverty_line_rp" | "p1" | "p2";

/** A figure with where it came from, ready to print. */
export interface Figure {
  year: number;
  month: number | null;
  value: number;
  source: string;
  retrieved_at: string;
}

export const NATIONAL = "00";
/** Kab/kota figures are published for March only; provincial comparisons use March too. */
export const SERIES_MONTH = 3;

function isoDate(value: Date | string): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

/** The March series of one field for one region, oldest first, missing years left out. */
export function povertySeries(rows: readonly PovertyRow[], region: string, field: PovertyField, month = SERIES_MONTH): Figure[] {
  return rows
    .filter((r) => r.region_kode === region && r.month === month && r[field] !== null && r[field] !== undefined)
    .map((r) => ({ year: r.year, month: r.month, value: r[field] as number, source: r.source, retrieved_at: isoDate(r.retrieved_at) }))
    .sort((a, b) => a.year - b.year);
}

export interface LatestFigure extends Figure {
  /** The figure one year earlier in the same series, if published. */
  previous: Figure | null;
  change: number | null;
}

/** The latest figure of a series and its change on the previous year (only when that year exists). */
export function latestWithChange(series: readonly Figure[]): LatestFigure | null {
  const latest = series[series.length - 1];
  if (!latest) return null;
  const previous = series.find((f) => f.year === latest.year - 1) ?? null;
  return { ...latest, previous, change: previous ? latest.value - previous.value : null };
}

/** Every non-survey extreme-poverty figure of a region (registry counts, unclear basis), newest first. */
export function otherExtremeFigures(rows: readonly ExtremeRow[], region: string): ExtremeRow[] {
  return rows
    .filter((r) => r.region_kode === region && (r.kind === "registry" || r.kind === "unclear"))
    .sort((a, b) => b.year - a.year || (b.month ?? 0) - (a.month ?? 0));
}

/** The latest extreme-poverty figure of any kind except line-only, with its kind for labelling. */
export function latestExtremeFigure(rows: readonly ExtremeRow[], region: string): ExtremeRow | null {
  const candidates = rows.filter((r) => r.region_kode === region && r.kind !== "line_only" && (r.extreme_pct !== null || r.extreme_count !== null));
  candidates.sort((a, b) => b.year - a.year || (b.month ?? 0) - (a.month ?? 0));
  return candidates[0] ?? null;
}

/** The target in force for a region: its own, else the national one. */
export function currentTarget(targets: readonly TargetRow[], region: string, indicator = "extreme_poverty_pct"): TargetRow | null {
  const current = targets.filter((t) => t.indicator === indicator && t.is_current);
  return current.find((t) => t.region_kode === region) ?? current.find((t) => t.region_kode === NATIONAL) ?? null;
}

export const EXTREME_KIND_LABEL: Readonly<Record<ExtremeRow["kind"], string>> = {
  survey: "Survei BPS (Susenas)",
  registry: "Daftar sasaran (registri)",
  unclear: "Dasar tidak disebutkan",
  line_only: "Hanya garis kemiskinan"
};

/** One row per year from `fromYear` to `toYear`: the figure, or null where none was published. */
export function yearCoverage(series: readonly Figure[], fromYear: number, toYear: number): { year: number; figure: Figure | null }[] {
  const byYear = new Map(series.map((f) => [f.year, f]));
  const years: { year: number; figure: Figure | null }[] = [];
  for (let year = fromYear; year <= toYear; year++) years.push({ year, figure: byYear.get(year) ?? null });
  return years;
}
