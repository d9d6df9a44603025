import { describe, expect, it } from "vitest";
import type { ExtremeRow, TargetRow } from "../../../src/components/domain/bps-series.js";
import { extremeOutlook, regionStatuses, type EstimateRow, type ValidationTableRow } from "../../../src/components/domain/region-status.js";

const extremeRow = (region_kode: string, year: number, kind: ExtremeRow["kind"], pct: number | null, count: number | null = null): ExtremeRow => ({
  region_kode, year, month: 3, kind, extreme_pct: pct, extreme_count: count, count_unit: count === null ? null : "KK",
  line_rp: null, line_basis: "US$1.90 PPP 2011 per kapita per hari (garis lama BPS)", series: kind === "survey" ? "usd190_ppp2011" : null, for_validation: kind === "survey" ? true : null,
  source: "s", retrieved_at: "2026-10-05", note: null
});
const estimate = (region_kode: string, year: number, value: number, series = "usd215_ppp2017"): EstimateRow => ({
  region_kode, year, month: 3, series, value_pct: value, lower_pct: value * 0.8, upper_pct: value * 1.25, log_se: 0.1,
  lognormal_pct: value, power_pct: value, beta_pct: value, se_ratio: 0, se_sampling: 0.05, se_shape: 0, se_model: 0, se_validation: 0.08, ratio: 0.7,
  benchmark_factor: null, backcast: false, population_base: 1_000_000, persons: value * 10_000, basis: "b", source: "s", retrieved_at: "2026-10-05"
});
const validationRow = (error: number): ValidationTableRow => ({
  region_kode: "3673", year: 2022, month: 3, series: "usd190_ppp2011", role: "scored", published_pct: 1,
  estimate_pct: 1 + error, lower_pct: 0.5, upper_pct: 1.5, lognormal_pct: null, power_pct: null, beta_pct: null, validation_se: 0.1,
  error_points: error, error_relative: error, in_interval: Math.abs(error) < 0.15, note: null, source: "s", retrieved_at: "2026-10-05"
});
const TARGETS: TargetRow[] = [{ region_kode: "00", indicator: "extreme_poverty_pct", year: 2026, value: 0, basis: "RPJMN 2025–2029", is_current: true, source: "x" }];
const REGIONS = [{ kode: "36", nama: "Banten" }, { kode: "3673", nama: "Kota Serang" }, { kode: "3604", nama: "Kabupaten Serang" }];
const ESTIMATES = [
  ...[2, 1, 0.5].map((v, i) => estimate("36", 2022 + i, v)),
  ...[8, 4, 2].map((v, i) => estimate("3673", 2022 + i, v)),
  estimate("3604", 2024, 1), estimate("3604", 2025, 0.5),
  estimate("3604", 2022, 3, "usd190_ppp2011"), estimate("3604", 2023, 2, "usd190_ppp2011")
];

describe("regionStatuses", () => {
  const inputs = { extreme: [extremeRow("3673", 2022, "survey", 1.01), extremeRow("3673", 2023, "registry", null, 8799)], targets: TARGETS, estimates: ESTIMATES, validation: [validationRow(0.1), validationRow(-0.05), validationRow(0.12)] };

  it("applies the province's slope to each region: Kota Serang 8, 4, 2 → 0,5% in 2026 (P = ½)", () => {
    const [banten, kota] = regionStatuses(inputs, REGIONS);
    expect(banten!.model.projection!.value).toBeCloseTo(0.125, 9);
    expect(kota!.model.projection!.value).toBeCloseTo(0.5, 9);
    expect(kota!.model.probability).toBeCloseTo(0.5, 9);
    expect(kota!.model.status).toBe("at_risk");
    expect(kota!.model.people!.value).toBeCloseTo(5_000, 6);
  });

  it("never counts old-line estimates: two current-line points are not enough", () => {
    const kab = regionStatuses(inputs, REGIONS)[2]!;
    expect(kab.estimates.map((e) => e.year)).toEqual([2024, 2025]);
    expect(kab.model.status).toBe("insufficient_data");
  });

  it("keeps survey rates and registry counts apart, for labels only", () => {
    const kota = regionStatuses(inputs, REGIONS)[1]!;
    expect(kota.latestSurvey!.extreme_pct).toBe(1.01);
    expect(kota.latestRegistry!.extreme_count).toBe(8799);
    expect(kota.model.points.map((p) => p.year)).toEqual([2022, 2023, 2024]);
  });

  it("gives the persons per year and the no-change 2026 figure from the one trend", () => {
    const kota = extremeOutlook(regionStatuses(inputs, REGIONS)[1]!);
    expect(kota.byYear.map((y) => [y.year, y.persons])).toEqual([
      [2022, 80_000],
      [2023, 40_000],
      [2024, 20_000]
    ]);
    expect(kota.noChange!.year).toBe(2026);
    expect(kota.noChange!.persons).toBeCloseTo(5_000, 6);
    expect(kota.trendPerYear).toBeCloseTo(-0.5, 9);
  });

  it("gives no status anywhere when the model failed validation (median error above 15%, or coverage below 80%)", () => {
    const failed = regionStatuses({ ...inputs, validation: [validationRow(0.9), validationRow(-0.8)] }, REGIONS);
    expect(failed.every((s) => s.model.status === "insufficient_data")).toBe(true);
    expect(failed[1]!.model.reason).toMatch(/validasi/);
    const uncovered = regionStatuses({ ...inputs, validation: [validationRow(0.1), validationRow(-0.12), validationRow(0.14)].map((r) => ({ ...r, in_interval: false })) }, REGIONS);
    expect(uncovered.every((s) => s.model.status === "insufficient_data")).toBe(true);
  });
});
