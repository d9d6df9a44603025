// Log-linear trend: ln(value) = a + b·year, fitted by ordinary least squares. A constant relative
// decline per year is the usual shape of poverty-rate series (they fall more slowly as they approach
// zero) and the log keeps projections and interval bounds positive.
import { studentTQuantile } from "./student-t.js";

export interface YearValue {
  readonly year: number;
  readonly value: number;
}

export interface LogLinearFit {
  /** Number of points fitted. */
  readonly n: number;
  /** ln(value) at year 0; use `logAt` rather than this (large year values make it unreadable). */
  readonly intercept: number;
  /** Change in ln(value) per year. (1 − e^slope) is the relative decline per year. */
  readonly slope: number;
  readonly meanYear: number;
  /** Mean of ln(value); the fitted line passes through (meanYear, meanLog). */
  readonly meanLog: number;
  /** Σ (year − meanYear)². */
  readonly sxx: number;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Residual degrees of freedom, n − 2. */
  readonly df: number;
  /** Residual standard deviation on the log scale; null with 2 points (no degrees of freedom left). */
  readonly residualSd: number | null;
  /** Standard error of the slope; null with 2 points. */
  readonly slopeSe: number | null;
  /** Share of ln(value) variance explained; null with 2 points (always 1, so it says nothing). */
  readonly rSquared: number | null;
}

export interface Prediction {
  readonly year: number;
  /** Trend value in original units: exp of the fitted log, i.e. the median under the log model. */
  readonly value: number;
  /** Prediction interval bounds in original units; null when the fit has no residual degrees of freedom. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * OLS fit of ln(value) on year. Points must have distinct years and positive values (the caller
 * screens them; see series-window.ts). Throws on fewer than 2 points.
 */
export function fitLogLinear(points: readonly YearValue[]): LogLinearFit {
  const n = points.length;
  if (n < 2) throw new RangeError(`Garis tren memerlukan minimal 2 titik, tersedia ${n}.`);
  for (const p of points) {
    if (!(p.value > 0) || !Number.isFinite(p.value)) {
      throw new RangeError(`Nilai ${p.value} pada tahun ${p.year} tidak dapat dilogaritmakan.`);
    }
  }
  const years = points.map((p) => p.year);
  const logs = points.map((p) => Math.log(p.value));
  const meanYear = mean(years);
  const meanLog = mean(logs);
  // Centre the years first: sums of squares of raw years (~4·10⁶) would lose precision.
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = years[i]! - meanYear;
    const dy = logs[i]! - meanLog;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new RangeError("Semua titik berada pada tahun yang sama; tren tidak dapat dihitung.");
  const slope = sxy / sxx;
  const intercept = meanLog - slope * meanYear;
  const df = n - 2;
  let residualSd: number | null = null;
  let slopeSe: number | null = null;
  let rSquared: number | null = null;
  if (df > 0) {
    let sse = 0;
    for (let i = 0; i < n; i++) {
      const residual = logs[i]! - (meanLog + slope * (years[i]! - meanYear));
      sse += residual * residual;
    }
    residualSd = Math.sqrt(sse / df);
    slopeSe = residualSd / Math.sqrt(sxx);
    rSquared = syy === 0 ? 1 : 1 - sse / syy;
  }
  return {
    n,
    intercept,
    slope,
    meanYear,
    meanLog,
    sxx,
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
    df,
    residualSd,
    slopeSe,
    rSquared
  };
}

/** Fitted ln(value) at `year`. */
export function logAt(fit: LogLinearFit, year: number): number {
  return fit.meanLog + fit.slope * (year - fit.meanYear);
}

/**
 * Trend value at `year` with a two-sided prediction interval for a new observation at `level`
 * (e.g. 0.8): ŷ ± t(df; (1+level)/2) · s · √(1 + 1/n + (year − ȳear)²/Sxx) on the log scale,
 * then exponentiated.
 */
export function predictAt(fit: LogLinearFit, year: number, level: number): Prediction {
  checkLevel(level);
  const center = logAt(fit, year);
  const value = Math.exp(center);
  if (fit.residualSd === null) return { year, value, lower: null, upper: null };
  const dx = year - fit.meanYear;
  const se = fit.residualSd * Math.sqrt(1 + 1 / fit.n + (dx * dx) / fit.sxx);
  const half = studentTQuantile((1 + level) / 2, fit.df) * se;
  return { year, value, lower: Math.exp(center - half), upper: Math.exp(center + half) };
}

/**
 * Two-sided confidence interval of the slope at `level`; null with 2 points. Used to flag a trend
 * whose direction the data cannot establish (the interval contains 0).
 */
export function slopeInterval(fit: LogLinearFit, level: number): { lower: number; upper: number } | null {
  checkLevel(level);
  if (fit.slopeSe === null) return null;
  const half = studentTQuantile((1 + level) / 2, fit.df) * fit.slopeSe;
  return { lower: fit.slope - half, upper: fit.slope + half };
}

export function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`Tingkat interval harus di antara 0 dan 1 (mis. 0,8), bukan ${level}.`);
  }
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
