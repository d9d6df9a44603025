import { describe, expect, it } from "vitest";
import {
  MEASURES,
  comparisonSheet,
  costBarRows,
  costPerExit,
  extremeLineRp,
  kecamatanColumns,
  kecamatanRows,
  measureContext,
  measureText,
  trajectoryPoints
} from "../../../src/components/skenario/measures.js";
import { area, result } from "./fixtures.js";

const baseline = result("Dasar", {}, { total_rp: 5e9, extra_rp: 0 });
const more = result("Tambah sembako", { poor_persons: 60, exits_persons: 30, poor_households: 15 }, { total_rp: 6e9, extra_rp: 1e9 });

describe("scenario measures", () => {
  it("costs an exit only when someone leaves and something is added", () => {
    expect(costPerExit(1e9, 30)).toBeCloseTo(1e9 / 30);
    expect(costPerExit(1e9, 0.4)).toBeNull();
    expect(costPerExit(0, 30)).toBeNull();
  });

  it("runs on the planner's line overrides, else the published ones", () => {
    const ctx = { poverty_line_rp: 600_000, extreme_ratio: 0.5 };
    expect(extremeLineRp({}, ctx)).toBe(300_000);
    expect(extremeLineRp({ extreme_ratio: 0.6 }, ctx)).toBe(360_000);
  });

  it("writes each measure with its unit, the Indonesian way", () => {
    const c = measureContext([baseline.rows[0]!, more.rows[0]!], 2026, 2025);
    const value = (key: string, i: number) => {
      const m = MEASURES.find((x) => x.key === key)!;
      const s = [baseline, more][i]!;
      return measureText(m, m.value(s.rows[0]!, s, c));
    };
    expect(value("poor_persons", 1)).toBe("60 jiwa");
    expect(value("poor_households", 1)).toBe("15 KK");
    expect(value("diff_first", 1)).toBe("−30 jiwa");
    expect(value("cost_per_exit", 0)).toBe("tidak ada yang keluar");
    expect(value("cost_per_exit", 1)).toBe("Rp33,3 juta");
    expect(value("exclusion_error", 0)).toBe("25,0%");
    expect(value("close_gap", 1)).toBe("Rp200 juta");
    expect(MEASURES.find((m) => m.key === "status_quo_poor_persons")!.label(c)).toBe("Perkiraan 2026 tanpa perubahan program");
  });

  it("exports one row per scenario with the screen's measures that have a header, errors in %", () => {
    const sheet = comparisonSheet([baseline, more], "3673", 2027, 2025);
    expect(sheet.columns.map((c) => c.header)).toEqual([
      "Skenario",
      "Miskin ekstrem 2025 (jiwa)",
      "2027 tanpa perubahan (jiwa)",
      "2027 tanpa perubahan, survei BPS (jiwa)",
      "2027 skenario (jiwa)",
      "2027 skenario (KK)",
      "Keluar (jiwa)",
      "Anggaran per tahun (Rp)",
      "Tambahan anggaran (Rp)",
      "Biaya per orang keluar (Rp)",
      "Sisa celah (Rp per tahun)",
      "Galat eksklusi (%)",
      "Galat inklusi (%)",
      "Tumpang tindih terlarang baru (KK)"
    ]);
    expect(sheet.rows[1]).toMatchObject({ skenario: "2. Tambah sembako", poor_persons: 60, extra_rp: 1e9, exclusion_error: 25, inclusion_error: 10 });
    expect(sheet.rows[0]!["cost_per_exit"]).toBeNull();
  });

  it("lists kecamatan in code order with the undetailed cells last, and the same columns on screen and in the file", () => {
    const r = result("x", {}, { total_rp: 0, extra_rp: 0 }, [area("kec", null, { exits_persons: 1 }), area("kec", "367306"), area("kec", "367302", { exits_persons: 12 })]);
    const rows = kecamatanRows(r, new Map([["367302", "Kasemen"]]), "Tidak dirinci");
    expect(rows.map((k) => k.kec)).toEqual(["Kasemen", "367306", "Tidak dirinci"]);
    expect(rows[0]).toMatchObject({ exits: 12, ee: 25, ie: 10 });
    expect(kecamatanColumns(2026, 2025).map((c) => c.header)).toEqual([
      "Kecamatan",
      "Miskin ekstrem 2025 (jiwa)",
      "2026 tanpa perubahan (jiwa)",
      "2026 skenario (jiwa)",
      "Keluar (jiwa)",
      "Galat eksklusi (%)",
      "Galat inklusi (%)",
      "Sisa celah (Rp per tahun)"
    ]);
  });

  it("draws the trajectory from the registry count to each year of the horizon, geometrically", () => {
    const { names, points } = trajectoryPoints([baseline, more], "3673", 2027, 2025);
    expect(names).toEqual(["Tanpa perubahan program", "1. Dasar", "2. Tambah sembako"]);
    const of = (name: string) => points.filter((p) => p.scenario === name).map((p) => [p.year, p.value]);
    expect(of("2. Tambah sembako")[0]).toEqual([2025, 100]);
    expect(of("2. Tambah sembako")[1]![1]).toBeCloseTo(100 * Math.sqrt(0.6), 9);
    expect(of("2. Tambah sembako")[2]).toEqual([2027, 60]);
    expect(of("Tanpa perubahan program").map(([y]) => y)).toEqual([2025, 2026, 2027]);
  });

  it("bars each scenario's addition, then the gap by cells and by BPS's P1 when known", () => {
    const rows = costBarRows([baseline, more], "3673", 2e8, { gapRp: 3e9, year: 2024 });
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ["Skenario 1: tambahan", null],
      ["Skenario 2: tambahan", 1],
      ["Celah ekstrem (sel registri)", 0.2],
      ["Celah kemiskinan (P1 BPS 2024)", 3]
    ]);
    expect(rows[0]!.text).toBe("tidak ada tambahan");
    expect(rows[1]!.text).toBe("Rp1 miliar; Rp33,3 juta/orang keluar");
    expect(costBarRows([baseline], "3673", 2e8, null)).toHaveLength(2);
  });
});
