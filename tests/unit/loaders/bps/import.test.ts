// `npm run data -- bps import <file>…`: real BPS website exports (the copies in
// data/reference/published/bps-tables/) and the layouts around them: the semester sub-header, kab/kota
// tables naming regions without codes, BOM, "-", duplicates, unknown regions, XLSX with merged
// headers; every region row accounted for; the committed imports reproduced by the command.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { gridFromCsvText, readBpsTableGrid } from "../../../../loaders/bps/import-grid.js";
import { BpsLayoutError } from "../../../../loaders/bps/import-layout.js";
import { BpsImportError, parseBpsNumber, parseBpsTable } from "../../../../loaders/bps/import-parse.js";
import { finerWithinRounding, mergeImports, snapshotWithImports } from "../../../../loaders/bps/import-record.js";
import type { PovertyRow } from "../../../../loaders/bps/rows.js";
import { runBpsImport } from "../../../../loaders/bps/import.js";
import { BPS_SNAPSHOT_DIR } from "../../../../loaders/bps/paths.js";
import { importReferenceTables, REFERENCE_TABLES_DIR } from "../../../../loaders/bps/reference-tables.js";
import { makeTempDir } from "../../../support/tmp.js";

const tmp = makeTempDir("bps-import");
afterAll(() => tmp.remove());
const META = { fileName: "tabel.csv", importedAt: "2026-12-03" };
const table = (folder: string, year: number) => {
  const dir = path.join(REFERENCE_TABLES_DIR, folder);
  return path.join(dir, readdirSync(dir).find((f) => f.includes(`, ${year}.csv`))!);
};
const csvGrid = (text: string) => gridFromCsvText(text);
const values = (parsed: ReturnType<typeof parseBpsTable>) => parsed.rows.map((r) => [r.region_kode, r.year, r.month, r[parsed.field]]);

describe("parseBpsNumber", () => {
  it("reads the ways BPS writes numbers", () => {
    expect(parseBpsNumber("5,63", "p0_pct")).toBe(5.63);
    expect(parseBpsNumber("5.63", "p0_pct")).toBe(5.63);
    expect(parseBpsNumber("684.232", "poverty_line_rp")).toBe(684232);
    expect(parseBpsNumber("684,232", "poverty_line_rp")).toBe(684232);
    expect(parseBpsNumber("684 232", "poverty_line_rp")).toBe(684232);
    expect(parseBpsNumber("1.234,5", "poor_count")).toBe(1234.5);
    for (const missing of ["-", "…", "", "...", "NA"]) expect(parseBpsNumber(missing, "p1")).toBeNull();
    expect(() => parseBpsNumber("lima", "p0_pct")).toThrow(/bukan angka/);
  });
});

describe("province tables: the semester sub-header", () => {
  it("records Semester 1 as March and Semester 2 as September, takes only the Jumlah group, and skips Tahunan with its reason", async () => {
    const parsed = parseBpsTable(await readBpsTableGrid(table("p0-provinsi", 2024)), META);
    expect(values(parsed)).toEqual([
      ["36", 2024, 3, 5.84],
      ["36", 2024, 9, 5.7],
      ["00", 2024, 3, 9.03],
      ["00", 2024, 9, 8.57]
    ]);
    expect(parsed.layout.columns.map((c) => c.heading)).toEqual(["Maret 2024", "September 2024"]);
    expect(parsed.report.join("\n")).toMatch(/kolom 10 dilewati \(angka tahunan, bukan putaran Maret atau September\)/);
    expect(parsed.report.join("\n")).toMatch(/kolom 2, 3, 4 dilewati \(angka perkotaan saja; yang dipakai hanya jumlah perkotaan\+perdesaan\): 78 angka tidak dicatat/);
    // 38 provinces and Indonesia: every region row is used or counted as outside the workspace.
    expect(parsed.counts).toMatchObject({ regionRows: 39, used: 2, outside: 37, unknown: 0, empty: 0 });
  });

  it("never writes a Tahunan figure as March: a filled annual column is reported and left out", () => {
    const grid = csvGrid(
      "Provinsi,,,\n,Persentase Penduduk Miskin (P0) Menurut Provinsi (Persen),,\n,2024,,\n,Semester 1 (Maret),Semester 2 (September),Tahunan\nBANTEN,5.84,5.70,5.77\n"
    );
    const parsed = parseBpsTable(grid, META);
    expect(values(parsed)).toEqual([
      ["36", 2024, 3, 5.84],
      ["36", 2024, 9, 5.7]
    ]);
    expect(parsed.report).toContain("kolom 4 dilewati (angka tahunan, bukan putaran Maret atau September): 1 angka tidak dicatat");
  });

  it("refuses the poverty-line province table, which has urban and rural columns but no total", async () => {
    expect(() => parseBpsTable(csvGrid(readFileSync(table("gk-provinsi", 2024), "utf8")), META)).toThrow(/tidak ada kolom yang dapat dipakai/);
  });

  it("asks for --month when neither header nor title names the round of a province table", () => {
    const grid = csvGrid("Provinsi,\n,Persentase Penduduk Miskin Menurut Provinsi (Persen)\n,2024\nBANTEN,5.84\n");
    expect(() => parseBpsTable(grid, META)).toThrow(BpsLayoutError);
    expect(() => parseBpsTable(grid, META)).toThrow(/--month 3 atau --month 9/);
    expect(values(parseBpsTable(grid, { ...META, month: 9 }))).toEqual([["36", 2024, 9, 5.84]]);
  });
});

