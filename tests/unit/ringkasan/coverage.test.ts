import { describe, expect, it } from "vitest";
import { kabCoverage, largestGaps, realisationRows } from "../../../src/components/ringkasan/coverage.js";
import type { AllocationTotalRow, CoverageRow } from "../../../src/components/cakupan/queries.js";
import { wilayahOf } from "../../support/wilayah.js";

const KOTA = wilayahOf("3673");
const KAB = wilayahOf("3604");

const row = (kode: string | null, nama: string, target: number, covered: number, untouched: number) =>
  ({ kode, nama, target, covered, untouched }) as unknown as CoverageRow;

describe("Ringkasan coverage", () => {
  it("sums coverage per kab/kota, the 'tidak dirinci' row included", () => {
    expect(kabCoverage("3673", [row("367302", "Kasemen", 100, 40, 60), row(null, "Tidak dirinci", 10, 0, 10)])).toEqual({ kab: "3673", target: 110, covered: 40, untouched: 70 });
  });

  it("picks the three kecamatan with most untouched households across kab/kota, never the undetailed row", () => {
    const gaps = largestGaps([
      { kab: KOTA, rows: [row("367302", "Kasemen", 100, 40, 60), row("367306", "Taktakan", 90, 10, 80), row(null, "Tidak dirinci", 500, 0, 500), row("367301", "Serang", 5, 5, 0)] },
      { kab: KAB, rows: [row("360405", "Kramatwatu", 70, 0, 70), row("360406", "Waringinkurung", 30, 0, 30)] }
    ]);
    expect(gaps.map((g) => [g.kab.kode, g.nama, g.untouched])).toEqual([
      ["3673", "Taktakan", 80],
      ["3604", "Kramatwatu", 70],
      ["3673", "Kasemen", 60]
    ]);
  });

  it("takes the latest plan per programme and computes unit and budget realisation", () => {
    const base = { name: "Sembako", area_kode: "3673", unit: "paket", approximate: false, source: "s", received_households: 0 };
    const rows = [
      { ...base, programme_code: "sk", year: 2024, status: "rencana", planned_units: 100, budget_rp: 1e9, received_units: 0, received_value_rp: 0 },
      { ...base, programme_code: "sk", year: 2025, status: "rencana", planned_units: 5611, budget_rp: 2.2e9, received_units: 5611, received_value_rp: 1.1e9 },
      { ...base, programme_code: "sk", year: 2025, status: "realisasi", planned_units: 1, budget_rp: null, received_units: 5611, received_value_rp: 1.1e9 },
      { ...base, programme_code: "pbi", year: 2025, status: "rencana", planned_units: 26000, budget_rp: 4.2e9, received_units: 13000, received_value_rp: 0 }
    ] as AllocationTotalRow[];
    const r = realisationRows(KOTA, rows);
    expect(r.every((x) => x.kab_nama === "Kota Serang")).toBe(true);
    expect(r.map((x) => [x.programme_code, x.year, x.unit_pct, x.value_pct])).toEqual([
      ["sk", 2025, 100, 50],
      // No value recorded in the registry: no budget realisation, not 0%.
      ["pbi", 2025, 50, null]
    ]);
  });
});
