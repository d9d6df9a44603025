// Table exports shared by every page: CSV (formula injection neutralised) and formatted XLSX with a
// sheet of sources and dates. Pure builders (testable in Node) plus one download helper for the browser.
import ExcelJS from "exceljs/dist/exceljs.min.js";
import { formatPlainNumber } from "./format.js";
import { CSV_DIALECTS as DIALECTS, type CsvDialect, type CsvDialectRules } from "./csv-dialect.js";

export type { CsvDialect } from "./csv-dialect.js";

export type ColumnFormat = "text" | "int" | "number" | "rp" | "pct" | "date";

export interface ExportColumn {
  readonly key: string;
  /** Header shown in the file (Bahasa Indonesia, with the unit, e.g. "Rumah tangga (KK)"). */
  readonly header: string;
  readonly format?: ColumnFormat;
}

export interface ExportSheet {
  /** Sheet name (at most 31 characters; characters Excel forbids are replaced). */
  readonly name: string;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly Record<string, unknown>[];
  /** One line shown above the table, e.g. the filter or the synthetic-data label. */
  readonly caption?: string;
}

export interface ExportSource {
  /** What the source covers, e.g. a table name or a figure. */
  readonly item: string;
  /** Original publisher and document. */
  readonly source: string;
  /** Snapshot or publication date as shown to users (e.g. "23 Sep 2025"). */
  readonly date: string;
  readonly note?: string;
}

export interface ExportWorkbook {
  readonly title: string;
  readonly sheets: readonly ExportSheet[];
  readonly sources: readonly ExportSource[];
  /** When the file was made; defaults to now. */
  readonly generatedAt?: Date;
}

/**
 * A cell that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return) gets a leading
 * apostrophe, so a name like "=HYPERLINK(…)" in a list stays text (OWASP CSV injection guidance).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellText(value: unknown, dialect: CsvDialectRules): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return formatPlainNumber(value, dialect.decimal);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? dialect.yes : dialect.no;
  return neutraliseFormula(String(value));
}

function csvField(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a header row in the given dialect (default: Excel in an Indonesian locale). */
export function toCsv(sheet: ExportSheet, dialect: CsvDialect = "excel-id"): string {
  const d = DIALECTS[dialect];
  const lines = [sheet.columns.map((c) => csvField(neutraliseFormula(c.header), d.delimiter)).join(d.delimiter)];
  for (const row of sheet.rows) lines.push(sheet.columns.map((c) => csvField(cellText(row[c.key], d), d.delimiter)).join(d.delimiter));
  return d.bom + lines.join("\r\n") + "\r\n";
}

const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: "@",
  int: "#,##0",
  number: "#,##0.00",
  rp: '"Rp"#,##0',
  pct: '0.00"%"',
  date: "dd mmm yyyy"
};

export function sheetName(name: string, taken: ReadonlySet<string> = new Set()): string {
  const base = (name.replace(/[\\/?*[\]:]/g, " ").trim() || "Lembar").slice(0, 31);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  return candidate;
}

function excelValue(value: unknown, format: ColumnFormat | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value ? "Ya" : "Tidak";
  if (value instanceof Date) return value;
  if (format === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return neutraliseFormula(String(value));
}

/** Builds a formatted XLSX: one sheet per table (bold frozen header, widths, number formats) and a "Sumber" sheet. */
export async function toXlsx(workbook: ExportWorkbook): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "Tepat Sasaran";
  const generated = workbook.generatedAt ?? new Date();
  book.created = generated;
  const taken = new Set<string>();
  for (const sheet of workbook.sheets) {
    const name = sheetName(sheet.name, taken);
    taken.add(name.toLowerCase());
    const ws = book.addWorksheet(name);
    let headerRow = 1;
    if (sheet.caption) {
      ws.addRow([neutraliseFormula(sheet.caption)]).font = { italic: true };
      headerRow = 2;
    }
    const header = ws.addRow(sheet.columns.map((c) => neutraliseFormula(c.header)));
    header.font = { bold: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF5" } };
    for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => excelValue(row[c.key], c.format)));
    sheet.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      const format = NUMBER_FORMATS[c.format ?? "text"];
      if (format && c.format && c.format !== "text") column.numFmt = format;
      const longest = Math.max(c.header.length, ...sheet.rows.slice(0, 500).map((r) => cellText(r[c.key], DIALECTS["excel-id"]).length));
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
    ws.views = [{ state: "frozen", ySplit: headerRow }];
  }
  const sources = book.addWorksheet(sheetName("Sumber", taken));
  sources.addRow([neutraliseFormula(workbook.title)]).font = { bold: true, size: 13 };
  sources.addRow([`Dibuat oleh Tepat Sasaran pada ${generated.toISOString().slice(0, 10)}`]);
  sources.addRow([]);
  const head = sources.addRow(["Data", "Sumber", "Tanggal", "Catatan"]);
  head.font = { bold: true };
  for (const s of workbook.sources) sources.addRow([s.item, s.source, s.date, s.note ?? ""].map(neutraliseFormula));
  [30, 70, 16, 50].forEach((width, i) => (sources.getColumn(i + 1).width = width));
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** File name with the date (letters, digits and "-"), e.g. exportFileName("rakor-tumpang-tindih", "xlsx") → "rakor-tumpang-tindih-2026-12-03.xlsx". */
export function exportFileName(stem: string, extension: "csv" | "xlsx" | "json", at: Date = new Date()): string {
  const safe = stem.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "ekspor";
  return `${safe}-${at.toISOString().slice(0, 10)}.${extension}`;
}

const MIME = {
  csv: "text/csv;charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json"
} as const;

/** Saves bytes or text as a file in the browser (an object URL on a temporary link; nothing is sent anywhere). */
export function downloadFile(content: Uint8Array | string, fileName: string): void {
  const extension = fileName.slice(fileName.lastIndexOf(".") + 1) as keyof typeof MIME;
  const blob = new Blob([content as BlobPart], { type: MIME[extension] ?? "application/octet-stream" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
