// Status of each region toward the 2026 extreme-poverty target, from its survey series only.
import { currentTarget, extremeSurveySeries, latestExtremeFigure, type ExtremeRow, type TargetRow } from "./bps-series.js";
import { EXTREME_POVERTY_LINE_BREAK, projectSeries, type ProjectionResult } from "./model/projection.js";

export interface RegionStatus {
  kode: string;
  nama: string;
  target: TargetRow | null;
  projection: ProjectionResult | null;
  latestExtreme: ExtremeRow | null;
}

export function regionStatus(extreme: readonly ExtremeRow[], targets: readonly TargetRow[], region: { kode: string; nama: string }): RegionStatus {
  const target = currentTarget(targets, region.kode);
  const series = extremeSurveySeries(extreme, region.kode).map((f) => ({ year: f.year, value: f.value }));
  const projection = target
    ? projectSeries(series, { target: target.value, targetYear: target.year, breakYears: [EXTREME_POVERTY_LINE_BREAK.year], unit: "%" })
    : null;
  return { kode: region.kode, nama: region.nama, target, projection, latestExtreme: latestExtremeFigure(extreme, region.kode) };
}
