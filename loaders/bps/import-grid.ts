// The cells of a table downloaded from the BPS website, as text: a CSV (comma, semicolon or tab, with
// or without a byte-order mark) or the first non-empty worksheet of an XLSX. Merged XLSX cells give
// every covered cell the merged value, as the CSV export leaves them to be read left to right.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { parseCsv } from "../lib/csv.js";

/** A file that is not a table this reader can open; the message is one Indonesian sentence. */
export class BpsTableReadError extends Error {}

type CellValue = ExcelJS.CellValue;

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return cellText((value.result ?? null) as CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings predate Node's generic Buffer; the bytes are the file as read.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw new BpsTableReadError("berkas XLSX tidak memuat lembar kerja berisi data");
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value).trim();
    });
    grid[number - 1] = Array.from(cells, (c) => c ?? "");
  });
  return Array.from(grid, (r) => r ?? []);
}

function delimiterOf(text: string): string {
  const head = text.split(/\r?\n/).slice(0, 12).join("\n");
  const counts = [",", ";", "\t"].map((d) => [d, head.split(d).length - 1] as const);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

export function gridFromCsvText(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, "");
  return parseCsv(clean, delimiterOf(clean)).map((record) => record.fields.map((f) => f.replace(/^\uFEFF/, "").trim()));
}

export async function readBpsTableGrid(file: string): Promise<string[][]> {
  const bytes = await readFile(file);
  if (/\.xlsx$/i.test(file)) return readXlsx(bytes);
  if (/\.xls$/i.test(file)) {
    // Old binary Excel (the OLE header D0 CF 11 E0) cannot be read here; a zipped XLSX misnamed .xls can.
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
    throw new BpsTableReadError("berkas .xls (Excel lama) tidak dapat dibaca; buka di Excel atau LibreOffice dan simpan sebagai .xlsx atau .csv");
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  return gridFromCsvText(bytes.toString("utf8"));
}
