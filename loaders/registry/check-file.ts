// One file from bytes to a report: open, find the header, decide registry or receipts, check the
// required columns, run every row, and add the file-level notes (encoding, title rows, unknown
// columns). Used by `validate` for one file and by the private ingest for all of them.
import path from "node:path";
import { ReceiptAccumulator, ReceiptRowHandler } from "../programmes/receipts.js";
import { checkRows, locateHeader, scoreHeader, type HeaderLayout } from "../../src/components/domain/registry-rules/check-table.js";
import { FLAG_COLUMNS, type CanonicalColumn, type ColumnResolver } from "./columns.js";
import type { TextEncodingName } from "./decode.js";
import { HouseholdAccumulator, type RegistryLookup } from "./households.js";
import { severityOf, type Issue, type IssueCode } from "../../src/components/domain/registry-rules/issues.js";
import type { RegionIndex, RegionLevel } from "./region-match.js";
import { RegistryRowHandler, type RegionSummary } from "./registry-rows.js";
import { openTable, UnreadableFileError } from "./table-reader.js";

export type FileKind = "registry" | "receipts";
export const FILE_KINDS: readonly FileKind[] = ["registry", "receipts"];

export interface ReceiptProgramme {
  readonly programmeCode: string;
  readonly funder: string;
  readonly period: string;
}

export interface CheckFileOptions {
  /** Where to read the file. */
  readonly path: string;
  /** How the file is named in reports (relative to the private folder; never an absolute path). */
  readonly label: string;
  /** Forced kind; detected from the folder or columns when absent. */
  readonly kind?: FileKind;
  readonly sheet?: string | number;
  readonly resolver: ColumnResolver;
  readonly regions: RegionIndex;
  /** Registry state shared across the files of one ingest (a fresh one when absent). */
  readonly households?: HouseholdAccumulator;
  readonly receipts?: ReceiptAccumulator;
  /** Registry for resolving NIK-only receipts; null/absent when a receipts file is checked alone. */
  readonly registry?: RegistryLookup | null;
  readonly defaultKab?: string | null;
  readonly snapshotDate?: string;
  readonly source?: string;
  readonly programme?: ReceiptProgramme | null;
  readonly onProgress?: (rows: number) => void;
}

export interface FileReport {
  readonly file: string;
  readonly kind: FileKind;
  readonly kindDetected: boolean;
  readonly format: "csv" | "xlsx";
  readonly encoding: TextEncodingName | null;
  readonly delimiter: string | null;
  readonly sheet: string | null;
  readonly headerLine: number;
  readonly titleRows: number;
  readonly columns: readonly { header: string; column: CanonicalColumn | null }[];
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly issues: readonly Issue[];
  readonly regions: RegionSummary | null;
}

const REGISTRY_ONLY: readonly CanonicalColumn[] = ["DESIL", "JUMLAH_ART", "PENGELUARAN_PERKAPITA", ...FLAG_COLUMNS];
const REGION_COLUMNS: readonly CanonicalColumn[] = ["KODE_KELURAHAN", "KODE_KECAMATAN", "KECAMATAN", "KELURAHAN"];

/** The private folder layout decides first (registry/ or receipts/), then the columns. */
export function detectKind(layout: HeaderLayout, file: string): FileKind {
  const folders = path.resolve(file).split(path.sep).map((s) => s.toLowerCase());
  const parent = folders[folders.length - 2];
  if (parent === "receipts") return "receipts";
  if (parent === "registry") return "registry";
  return REGISTRY_ONLY.some((c) => layout.index.has(c)) ? "registry" : "receipts";
}

function requireColumns(layout: HeaderLayout, kind: FileKind, label: string): void {
  if (kind === "receipts") return; // The header always has NIK or NO_KK.
  if (!layout.index.has("NO_KK")) {
    throw new UnreadableFileError(`Kolom NO_KK tidak ditemukan di ${label}: registri BNBA memerlukan nomor KK untuk mengelompokkan rumah tangga.`);
  }
  if (!REGION_COLUMNS.some((c) => layout.index.has(c))) {
    throw new UnreadableFileError(`Kolom wilayah tidak ditemukan di ${label}: diperlukan KODE_KELURAHAN, KODE_KECAMATAN, atau nama KECAMATAN/KELURAHAN.`);
  }
  if (!layout.index.has("DESIL") && !layout.index.has("PENGELUARAN_PERKAPITA")) {
    throw new UnreadableFileError(`Kolom DESIL maupun PENGELUARAN_PERKAPITA tidak ditemukan di ${label}: pengeluaran rumah tangga tidak dapat ditentukan.`);
  }
}

