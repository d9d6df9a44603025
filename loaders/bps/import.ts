// `npm run data -- bps import <file>`: a table downloaded from the BPS website (CSV or XLSX as BPS
// exports it: a title naming the indicator and its unit, a header row of years, one row per region)
// becomes tidy bps_poverty rows. They are validated, compared with the snapshot, and recorded in
// data/reference/bps/imports/<file>.csv with the file name and the import date, so the build merges
// them over the snapshot (a cell the file leaves empty keeps the published figure).
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { formatCsv, parseCsv, parseCsvObjects } from "../lib/csv.js";
import { diffPoverty, formatDiff, mergePoverty } from "./merge.js";
import { BPS_SNAPSHOT_DIR } from "./paths.js";
import { kodeForLabel } from "./regions-map.js";
import { POVERTY_VALUE_FIELDS, type PovertyField, type PovertyRow } from "./rows.js";
import { readPovertySnapshot } from "./snapshot.js";
import { validatePovertyRows } from "./validate.js";

export const IMPORTS_DIR = path.join(BPS_SNAPSHOT_DIR, "imports");
const COLUMNS = ["region_kode", "year", "month", "poor_count", "p0_pct", "poverty_line_rp", "p1", "p2", "source", "retrieved_at", "note"] as const;

export class BpsImportError extends Error {}

interface IndicatorRule {
  readonly field: PovertyField;
  readonly pattern: RegExp;
  readonly label: string;
}

const INDICATORS: readonly IndicatorRule[] = [
  { field: "p0_pct", pattern: /persentase penduduk miskin|\bp0\b/i, label: "persentase penduduk miskin (P0)" },
  { field: "poor_count", pattern: /jumlah penduduk miskin/i, label: "jumlah penduduk miskin" },
  { field: "poverty_line_rp", pattern: /garis kemiskinan/i, label: "garis kemiskinan" },
  { field: "p1", pattern: /kedalaman kemiskinan|\bp1\b/i, label: "indeks kedalaman kemiskinan (P1)" },
  { field: "p2", pattern: /keparahan kemiskinan|\bp2\b/i, label: "indeks keparahan kemiskinan (P2)" }
];

