// Status of each region toward ≤ 0,5% extreme poverty in 2026, from the model's estimates on the
// current line (extreme_estimates), the province's pooled trend, and the model's validation. This
// is the one place the extreme-poor persons of a region per year and its no-change 2026 figure are
// computed (extremeOutlook); Ringkasan, Kemajuan and the scenario baseline read them from here.
// Survey figures and registry counts are carried alongside for labelling, never fitted.
import { currentTarget, type ExtremeRow, type TargetRow } from "./bps-series.js";
import { CURRENT_SERIES } from "./model/line-series.js";
import { pooledSlope, regionModelStatus, TARGET_YEAR, type EstimatePoint, type RegionModelStatus } from "./model/model-status.js";
import { summarizeValidation } from "./model/validation-summary.js";

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
  se_ratio: number;
  se_sampling: number;
  se_shape: number;
  se_model: number;
  se_validation: number;
  ratio: number;
  benchmark_factor: number | null;
  backcast: boolean;
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
  estimate_pct: number | null;
  lower_pct: number | null;
  upper_pct: number | null;
  lognormal_pct: number | null;
  power_pct: number | null;
  beta_pct: number | null;
  validation_se: number | null;
  error_points: number | null;
  error_relative: number | null;
  in_interval: boolean | null;
  note: string | null;
  source: string;
  retrieved_at: Date | string;
}

/** A row of extreme_calibration (one per line series). */
export interface CalibrationRow {
  series: string;
  ratio_t0: number;
  t0: number;
  change_per_year: number;
  points: number;
  from_year: number;
  to_year: number;
  rms_log_error: number;
  tail_model: string;
  validation_se: number;
  interval_level: number;
  widened: boolean;
  how: string;
  source: string;
}

/** A row of extreme_model_comparison. */
export interface ComparisonRow {
  tail_model: string;
  label: string;
  scored: number;
  median_abs_relative: number | null;
  mean_abs_log: number | null;
  coverage: number | null;
  chosen: boolean;
  rank: number;
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
  return summarizeValidation(rows);
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

/** Extreme-poor persons of a region: per year (model estimates) and without change in the target year. */
export interface ExtremeOutlook {
  readonly kode: string;
  /** Persons below the extreme line per March estimate on the current line, oldest first. */
  readonly byYear: readonly { year: number; persons: number; lower: number; upper: number }[];
  /** The target-year projection if nothing changes (the trend continues), with its 80% interval. */
  readonly noChange: { year: number; persons: number; lower: number; upper: number } | null;
  /** Relative change per year of the rate (the province's pooled trend), the one trend every page uses. */
  readonly trendPerYear: number | null;
}

/** Persons are rounded to hundreds wherever shown; this is the one rounding rule. */
export const roundPersons = (persons: number): number => Math.round(persons / 100) * 100;

export function extremeOutlook(status: RegionStatus): ExtremeOutlook {
  const byYear = status.estimates
    .filter((e) => e.population_base !== null)
    .map((e) => ({ year: e.year, persons: (e.value_pct / 100) * e.population_base!, lower: (e.lower_pct / 100) * e.population_base!, upper: (e.upper_pct / 100) * e.population_base! }));
  const people = status.model.people;
  return {
    kode: status.kode,
    byYear,
    noChange: people ? { year: TARGET_YEAR, persons: people.value, lower: people.lower, upper: people.upper } : null,
    trendPerYear: status.model.slope ? Math.exp(status.model.slope.slope) - 1 : null
  };
}