const LEVEL_COLUMN: Record<RegionLevel, CanonicalColumn> = { provinsi: "KAB_KOTA", kabkota: "KAB_KOTA", kecamatan: "KECAMATAN", kelurahan: "KELURAHAN" };

function fileIssue(file: string, row: number | null, column: string | null, code: IssueCode, message: string): Issue {
  return { file, row, column, code, message, severity: severityOf(code) };
}

/** Checks one file. Throws UnreadableFileError (one Indonesian sentence) when it cannot be interpreted. */
export async function checkFile(options: CheckFileOptions): Promise<FileReport> {
  const { label, resolver } = options;
  const opened = await openTable(options.path, {
    headerScore: (cells) => scoreHeader(cells, resolver),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {})
  });
  const located = locateHeader(opened, resolver, label);
  const { layout } = located;
  const kind = options.kind ?? detectKind(layout, options.path);
  requireColumns(layout, kind, label);

  const notes: Issue[] = [];
  if (opened.encoding === "windows-1252") {
    notes.push(fileIssue(label, null, null, "ENCODING_WINDOWS_1252", "Berkas bukan UTF-8 yang sah; dibaca sebagai Windows-1252. Periksa huruf beraksen pada nama wilayah."));
  }
  for (const title of located.titleRows) {
    notes.push(fileIssue(label, title.line, null, "TITLE_ROW", `Baris judul di atas judul kolom (baris ${layout.line}) dilewati.`));
  }
  if (layout.unknown.length > 0) {
    notes.push(fileIssue(label, layout.line, null, "UNKNOWN_COLUMNS", `Kolom yang tidak dipakai diabaikan: ${layout.unknown.join(", ")}.`));
  }
  for (const duplicate of layout.duplicates) {
    notes.push(fileIssue(label, layout.line, duplicate.header, "DUPLICATE_COLUMN", `Kolom "${duplicate.header}" juga berarti ${duplicate.column}; kolom pertama yang dipakai.`));
  }

  let regions: RegionSummary | null = null;
  let handler;
  // Checked alone, a file gets its own registry state, and the checks that need all rows run here.
  const ownHouseholds = kind === "registry" && !options.households ? new HouseholdAccumulator() : null;
  if (kind === "registry") {
    const registryHandler = new RegistryRowHandler(options.regions, options.households ?? ownHouseholds!, {
      file: label,
      snapshotDate: options.snapshotDate ?? "",
      source: options.source ?? label,
      defaultKab: options.defaultKab ?? null
    });
    regions = registryHandler.regions;
    handler = registryHandler;
  } else {
    const programme = options.programme ?? { programmeCode: "?", funder: "?", period: "?" };
    handler = new ReceiptRowHandler(
      { file: label, ...programme, defaultKab: options.defaultKab ?? null, source: options.source ?? label },
      options.receipts ?? new ReceiptAccumulator(),
      options.registry ?? null,
      options.regions.bantenKabKota
    );
  }
  const tally = checkRows(located, handler, { file: label, resolver, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const late = ownHouseholds ? ownHouseholds.memberIssues() : [];
  if (regions && regions.kelUnverified > 0) {
    notes.push(
      fileIssue(label, null, null, "REGION_KELURAHAN_UNVERIFIED", `${regions.kelUnverified} baris: kelurahan/desa tidak dapat diperiksa karena daftar kelurahan untuk kabupaten/kota tersebut belum tersedia; kecamatan tetap dipakai.`)
    );
  }
  if (regions) {
    for (const loose of regions.loose.values()) {
      const level = loose.level === "kabkota" ? "Kabupaten/kota" : loose.level === "kecamatan" ? "Kecamatan" : "Kelurahan";
      const how = loose.how === "alias" ? "melalui tabel alias" : "setelah huruf besar/kecil, spasi, tanda baca, dan awalan disamakan";
      const at = layout.index.get(LEVEL_COLUMN[loose.level]);
      notes.push({
        ...fileIssue(label, null, at === undefined ? null : (layout.headers[at] ?? null), "REGION_NAME_MATCHED", `${level}: nama tertulis dicocokkan dengan ${loose.nama} ${how} (${loose.rows} baris).`),
        detail: `Tertulis ${JSON.stringify(loose.written)}.`
      });
    }
  }
  return {
    file: label,
    kind,
    kindDetected: options.kind === undefined,
    format: opened.format,
    encoding: opened.encoding,
    delimiter: opened.delimiter,
    sheet: opened.sheet,
    headerLine: layout.line,
    titleRows: located.titleRows.length,
    columns: layout.headers.map((header) => ({ header, column: header === "" ? null : resolver.resolve(header) })),
    rows: tally.rows,
    accepted: tally.accepted,
    rejected: tally.rejected,
    issues: [...notes, ...tally.issues, ...late],
    regions
  };
}
