// Projection of a region's poverty series (P0 % or extreme-poverty %) to the 2026 target year:
// log-linear trend with a Student-t prediction interval, the annual decline still required versus
// the decline achieved, and an on track / at risk / off track status with stated thresholds.
// Pure functions only: the same code runs in Node tests and in the browser.
import { formatNumber } from "../../core/format.js";
import { fitLogLinear, predictAt, slopeInterval, checkLevel, type LogLinearFit, type Prediction } from "./log-linear.js";
import { selectWindow, SeriesInputError, type ExcludedPoint, type SeriesPoint, type WindowOptions } from "./series-window.js";
import { CURRENT_LINE_FIRST_YEAR, LINE_PERIOD_TEXT_ID } from "./line-series.js";

export { fitLogLinear, predictAt, slopeInterval, logAt } from "./log-linear.js";
export type { LogLinearFit, Prediction, YearValue } from "./log-linear.js";
export { selectWindow, checkSeries, SeriesInputError } from "./series-window.js";
export type { SeriesPoint, ExcludedPoint, ExclusionReason, WindowOptions, SeriesWindow } from "./series-window.js";
export { studentTQuantile, studentTCdf } from "./student-t.js";

// ---------------------------------------------------------------------------------------------
// Defaults and thresholds (exported so pages print the values actually used)

/** Target year of RPJMN 2025–2029 for zero extreme poverty. */
export const DEFAULT_TARGET_YEAR = 2026;

/** Two-sided prediction-interval level. 80% rather than 95%: with 3–10 annual points a 95% band
 * spans most of the chart and stops discriminating between regions. */
export const DEFAULT_LEVEL = 0.8;

/** Slack above the target before a projection counts as missing it, in the series' units. Zero:
 * the slack for a 0% target is already in ZERO_TARGET_FLOOR. */
export const DEFAULT_TOLERANCE = 0;

/**
 * How a target of 0% is read. A log-linear trend never reaches exactly 0 and the relative decline
 * needed to reach 0 is 100% whatever the starting level, so a 0% target is treated as "at most
 * 0.5%": the upper end of the government's own 2026 extreme-poverty target range of 0–0.5% agreed
 * for RAPBN 2026 (Panja, 22 Jul 2025) and announced in the Nota Keuangan (15 Aug 2025).
 */
export const ZERO_TARGET_FLOOR = {
  value: 0.5,
  basis: "Sasaran tingkat kemiskinan ekstrem 2026 sebesar 0–0,5% dalam RAPBN 2026 (Nota Keuangan, 15 Agustus 2025)",
  source:
    "https://www.bloombergtechnoz.com/detail-news/80800/rapbn-2026-angka-kemiskinan-turun-untuk-ekstrem-0-0-5 ; " +
    "https://nasional.kontan.co.id/news/sasaran-indikator-pembangunan-target-kemiskinan-ekstrem-naik-jadi-05-di-rapbn-2026"
} as const;

/**
 * The first annual (March) round on the current extreme-poverty line (line-series.ts states the
 * periods): pass as `breakYears` so a trend never spans the two lines.
 */
export const EXTREME_POVERTY_LINE_BREAK = {
  year: CURRENT_LINE_FIRST_YEAR,
  note: `${LINE_PERIOD_TEXT_ID}`
} as const;

// ---------------------------------------------------------------------------------------------
// Types

export type ProjectionStatus = "on_track" | "at_risk" | "off_track" | "insufficient_data";

export const STATUS_LABEL_ID: Readonly<Record<ProjectionStatus, string>> = {
  on_track: "Sesuai jalur",
  at_risk: "Berisiko",
  off_track: "Tidak sesuai jalur",
  insufficient_data: "Data belum cukup"
};

/** Display order, worst first (rankings and legends). */
export const STATUS_ORDER: readonly ProjectionStatus[] = ["off_track", "at_risk", "on_track", "insufficient_data"];

export interface ProjectionOptions extends WindowOptions {
  /** Target value in the series' units (0 for "zero extreme poverty"). */
  readonly target: number;
  readonly targetYear?: number;
  /** Prediction-interval level, 0 < level < 1. */
  readonly level?: number;
  /** Slack above the (effective) target, in the series' units, ≥ 0. */
  readonly tolerance?: number;
  /** Value that stands in for a target ≤ 0, > 0. */
  readonly zeroTargetFloor?: number;
  /** Unit appended to numbers in the Indonesian messages, e.g. "%". */
  readonly unit?: string;
}

export interface DeclineRate {
  /** Decline in the series' units per year (percentage points for a % series); negative = rise. */
  readonly pointsPerYear: number;
  /** Relative decline per year, in % (geometric rate); negative = rise. */
  readonly percentPerYear: number;
}

