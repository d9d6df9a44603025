// Data behind Ringkasan and Kemajuan: small published tables, read with the pure-JS Parquet reader
// so headline figures paint without waiting for duckdb-wasm. The shaping is in bps-series.ts and
// region-status.ts.
import { loadSmallTable } from "../core/small-table.js";
import { TABLE_URLS } from "../core/tables.js";
import type { ExtremeRow, PovertyRow, TargetRow } from "../domain/bps-series.js";
import { extremeOutlook, regionStatuses, type CalibrationRow, type ComparisonRow, type EstimateRow, type ExtremeOutlook, type ValidationTableRow } from "../domain/region-status.js";

export interface RegionRow {
  kode: string;
  nama: string;
  level: string;
  parent_kode: string | null;
  population: number | null;
}

export interface ProgressData {
  poverty: PovertyRow[];
  extreme: ExtremeRow[];
  targets: TargetRow[];
  regions: RegionRow[];
  estimates: EstimateRow[];
  validation: ValidationTableRow[];
  calibration: CalibrationRow[];
  comparison: ComparisonRow[];
  /** Each table's file metadata (source, retrieved_at, …), by table name. */
  metadata: Record<string, Record<string, string>>;
}

async function table<T extends Record<string, unknown>>(name: string) {
  const url = TABLE_URLS[name];
  if (!url) throw new Error(`table ${name} is not published`);
  return loadSmallTable<T>(name, url);
}

export async function loadProgressData(): Promise<ProgressData> {
  const [poverty, extreme, targets, regions, estimates, validation, calibration, comparison] = await Promise.all([
    table<PovertyRow & Record<string, unknown>>("bps_poverty"),
    table<ExtremeRow & Record<string, unknown>>("bps_extreme_poverty"),
    table<TargetRow & Record<string, unknown>>("targets"),
    table<RegionRow & Record<string, unknown>>("regions"),
    table<EstimateRow & Record<string, unknown>>("extreme_estimates"),
    table<ValidationTableRow & Record<string, unknown>>("extreme_validation"),
    table<CalibrationRow & Record<string, unknown>>("extreme_calibration"),
    table<ComparisonRow & Record<string, unknown>>("extreme_model_comparison")
  ]);
  return {
    poverty: poverty.rows,
    extreme: extreme.rows,
    targets: targets.rows,
    regions: regions.rows.filter((r) => r.level === "provinsi" || r.level === "kabkota"),
    estimates: estimates.rows.map((r) => ({ ...r, year: Number(r.year), month: Number(r.month) })),
    validation: validation.rows.map((r) => ({ ...r, year: Number(r.year), month: Number(r.month) })),
    calibration: calibration.rows.map((r) => ({ ...r, points: Number(r.points) })),
    comparison: comparison.rows.map((r) => ({ ...r, scored: Number(r.scored), rank: Number(r.rank) })),
    metadata: {
      bps_poverty: poverty.metadata,
      bps_extreme_poverty: extreme.metadata,
      targets: targets.metadata,
      regions: regions.metadata,
      extreme_estimates: estimates.metadata
    }
  };
}

/** The province and its eight kab/kota, province first. */
export function reportingRegions(data: Pick<ProgressData, "regions">): RegionRow[] {
  return [...data.regions].sort((a, b) => (a.level === "provinsi" ? -1 : b.level === "provinsi" ? 1 : a.kode.localeCompare(b.kode)));
}

/**
 * The extreme-poor persons of one region per year and without change in 2026: the figures Ringkasan
 * and Kemajuan show, for pages that need only them (the scenario baseline). Null if the region has none.
 */
export async function loadOutlook(kode: string): Promise<ExtremeOutlook | null> {
  const data = await loadProgressData();
  const status = regionStatuses(data, reportingRegions(data)).find((s) => s.kode === kode);
  return status ? extremeOutlook(status) : null;
}
