import { describe, expect, it } from "vitest";
import { scenarioWorkbook, type WorkbookData } from "../../../src/components/skenario/export.js";
import { defaultState } from "../../../src/components/skenario/spec.js";
import { toWilayah } from "../../../src/components/domain/wilayah.js";
import { area, result } from "./fixtures.js";

const data = (synthetic: boolean): WorkbookData => ({
  kab: "3673",
  wilayah: toWilayah({ kode: "3673", nama: "Kota Serang", level: "kabkota", jenis: "kota" }),
  names: new Map([["367302", "Kasemen"]]),
  ctx: { base_year: 2025, poverty_line_rp: 600_000, extreme_ratio: 0.5, trend_per_year: 0, catalogue: [], receipts: [], allowed: () => true, duplicate_pairs: [] },
  sources: [{ name: "registry_cells_3673", source: "registri", retrieved_at: "2026-12-03", synthetic }],
  synthetic,
  outlook: { kode: "3673", byYear: [], noChange: { year: 2026, persons: 2149, lower: 1500, upper: 3000 }, trendPerYear: -0.3 }
});

describe("the planner's XLSX", () => {
  const results = [result("Dasar", {}, { total_rp: 5e9, extra_rp: 0 }, [area("kec", "367302")]), result("Tambah", { poor_persons: 60 }, { total_rp: 6e9, extra_rp: 1e9 }, [area("kec", "367302")])];

  it("holds the comparison, one kecamatan sheet per scenario and the sources", () => {
    const book = scenarioWorkbook(data(false), defaultState("3673"), results);
    expect(book.title).toBe("Perbandingan skenario Kota Serang 2026");
    expect(book.sheets.map((s) => s.name)).toEqual(["Perbandingan", "Kecamatan 1", "Kecamatan 2"]);
    expect(book.sheets[0]!.caption).toBe("perkiraan model; garis ekstrem Rp300.000 per kapita per bulan");
    expect(book.sheets[0]!.rows.map((r) => r["skenario"])).toEqual(["1. Dasar", "2. Tambah"]);
    expect(book.sheets[2]!.caption).toBe("2. Tambah — perkiraan model");
    expect(book.sheets[2]!.rows[0]).toMatchObject({ kec: "Kasemen", base: 100 });
    // The survey-based no-change figure (the one Ringkasan shows) sits beside the registry's, rounded as everywhere.
    expect(book.sheets[0]!.rows.map((r) => r["survey_no_change"])).toEqual([2100, 2100]);
    expect(book.sources).toEqual([{ item: "registry_cells_3673", source: "registri", date: "3 Des 2026", note: undefined }]);
  });

  it("labels synthetic cells synthetic, from the catalogue's flag", () => {
    const book = scenarioWorkbook(data(true), defaultState("3673"), results);
    expect(book.sheets[0]!.caption).toMatch(/^DATA SINTETIS — /);
    expect(book.sheets[1]!.caption).toBe("1. Dasar — perkiraan model (DATA SINTETIS)");
    expect(book.sources[0]!.note).toBe("DATA SINTETIS");
  });
});
