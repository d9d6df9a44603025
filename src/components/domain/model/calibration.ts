// Calibration and validation of the estimator on BPS's published extreme-poverty rates.
//
// Every parameter that sets an estimate belongs to one line series: the effective ratio of each
// series (a, b of ratio-fit.ts) is fitted on the published rates of that series alone, so a
// parameter fitted on the old line never touches a new-line estimate and back. Validation is
// leave-one-out over every scored point, refitting every series' ratio without the point, with the
// same estimator that is published (benchmarking included). The interval's validation term is
// calibrated from those errors as a conformal quantile: for each left-out point it is computed from
// the other points' errors only, so the reported coverage is itself out of sample.
import type { LineSeries } from "./line-series.js";
import { roundTime, type RatioFit } from "./ratio-fit.js";
import { ESTIMATE_LEVEL, Z80, type Calibration, type Estimate, type ExtremeEstimator } from "./estimator.js";
import type { TailChoice } from "./shapes.js";

export interface PublishedPoint {
  readonly region_kode: string;
  readonly year: number;
  readonly month: number;
  readonly series: LineSeries;
  /** Percent. */
  readonly published: number;
  readonly source: string;
  /** scored: used for calibration and scored leave-one-out; context: shown, not used. */
  readonly role: "scored" | "context";
  readonly note: string | null;
}

/** Least squares of ln(estimate ÷ published) in (a, b) by Gauss–Newton, on one series' points. */
export function fitRatio(estimator: ExtremeEstimator, points: readonly PublishedPoint[], tail: TailChoice, series: LineSeries): RatioFit | null {
  const own = points.filter((p) => p.series === series && p.role === "scored");
  if (own.length === 0) return null;
  const times = own.map((p) => roundTime(p.year, p.month));
  const t0 = times.reduce((a, t) => a + t, 0) / times.length;
  const slopeFitted = new Set(times).size >= 2;
  const logEst = (p: PublishedPoint, a: number, b: number) => {
    const v = estimator.valueAt(p.region_kode, p.year, p.month, Math.exp(a + b * (roundTime(p.year, p.month) - t0)), tail);
    return v === null || !(v > 0) ? null : Math.log(v);
  };
  const usable = own.filter((p) => logEst(p, Math.log(0.7), 0) !== null);
  if (usable.length === 0) return null;
  const residuals = (a: number, b: number) => usable.map((p) => logEst(p, a, b)! - Math.log(p.published));
  const ssr = (a: number, b: number) => residuals(a, b).reduce((s, r) => s + r * r, 0);
  let a = Math.log(0.7);
  let b = 0;
  let J: [number, number][] = [];
  for (let iteration = 0; iteration < 50; iteration++) {
    const h = 1e-4;
    J = usable.map((p) => {
      const da = (logEst(p, a + h, b)! - logEst(p, a - h, b)!) / (2 * h);
      return [da, da * (roundTime(p.year, p.month) - t0)] as [number, number];
    });
    const r = residuals(a, b);
    let step: [number, number];
    if (slopeFitted) {
      const [saa, sab, sbb] = J.reduce(([x, y, z], [ja, jb]) => [x + ja * ja, y + ja * jb, z + jb * jb], [0, 0, 0]);
      const [ga, gb] = J.reduce(([x, y], [ja, jb], i) => [x + ja * r[i]!, y + jb * r[i]!], [0, 0]);
      const det = saa * sbb - sab * sab;
      step = [-(sbb * ga - sab * gb) / det, -(saa * gb - sab * ga) / det];
    } else {
      const saa = J.reduce((x, [ja]) => x + ja * ja, 0);
      const ga = J.reduce((x, [ja], i) => x + ja * r[i]!, 0);
      step = [-ga / saa, 0];
    }
    // Halve the step until the sum of squares does not grow (Gauss–Newton with backtracking).
    const before = ssr(a, b);
    let scale = 1;
    while (scale > 1e-6 && !(ssr(a + scale * step[0], b + scale * step[1]) <= before)) scale /= 2;
    a += scale * step[0];
    b += scale * step[1];
    if (Math.abs(scale * step[0]) + Math.abs(scale * step[1]) < 1e-10) break;
  }
  const final = residuals(a, b);
  const n = usable.length;
  const p = slopeFitted ? 2 : 1;
  const sum = final.reduce((s, r) => s + r * r, 0);
  // Residual variance needs n > p; an exactly determined fit gets no parameter error here (the
  // validation term then carries the whole error, see conformalScale).
  const sigma2 = n > p ? sum / (n - p) : 0;
  const [saa, sab, sbb] = J.reduce(([x, y, z], [ja, jb]) => [x + ja * ja, y + ja * jb, z + jb * jb], [0, 0, 0]);
  let cov: [number, number, number];
  if (slopeFitted) {
    const det = saa * sbb - sab * sab;
    cov = [(sigma2 * sbb) / det, (-sigma2 * sab) / det, (sigma2 * saa) / det];
  } else cov = [sigma2 / saa, 0, 0];
  const usedTimes = usable.map((q) => roundTime(q.year, q.month));
  return {
    series,
    a,
    b,
    t0,
    cov,
    n,
    from: Math.min(...usedTimes),
    to: Math.max(...usedTimes),
    rmsLogError: Math.sqrt(sum / n),
    slopeFitted
  };
}