describe("kab/kota tables: names without codes, resolved within their province block", () => {
  it("reads a real export with a byte-order mark: Serang is the kabupaten, Kota Serang the city, province rows in capitals", async () => {
    const file = table("gk-kabkota", 2023);
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const parsed = parseBpsTable(await readBpsTableGrid(file), META);
    const byKode = new Map(parsed.rows.map((r) => [r.region_kode, r.poverty_line_rp]));
    expect(byKode.get("3604")).toBe(425751);
    expect(byKode.get("3673")).toBe(511575);
    expect(byKode.get("3601")).toBe(455297); // the BPS figure the snapshot mistyped as 433.297
    expect(byKode.get("36")).toBe(618721);
    expect(parsed.rows.every((r) => r.month === 3)).toBe(true);
    expect(parsed.report[0]).toMatch(/Susenas Maret, dicatat sebagai Maret/);
    const c = parsed.counts;
    expect(c.used + c.outside + c.unknown + c.empty).toBe(c.regionRows);
    expect([c.used, c.unknown]).toEqual([9, 0]);
  });

  it("does not take another province's Serang or Tangerang for Banten's, and reports an unknown name inside the Banten block", () => {
    const grid = csvGrid(
      "\uFEFFNama Wilayah,\n,Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)\n,2025\n" +
        "JAWA BARAT,7.02\nSerang,9.99\nKota Bandung,3.8\nBANTEN,5.63\nSerang,4.48\nKota Serang,5.51\nKota Srang,5.5\nLebak,-\nBALI,3.72\nBadung,1.5\n"
    );
    const parsed = parseBpsTable(grid, META);
    expect(values(parsed)).toEqual([
      ["36", 2025, 3, 5.63],
      ["3604", 2025, 3, 4.48],
      ["3673", 2025, 3, 5.51]
    ]);
    expect(parsed.counts).toEqual({ regionRows: 10, used: 3, outside: 5, unknown: 1, empty: 1, notes: 0 });
    expect(parsed.report).toContain('baris 10: wilayah "Kota Srang" tidak dikenal dalam blok Provinsi Banten; baris dilewati (periksa ejaan nama atau kodenya)');
  });

  it("resolves a table of Banten alone (no province row first), with codes checked against names", () => {
    const grid = csvGrid(
      "Kode,Kabupaten/Kota,2024\n,Persentase Penduduk Miskin Menurut Kabupaten/Kota di Provinsi Banten (Persen),\n3601,Kabupaten Pandeglang,9.18\n3673,Kota Serang,5.65\n3604,Kota Serang,5.1\n36,Provinsi Banten,5.84\n"
    );
    const parsed = parseBpsTable(grid, META);
    expect(values(parsed)).toEqual([
      ["3601", 2024, 3, 9.18],
      ["3673", 2024, 3, 5.65],
      ["36", 2024, 3, 5.84]
    ]);
    expect(parsed.report.join("\n")).toMatch(/kode 3604 menunjuk 3604, nama "Kota Serang" menunjuk 3673/);
  });

  it("reads a code written in the name cell, and refuses a table with periods as rows in one sentence", () => {
    const grid = csvGrid("Wilayah,\n,Persentase Penduduk Miskin Menurut Kabupaten/Kota di Provinsi Banten (Persen)\n,2025\n[3673] Kota Serang,5.51\n3604 - Serang,4.48\n");
    expect(values(parseBpsTable(grid, META))).toEqual([
      ["3673", 2025, 3, 5.51],
      ["3604", 2025, 3, 4.48]
    ]);
    const transposed = csvGrid("Periode,Kota,Desa,Kota+Desa\n,Persentase Penduduk Miskin (P0) Menurut Daerah,,\nMaret 2024,7.09,11.79,9.03\nSeptember 2024,6.66,11.34,8.57\n");
    expect(() => parseBpsTable(transposed, { ...META, month: 3 })).toThrow(/periode \(tahun\) sebagai baris/);
  });

  it("reads provinces written in title case by their names (Gorontalo the province, then Gorontalo the kabupaten)", () => {
    const grid = csvGrid("Nama Wilayah,\n,Indeks Kedalaman Kemiskinan (P1) Menurut Kabupaten/Kota\n,2024\nGorontalo,2.5\nGorontalo,2.9\nBanten,0.97\nSerang,0.6\n");
    expect(values(parseBpsTable(grid, META))).toEqual([
      ["36", 2024, 3, 0.97],
      ["3604", 2024, 3, 0.6]
    ]);
  });
});

