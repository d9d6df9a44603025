// Opens one beneficiary list from its bytes inside the browser (or in Node for tests and benchmarks):
// CSV in any encoding and delimiter the loaders accept, or XLSX through exceljs (loaded by the
// caller, only on /periksa). Title rows, header aliases, total rows and blank rows are handled by
// the shared registry rules; every row read is accepted or rejected with its reason.
import type ExcelJS from "exceljs";
import { formatDecimal, formatNumber } from "../core/format.js";
import { checkRowsInChunks, locateHeader, scoreHeader } from "../domain/registry-rules/check-table.js";
import type { CanonicalColumn, ColumnResolver } from "../domain/registry-rules/columns.js";
import { detectEncoding } from "../domain/registry-rules/decode.js";
import type { Issue } from "../domain/registry-rules/issues.js";
import type { RegionIndex } from "../domain/registry-rules/region-index.js";
import { openCsvBytes, pickWorksheet, sniffFormat, UnreadableFileError, worksheetTable, type OpenedTable } from "../domain/registry-rules/table.js";
import { HugeFieldError, ListRowHandler, type ListPerson } from "./list-rows.js";

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 200_000;
export const CHUNK_ROWS = 5_000;

/** A file this page cannot use; `message` is one Indonesian sentence for the user. */
export class ListFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ListFileError";
  }
}

export interface ListReading {
  readonly fileName: string;
  readonly format: "csv" | "xlsx";
  readonly sheet: string | null;
  readonly headerLine: number;
  readonly columns: readonly CanonicalColumn[];
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly issues: readonly Issue[];
  readonly people: readonly ListPerson[];
}

export interface ReadContext {
  readonly resolver: ColumnResolver;
  readonly regions: RegionIndex | null;
  readonly bantenKabKota: ReadonlySet<string>;
  /** Loads exceljs (the browser bundle, on this page only). */
  readonly loadExcel: () => Promise<typeof ExcelJS>;
  /** Called between chunks of rows: report progress and let the page paint. */
  readonly pause: (rows: number) => Promise<void>;
}

const formatBytes = (bytes: number) => `${formatDecimal(bytes / 1024 / 1024, 1)} MB`;

/** NUL bytes in a file that is not UTF-16 mean a binary file (image, PDF, archive), not a table. */
function looksBinary(bytes: Uint8Array): boolean {
  const encoding = detectEncoding(bytes.subarray(0, 3)).encoding;
  if (encoding === "utf-16le" || encoding === "utf-16be") return false;
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

async function open(fileName: string, bytes: Uint8Array, context: ReadContext): Promise<OpenedTable> {
  const format = sniffFormat(bytes);
  if (format === "empty") throw new ListFileError(`Berkas ${fileName} kosong (0 byte).`);
  if (format === "xls") {
    throw new ListFileError(
      `Berkas ${fileName} dilindungi kata sandi atau berformat Excel 97–2003 (.xls): buka di Excel, hapus kata sandinya, lalu simpan sebagai .xlsx atau CSV.`
    );
  }
  if (format === "xlsx") {
    const ExcelJSModule = await context.loadExcel();
    const workbook = new ExcelJSModule.Workbook();
    try {
      await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    } catch {
      throw new ListFileError(`Berkas ${fileName} rusak: bentuknya arsip ZIP tetapi bukan lembar kerja .xlsx yang dapat dibaca.`);
    }
    const worksheet = pickWorksheet(workbook, undefined, fileName);
    if (worksheet.rowCount > MAX_ROWS + 50) {
      throw new ListFileError(`Berkas ${fileName} berisi ${formatNumber(worksheet.rowCount)} baris, melebihi batas ${formatNumber(MAX_ROWS)} baris per berkas.`);
    }
    return worksheetTable(worksheet);
  }
  if (looksBinary(bytes)) throw new ListFileError(`Berkas ${fileName} bukan tabel (CSV atau XLSX): isinya data biner, misalnya gambar, PDF, atau arsip.`);
  return openCsvBytes(bytes, (cells) => scoreHeader(cells, context.resolver));
}

/** Reads and checks one list; throws ListFileError with one sentence when the file cannot be used. */
export async function readList(fileName: string, bytes: Uint8Array, context: ReadContext): Promise<ListReading> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new ListFileError(`Berkas ${fileName} berukuran ${formatBytes(bytes.byteLength)}, melebihi batas ${formatBytes(MAX_FILE_BYTES)} per berkas; pecah daftar menjadi beberapa berkas.`);
  }
  try {
    const opened = await open(fileName, bytes, context);
    const located = locateHeader(opened, context.resolver, fileName);
    const handler = new ListRowHandler(context.regions, context.bantenKabKota);
    const tally = await checkRowsInChunks(located, handler, {
      file: fileName,
      resolver: context.resolver,
      chunkRows: CHUNK_ROWS,
      pause: async (rows) => {
        if (rows > MAX_ROWS) throw new ListFileError(`Berkas ${fileName} berisi lebih dari ${formatNumber(MAX_ROWS)} baris data, melebihi batas per berkas; pecah daftar menjadi beberapa berkas.`);
        await context.pause(rows);
      }
    });
    if (tally.rows > MAX_ROWS) throw new ListFileError(`Berkas ${fileName} berisi lebih dari ${formatNumber(MAX_ROWS)} baris data, melebihi batas per berkas; pecah daftar menjadi beberapa berkas.`);
    if (tally.rows === 0) throw new ListFileError(`Berkas ${fileName} hanya berisi judul kolom, tanpa baris data.`);
    return {
      fileName,
      format: opened.format,
      sheet: opened.sheet,
      headerLine: located.layout.line,
      columns: [...located.layout.index.keys()],
      rows: tally.rows,
      accepted: tally.accepted,
      rejected: tally.rejected,
      issues: [...located.titleRows.map((t) => titleIssue(fileName, t.line, located.layout.line)), ...tally.issues],
      people: handler.people
    };
  } catch (error) {
    if (error instanceof HugeFieldError) {
      throw new ListFileError(
        `Berkas ${fileName} baris ${formatNumber(error.line)} berisi satu isian sepanjang ${formatNumber(error.length)} karakter: berkas rusak (misalnya tanda kutip yang tidak ditutup) atau bukan daftar penerima.`
      );
    }
    if (error instanceof UnreadableFileError) {
      throw new ListFileError(
        /judul kolom tidak ditemukan/i.test(error.message)
          ? `Berkas ${fileName} tidak berbentuk tabel daftar penerima: dalam 50 baris pertama tidak ada baris judul kolom yang memuat NIK atau NO_KK beserta kolom lain yang dikenal (NAMA, ALAMAT, KELURAHAN, …).`
          : error.message
      );
    }
    throw error;
  }
}

function titleIssue(file: string, line: number, headerLine: number): Issue {
  return { file, row: line, column: null, code: "TITLE_ROW", message: `Baris judul di atas judul kolom (baris ${headerLine}) dilewati.`, severity: "info" };
}
