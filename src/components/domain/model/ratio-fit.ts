// The effective extreme line of one line series as a share r of each region's own poverty line,
// moving log-linearly over time: ln r(t) = a + b·(t − t0). It is fitted on the published extreme
// rates of that series only (calibration.ts). r falls over time because the rupiah value of a PPP
// line grows with consumer prices while BPS's poverty line grows faster; the tail models' own
// misfit is absorbed in the same two numbers, which is why they are fitted, not read off the
// rupiah anchors.
import type { LineSeries } from "./line-series.js";
import { formatNumber, formatPeriod } from "../../core/format.js";

export interface RatioFit {
  readonly series: LineSeries;
  readonly a: number;
  readonly b: number;
  /** Centre of the fitted rounds (decimal year). */
  readonly t0: number;
  /** Covariance of (a, b): var a, cov(a, b), var b. */
  readonly cov: readonly [number, number, number];
  /** Published points the fit used. */
  readonly n: number;
  /** First and last fitted round (decimal year). */
  readonly from: number;
  readonly to: number;
  /** Root mean square of ln(estimate ÷ published) over the fitted points. */
  readonly rmsLogError: number;
  /** False when one point fixed a only (b = 0: no trend can be fitted). */
  readonly slopeFitted: boolean;
}

/** Decimal year of a survey round (March 2024 = 2024,17). */
export const roundTime = (year: number, month: number): number => year + (month - 1) / 12;

/** Rounds further than this from the fitted span get no estimate on the series. */
export const EXTRAPOLATION_YEARS = 2;

export interface RatioAt {
  readonly ratio: number;
  /** Standard deviation of ln r at this round from the fit's parameter covariance. */
  readonly logSd: number;
  /** Years outside the fitted span (0 inside it). */
  readonly outside: number;
}

export function ratioAt(fit: RatioFit, year: number, month: number): RatioAt {
  const t = roundTime(year, month);
  const dt = t - fit.t0;
  const [va, cab, vb] = fit.cov;
  return {
    ratio: Math.exp(fit.a + fit.b * dt),
    logSd: Math.sqrt(Math.max(0, va + 2 * dt * cab + dt * dt * vb)),
    outside: t < fit.from ? fit.from - t : t > fit.to ? t - fit.to : 0
  };
}

export function withinReach(fit: RatioFit, year: number, month: number): boolean {
  return ratioAt(fit, year, month).outside <= EXTRAPOLATION_YEARS + 1e-9;
}

/** The survey round nearest a decimal year (2022,35 → Mei 2022), for text. */
function periodOf(t: number): string {
  const year = Math.floor(t + 1e-9);
  return formatPeriod(year, Math.min(12, Math.round((t - year) * 12) + 1));
}

/** Indonesian description of a fit for the calibration table. */
export function describeRatioFit(fit: RatioFit): string {
  const first = Math.floor(fit.from + 1e-9);
  const last = Math.floor(fit.to + 1e-9);
  const change = (Math.exp(fit.b) - 1) * 100;
  const trend = fit.slopeFitted ? `, berubah ${change > 0 ? "+" : ""}${formatNumber(change, 1)}% per tahun` : " (satu titik: tanpa tren)";
  return `r = ${formatNumber(Math.exp(fit.a), 3)} pada ${periodOf(fit.t0)}${trend}; dipasang pada ${fit.n} angka terbitan ${first === last ? first : `${first}–${last}`}`;
}
