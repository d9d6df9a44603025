import { describe, expect, it } from "vitest";
import {
  currentTarget, latestExtremeFigure, latestWithChange, otherExtremeFigures, povertySeries, yearCoverage,
  type ExtremeRow, type PovertyRow, type TargetRow
} from "../../../src/components/domain/bps-series.js";

const poverty = (region_kode: string, year: number, month: number, p0_pct: number | null): PovertyRow => ({
  region_kode, year, month, p0_pct, poor_count: null, poverty_line_rp: null, p1: null, p2: null,
  source: `src-${region_kode}-${year}-${month}`, retrieved_at: new Date(Date.UTC(2026, 9, 5)), note: null
});
const extreme = (region_kode: string, year: number, month: number | null, kind: ExtremeRow["kind"], pct: number | null, count: number | null = null): ExtremeRow => ({
  region_kode, year, month, kind, extreme_pct: pct, extreme_count: count, count_unit: count ? "KK" : null,
  line_rp: null, line_basis: null, series: kind === "survey" ? "usd190_ppp2011" : null, for_validation: kind === "survey" ? true : null,
  source: `s-${year}-${kind}`, retrieved_at: "2026-10-05", note: null
});

describe("BPS series shaping", () => {
  const rows = [
    poverty("3673", 2024, 3, 5.65), poverty("3673", 2022, 3, 5.94), poverty("3673", 2025, 3, 5.4),
    poverty("3673", 2023, 3, null), poverty("36", 2025, 9, 5.0), poverty("36", 2025, 3, 5.2), poverty("3604", 2025, 3, 4.4)
  ];

  it("takes one region's March series, oldest first, skipping missing values", () => {
    expect(povertySeries(rows, "3673", "p0_pct").map((f) => [f.year, f.value])).toEqual([[2022, 5.94], [2024, 5.65], [2025, 5.4]]);
    expect(povertySeries(rows, "36", "p0_pct").map((f) => f.value)).toEqual([5.2]);
    expect(povertySeries(rows, "36", "p0_pct", 9).map((f) => f.value)).toEqual([5.0]);
    expect(povertySeries(rows, "3673", "p0_pct")[0]?.retrieved_at).toBe("2026-10-05");
  });

  it("gives the change on the previous year only when that year is published", () => {
    const latest = latestWithChange(povertySeries(rows, "3673", "p0_pct"));
    expect(latest?.year).toBe(2025);
    expect(latest?.change).toBeCloseTo(-0.25, 10);
    const gap = latestWithChange(povertySeries(rows.filter((r) => r.year !== 2024), "3673", "p0_pct"));
    expect(gap?.previous).toBeNull();
    expect(gap?.change).toBeNull();
    expect(latestWithChange([])).toBeNull();
  });

  const extremes = [
    extreme("36", 2022, 3, "survey", 1.18), extreme("36", 2023, null, "unclear", 0.43),
    extreme("36", 2023, 11, "registry", null, 27500), extreme("00", 2022, 9, "survey", 1.74),
    extreme("00", 2022, 3, "survey", 2.04), extreme("00", 2023, 3, "survey", 1.12), extreme("00", 2021, null, "line_only", null)
  ];

  it("keeps registry and unclear figures apart from the survey rates", () => {
    expect(otherExtremeFigures(extremes, "36").map((r) => r.kind)).toEqual(["registry", "unclear"]);
  });

  it("finds the latest extreme figure of any kind but line-only, keeping its kind", () => {
    expect(latestExtremeFigure(extremes, "36")).toMatchObject({ year: 2023, month: 11, kind: "registry" });
    expect(latestExtremeFigure(extremes, "3601")).toBeNull();
  });

  it("uses a region's own target, else the national one, and only the current one", () => {
    const targets: TargetRow[] = [
      { region_kode: "00", indicator: "extreme_poverty_pct", year: 2024, value: 0, basis: "Inpres 4/2022", is_current: false, source: "a" },
      { region_kode: "00", indicator: "extreme_poverty_pct", year: 2026, value: 0, basis: "RPJMN", is_current: true, source: "b" },
      { region_kode: "3673", indicator: "extreme_poverty_pct", year: 2025, value: 0.5, basis: "RPJMD", is_current: true, source: "c" }
    ];
    expect(currentTarget(targets, "3604")?.basis).toBe("RPJMN");
    expect(currentTarget(targets, "3673")?.basis).toBe("RPJMD");
    expect(currentTarget(targets.slice(0, 1), "3604")).toBeNull();
  });

  it("lists every year of a range and marks the unpublished ones", () => {
    const coverage = yearCoverage(povertySeries(rows, "3673", "p0_pct"), 2021, 2025);
    expect(coverage.map((c) => [c.year, c.figure?.value ?? null])).toEqual([[2021, null], [2022, 5.94], [2023, null], [2024, 5.65], [2025, 5.4]]);
    expect(yearCoverage([], 2025, 2024)).toEqual([]);
  });
});
