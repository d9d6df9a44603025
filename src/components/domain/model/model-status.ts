// Status toward ≤ 0,5% extreme poverty in 2026 from the model's yearly series on the current line.
//
// A region's own series is short (2022–2025) and noisy, so its trend is not fitted alone: the slope
// of ln(rate) per year is pooled from the province's series, and the region contributes its level
// (the weighted mean of ln(rate) − slope × (year − mean year), weights 1/SE²). The 2026 value is
// level + slope × (2026 − mean year); its standard error adds the level's error (estimate errors
// and the region's scatter around the pooled line) and the slope's error × years ahead. Status
// comes from P(rate 2026 ≤ 0,5%) = Φ((ln 0,5 − ln projection) / SE):
//   ≥ 80% on track, 20–80% at risk, < 20% off track.
// No status from fewer than MIN_POINTS points on the current line, or when validation failed.
import { normalCdf } from "./normal.js";
import { ZERO_TARGET_FLOOR } from "./projection.js";
import { formatNumber } from "../../core/format.js";

export type ModelStatus = "on_track" | "at_risk" | "off_track" | "insufficient_data";

export const MODEL_STATUS_LABEL: Readonly<Record<ModelStatus, string>> = {
  on_track: "Sesuai jalur",
  at_risk: "Berisiko",
  off_track: "Tidak sesuai jalur",
  insufficient_data: "Data belum cukup"
};

/** Worst first: rankings show the regions furthest behind at the top. */
export const MODEL_STATUS_ORDER: readonly ModelStatus[] = ["off_track", "at_risk", "on_track", "insufficient_data"];

export const MIN_POINTS = 3;
export const STATUS_THRESHOLDS = { onTrack: 0.8, offTrack: 0.2 } as const;
export const TARGET_YEAR = 2026;
/** The operational reading of 0%: RAPBN 2026's 0–0,5% (see projection.ts for the source). */
export const TARGET_CEILING = ZERO_TARGET_FLOOR.value;
const Z80 = 1.2815515655446004;

export interface EstimatePoint {
  readonly year: number;
  /** Percent. */
  readonly value: number;
  /** Standard error of ln(value). */
  readonly logSe: number;
}

export interface PooledSlope {
  /** Change in ln(rate) per year. */
  readonly slope: number;
  readonly se: number;
  readonly fromYear: number;
  readonly toYear: number;
  readonly n: number;
}

function weightedFit(points: readonly EstimatePoint[]): { slope: number; slopeSe: number; meanYear: number; meanLog: number } {
  const w = points.map((p) => 1 / Math.max(p.logSe, 1e-3) ** 2);
  const sw = w.reduce((a, b) => a + b, 0);
  const meanYear = points.reduce((a, p, i) => a + w[i]! * p.year, 0) / sw;
  const meanLog = points.reduce((a, p, i) => a + w[i]! * Math.log(p.value), 0) / sw;
  const sxx = points.reduce((a, p, i) => a + w[i]! * (p.year - meanYear) ** 2, 0);
  const sxy = points.reduce((a, p, i) => a + w[i]! * (p.year - meanYear) * (Math.log(p.value) - meanLog), 0);
  const slope = sxy / sxx;
  // Error of a weighted slope from the stated estimate errors, inflated by the scatter when the
  // points lie further from the line than their errors say (Birge ratio, never below 1).
  const chi2 = points.reduce((a, p, i) => a + w[i]! * (Math.log(p.value) - meanLog - slope * (p.year - meanYear)) ** 2, 0);
  const df = points.length - 2;
  const birge = df > 0 ? Math.max(1, chi2 / df) : 1;
  return { slope, slopeSe: Math.sqrt(birge / sxx), meanYear, meanLog };
}

/** The province's trend: weighted log-linear fit of its model series. Null with fewer than MIN_POINTS points. */
export function pooledSlope(province: readonly EstimatePoint[]): PooledSlope | null {
  const pts = province.filter((p) => p.value > 0);
  if (pts.length < MIN_POINTS) return null;
  const fit = weightedFit(pts);
  return { slope: fit.slope, se: fit.slopeSe, fromYear: Math.min(...pts.map((p) => p.year)), toYear: Math.max(...pts.map((p) => p.year)), n: pts.length };
}

export interface RegionModelStatus {
  readonly status: ModelStatus;
  /** Indonesian: why this status, with the numbers. */
  readonly reason: string;
  readonly points: readonly EstimatePoint[];
  readonly latest: EstimatePoint | null;
  /** 2026 projection (percent) with its 80% interval. */
  readonly projection: { year: number; value: number; lower: number; upper: number; logSe: number } | null;
  /** Projected path from the last point to 2026 (for charts). */
  readonly path: readonly { year: number; value: number; lower: number; upper: number }[];
  /** P(rate in 2026 ≤ 0,5%). */
  readonly probability: number | null;
  /** People below the extreme line in 2026: projection × population base. */
  readonly people: { value: number; lower: number; upper: number } | null;
  readonly slope: PooledSlope | null;
}

export interface StatusOptions {
  /** BPS population base (poor count ÷ P0) of the region, persons. */
  readonly populationBase: number | null;
  /** False when the model failed validation: no status then. */
  readonly validated: boolean;
  readonly targetYear?: number;
  readonly ceiling?: number;
}

const f = (v: number, d = 2) => formatNumber(v, d);

