// The extreme-poverty model as one object, computed from the reference rows and never typed in:
// which published rates it is judged on, which tail model it uses (chosen by leave-one-out error
// among the candidates), its calibration per line series, and its estimates.
import { calibrateAll, looErrors, summarizeLoo, type LooSummary, type PublishedPoint } from "./calibration.js";
import { ExtremeEstimator, type Calibration, type Estimate } from "./estimator.js";
import { isLineSeries, LINE_SERIES, OLD_SERIES, CURRENT_SERIES, type LineSeries } from "./line-series.js";
import { ShapeBank, type FgtRow, type TailChoice } from "./shapes.js";
import { TAIL_CANDIDATES } from "./tail.js";

export { CURRENT_SERIES, OLD_SERIES, SERIES_LABEL_ID, type LineSeries } from "./line-series.js";

/** The fields of a bps_extreme_poverty row the model reads. */
export interface PublishedExtreme {
  readonly region_kode: string;
  readonly year: number;
  readonly month: number | null;
  readonly kind: string;
  readonly extreme_pct: number | null;
  readonly series: string | null;
  readonly for_validation: boolean | null;
  readonly source: string;
  readonly note: string | null;
}

/** The line a published survey rate was measured on (the row's series column). */
export function seriesOfPublished(row: Pick<PublishedExtreme, "series">): LineSeries {
  if (!isLineSeries(row.series)) throw new Error(`angka survei tanpa seri garis: ${String(row.series)}`);
  return row.series;
}

/**
 * Every published survey rate, scored unless the snapshot marks it as context (conflicting quotes,
 * an early method) or its survey month is unknown.
 */
export function validationPoints(extreme: readonly PublishedExtreme[]): PublishedPoint[] {
  return extreme
    .filter((r) => r.kind === "survey" && r.extreme_pct !== null)
    .map((r) => {
      const scored = r.for_validation !== false && r.month !== null;
      return {
        region_kode: r.region_kode,
        year: r.year,
        month: r.month ?? 3,
        series: seriesOfPublished(r),
        published: r.extreme_pct!,
        source: r.source,
        role: scored ? ("scored" as const) : ("context" as const),
        note: scored ? null : r.month === null ? "Bulan survei tidak disebut sumber, dan angkanya hanya konteks (lihat catatan data)." : "Hanya konteks (lihat catatan data); tidak dinilai."
      };
    })
    .sort((a, b) => a.region_kode.localeCompare(b.region_kode) || a.year - b.year || a.month - b.month || a.series.localeCompare(b.series));
}

export const TAIL_CHOICES: readonly TailChoice[] = [...TAIL_CANDIDATES, "ensemble"];

export interface CandidateResult {
  readonly tail: TailChoice;
  readonly loo: LooSummary;
}

/**
 * Best first: a model that can estimate more of the published points ranks above one that cannot
 * (a family that fails on a point is no estimator there), then the smallest median |relative
 * error|, then the smallest mean |log error|.
 */
export function rankCandidates(results: readonly CandidateResult[]): CandidateResult[] {
  const key = (v: number | null) => (v === null ? Infinity : v);
  return [...results].sort(
    (a, b) => b.loo.scored - a.loo.scored || key(a.loo.medianAbsRelative) - key(b.loo.medianAbsRelative) || key(a.loo.meanAbsLog) - key(b.loo.meanAbsLog)
  );
}

export interface CalibratedModel {
  readonly estimator: ExtremeEstimator;
  readonly calibration: Calibration;
  readonly points: readonly PublishedPoint[];
  /** Leave-one-out of the published estimator (the chosen tail model). */
  readonly loo: LooSummary;
  /** Every candidate's leave-one-out, best first; the first is the one published. */
  readonly comparison: readonly CandidateResult[];
  estimate(kode: string, year: number, month: number, series: LineSeries): Estimate | null;
  /** The same estimate function, for callers that hold the model as `calibrated.model`. */
  readonly model: { estimate(kode: string, year: number, month: number, series: LineSeries): Estimate | null };
}

/**
 * The model on a snapshot: candidates compared by leave-one-out over the published rates, the best
 * calibrated on all of them. `tails` narrows the comparison (tests).
 */
export function calibrateModel(poverty: readonly FgtRow[], extreme: readonly PublishedExtreme[], tails: readonly TailChoice[] = TAIL_CHOICES): CalibratedModel {
  const estimator = new ExtremeEstimator(new ShapeBank(poverty));
  const points = validationPoints(extreme);
  const comparison = rankCandidates(tails.map((tail) => ({ tail, loo: summarizeLoo(looErrors(estimator, points, tail, LINE_SERIES)) })));
  const best = comparison[0]!;
  const calibration = calibrateAll(estimator, points, best.tail, LINE_SERIES, best.loo);
  const estimate = (kode: string, year: number, month: number, series: LineSeries) => estimator.estimate(kode, year, month, series, calibration);
  return { estimator, calibration, points, loo: best.loo, comparison, estimate, model: { estimate } };
}
