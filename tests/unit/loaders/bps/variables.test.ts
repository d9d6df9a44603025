// Finding the poverty variables by title, and the national fallbacks from the published list.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLISHED_DIR, VARIABLES_PATH } from "../../../../loaders/bps/paths.js";
import { INDICATORS, matchIndicator, nationalFallbacks, pickVariable, readVariablesFile, selectVariables } from "../../../../loaders/bps/variables.js";

const published = readFileSync(path.join(PUBLISHED_DIR, "bps_api_variables.csv"), "utf8");
const spec = (field: string) => INDICATORS.find((i) => i.field === field)!;

describe("national fallbacks", () => {
  it("come from published/bps_api_variables.csv: 621 P0, 619 count, 622 P1, 623 P2, no poverty line", () => {
    const chosen = nationalFallbacks(published);
    expect(chosen.map((c) => [c.field, c.var_id, c.domain])).toEqual([
      ["p0_pct", 621, "0000"],
      ["poor_count", 619, "0000"],
      ["p1", 622, "0000"],
      ["p2", 623, "0000"]
    ]);
  });

  it("are what the committed variables.json lists until a discovery has run", async () => {
    const recorded = await readVariablesFile(VARIABLES_PATH);
    expect(recorded?.discovered_at).toBeNull();
    expect(recorded?.chosen.map((c) => c.var_id)).toEqual(nationalFallbacks(published).map((c) => c.var_id));
  });
});

describe("matching titles", () => {
  const items = [
    { var_id: 101, title: "Persentase Penduduk Miskin Menurut Kabupaten/Kota di Provinsi Banten", unit: "Persen" },
    { var_id: 102, title: "Persentase Penduduk Miskin Menurut Kabupaten/Kota di Provinsi Banten (Perkotaan)", unit: "Persen" },
    { var_id: 103, title: "Persentase Penduduk Miskin Menurut Kabupaten/Kota", unit: "Persen" },
    { var_id: 104, title: "Jumlah Penduduk Miskin Ekstrem Menurut Kabupaten/Kota di Provinsi Banten", unit: "Jiwa" },
    { var_id: 105, title: "Jumlah Penduduk Miskin (Ribu Jiwa) Menurut Kabupaten/Kota di Provinsi Banten", unit: "Ribu Jiwa" },
    { var_id: 106, title: "Garis Kemiskinan Menurut Provinsi", unit: "Rupiah" }
  ];

  it("needs the indicator at the start and a kab/kota breakdown, and never takes extreme poverty for the count", () => {
    expect(matchIndicator(spec("p0_pct"), items).map((i) => i.var_id)).toEqual([101, 102, 103]);
    expect(matchIndicator(spec("poor_count"), items).map((i) => i.var_id)).toEqual([105]);
    expect(matchIndicator(spec("poverty_line_rp"), items)).toEqual([]);
  });

  it("prefers a title naming Provinsi Banten, then the shortest", () => {
    expect(pickVariable(matchIndicator(spec("p0_pct"), items))?.var_id).toBe(101);
  });

  it("records candidates and falls back per indicator", () => {
    const file = selectVariables("3600", items, nationalFallbacks(published), "2026-11-01T00:00:00.000Z");
    expect(file.chosen.map((c) => [c.field, c.var_id, c.basis])).toEqual([
      ["p0_pct", 101, "discovered"],
      ["poor_count", 105, "discovered"],
      ["p1", 622, "fallback-national"],
      ["p2", 623, "fallback-national"]
    ]);
    expect(file.candidates.filter((c) => c.field === "p0_pct")).toHaveLength(3);
  });
});