/** A number as BPS writes it: "5,63", "5.63", "41,07", "684.232", "684 232"; "-", "…", "" are missing. */
export function parseBpsNumber(text: string, field: PovertyField): number | null {
  const t = text.trim().replace(/\u00a0/g, " ");
  if (t === "" || /^[-–—…]+$/.test(t) || /^(na|n\/a|\.\.\.?)$/i.test(t)) return null;
  let s = t.replace(/\s/g, "");
  if (s.includes(",") && s.includes(".")) s = s.lastIndexOf(",") > s.lastIndexOf(".") ? s.replaceAll(".", "").replace(",", ".") : s.replaceAll(",", "");
  else if (s.includes(",")) s = s.replace(",", ".");
  else if (field === "poverty_line_rp" && /^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replaceAll(".", "");
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new BpsImportError(`bukan angka: "${text}"`);
  return Number(s);
}

export interface ParsedImport {
  readonly field: PovertyField;
  readonly indicator: string;
  readonly rows: PovertyRow[];
  /** Rows left out, with why (unknown region names, totals). */
  readonly skipped: string[];
}

/**
 * Parses a grid of cells (rows × columns, as text). The indicator comes from the title lines above
 * the header (or `field`); the header is the first row with a year cell ("2024", "Maret 2024",
 * "2024 (Maret)"); the month is read from the header cell, else `month` (default 3, the kab/kota round).
 */
export function parseBpsGrid(grid: readonly (readonly string[])[], meta: { fileName: string; importedAt: string; field?: PovertyField; month?: number }): ParsedImport {
  const headerIndex = grid.findIndex((row) => row.some((cell) => /\b(19|20)\d\d\b/.test(cell) && cell.trim().length <= 24));
  if (headerIndex < 0) throw new BpsImportError("baris judul kolom tahun tidak ditemukan");
  const title = grid.slice(0, headerIndex + 1).flat().join(" ");
  const rule = meta.field ? INDICATORS.find((r) => r.field === meta.field)! : INDICATORS.find((r) => r.pattern.test(title));
  if (!rule) throw new BpsImportError("indikator tidak dikenali dari judul; sebutkan dengan --indicator p0_pct|poor_count|poverty_line_rp|p1|p2");
  const scale = rule.field === "poor_count" ? (/ribu/i.test(title) ? 1000 : /juta/i.test(title) ? 1_000_000 : 1) : 1;
  const header = grid[headerIndex]!;
  const columns: { index: number; year: number; month: number }[] = [];
  header.forEach((cell, index) => {
    const y = /\b((?:19|20)\d\d)\b/.exec(cell);
    if (!y || index === 0) return;
    const month = /sep/i.test(cell) ? 9 : /mar/i.test(cell) ? 3 : (meta.month ?? 3);
    columns.push({ index, year: Number(y[1]), month });
  });
  if (columns.length === 0) throw new BpsImportError("tidak ada kolom tahun");
  const rows: PovertyRow[] = [];
  const skipped: string[] = [];
  for (const [offset, cells] of grid.slice(headerIndex + 1).entries()) {
    const label = (cells[0] ?? "").trim();
    if (label === "" || cells.slice(1).every((c) => c.trim() === "")) continue;
    const kode = kodeForLabel(label);
    if (!kode) {
      skipped.push(`baris ${headerIndex + offset + 2}: wilayah "${label}" tidak dikenal`);
      continue;
    }
    for (const column of columns) {
      let value: number | null;
      try {
        value = parseBpsNumber(cells[column.index] ?? "", rule.field);
      } catch (error) {
        throw new BpsImportError(`baris ${headerIndex + offset + 2}, kolom ${column.year}: ${(error as Error).message}`);
      }
      if (value === null) continue;
      const row: PovertyRow = {
        region_kode: kode,
        year: column.year,
        month: column.month,
        poor_count: null,
        p0_pct: null,
        poverty_line_rp: null,
        p1: null,
        p2: null,
        source: `Berkas unduhan situs BPS "${meta.fileName}" (diimpor ${meta.importedAt})`,
        retrieved_at: meta.importedAt,
        note: `impor: ${rule.label}`
      };
      row[rule.field] = rule.field === "poor_count" ? Math.round(value * scale) : value;
      rows.push(row);
    }
  }
  return { field: rule.field, indicator: rule.label, rows, skipped };
}

/** The cells of a CSV (";" or "," as BPS exports) or of the first worksheet of an XLSX, as text. */
export async function readGrid(file: string): Promise<string[][]> {
  const bytes = await readFile(file);
  if (/\.xlsx$/i.test(file)) {
    const workbook = new ExcelJS.Workbook();
    // exceljs's typings predate Node's generic Buffer; the bytes are the file as read.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new BpsImportError("berkas XLSX tanpa lembar kerja");
    const grid: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const v = cell.value;
        cells[col - 1] = v === null || v === undefined ? "" : typeof v === "object" && "result" in v ? String(v.result ?? "") : typeof v === "object" && "richText" in v ? v.richText.map((r) => r.text).join("") : String(v);
      });
      grid[number - 1] = Array.from(cells, (c) => c ?? "");
    });
    return Array.from(grid, (r) => r ?? []);
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const firstLines = text.split(/\r?\n/).slice(0, 10).join("\n");
  const delimiter = (firstLines.match(/;/g)?.length ?? 0) > (firstLines.match(/,/g)?.length ?? 0) ? ";" : ",";
  return parseCsv(text, delimiter).map((record) => [...record.fields]);
}