export interface RequiredDecline extends DeclineRate {
  readonly fromYear: number;
  readonly fromValue: number;
  readonly years: number;
  /** The latest observation is already at or below the effective target (rates are then 0). */
  readonly alreadyMet: boolean;
}

export interface HistoricalDecline extends DeclineRate {
  readonly fromYear: number;
  readonly toYear: number;
}

export interface ProjectionNote {
  readonly code:
    | "no_interval"
    | "trend_uncertain"
    | "rising_trend"
    | "floor_applied"
    | "latest_not_fitted"
    | "target_year_reached";
  readonly message: string;
}

export interface ProjectionResult {
  readonly status: ProjectionStatus;
  /** Why this status, in Indonesian, with the numbers. */
  readonly statusReason: string;
  readonly targetYear: number;
  readonly target: number;
  /** The target the status and the required decline are measured against (floor for a 0 target). */
  readonly effectiveTarget: number;
  /** effectiveTarget + tolerance: the projection must not exceed this. */
  readonly threshold: number;
  readonly level: number;
  readonly windowStart: number | null;
  readonly used: readonly { year: number; value: number }[];
  readonly excluded: readonly ExcludedPoint[];
  readonly latest: { year: number; value: number } | null;
  readonly fit: LogLinearFit | null;
  /** Trend value and interval in the target year. */
  readonly projection: Prediction | null;
  /** Trend and interval for every whole year from the last fitted year to the target year (for charts). */
  readonly path: readonly Prediction[];
  readonly required: RequiredDecline | null;
  readonly historical: HistoricalDecline | null;
  readonly notes: readonly ProjectionNote[];
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The target the model works with: the target itself if positive, else the stated floor. */
export function effectiveTarget(target: number, floor: number = ZERO_TARGET_FLOOR.value): number {
  return target > 0 ? target : floor;
}

/**
 * Annual decline needed to go from `from` (observed in `fromYear`) to `target` in `targetYear`:
 * (from − target) / years points per year, and 1 − (target / from)^(1/years) relative per year.
 * Null when the target year is not after the observation.
 */
export function requiredDecline(
  from: { year: number; value: number },
  target: number,
  targetYear: number
): RequiredDecline | null {
  const years = targetYear - from.year;
  if (!(years > 0)) return null;
  if (from.value <= target) {
    return { fromYear: from.year, fromValue: from.value, years, pointsPerYear: 0, percentPerYear: 0, alreadyMet: true };
  }
  return {
    fromYear: from.year,
    fromValue: from.value,
    years,
    pointsPerYear: (from.value - target) / years,
    percentPerYear: (1 - Math.pow(target / from.value, 1 / years)) * 100,
    alreadyMet: false
  };
}

/**
 * Decline achieved by the fitted trend: relative (1 − e^slope) per year, and in points the fall of
 * the trend line from the first to the last fitted year divided by the years between them.
 */
export function historicalDecline(fit: LogLinearFit): HistoricalDecline {
  const span = fit.lastYear - fit.firstYear;
  const first = Math.exp(fit.meanLog + fit.slope * (fit.firstYear - fit.meanYear));
  const last = Math.exp(fit.meanLog + fit.slope * (fit.lastYear - fit.meanYear));
  return {
    fromYear: fit.firstYear,
    toYear: fit.lastYear,
    pointsPerYear: (first - last) / span,
    percentPerYear: (1 - Math.exp(fit.slope)) * 100
  };
}

/**
 * Status from the projection in the target year against `threshold` (effective target + tolerance):
 * - on_track: the upper bound of the prediction interval is ≤ threshold (without an interval, when
 *   the fit rests on 2 points: the trend value is ≤ threshold);
 * - at_risk: the trend value is ≤ threshold but the upper bound is above it;
 * - off_track: the trend value is above threshold;
 * - insufficient_data: no projection (fewer than 2 usable points).
 */
export function classify(projection: Prediction | null, threshold: number): ProjectionStatus {
  if (projection === null) return "insufficient_data";
  if (projection.value > threshold) return "off_track";
  if (projection.upper !== null && projection.upper > threshold) return "at_risk";
  return "on_track";
}

/** Trend and interval for each whole year from `fromYear` to `toYear` (inclusive). */
export function projectionPath(fit: LogLinearFit, fromYear: number, toYear: number, level: number): Prediction[] {
  const path: Prediction[] = [];
  for (let year = Math.ceil(fromYear); year <= toYear; year++) path.push(predictAt(fit, year, level));
  return path;
}

// ---------------------------------------------------------------------------------------------
// Texts printed on the page

function pct(level: number): string {
  return `${formatNumber(level * 100, 0)}%`;
}

/** How the projection is computed, in Indonesian, with the parameters in use. */
export function methodText(options: Partial<ProjectionOptions> = {}): string {
  const level = options.level ?? DEFAULT_LEVEL;
  const targetYear = options.targetYear ?? DEFAULT_TARGET_YEAR;
  const floor = options.zeroTargetFloor ?? ZERO_TARGET_FLOOR.value;
  return [
    `Proyeksi memakai garis tren log-linear, ln(nilai) = a + b × tahun, yang diestimasi dengan metode kuadrat terkecil (OLS) atas titik data dalam satu rentang seri yang sebanding (tanpa pergantian metode atau garis kemiskinan).`,
    `Nilai 0 atau negatif tidak dapat dilogaritmakan sehingga tidak ikut diestimasi; setiap titik yang dikeluarkan dicantumkan beserta alasannya.`,
    `Nilai proyeksi ${targetYear} adalah nilai garis tren (median) dalam satuan asli. Interval prediksi ${pct(level)} memakai distribusi t-Student dengan derajat bebas n − 2, sehingga memerlukan minimal 3 titik; dengan 2 titik hanya garis tren yang dihitung, tanpa interval.`,
    `Penurunan per tahun yang dibutuhkan dihitung dari angka teramati terakhir menuju target: dalam poin per tahun (selisih dibagi jumlah tahun) dan dalam persen per tahun (laju geometrik 1 − (target ÷ angka terakhir)^(1/jumlah tahun)).`,
    floor === ZERO_TARGET_FLOOR.value
      ? `Laju relatif menuju tepat 0% tidak terdefinisi, sehingga target 0% dibaca sebagai "paling tinggi ${formatNumber(floor, 1)}%", yaitu batas atas sasaran kemiskinan ekstrem 2026 sebesar 0–0,5% dalam RAPBN 2026 (Nota Keuangan, 15 Agustus 2025).`
      : `Laju relatif menuju tepat 0% tidak terdefinisi, sehingga target 0% dibaca sebagai "paling tinggi ${formatNumber(floor, 2)}%" (ambang yang dipilih pengguna; acuan resmi RAPBN 2026 adalah 0–0,5%).`,
    `Penurunan historis adalah laju garis tren: persen per tahun = 1 − e^b; poin per tahun = selisih nilai tren di awal dan akhir rentang dibagi jumlah tahunnya.`,
    `Ini proyeksi tren statistik dari angka survei BPS, bukan perkiraan dampak program. Angka kab/kota berasal dari sampel Susenas yang kecil sehingga perubahan antartahun yang kecil dapat berupa galat sampling.`
  ].join(" ");
}

/** The status thresholds, in Indonesian, with the parameters in use. */
export function statusText(options: Partial<ProjectionOptions> = {}): string {
  const level = pct(options.level ?? DEFAULT_LEVEL);
  const targetYear = options.targetYear ?? DEFAULT_TARGET_YEAR;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const slack = tolerance > 0 ? ` ditambah toleransi ${formatNumber(tolerance, 2)} poin` : "";
  return [
    `${STATUS_LABEL_ID.on_track}: batas atas interval prediksi ${level} untuk ${targetYear} tidak melebihi target${slack}.`,
    `${STATUS_LABEL_ID.at_risk}: nilai proyeksi ${targetYear} memenuhi target${slack}, tetapi batas atas intervalnya melebihi target.`,
    `${STATUS_LABEL_ID.off_track}: nilai proyeksi ${targetYear} melebihi target${slack}.`,
    `${STATUS_LABEL_ID.insufficient_data}: kurang dari 2 titik data bernilai positif dalam rentang seri yang sebanding.`,
    `Bila tren hanya bertumpu pada 2 titik, status ditentukan dari nilai proyeksi saja (tanpa interval) dan diberi catatan.`,
    `Target 0% dibaca sebagai paling tinggi ${formatNumber(options.zeroTargetFloor ?? ZERO_TARGET_FLOOR.value, 2).replace(/,?0+$/, "")}%.`
  ].join(" ");
}

/** The method text with default parameters, for pages that do not change them. */
export const METHOD_TEXT_ID = methodText();
/** The status thresholds with default parameters. */
export const STATUS_TEXT_ID = statusText();

function describeStatus(
  status: ProjectionStatus,
  projection: Prediction | null,
  threshold: number,
  level: number,
  targetYear: number,
  usable: number,
  unit: string
): string {
  const f = (v: number) => `${formatNumber(v, 2)}${unit}`;
  if (status === "insufficient_data" || projection === null) {
    return `Hanya ${usable} titik data bernilai positif dalam rentang seri yang sebanding; garis tren memerlukan minimal 2.`;
  }
  const value = `Proyeksi ${targetYear} ${f(projection.value)}`;
  const interval = projection.upper === null ? null : `batas atas interval ${pct(level)} ${f(projection.upper)}`;
  switch (status) {
    case "on_track":
      return interval === null
        ? `${value} tidak melebihi ambang ${f(threshold)} (tanpa interval karena hanya 2 titik).`
        : `${value} dan ${interval} tidak melebihi ambang ${f(threshold)}.`;
    case "at_risk":
      return `${value} tidak melebihi ambang ${f(threshold)}, tetapi ${interval} melebihinya.`;
    case "off_track":
      return `${value} melebihi ambang ${f(threshold)}.`;
  }
}

// ---------------------------------------------------------------------------------------------
// The model

/**
 * Fit, project and classify one region's series. Throws SeriesInputError on duplicate or
 * non-finite years and on invalid options; everything else (missing values, zeros, short
 * series) is reported in the result.
 */
export function projectSeries(series: readonly SeriesPoint[], options: ProjectionOptions): ProjectionResult {
  const targetYear = options.targetYear ?? DEFAULT_TARGET_YEAR;
  const level = options.level ?? DEFAULT_LEVEL;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const floor = options.zeroTargetFloor ?? ZERO_TARGET_FLOOR.value;
  const unit = options.unit ?? "";
  if (!Number.isFinite(options.target)) throw new SeriesInputError(`Target tidak valid: ${options.target}.`);
  if (!Number.isFinite(targetYear)) throw new SeriesInputError(`Tahun target tidak valid: ${targetYear}.`);
  if (!(tolerance >= 0)) throw new SeriesInputError(`Toleransi harus ≥ 0, bukan ${tolerance}.`);
  if (!(floor > 0)) throw new SeriesInputError(`Ambang target nol harus > 0, bukan ${floor}.`);
  try {
    checkLevel(level);
  } catch (error) {
    throw new SeriesInputError((error as Error).message);
  }

  const window = selectWindow(series, options);
  const target = effectiveTarget(options.target, floor);
  const threshold = target + tolerance;
  const notes: ProjectionNote[] = [];
  if (options.target <= 0) {
    notes.push({
      code: "floor_applied",
      message: `Target ${formatNumber(options.target, 1)}${unit} dibaca sebagai paling tinggi ${formatNumber(floor, 2)}${unit} (${ZERO_TARGET_FLOOR.basis}).`
    });
  }

  const fit = window.fitPoints.length >= 2 ? fitLogLinear(window.fitPoints) : null;
  const projection = fit ? predictAt(fit, targetYear, level) : null;
  const status = classify(projection, threshold);

  if (fit && fit.residualSd === null) {
    notes.push({ code: "no_interval", message: "Tren hanya bertumpu pada 2 titik: interval prediksi tidak dapat dihitung." });
  }
  if (fit) {
    const slope = slopeInterval(fit, level);
    if (slope !== null && slope.lower <= 0 && slope.upper >= 0) {
      notes.push({
        code: "trend_uncertain",
        message: `Arah tren belum pasti: interval ${pct(level)} laju tahunan mencakup nol (data berfluktuasi).`
      });
    }
    if (fit.slope > 0) notes.push({ code: "rising_trend", message: "Garis tren naik, bukan turun." });
  }
  if (window.latest && window.latest.value === 0) {
    notes.push({ code: "latest_not_fitted", message: `Angka terakhir (${window.latest.year}) bernilai 0 dan tidak ikut dalam garis tren.` });
  }
  if (window.latest && window.latest.year >= targetYear) {
    notes.push({
      code: "target_year_reached",
      message: `Sudah ada angka untuk ${window.latest.year}; status tetap dihitung dari garis tren.`
    });
  }

  return {
    status,
    statusReason: describeStatus(status, projection, threshold, level, targetYear, window.fitPoints.length, unit),
    targetYear,
    target: options.target,
    effectiveTarget: target,
    threshold,
    level,
    windowStart: window.windowStart,
    used: window.fitPoints,
    excluded: window.excluded,
    latest: window.latest,
    fit,
    projection,
    path: fit ? projectionPath(fit, fit.lastYear, targetYear, level) : [],
    required: window.latest ? requiredDecline(window.latest, target, targetYear) : null,
    historical: fit ? historicalDecline(fit) : null,
    notes
  };
}
