// r_t from the published rupiah lines: the extreme line as a share of the national poverty line, per
// line series and survey round. This is the line the poverty_lines table (and through it the
// scenario) uses; the estimator fits its own effective ratio per series (ratio-fit.ts).
//
// BPS states the extreme line in rupiah only now and then (Rp322.170 in 2021, Rp351.957 in March
// 2023 on the old US$1,90 PPP 2011 line; about Rp391.000 on the new US$2,15 PPP 2017 line, January
// 2025). A PPP line is held constant in real terms, so in rupiah it grows with consumer prices,
// while BPS's poverty line (GK) grows with the prices and contents of its basket, faster: r_t falls
// over time (0,67 in 2021, 0,64 in 2023). Between anchors of a series the rupiah line is
// interpolated log-linearly; outside them it moves at the growth rate between the series' own
// anchors, and a series with one anchor keeps that anchor's ratio (its rupiah value moves with the
// national GK): no growth estimated on one line is used for the other. r_t = rupiah line ÷ national
// GK of the same round. The interval is the anchor's own interval widened by RATIO_DRIFT_PER_YEAR
// (relative) per year from the anchor.
import type { LineSeries } from "./line-series.js";
import { formatNumber } from "../../core/format.js";

export type LineSeriesCode = LineSeries;

export interface RatioAnchor {
  readonly series: LineSeriesCode;
  readonly year: number;
  /** Month of the round the rupiah line refers to; null when the source does not say. */
  readonly month: number | null;
  readonly extreme_line_rp: number;
  readonly extreme_ratio: number;
  readonly extreme_ratio_lo: number;
  readonly extreme_ratio_hi: number;
  readonly source: string;
}

export interface NationalLine {
  readonly year: number;
  readonly month: number;
  readonly poverty_line_rp: number;
}

export interface Ratio {
  readonly ratio: number;
  readonly lo: number;
  readonly hi: number;
  readonly kind: "terbit" | "model" | "kalibrasi";
  /** Indonesian: how this ratio was obtained. */
  readonly how: string;
  readonly source: string;
}

/**
 * Relative widening of the ratio interval per year of distance from the nearest anchor: a 2 point
 * per year error in the assumed growth of the rupiah line (e.g. 2,5% inflation instead of the 4,5%
 * seen between the old-line anchors).
 */
export const RATIO_DRIFT_PER_YEAR = 0.02;

const time = (year: number, month: number | null): number => year + ((month ?? 6.5) - 1) / 12;

function fmt(value: number, digits = 3): string {
  return formatNumber(value, digits);
}

/**
 * Growth per year (log) of a series' rupiah line between its earliest and latest anchors; null when
 * the series has fewer than two anchors.
 */
export function lineGrowth(anchors: readonly RatioAnchor[], series: LineSeriesCode): number | null {
  const own = anchors.filter((a) => a.series === series).sort((a, b) => time(a.year, a.month) - time(b.year, b.month));
  if (own.length < 2) return null;
  const first = own[0]!;
  const last = own[own.length - 1]!;
  return Math.log(last.extreme_line_rp / first.extreme_line_rp) / (time(last.year, last.month) - time(first.year, first.month));
}

/** The rupiah extreme line of a series in a round, and the distance (years) to its nearest anchor. */
export function lineRupiahAt(anchors: readonly RatioAnchor[], series: LineSeriesCode, year: number, month: number, national: readonly NationalLine[] = []): { value: number; distance: number; anchor: RatioAnchor } | null {
  const own = anchors.filter((a) => a.series === series).sort((a, b) => time(a.year, a.month) - time(b.year, b.month));
  if (own.length === 0) return null;
  const t = time(year, month);
  const nearest = [...own].sort((a, b) => Math.abs(time(a.year, a.month) - t) - Math.abs(time(b.year, b.month) - t))[0]!;
  const distance = Math.abs(time(nearest.year, nearest.month) - t);
  const before = [...own].reverse().find((a) => time(a.year, a.month) <= t);
  const after = own.find((a) => time(a.year, a.month) >= t);
  if (before && after && before !== after) {
    const w = (t - time(before.year, before.month)) / (time(after.year, after.month) - time(before.year, before.month));
    return { value: Math.exp(Math.log(before.extreme_line_rp) * (1 - w) + Math.log(after.extreme_line_rp) * w), distance, anchor: nearest };
  }
  const g = lineGrowth(anchors, series);
  if (g !== null) return { value: nearest.extreme_line_rp * Math.exp(g * (t - time(nearest.year, nearest.month))), distance, anchor: nearest };
  // One anchor: the ratio stays the anchor's, so the rupiah line moves with the national GK.
  const gk = national.find((n) => n.year === year && n.month === month);
  return gk ? { value: nearest.extreme_ratio * gk.poverty_line_rp, distance, anchor: nearest } : null;
}

function growthText(anchors: readonly RatioAnchor[], series: LineSeriesCode): string {
  const g = lineGrowth(anchors, series);
  return g === null ? "satu titik terbit pada garis ini: rasionya dipertahankan" : `laju ${fmt(g * 100, 1)}% per tahun antartitik terbit garis ini`;
}

/**
 * r_t for one series and round from the rupiah anchors and the national poverty line. A round that
 * an anchor names exactly returns the anchor's published ratio.
 */
export function ratioFromLines(anchors: readonly RatioAnchor[], national: readonly NationalLine[], series: LineSeriesCode, year: number, month: number): Ratio | null {
  const exact = anchors.find((a) => a.series === series && a.year === year && a.month === month);
  if (exact) {
    return {
      ratio: exact.extreme_ratio,
      lo: exact.extreme_ratio_lo,
      hi: exact.extreme_ratio_hi,
      kind: "terbit",
      how: `rasio terbit ${fmt(exact.extreme_ratio)} (garis ekstrem Rp${formatNumber(exact.extreme_line_rp)})`,
      source: exact.source
    };
  }
  const gk = national.find((n) => n.year === year && n.month === month);
  const line = lineRupiahAt(anchors, series, year, month, national);
  if (!gk || !line) return null;
  const ratio = line.value / gk.poverty_line_rp;
  const a = line.anchor;
  const halfLo = (a.extreme_ratio - a.extreme_ratio_lo) / a.extreme_ratio + RATIO_DRIFT_PER_YEAR * line.distance;
  const halfHi = (a.extreme_ratio_hi - a.extreme_ratio) / a.extreme_ratio + RATIO_DRIFT_PER_YEAR * line.distance;
  return {
    ratio,
    lo: ratio * (1 - halfLo),
    hi: ratio * (1 + halfHi),
    kind: "model",
    how:
      `garis ekstrem ≈ Rp${formatNumber(line.value)} (dari titik terbit ${a.year}, ` +
      `${growthText(anchors, series)}) ÷ GK nasional Rp${formatNumber(gk.poverty_line_rp)}; ` +
      `selang ±${fmt(RATIO_DRIFT_PER_YEAR * 100, 0)}% per tahun dari titik terbit`,
    source: a.source
  };
}
