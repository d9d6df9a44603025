// Status of each region toward ≤ 0,5% extreme poverty in 2026, from the model's estimates on the
// current line (extreme_estimates), the province's pooled trend, and the model's validation.
// Survey figures and registry counts are carried alongside for labelling, never fitted.
import { currentTarget, type ExtremeRow, type TargetRow } from "./bps-series.js";
import { CURRENT_SERIES, summarizeValidation } from "./model/extreme-model.js";
import { pooledSlope, regionModelStatus, type EstimatePoint, type RegionModelStatus } from "./model/model-status.js";

/** A row of extreme_estimates. */
export interface EstimateRow {
  region_kode: string;
  year: number;
  month: number;
  series: string;
  value_pct: number;
  lower_pct: number;
  upper_pct: number;
  log_se: number;
  lognormal_pct: number | null;
  power_pct: number | null;
  beta_pct: number | null;
  ratio: number;
  year_factor: number;
  population_base: number | null;
  persons: number | null;
  basis: string;
  source: string;
  retrieved_at: Date | string;
}

/** A row of extreme_validation. */
export interface ValidationTableRow {
  region_kode: string;
  year: number;
  month: number;
  series: string;
  role: string;
  published_pct: number;
  uncalibrated_pct: number | null;
  estimate_pct: number | null;
  lower_pct: number | null;
  upper_pct: number | null;
  lognormal_pct: number | null;
  power_pct: number | null;
  beta_pct: number | null;
  kappa_used: number | null;
  error_points: number | null;
  error_relative: number | null;
  in_interval: boolean | null;
  note: string | null;
  source: string;
  retrieved_at: Date | string;
}

/** A row of extreme_calibration. */
export interface CalibrationRow {
  year: number;
  kappa: number;
  year_factor: number;
  target_pct: number | null;
  how: string;
  source: string;
}

export interface RegionStatus {
  kode: string;
  nama: string;
  target: TargetRow | null;
  model: RegionModelStatus;
  /** Model estimates on the current line, oldest first. */
  estimates: EstimateRow[];
  latestEstimate: EstimateRow | null;
  /** Latest BPS survey rate (any line) and latest registry/other count, for labelled display. */
  latestSurvey: ExtremeRow | null;
  latestRegistry: ExtremeRow | null;
}

export interface StatusInputs {
  readonly extreme: readonly ExtremeRow[];
  readonly targets: readonly TargetRow[];
  readonly estimates: readonly EstimateRow[];
  readonly validation: readonly ValidationTableRow[];
}

export const PROVINCE_KODE = "36";

export function currentEstimates(estimates: readonly EstimateRow[], kode: string): EstimateRow[] {
  return estimates.filter((e) => e.region_kode === kode && e.series === CURRENT_SERIES && e.month === 3).sort((a, b) => a.year - b.year);
}

const toPoints = (rows: readonly EstimateRow[]): EstimatePoint[] => rows.map((r) => ({ year: r.year, value: r.value_pct, logSe: r.log_se }));

export function validationSummaryOf(rows: readonly ValidationTableRow[]) {
  return summarizeValidation(
    rows.map((r) => ({ role: r.role, published: r.published_pct, uncalibrated: r.uncalibrated_pct, errorRelative: r.error_relative, errorPoints: r.error_points, inInterval: r.in_interval }))
  );
}

function latestOf(rows: readonly ExtremeRow[]): ExtremeRow | null {
  return [...rows].sort((a, b) => b.year - a.year || (b.month ?? 0) - (a.month ?? 0))[0] ?? null;
}

export function regionStatuses(inputs: StatusInputs, regions: readonly { kode: string; nama: string }[]): RegionStatus[] {
  const validated = validationSummaryOf(inputs.validation).acceptable;
  const slope = pooledSlope(toPoints(currentEstimates(inputs.estimates, PROVINCE_KODE)));
  return regions.map((region) => {
    const estimates = currentEstimates(inputs.estimates, region.kode);
    const latestEstimate = estimates.at(-1) ?? null;
    const own = inputs.extreme.filter((r) => r.region_kode === region.kode);
    return {
      kode: region.kode,
      nama: region.nama,
      target: currentTarget(inputs.targets, region.kode),
      model: regionModelStatus(toPoints(estimates), slope, { populationBase: latestEstimate?.population_base ?? null, validated }),
      estimates,
      latestEstimate,
      latestSurvey: latestOf(own.filter((r) => r.kind === "survey" && r.extreme_pct !== null)),
      latestRegistry: latestOf(own.filter((r) => r.kind === "registry" && r.extreme_count !== null))
    };
  });
}
