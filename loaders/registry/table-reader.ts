// Opens a BNBA or beneficiary file as records of cells, whatever Dinsos exported: CSV with ";" or
// "," (detected from where the header is recognised), any of the encodings in decode.ts, or XLSX
// read with exceljs (first sheet unless told) keeping numbers exactly as Excel stored them.
import { readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import {
  openCsvBytes,
  pickWorksheet,
  sniffFormat,
  UnreadableFileError,
  worksheetTable,
  type HeaderScore,
  type OpenedTable
} from "../../src/components/domain/registry-rules/table.js";
import { detectEncoding } from "./decode.js";

export * from "../../src/components/domain/registry-rules/table.js";

export interface OpenOptions {
  /** Worksheet name or 1-based position (XLSX); default the first. */
  readonly sheet?: string | number;
  /** Scores a record as a header row (0 = not a header); picks the CSV delimiter. */
  readonly headerScore: HeaderScore;
}

export async function openTable(file: string, options: OpenOptions): Promise<OpenedTable> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(
      code === "ENOENT" ? `Berkas ${file} tidak ditemukan.` : code === "EISDIR" ? `${file} adalah folder, bukan berkas.` : `Berkas ${file} tidak dapat dibuka (${code ?? "galat"}).`
    );
  }
  const format = sniffFormat(bytes);
  if (format === "xls") {
    throw new UnreadableFileError(`Berkas ${path.basename(file)} berformat Excel 97–2003 (.xls) yang tidak didukung; simpan ulang sebagai .xlsx atau CSV.`);
  }
  if (format === "xlsx") return openXlsx(file, bytes, options.sheet);
  if (format === "empty") throw new UnreadableFileError(`Berkas ${path.basename(file)} kosong.`);
  return openCsvBytes(bytes, options.headerScore, detectEncoding(bytes));
}

async function openXlsx(file: string, bytes: Buffer, sheet: string | number | undefined): Promise<OpenedTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are the file as read.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError(`Berkas ${path.basename(file)} tampak seperti arsip ZIP tetapi bukan lembar kerja .xlsx yang dapat dibaca.`);
  }
  return worksheetTable(pickWorksheet(workbook, sheet, path.basename(file)));
}

