// `npm run data -- bps import <file>`: BPS website tables (CSV/XLSX) → validated, diffed, recorded rows.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { parseBpsGrid, parseBpsNumber, readGrid, runBpsImport, snapshotWithImports } from "../../../../loaders/bps/import.js";
import { BPS_SNAPSHOT_DIR } from "../../../../loaders/bps/paths.js";
import { makeTempDir } from "../../../support/tmp.js";

const tmp = makeTempDir("bps-import");
afterAll(() => tmp.remove());
const META = { fileName: "p0.csv", importedAt: "2026-12-03" };

describe("parseBpsNumber", () => {
  it("reads the ways BPS writes numbers", () => {
    expect(parseBpsNumber("5,63", "p0_pct")).toBe(5.63);
    expect(parseBpsNumber("5.63", "p0_pct")).toBe(5.63);
    expect(parseBpsNumber("684.232", "poverty_line_rp")).toBe(684232);
    expect(parseBpsNumber("684 232", "poverty_line_rp")).toBe(684232);
    expect(parseBpsNumber("1.234,5", "poor_count")).toBe(1234.5);
    expect(parseBpsNumber("-", "p1")).toBeNull();
    expect(parseBpsNumber("…", "p1")).toBeNull();
    expect(() => parseBpsNumber("lima", "p0_pct")).toThrow(/bukan angka/);
  });
});

describe("parseBpsGrid", () => {
  it("takes the indicator from the title, years from the header, regions by name; unknown names are reported", () => {
    const parsed = parseBpsGrid(
      [
        ["Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota di Provinsi Banten (Persen)"],
        ["Kabupaten/Kota", "2024", "2025"],
        ["Pandeglang", "9,18", "8,51"],
        ["Kota Serang", "5,65", "5,51"],
        ["Kota Bandung", "2,00", "1,90"],
        ["Provinsi Banten", "5,84", "5,63"]
      ],
      META
    );
    expect(parsed.field).toBe("p0_pct");
    expect(parsed.rows.map((r) => [r.region_kode, r.year, r.month, r.p0_pct])).toEqual([
      ["3601", 2024, 3, 9.18],
      ["3601", 2025, 3, 8.51],
      ["3673", 2024, 3, 5.65],
      ["3673", 2025, 3, 5.51],
      ["36", 2024, 3, 5.84],
      ["36", 2025, 3, 5.63]
    ]);
    expect(parsed.skipped).toEqual(['baris 5: wilayah "Kota Bandung" tidak dikenal']);
    expect(parsed.rows[0]!.source).toBe('Berkas unduhan situs BPS "p0.csv" (diimpor 2026-12-03)');
  });

  it("scales counts in thousands and reads the round from the header", () => {
    const parsed = parseBpsGrid(
      [["Jumlah Penduduk Miskin (Ribu Jiwa)"], ["Wilayah", "Maret 2025", "September 2025"], ["Banten", "772,78", "760,85"]],
      META
    );
    expect(parsed.rows.map((r) => [r.month, r.poor_count])).toEqual([
      [3, 772780],
      [9, 760850]
    ]);
  });

  it("refuses a table whose indicator it cannot tell", () => {
    expect(() => parseBpsGrid([["Tabel"], ["Wilayah", "2025"], ["Banten", "1"]], META)).toThrow(/indikator/);
  });
});

describe("runBpsImport", () => {
  function snapshotCopy(name: string): string {
    const dir = path.join(tmp.dir, name);
    mkdirSync(dir, { recursive: true });
    for (const f of ["bps_poverty.csv", "bps_extreme_poverty.csv", "targets.csv"]) copyFileSync(path.join(BPS_SNAPSHOT_DIR, f), path.join(dir, f));
    return dir;
  }
  const lines: string[] = [];
  const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(`ERR ${l}`) };

  it("validates, prints what changed, records the rows with file name and date, and the build merges them", async () => {
    const dir = snapshotCopy("csv");
    const file = path.join(tmp.dir, "Persentase Penduduk Miskin.csv");
    writeFileSync(file, '"Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota";;\n"Kabupaten/Kota";"2025";\n"Kota Serang";"5,50";\n"Kabupaten Serang";"104,0";\n');
    const code = await runBpsImport([file], io, { snapshotDir: dir, now: () => new Date("2026-12-03T10:00:00Z") });
    expect(code).toBe(0);
    expect(lines.join("\n")).toMatch(/1 angka sah dari 2/);
    expect(lines.join("\n")).toMatch(/p0_pct: 104 di luar rentang/);
    expect(lines.join("\n")).toMatch(/5\.51|5,51/); // the revision against the snapshot is printed
    const recorded = readdirSync(path.join(dir, "imports"));
    expect(recorded).toEqual(["2026-12-03-Persentase_Penduduk_Miskin.csv"]);
    expect(readFileSync(path.join(dir, "imports", recorded[0]!), "utf8")).toContain("Persentase Penduduk Miskin.csv");
    const merged = await snapshotWithImports(dir);
    const kotaSerang = merged.find((r) => r.region_kode === "3673" && r.year === 2025 && r.month === 3)!;
    expect(kotaSerang.p0_pct).toBe(5.5);
    expect(kotaSerang.p1).toBe(0.74); // a cell the file left empty keeps the published figure
    expect(kotaSerang.source).toMatch(/^Berkas unduhan situs BPS/);
  });

  it("reads an XLSX export and records nothing with --dry-run", async () => {
    const dir = snapshotCopy("xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Tabel");
    sheet.addRow(["Garis Kemiskinan (Rupiah/Kapita/Bulan) Menurut Kabupaten/Kota"]);
    sheet.addRow(["Kabupaten/Kota", "2025"]);
    sheet.addRow(["Kota Serang", 574000]);
    const file = path.join(tmp.dir, "gk.xlsx");
    await workbook.xlsx.writeFile(file);
    expect((await readGrid(file))[2]).toEqual(["Kota Serang", "574000"]);
    lines.length = 0;
    expect(await runBpsImport([file, "--dry-run"], io, { snapshotDir: dir })).toBe(0);
    expect(lines.join("\n")).toMatch(/garis kemiskinan, 1 angka sah/);
    expect(() => readdirSync(path.join(dir, "imports"))).toThrow();
  });
});