/** Every recorded import (data/reference/bps/imports/*.csv), oldest file first, as tidy rows. */
export async function readImports(dir = IMPORTS_DIR): Promise<PovertyRow[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".csv")).sort();
  } catch {
    return [];
  }
  const rows: PovertyRow[] = [];
  for (const file of files) {
    for (const { row } of parseCsvObjects(await readFile(path.join(dir, file), "utf8"))) {
      const num = (name: string) => (row[name] === undefined || row[name] === "" ? null : Number(row[name]));
      rows.push({
        region_kode: row.region_kode!,
        year: Number(row.year),
        month: Number(row.month),
        poor_count: num("poor_count"),
        p0_pct: num("p0_pct"),
        poverty_line_rp: num("poverty_line_rp"),
        p1: num("p1"),
        p2: num("p2"),
        source: row.source!,
        retrieved_at: row.retrieved_at!,
        note: row.note || null
      });
    }
  }
  return rows;
}

/** Snapshot rows with every recorded import merged over them (imports win for the cells they fill). */
export async function snapshotWithImports(snapshotDir = BPS_SNAPSHOT_DIR): Promise<PovertyRow[]> {
  const snapshot = await readPovertySnapshot(snapshotDir);
  const imports = await readImports(path.join(snapshotDir, "imports"));
  return imports.length === 0 ? snapshot : mergePoverty(snapshot, imports);
}

export interface ImportIO {
  log(line: string): void;
  error(line: string): void;
}

export const IMPORT_USAGE =
  "Pemakaian: npm run data -- bps import <berkas.csv|berkas.xlsx> [--indicator p0_pct|poor_count|poverty_line_rp|p1|p2] [--month 3|9] [--dry-run]";

/** Runs the import: parse, validate, print the differences with the snapshot, record the rows. */
export async function runBpsImport(argv: readonly string[], io: ImportIO = console, options: { snapshotDir?: string; now?: () => Date } = {}): Promise<number> {
  const file = argv.find((a) => !a.startsWith("--") && !/^(p0_pct|poor_count|poverty_line_rp|p1|p2|3|9)$/.test(a));
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (!file) {
    io.error(IMPORT_USAGE);
    return 2;
  }
  const indicator = flag("--indicator");
  if (indicator !== undefined && !(POVERTY_VALUE_FIELDS as readonly string[]).includes(indicator)) {
    io.error(`Indikator tidak dikenal: ${indicator}. ${IMPORT_USAGE}`);
    return 2;
  }
  const monthText = flag("--month");
  const month = monthText === undefined ? undefined : Number(monthText);
  if (month !== undefined && month !== 3 && month !== 9) {
    io.error(`Bulan harus 3 atau 9, bukan ${monthText}.`);
    return 2;
  }
  const snapshotDir = options.snapshotDir ?? BPS_SNAPSHOT_DIR;
  const importedAt = (options.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const fileName = path.basename(file);
  let parsed: ParsedImport;
  try {
    parsed = parseBpsGrid(await readGrid(file), { fileName, importedAt, ...(indicator ? { field: indicator as PovertyField } : {}), ...(month ? { month } : {}) });
  } catch (error) {
    io.error(`Berkas ${fileName} tidak dapat dibaca: ${(error as Error).message}`);
    return 1;
  }
  const validated = validatePovertyRows(parsed.rows, Number(importedAt.slice(0, 4)));
  io.log(`${fileName}: ${parsed.indicator}, ${validated.rows.length} angka sah dari ${parsed.rows.length}.`);
  for (const line of [...parsed.skipped, ...validated.problems]) io.log(`  - ${line}`);
  if (validated.rows.length === 0) {
    io.error("Tidak ada angka yang dapat diimpor.");
    return 1;
  }
  const current = await snapshotWithImports(snapshotDir);
  for (const line of formatDiff(diffPoverty(current, validated.rows))) io.log(line);
  if (argv.includes("--dry-run")) {
    io.log("Uji coba (--dry-run): tidak ada yang dicatat.");
    return 0;
  }
  const dir = path.join(snapshotDir, "imports");
  await mkdir(dir, { recursive: true });
  const out = path.join(dir, `${importedAt}-${fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_")}.csv`);
  await writeFile(out, formatCsv(COLUMNS, validated.rows as unknown as Record<string, unknown>[]));
  io.log(`Dicatat di ${path.relative(process.cwd(), out)}; tabel BPS dibangun ulang dengan impor ini.`);
  return 0;
}