describe("national tables by area", () => {
  it("takes Kota+Desa as Indonesia and leaves the urban and rural rows out", async () => {
    const parsed = parseBpsTable(await readBpsTableGrid(table("p1-daerah", 2024)), META);
    expect(values(parsed)).toEqual([
      ["00", 2024, 3, 1.46],
      ["00", 2024, 9, 1.36]
    ]);
    expect(parsed.counts).toMatchObject({ regionRows: 3, used: 1, outside: 2 });
  });
});

describe("refusals", () => {
  it("refuses two figures for one region, year and round, saying where both are", () => {
    const columns = csvGrid("Provinsi,,\n,Persentase Penduduk Miskin (P0) (Persen),\n,2024,2024\n,Semester 1 (Maret),Maret\nBANTEN,5.84,5.85\n");
    expect(() => parseBpsTable(columns, META)).toThrow(BpsImportError);
    expect(() => parseBpsTable(columns, META)).toThrow("wilayah 36 Maret 2024 muncul dua kali (baris 5 kolom 2 dan baris 5 kolom 3); setiap wilayah, tahun, dan putaran hanya boleh satu angka, jadi periksa nama wilayah dan judul kolomnya");
    const rows = csvGrid("Nama Wilayah,\n,Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota\n,2024\nBANTEN,5.84\nSerang,4.51\nKabupaten Serang,4.52\n");
    expect(() => parseBpsTable(rows, META)).toThrow(/wilayah 3604 Maret 2024 muncul dua kali \(baris 5 kolom 2 dan baris 6 kolom 2\)/);
  });

  it("refuses a table whose indicator it cannot tell, and one naming two", () => {
    expect(() => parseBpsTable(csvGrid("Wilayah,\n,Tabel\n,2025\nBANTEN,1\n"), META)).toThrow(/indikator tidak dikenali/);
    expect(() => parseBpsTable(csvGrid("Wilayah,\n,Jumlah Penduduk Miskin (Ribu Jiwa) dan Persentase Penduduk Miskin\n,2025\nBANTEN,1\n"), META)).toThrow(/lebih dari satu indikator/);
  });

  it("prints one sentence per refused file, no stack trace, and goes on with the others", async () => {
    const bad = path.join(tmp.dir, "lama.xls");
    writeFileSync(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    const lines: string[] = [];
    const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(`ERR ${l}`) };
    const dir = snapshotCopy("refusals");
    const code = await runBpsImport([bad, path.join(tmp.dir, "tidak-ada.csv"), table("p2-daerah", 2024), "--dry-run"], io, { snapshotDir: dir });
    expect(code).toBe(1);
    const errors = lines.filter((l) => l.startsWith("ERR "));
    expect(errors).toEqual([
      "ERR Berkas lama.xls ditolak: berkas .xls (Excel lama) tidak dapat dibaca; buka di Excel atau LibreOffice dan simpan sebagai .xlsx atau .csv.",
      "ERR Berkas tidak-ada.csv ditolak: berkas tidak ditemukan."
    ]);
    expect(lines.join("\n")).toMatch(/Indeks Keparahan Kemiskinan \(P2\) Menurut Daerah, 2024\.csv: indeks keparahan kemiskinan \(P2\)/);
    expect(lines.join("\n")).not.toMatch(/\n\s+at /);
  });
});

