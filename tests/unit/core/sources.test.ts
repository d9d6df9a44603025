// Source lines: one entry per publisher or outlet, official first, copies kept out of sight.
import { describe, expect, it } from "vitest";
import { sourceEntries } from "../../../src/components/core/sources.js";

describe("sourceEntries", () => {
  it("shows the BPS tables a figure was imported from as one official source and leaves the copy's origin out", () => {
    const { entries, dropped } = sourceEntries([
      'BPS, tabel statistik "Indeks Kedalaman Kemiskinan (P1) Menurut Kabupaten/Kota" (ekspor situs BPS, diimpor 2026-12-08) ; salinan ekspor CSV situs BPS: github:ArdWind/bigdataTPTvsP0@d8647eeb2bd5',
      'BPS, tabel statistik "Garis Kemiskinan Menurut Kabupaten/Kota (Rupiah/kapita/bulan)" (ekspor situs BPS, diimpor 2026-12-08)',
      "https://news.detik.com/berita/d-8028759/jumlah-warga-miskin ; https://www.bps.go.id/pressrelease/2017/07/17/1379/x.html"
    ]);
    expect(entries.map((e) => [e.label, e.official])).toEqual([
      ["tabel statistik BPS", true],
      ["bps.go.id", true],
      ["news.detik.com", false]
    ]);
    expect(dropped).toBe(1);
  });
});
