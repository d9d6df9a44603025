// Opens a BNBA or beneficiary file as records of cells, whatever Dinsos exported: CSV with ";" or
// "," (detected from where the header is recognised), any of the encodings in decode.ts, or XLSX
// read with exceljs (first sheet unless told) keeping numbers exactly as Excel stored them.
import { readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { CsvTokenizer, tokenizeCsv } from "./csv-stream.js";
import { decodeInChunks, decodeSample, detectEncoding, type DetectedEncoding, type TextEncodingName } from "./decode.js";
import { cellText, type Cell } from "./values.js";

export interface RawRecord {
  /** 1-based line (CSV) or sheet row (XLSX). */
  readonly line: number;
  readonly cells: readonly Cell[];
}

export interface OpenedTable {
  readonly format: "csv" | "xlsx";
  readonly encoding: TextEncodingName | null;
  readonly delimiter: string | null;
  readonly sheet: string | null;
  /** Records in file order, blank lines included (each line is accounted for). */
  records(): Iterable<RawRecord>;
  /** After iterating: the line of a CSV record whose quote never closed, else null. */
  unclosedQuoteLine(): number | null;
}

/** The file cannot be interpreted at all; `message` is one Indonesian sentence for the user. */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableFileError";
  }
}

export interface OpenOptions {
  /** Worksheet name or 1-based position (XLSX); default the first. */
  readonly sheet?: string | number;
  /** Scores a record as a header row (0 = not a header); picks the CSV delimiter. */
  readonly headerScore: (cells: readonly string[]) => number;
}

export const CSV_DELIMITERS = [";", ",", "\t", "|"] as const;
/** Title rows allowed above the header. */
export const MAX_ROWS_BEFORE_HEADER = 50;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
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
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new UnreadableFileError(`Berkas ${path.basename(file)} berformat Excel 97–2003 (.xls) yang tidak didukung; simpan ulang sebagai .xlsx atau CSV.`);
  }
  if (startsWith(bytes, ZIP_MAGIC)) return openXlsx(file, bytes, options.sheet);
  if (bytes.length === 0) throw new UnreadableFileError(`Berkas ${path.basename(file)} kosong.`);
  return openCsv(bytes, options.headerScore);
}

/** Picks the delimiter under which some early record looks most like a header. */
export function detectDelimiter(sample: string, headerScore: OpenOptions["headerScore"]): string {
  let best: string = CSV_DELIMITERS[0];
  let bestScore = -1;
  for (const delimiter of CSV_DELIMITERS) {
    const { records } = tokenizeCsv(sample, delimiter);
    let score = 0;
    for (const record of records.slice(0, MAX_ROWS_BEFORE_HEADER)) {
      score = Math.max(score, headerScore(record.fields.map((f) => f.trim())));
    }
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function openCsv(bytes: Buffer, headerScore: OpenOptions["headerScore"]): OpenedTable {
  const detected: DetectedEncoding = detectEncoding(bytes);
  const delimiter = detectDelimiter(decodeSample(bytes, detected), headerScore);
  let unclosed: number | null = null;
  return {
    format: "csv",
    encoding: detected.encoding,
    delimiter,
    sheet: null,
    *records() {
      const tokenizer = new CsvTokenizer(delimiter);
      for (const chunk of decodeInChunks(bytes, detected)) {
        for (const record of tokenizer.push(chunk)) yield { line: record.line, cells: record.fields };
      }
      const tail = tokenizer.end();
      unclosed = tail.unclosedQuoteLine;
      for (const record of tail.records) yield { line: record.line, cells: record.fields };
    },
    unclosedQuoteLine: () => unclosed
  };
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/** An exceljs cell value as a plain cell: formulas give their cached result, rich text its text. */
export function excelCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return isoDate(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : excelCell(result as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) return value.text;
  if ("error" in value) return value.error;
  return cellText(String(value));
}

async function openXlsx(file: string, bytes: Buffer, sheet: string | number | undefined): Promise<OpenedTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are the file as read.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError(`Berkas ${path.basename(file)} tampak seperti arsip ZIP tetapi bukan lembar kerja .xlsx yang dapat dibaca.`);
  }
  const worksheet =
    sheet === undefined
      ? workbook.worksheets[0]
      : typeof sheet === "number"
        ? workbook.worksheets[sheet - 1]
        : workbook.getWorksheet(sheet);
  if (!worksheet) {
    const names = workbook.worksheets.map((w) => w.name).join(", ");
    throw new UnreadableFileError(
      sheet === undefined
        ? `Berkas ${path.basename(file)} tidak memiliki lembar kerja.`
        : `Lembar kerja ${JSON.stringify(String(sheet))} tidak ada di ${path.basename(file)}; yang tersedia: ${names}.`
    );
  }
  const values = worksheet.getSheetValues();
  return {
    format: "xlsx",
    encoding: null,
    delimiter: null,
    sheet: worksheet.name,
    *records() {
      // Rows and cells are 1-based in exceljs; missing rows are blank rows of the sheet.
      for (let line = 1; line < values.length; line++) {
        const row = values[line];
        const cells: Cell[] = [];
        if (Array.isArray(row)) for (let c = 1; c < row.length; c++) cells.push(excelCell(row[c] as ExcelJS.CellValue));
        yield { line, cells };
      }
    },
    unclosedQuoteLine: () => null
  };
}