describe("XLSX", () => {
  it("reads a sheet whose header sits on row 12 under merged year cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Tabel");
    for (let i = 0; i < 9; i++) sheet.addRow([i === 0 ? "Badan Pusat Statistik" : null]);
    sheet.addRow(["Provinsi", "Indeks Kedalaman Kemiskinan (P1) Menurut Provinsi dan Daerah"]);
    sheet.mergeCells("B10:G10");
    sheet.addRow([null, "Perkotaan", null, null, "Jumlah"]);
    sheet.mergeCells("B11:D11");
    sheet.mergeCells("E11:G11");
    sheet.addRow([null, 2025, null, null, 2025]);
    sheet.mergeCells("B12:D12");
    sheet.mergeCells("E12:G12");
    sheet.addRow([null, "Semester 1 (Maret)", "Semester 2 (September)", "Tahunan", "Semester 1 (Maret)", "Semester 2 (September)", "Tahunan"]);
    sheet.addRow(["BANTEN", 0.86, "-", "-", 0.85, "-", "-"]);
    sheet.addRow(["INDONESIA", 0.95, "-", "-", 1.37, "-", "-"]);
    sheet.addRow(["Sumber: Badan Pusat Statistik"]);
    const file = path.join(tmp.dir, "p1.xlsx");
    await workbook.xlsx.writeFile(file);
    const parsed = parseBpsTable(await readBpsTableGrid(file), META);
    expect(values(parsed)).toEqual([
      ["36", 2025, 3, 0.85],
      ["00", 2025, 3, 1.37]
    ]);
    expect(parsed.counts).toMatchObject({ regionRows: 2, used: 2, notes: 1 });
  });
});

function snapshotCopy(name: string): string {
  const dir = path.join(tmp.dir, name);
  mkdirSync(dir, { recursive: true });
  for (const f of ["bps_poverty.csv", "bps_extreme_poverty.csv", "targets.csv"]) copyFileSync(path.join(BPS_SNAPSHOT_DIR, f), path.join(dir, f));
  return dir;
}

