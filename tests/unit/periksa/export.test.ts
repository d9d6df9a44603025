import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../src/components/periksa/export.js";
import { overlap, run } from "./fixtures.js";

describe("the /periksa files", () => {
  it("export the chosen sheets with the lists and the rule for unlisted pairs as sources", () => {
    const book = checkWorkbook(run([overlap(0)]), ["overlaps"]);
    expect(book.sheets.map((s) => s.name)).toEqual(["Di lebih dari satu daftar"]);
    expect(book.sheets[0]!.caption).toMatch(/ambang kemiripan 0,90\./);
    expect(book.sources).toEqual([
      { item: "a.csv", source: "Berkas pengguna (Sembako Kota, kota), diperiksa di peramban", date: "3 Des 2026" },
      { item: "b.csv", source: "Berkas pengguna (PKH, pusat), diperiksa di peramban", date: "3 Des 2026" },
      { item: "Aturan tumpang tindih", source: "Tabel overlap_rules", date: "3 Des 2026", note: "Pasangan yang tidak tercantum dianggap diperbolehkan." }
    ]);
  });
});