export function classifyProbability(p: number): Exclude<ModelStatus, "insufficient_data"> {
  if (p >= STATUS_THRESHOLDS.onTrack) return "on_track";
  if (p < STATUS_THRESHOLDS.offTrack) return "off_track";
  return "at_risk";
}

export function regionModelStatus(points: readonly EstimatePoint[], slope: PooledSlope | null, options: StatusOptions): RegionModelStatus {
  const targetYear = options.targetYear ?? TARGET_YEAR;
  const ceiling = options.ceiling ?? TARGET_CEILING;
  const pts = [...points].filter((p) => p.value > 0).sort((a, b) => a.year - b.year);
  const latest = pts.at(-1) ?? null;
  const empty = { points: pts, latest, projection: null, path: [], probability: null, people: null, slope };
  if (!options.validated) {
    return { ...empty, status: "insufficient_data", reason: "Model tidak lolos validasi terhadap angka terbitan BPS, sehingga perkiraannya tidak dipakai untuk status." };
  }
  if (pts.length < MIN_POINTS) {
    return { ...empty, status: "insufficient_data", reason: `Hanya ${pts.length} titik perkiraan pada garis yang berlaku; status memerlukan minimal ${MIN_POINTS}.` };
  }
  if (!slope) {
    return { ...empty, status: "insufficient_data", reason: `Tren provinsi belum dapat dihitung (perlu minimal ${MIN_POINTS} titik).` };
  }
  // Region level with the pooled slope (weights 1/SE²), its error from the estimates and the scatter.
  const w = pts.map((p) => 1 / Math.max(p.logSe, 1e-3) ** 2);
  const sw = w.reduce((a, b) => a + b, 0);
  const meanYear = pts.reduce((a, p, i) => a + w[i]! * p.year, 0) / sw;
  const level = pts.reduce((a, p, i) => a + w[i]! * (Math.log(p.value) - slope.slope * (p.year - meanYear)), 0) / sw;
  const chi2 = pts.reduce((a, p, i) => a + w[i]! * (Math.log(p.value) - level - slope.slope * (p.year - meanYear)) ** 2, 0);
  const levelSe = Math.sqrt(Math.max(1, chi2 / (pts.length - 1)) / sw);
  const at = (year: number) => {
    const logValue = level + slope.slope * (year - meanYear);
    const logSe = Math.hypot(levelSe, slope.se * (year - meanYear));
    const value = Math.exp(logValue);
    return { year, value, lower: value * Math.exp(-Z80 * logSe), upper: value * Math.exp(Z80 * logSe), logSe };
  };
  const projection = at(targetYear);
  const probability = normalCdf((Math.log(ceiling) - Math.log(projection.value)) / projection.logSe);
  const status = classifyProbability(probability);
  const path: { year: number; value: number; lower: number; upper: number }[] = [];
  for (let year = latest!.year; year <= targetYear; year++) {
    const p = at(year);
    path.push({ year, value: p.value, lower: p.lower, upper: p.upper });
  }
  const base = options.populationBase;
  const people = base ? { value: (projection.value / 100) * base, lower: (projection.lower / 100) * base, upper: (projection.upper / 100) * base } : null;
  const reason =
    `Perkiraan ${targetYear} ${f(projection.value)}% (selang 80%: ${f(projection.lower)}–${f(projection.upper)}%); ` +
    `peluang mencapai ≤${f(ceiling, 1)}%: ${Math.round(probability * 100)}%. ` +
    `Dasar: ${pts.length} titik perkiraan model ${pts[0]!.year}–${latest!.year} pada garis yang berlaku, tren provinsi ${f((Math.exp(slope.slope) - 1) * 100, 1)}% per tahun.`;
  return { status, reason, points: pts, latest, projection, path, probability, people, slope };
}

/** How status is decided, in Indonesian, with the thresholds in use. */
export const MODEL_STATUS_TEXT_ID = [
  `Status dihitung dari deret perkiraan model kemiskinan ekstrem pada garis yang berlaku (US$2,15 PPP 2017), bukan dari angka resmi BPS.`,
  `Tren per tahun diambil dari deret Provinsi Banten (log-linear berbobot), lalu dipasang pada tingkat masing-masing wilayah; perkiraan ${TARGET_YEAR} beserta selang 80%-nya menggabungkan galat perkiraan tiap tahun, sebaran titik di sekitar tren, dan galat tren.`,
  `Target 0% dibaca sebagai paling tinggi ${f(TARGET_CEILING, 1)}% (${ZERO_TARGET_FLOOR.basis}).`,
  `${MODEL_STATUS_LABEL.on_track}: peluang mencapai ≤${f(TARGET_CEILING, 1)}% pada ${TARGET_YEAR} paling sedikit ${STATUS_THRESHOLDS.onTrack * 100}%.`,
  `${MODEL_STATUS_LABEL.at_risk}: peluang ${STATUS_THRESHOLDS.offTrack * 100}–${STATUS_THRESHOLDS.onTrack * 100}%.`,
  `${MODEL_STATUS_LABEL.off_track}: peluang di bawah ${STATUS_THRESHOLDS.offTrack * 100}%.`,
  `${MODEL_STATUS_LABEL.insufficient_data}: kurang dari ${MIN_POINTS} titik pada garis yang berlaku, atau model tidak lolos validasi.`,
  `Jumlah jiwa ${TARGET_YEAR} = perkiraan persentase × basis penduduk BPS (jumlah penduduk miskin ÷ P0).`
].join(" ");
