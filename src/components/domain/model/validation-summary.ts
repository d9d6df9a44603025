// What the published leave-one-out rows (extreme_validation) say about the estimator: median
// absolute relative error, the share inside the 80% interval, the signed error by year and line,
// and whether the model passes the design's budget (median ≤ 15%, coverage at its nominal level).
import { ESTIMATE_LEVEL } from "./estimator.js";
import { SERIES_LABEL_ID, isLineSeries, type LineSeries } from "./line-series.js";

/** The design budget (DESIGN.md §7): median |relative error| ≤ 15% and coverage at the interval's nominal level. */
export const VALIDATION_GATE = { medianAbsRelative: 0.15, coverage: ESTIMATE_LEVEL } as const;

/** The fields of an extreme_validation row the summary reads. */
export interface ScoredRow {
  readonly year: number;
  readonly series: string;
  readonly role: string;
  readonly error_relative: number | null;
  readonly in_interval: boolean | null;
}

export interface YearLineError {
  readonly year: number;
  readonly series: LineSeries;
  readonly n: number;
  /** Median of estimate ÷ published − 1 (signed). */
  readonly medianSigned: number;
  readonly inside: number;
}

export interface ValidationSummary {
  readonly scored: number;
  readonly medianAbsRelative: number | null;
  readonly coverage: number | null;
  readonly byYearLine: readonly YearLineError[];
  readonly acceptable: boolean;
  readonly verdict: string;
}

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)}%`);

export function summarizeValidation(rows: readonly ScoredRow[]): ValidationSummary {
  const scored = rows.filter((r) => r.role === "scored" && r.error_relative !== null);
  const medianAbsRelative = median(scored.map((r) => Math.abs(r.error_relative!)));
  const coverage = scored.length ? scored.filter((r) => r.in_interval).length / scored.length : null;
  const groups = new Map<string, ScoredRow[]>();
  for (const r of scored) {
    if (!isLineSeries(r.series)) continue;
    const key = `${r.year}|${r.series}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const byYearLine = [...groups.values()]
    .map((g) => ({ year: g[0]!.year, series: g[0]!.series as LineSeries, n: g.length, medianSigned: median(g.map((r) => r.error_relative!))!, inside: g.filter((r) => r.in_interval).length }))
    .sort((a, b) => a.year - b.year || a.series.localeCompare(b.series));
  const acceptable = medianAbsRelative !== null && coverage !== null && medianAbsRelative <= VALIDATION_GATE.medianAbsRelative && coverage >= VALIDATION_GATE.coverage - 1e-12;
  const verdict = acceptable
    ? `Model lolos uji leave-one-out: galat relatif median ${pct(medianAbsRelative)} (batas ${pct(VALIDATION_GATE.medianAbsRelative)}), ${pct(coverage)} angka terbitan berada dalam selang 80% (paling sedikit ${pct(VALIDATION_GATE.coverage)}), pada ${scored.length} angka terbitan.`
    : `Model tidak lolos uji leave-one-out (galat relatif median ${pct(medianAbsRelative)}, ${pct(coverage)} dalam selang 80%, pada ${scored.length} angka terbitan); perkiraan model tidak dipakai untuk status.`;
  return { scored: scored.length, medianAbsRelative, coverage, byYearLine, acceptable, verdict };
}

export function yearLineLabel(row: Pick<YearLineError, "year" | "series">): string {
  return `${row.year}, ${SERIES_LABEL_ID[row.series]}`;
}
