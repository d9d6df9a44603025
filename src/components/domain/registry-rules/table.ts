// A BNBA or beneficiary file as records of cells, from its bytes: CSV in any of the encodings of
// decode.ts with the delimiter under which a header is recognised, or an XLSX worksheet read by
// exceljs (the caller loads exceljs: the package in Node, exceljs/dist in the browser). Shared by
// the loaders (table-reader.ts adds reading from disk) and /periksa.
import type ExcelJS from "exceljs";
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

export type HeaderScore = (cells: readonly string[]) => number;

export const CSV_DELIMITERS = [";", ",", "\t", "|"] as const;
/** Title rows allowed above the header. */
export const MAX_ROWS_BEFORE_HEADER = 50;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export type ByteFormat = "xlsx" | "xls" | "csv" | "empty";

/** What the first bytes say: a ZIP (XLSX), an OLE compound file (.xls or an encrypted XLSX), text, or nothing. */
export function sniffFormat(bytes: Uint8Array): ByteFormat {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, OLE_MAGIC)) return "xls";
  if (startsWith(bytes, ZIP_MAGIC)) return "xlsx";
  return "csv";
}

/** Picks the delimiter under which some early record looks most like a header. */
export function detectDelimiter(sample: string, headerScore: HeaderScore): string {
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

/** A CSV file's bytes as records; `detected` defaults to the portable encoding check. */
export function openCsvBytes(bytes: Uint8Array, headerScore: HeaderScore, detected: DetectedEncoding = detectEncoding(bytes)): OpenedTable {
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

/** Picks a worksheet (first unless told by name or 1-based position); throws UnreadableFileError. */
export function pickWorksheet(workbook: ExcelJS.Workbook, sheet: string | number | undefined, fileName: string): ExcelJS.Worksheet {
  const worksheet =
    sheet === undefined ? workbook.worksheets[0] : typeof sheet === "number" ? workbook.worksheets[sheet - 1] : workbook.getWorksheet(sheet);
  if (!worksheet) {
    const names = workbook.worksheets.map((w) => w.name).join(", ");
    throw new UnreadableFileError(
      sheet === undefined
        ? `Berkas ${fileName} tidak memiliki lembar kerja.`
        : `Lembar kerja ${JSON.stringify(String(sheet))} tidak ada di ${fileName}; yang tersedia: ${names}.`
    );
  }
  return worksheet;
}

/** A loaded worksheet as records. */
export function worksheetTable(worksheet: ExcelJS.Worksheet): OpenedTable {
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
