// Hand-made /periksa check results for the unit tests (no file read, no DuckDB).
import type { CheckRun } from "../../../src/components/periksa/export.js";
import type { OverlapRow, PeriksaResults } from "../../../src/components/periksa/results.js";

export const overlap = (i: number, figures: Partial<OverlapRow> = {}): OverlapRow =>
  ({
    programme_a: "Sembako Kota", code_a: "sembako_kota", funder_a: "kota", file_a: "a.csv", row_a: i + 2, name_a: `NAMA ${i}`, nik_a: "3673020203759902",
    programme_b: "PKH", code_b: "pkh", funder_b: "pusat", file_b: "b.csv", row_b: i + 3, name_b: `NAMA ${i}`, nik_b: "3673020203759902",
    how: "NIK sama", name_sim: null, addr_sim: null, verdict: "duplikasi", allowed: false, reason: "x", ...figures
  }) as OverlapRow;

export function run(overlaps: OverlapRow[]): CheckRun {
  const results: PeriksaResults = { overlaps, duplicates: [], invalidNiks: [], unserved: null, unservedByArea: null } as unknown as PeriksaResults;
  const inputs = [
    { fileName: "a.csv", programme: "sembako_kota", programmeName: "Sembako Kota", funder: "kota", people: [], issues: [] },
    { fileName: "b.csv", programme: "pkh", programmeName: "PKH", funder: "pusat", people: [], issues: [] }
  ];
  return { results, inputs, threshold: 0.9, checkedAt: new Date("2026-12-03T10:00:00Z"), rulesSource: "Tabel overlap_rules" };
}