describe("runBpsImport", () => {
  const lines: string[] = [];
  const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(`ERR ${l}`) };

  it("records each table, merges tables field by field, corrects a snapshot figure and says so, and replaces an earlier record of the same file", async () => {
    const dir = snapshotCopy("merge");
    const now = () => new Date("2026-12-03T10:00:00Z");
    expect(await runBpsImport([table("gk-kabkota", 2023), table("p1-kabkota", 2023)], io, { snapshotDir: dir, now })).toBe(0);
    expect(lines.join("\n")).toContain("~ 3601 Maret 2023 poverty_line_rp: 433297 → 455297");
    const merged = await snapshotWithImports(dir);
    const pandeglang = merged.find((r) => r.region_kode === "3601" && r.year === 2023 && r.month === 3)!;
    expect([pandeglang.poverty_line_rp, pandeglang.p1, pandeglang.p0_pct]).toEqual([455297, 1.56, 9.27]);
    expect(pandeglang.note).toContain("poverty_line_rp snapshot 433297 diganti angka tabel BPS 455297");
    expect(pandeglang.source).toMatch(/^BPS, tabel statistik "Garis Kemiskinan Menurut Kabupaten\/Kota/);
    // Banten's P1 of March 2023 is 1,204 in the snapshot and 1,20 in the table: the finer figure stays.
    const banten = merged.find((r) => r.region_kode === "36" && r.year === 2023 && r.month === 3)!;
    expect(banten.p1).toBe(1.204);
    expect(banten.note).toContain("p1 1.204 sesuai tabel BPS (dibulatkan)");
    const later = () => new Date("2026-12-05T10:00:00Z");
    expect(await runBpsImport([table("gk-kabkota", 2023)], io, { snapshotDir: dir, now: later })).toBe(0);
    expect(readdirSync(path.join(dir, "imports")).filter((f) => f.includes("Garis_Kemiskinan"))).toEqual(["2026-12-05-Garis_Kemiskinan_Menurut_Kabupaten_Kota_2023.csv"]);
  });

  it("records nothing with --dry-run", async () => {
    const dir = snapshotCopy("dry");
    expect(await runBpsImport([table("p0-kabkota", 2025), "--dry-run"], io, { snapshotDir: dir })).toBe(0);
    expect(() => readdirSync(path.join(dir, "imports"))).toThrow();
  });

  it("reproduces the committed imports from the copied BPS tables, through the command itself", async () => {
    const committed = readdirSync(path.join(BPS_SNAPSHOT_DIR, "imports")).sort();
    const date = committed[0]!.slice(0, 10);
    const dir = snapshotCopy("reference");
    const quiet = { log: () => {}, error: (l: string) => lines.push(`ERR ${l}`) };
    expect(await importReferenceTables(quiet, { snapshotDir: dir, now: () => new Date(`${date}T12:00:00Z`) })).toBe(0);
    const produced = readdirSync(path.join(dir, "imports")).sort();
    expect(produced).toEqual(committed);
    for (const file of produced) expect(readFileSync(path.join(dir, "imports", file), "utf8"), file).toBe(readFileSync(path.join(BPS_SNAPSHOT_DIR, "imports", file), "utf8"));
  }, 60_000);
});

describe("mergeImports", () => {
  const row = (values: Partial<PovertyRow>): PovertyRow => ({
    region_kode: "36", year: 2020, month: 3, poor_count: null, p0_pct: null, poverty_line_rp: null, p1: null, p2: null,
    source: "https://contoh.test/terbitan", retrieved_at: "2026-10-05", note: null, ...values
  });
  it("lays tables over the snapshot field by field, keeps a finer snapshot figure the table rounds, and names a conflict between two tables", () => {
    const snapshot = [row({ poor_count: 775990, p0_pct: 5.92, p1: 1.004 })];
    const merged = mergeImports(snapshot, [
      row({ p1: 1, source: "BPS, tabel A", retrieved_at: "2026-12-08" }),
      row({ p2: 0.23, source: "BPS, tabel A", retrieved_at: "2026-12-08" }),
      row({ p2: 0.24, source: "BPS, tabel B", retrieved_at: "2026-12-08" }),
      row({ year: 2021, p0_pct: 6.66, source: "BPS, tabel B", retrieved_at: "2026-12-08" })
    ]);
    expect(merged.map((r) => [r.year, r.poor_count, r.p0_pct, r.p1, r.p2])).toEqual([
      [2020, 775990, 5.92, 1.004, 0.24],
      [2021, null, 6.66, null, null]
    ]);
    expect(merged[0]!.note).toBe(
      "dari tabel BPS: p2; dari snapshot: poor_count, p0_pct, p1 | p2: tabel BPS lain memuat 0.23; dipakai 0.24 dari tabel yang diimpor kemudian | p1 1.004 sesuai tabel BPS (dibulatkan) dan dipakai karena lebih rinci"
    );
    expect(merged[0]!.source).toBe("BPS, tabel B ; BPS, tabel A ; https://contoh.test/terbitan"); // the figures taken first, then the confirming table, then the snapshot
    expect(merged[0]!.retrieved_at).toBe("2026-12-08");
  });

  it("treats a figure as confirmed only within the table's rounding", () => {
    expect(finerWithinRounding("p1", 1.204, 1.2)).toBe(true);
    expect(finerWithinRounding("p1", 0.874, 0.85)).toBe(false); // Banten March 2025: a typing error, replaced
    expect(finerWithinRounding("poverty_line_rp", 433297, 455297)).toBe(false);
    expect(finerWithinRounding("p0_pct", 5.84, 5.84)).toBe(false); // equal, not finer
  });
});