/** Ratios of every series from the given points (each series from its own points only). */
export function fitRatios(estimator: ExtremeEstimator, points: readonly PublishedPoint[], tail: TailChoice, series: readonly LineSeries[]): Map<LineSeries, RatioFit> {
  const out = new Map<LineSeries, RatioFit>();
  for (const s of series) {
    const fit = fitRatio(estimator, points, tail, s);
    if (fit) out.set(s, fit);
  }
  return out;
}

/** One leave-one-out error: the point's estimate from a calibration without it. */
export interface LooError {
  readonly point: PublishedPoint;
  readonly estimate: Estimate | null;
  /** ln(published ÷ estimate). */
  readonly logError: number | null;
  /** Structural log SE of the estimate (every source but validation). */
  readonly structuralSe: number | null;
}

/**
 * The smallest validation term s that puts the share `level` of the errors inside their interval
 * e^{±z√(se² + s²)}, as a conformal quantile: the k-th smallest needed s with k = ⌈level·(m + 1)⌉
 * among m errors (the largest when k > m).
 */
export function conformalScale(errors: readonly { logError: number; structuralSe: number }[], level: number): number {
  const needed = errors.map((e) => Math.sqrt(Math.max(0, (e.logError / Z80) ** 2 - e.structuralSe ** 2))).sort((x, y) => x - y);
  if (needed.length === 0) return 0;
  const k = Math.min(needed.length, Math.ceil(level * (needed.length + 1)));
  return needed[k - 1]!;
}

export interface LooRow extends LooError {
  /** Validation term from the other points' errors. */
  readonly validationSe: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly inInterval: boolean | null;
  /** estimate ÷ published − 1. */
  readonly errorRelative: number | null;
  /** estimate − published, percentage points. */
  readonly errorPoints: number | null;
}

export interface LooSummary {
  readonly rows: readonly LooRow[];
  readonly scored: number;
  readonly medianAbsRelative: number | null;
  readonly meanAbsLog: number | null;
  /** Share of scored points inside their leave-one-out interval. */
  readonly coverage: number | null;
  /** Quantile level the validation term was taken at (ESTIMATE_LEVEL unless widened). */
  readonly level: number;
  readonly widened: boolean;
}

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The leave-one-out errors: every series refitted without the point, the point estimated with the result. */
export function looErrors(estimator: ExtremeEstimator, points: readonly PublishedPoint[], tail: TailChoice, series: readonly LineSeries[]): LooError[] {
  const scored = points.filter((p) => p.role === "scored");
  return scored.map((point) => {
    const ratios = fitRatios(estimator, scored.filter((q) => q !== point), tail, series);
    const estimate = estimator.estimate(point.region_kode, point.year, point.month, point.series, { tail, ratios, validationSe: 0 });
    return {
      point,
      estimate,
      logError: estimate ? Math.log(point.published / estimate.value) : null,
      structuralSe: estimate ? estimate.logSe : null
    };
  });
}

/** Levels tried, in order, until the out-of-sample coverage reaches ESTIMATE_LEVEL. */
const LEVELS = [ESTIMATE_LEVEL, 0.85, 0.9, 0.95, 1];

export function summarizeLoo(errors: readonly LooError[]): LooSummary {
  const usable = errors.filter((e): e is LooError & { logError: number; structuralSe: number; estimate: Estimate } => e.logError !== null && e.structuralSe !== null && e.estimate !== null);
  const rowsAt = (level: number): LooRow[] =>
    errors.map((e) => {
      if (e.logError === null || e.structuralSe === null || !e.estimate) {
        return { ...e, validationSe: null, lower: null, upper: null, inInterval: null, errorRelative: null, errorPoints: null };
      }
      const s = conformalScale(usable.filter((o) => o !== e), level);
      const half = Z80 * Math.hypot(e.structuralSe, s);
      const value = e.estimate.value;
      const lower = value * Math.exp(-half);
      const upper = value * Math.exp(half);
      return {
        ...e,
        validationSe: s,
        lower,
        upper,
        inInterval: e.point.published >= lower && e.point.published <= upper,
        errorRelative: value / e.point.published - 1,
        errorPoints: value - e.point.published
      };
    });
  let level = LEVELS[0]!;
  let rows = rowsAt(level);
  const coverageOf = (rs: readonly LooRow[]) => {
    const scored = rs.filter((r) => r.inInterval !== null);
    return scored.length === 0 ? null : scored.filter((r) => r.inInterval).length / scored.length;
  };
  for (const next of LEVELS.slice(1)) {
    const c = coverageOf(rows);
    if (c === null || c >= ESTIMATE_LEVEL - 1e-12) break;
    level = next;
    rows = rowsAt(level);
  }
  const scored = rows.filter((r) => r.errorRelative !== null);
  return {
    rows,
    scored: scored.length,
    medianAbsRelative: median(scored.map((r) => Math.abs(r.errorRelative!))),
    meanAbsLog: scored.length ? scored.reduce((a, r) => a + Math.abs(r.logError!), 0) / scored.length : null,
    coverage: coverageOf(rows),
    level,
    widened: level > ESTIMATE_LEVEL
  };
}

/** The published calibration: every series from all its scored points, the validation term from all LOO errors. */
export function calibrateAll(estimator: ExtremeEstimator, points: readonly PublishedPoint[], tail: TailChoice, series: readonly LineSeries[], loo: LooSummary): Calibration {
  const scored = points.filter((p) => p.role === "scored");
  const usable = loo.rows.filter((r) => r.logError !== null && r.structuralSe !== null).map((r) => ({ logError: r.logError!, structuralSe: r.structuralSe! }));
  return { tail, ratios: fitRatios(estimator, scored, tail, series), validationSe: conformalScale(usable, loo.level) };
}
