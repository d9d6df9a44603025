// Loads every real file in data/private/ into DuckDB temp tables: registry files first (so NIK-only
// receipts can be resolved to their household), then beneficiary lists named in the receipts
// manifest. Rows become pseudonymised household and receipt rows; every finding goes into the
// rejection report. The lead's build writes the Parquet outputs from the returned tables.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadRows } from "../lib/parquet.js";
import {
  DEMO_KEY_REFUSED_MESSAGE,
  DEMO_PSEUDONYM_KEY,
  makePseudonymiser,
  MISSING_KEY_MESSAGE,
  PseudonymKeyError
} from "../lib/pseudonym.js";
import { loadReceiptManifest } from "../programmes/receipts-manifest.js";
import { ReceiptAccumulator } from "../programmes/receipts.js";
import { checkFile, type FileKind, type FileReport } from "./check-file.js";
import { DESIL_PCE_ASSUMPTION, HouseholdAccumulator, type DesilPceTable } from "./households.js";
import { severityOf, type Issue, type IssueCode } from "../../src/components/domain/registry-rules/issues.js";
import { formatIssueLine, writePrivateReport } from "./private-report.js";
import { fileDate, loadRegistryManifest } from "./registry-manifest.js";
import { toRejectionRow, type RejectionRow } from "./rejections.js";
import { PROGRAMME_RECEIPTS_SCHEMA, REGISTRY_HOUSEHOLDS_SCHEMA } from "./schema.js";
import { loadSiteSettings, MANIFEST_FILE, RECEIPTS_SUBDIR, REGISTRY_SUBDIR } from "./site.js";
import { UnreadableFileError } from "./table-reader.js";
import { formatCount } from "./validate-report.js";

export interface IngestOptions {
  /** Usually data/private (loaders/lib/paths.ts PRIVATE_DIR). */
  readonly privateDir: string;
  /** Hex key (TS_PSEUDONYM_KEY); required as soon as a real file is present. */
  readonly key: string | undefined;
  /** Progress and summary lines (Indonesian). */
  readonly log?: (line: string) => void;
  /** Desil → monthly per-capita expenditure used when the registry gives none (default: the stated assumption). */
  readonly desilPce?: DesilPceTable;
  /** Region reference (default data/reference/regions.csv). */
  readonly regionsFile?: string;
}

export interface IngestFileSummary {
  readonly file: string;
  readonly kind: FileKind;
  /** False when the file could not be interpreted or was not in the manifest. */
  readonly loaded: boolean;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
}

export interface IngestResult {
  /** Quoted temp table matching REGISTRY_HOUSEHOLDS_SCHEMA. */
  readonly households: string;
  /** Quoted temp table matching PROGRAMME_RECEIPTS_SCHEMA. */
  readonly receipts: string;
  /** Every finding (errors, warnings, notes) as INGEST_REJECTIONS_SCHEMA rows. */
  readonly rejections: RejectionRow[];
  readonly files: IngestFileSummary[];
  readonly householdCount: number;
  readonly receiptCount: number;
  /** True when at least one real file was found (pages must then not show the synthetic label). */
  readonly hasPrivateData: boolean;
}

const DATA_EXTENSIONS = new Set([".csv", ".txt", ".tsv", ".xlsx", ".xls"]);

/** Data files of one private sub-folder, sorted; manifests, hidden files and Excel lock files skipped. */
export async function listDataFiles(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith(".") && !e.name.startsWith("~$") && e.name.toLowerCase() !== MANIFEST_FILE)
    .filter((e) => DATA_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort();
}

function issue(file: string, code: IssueCode, message: string): Issue {
  return { file, row: null, column: null, code, message, severity: severityOf(code) };
}

const EXAMPLES_PER_CODE = 3;

/** Terminal lines for the data officer: per code the count and the first findings with their cell content. */
export function examplesByCode(issues: readonly Issue[]): string[] {
  const byCode = new Map<IssueCode, Issue[]>();
  for (const found of issues) {
    const list = byCode.get(found.code);
    if (list) list.push(found);
    else byCode.set(found.code, [found]);
  }
  const lines: string[] = [];
  for (const [code, list] of byCode) {
    lines.push(`${code} [${severityOf(code)}]: ${formatCount(list.length)} temuan`);
    for (const found of list.slice(0, EXAMPLES_PER_CODE)) lines.push(`  ${formatIssueLine(found)}`);
  }
  return lines;
}

/** Checks the key before anything is read: absent, the public demo key, or malformed → refuse. */
export function requireRealKey(key: string | undefined): (value: string) => string {
  if (key === undefined || key.trim() === "") throw new PseudonymKeyError(MISSING_KEY_MESSAGE);
  if (key.trim().toLowerCase() === DEMO_PSEUDONYM_KEY) throw new PseudonymKeyError(DEMO_KEY_REFUSED_MESSAGE);
  return makePseudonymiser(key);
}

export async function ingestPrivate(connection: DuckDBConnection, options: IngestOptions): Promise<IngestResult> {
  const log = options.log ?? (() => {});
  const registryDir = path.join(options.privateDir, REGISTRY_SUBDIR);
  const receiptsDir = path.join(options.privateDir, RECEIPTS_SUBDIR);
  const [registryFiles, receiptFiles] = await Promise.all([listDataFiles(registryDir), listDataFiles(receiptsDir)]);
  const hasPrivateData = registryFiles.length + receiptFiles.length > 0;
  const pseudonymise = hasPrivateData ? requireRealKey(options.key) : () => "";

  const site = await loadSiteSettings(options.privateDir, options.regionsFile);
  const issues: Issue[] = [];
  const files: IngestFileSummary[] = [];
  const households = new HouseholdAccumulator();
  const receipts = new ReceiptAccumulator();
  const record = (report: FileReport) => {
    issues.push(...report.issues);
    files.push({ file: report.file, kind: report.kind, loaded: true, rows: report.rows, accepted: report.accepted, rejected: report.rejected });
    log(`${report.file}: ${formatCount(report.rows)} baris, ${formatCount(report.accepted)} diterima, ${formatCount(report.rejected)} ditolak`);
  };
  const unreadable = (label: string, kind: FileKind, code: IssueCode, message: string) => {
    issues.push(issue(label, code, message));
    files.push({ file: label, kind, loaded: false, rows: 0, accepted: 0, rejected: 0 });
    log(`${label}: tidak dimuat — ${message}`);
  };
  const progress = (label: string) => (rows: number) => log(`${label}: ${formatCount(rows)} baris diperiksa…`);

  const registryManifest = await loadRegistryManifest(path.join(registryDir, MANIFEST_FILE));
  for (const problem of registryManifest.problems.filter((p) => p.file === null)) issues.push(issue(`${REGISTRY_SUBDIR}/${MANIFEST_FILE}`, "MANIFEST_INVALID", problem.message));
  for (const name of registryFiles) {
    const label = `${REGISTRY_SUBDIR}/${name}`;
    const problem = registryManifest.problems.find((p) => p.file === name);
    if (problem) {
      unreadable(label, "registry", "MANIFEST_INVALID", problem.message);
      continue;
    }
    const entry = registryManifest.entries.get(name);
    const filePath = path.join(registryDir, name);
    const snapshotDate = entry?.snapshotDate ?? (await fileDate(filePath));
    try {
      record(
        await checkFile({
          path: filePath,
          label,
          kind: "registry",
          resolver: site.resolver,
          regions: site.regions,
          households,
          defaultKab: entry?.kabKode ?? null,
          snapshotDate,
          source: entry?.source ?? `BNBA ${name} (snapshot ${snapshotDate})`,
          onProgress: progress(label),
          ...(entry?.sheet ? { sheet: entry.sheet } : {})
        })
      );
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      unreadable(label, "registry", "FILE_UNREADABLE", error.message);
    }
  }
  issues.push(...households.memberIssues());

  const receiptManifest = await loadReceiptManifest(path.join(receiptsDir, MANIFEST_FILE));
  for (const problem of receiptManifest.problems.filter((p) => p.file === null)) issues.push(issue(`${RECEIPTS_SUBDIR}/${MANIFEST_FILE}`, "MANIFEST_INVALID", problem.message));
  for (const name of receiptFiles) {
    const label = `${RECEIPTS_SUBDIR}/${name}`;
    const entry = receiptManifest.entries.get(name);
    if (!entry) {
      const problem = receiptManifest.problems.find((p) => p.file === name);
      if (problem) unreadable(label, "receipts", "MANIFEST_INVALID", problem.message);
      else unreadable(label, "receipts", "MANIFEST_MISSING", `Berkas ${name} tidak disebut di ${RECEIPTS_SUBDIR}/${MANIFEST_FILE}; program, penyandang dana, dan periodenya tidak diketahui.`);
      continue;
    }
    try {
      record(
        await checkFile({
          path: path.join(receiptsDir, name),
          label,
          kind: "receipts",
          resolver: site.resolver,
          regions: site.regions,
          receipts,
          registry: households,
          defaultKab: entry.kabKode,
          programme: { programmeCode: entry.programmeCode, funder: entry.funder, period: entry.period },
          source: entry.source ?? `Daftar penerima ${entry.programmeCode} ${entry.period} (${name})`,
          onProgress: progress(label),
          ...(entry.sheet ? { sheet: entry.sheet } : {})
        })
      );
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      unreadable(label, "receipts", "FILE_UNREADABLE", error.message);
    }
  }

  // A manifest naming a file that is not there is usually a typo in the file name: say so.
  for (const [subdir, names, listed] of [
    [REGISTRY_SUBDIR, registryFiles, [...registryManifest.entries.keys()]],
    [RECEIPTS_SUBDIR, receiptFiles, [...receiptManifest.entries.keys()]]
  ] as const) {
    for (const name of listed) {
      if (!names.includes(name)) issues.push(issue(`${subdir}/${MANIFEST_FILE}`, "MANIFEST_INVALID", `${subdir}/${MANIFEST_FILE} menyebut berkas ${name} yang tidak ada di folder ${subdir}.`));
    }
  }

  if (hasPrivateData && issues.length > 0) {
    const written = await writePrivateReport(
      options.privateDir,
      "ingest",
      `Laporan lengkap pemuatan data privat: ${files.length} berkas, ${issues.length} temuan.`,
      issues
    );
    for (const line of examplesByCode(issues)) log(line);
    log(`Laporan lengkap dengan isi sel (hanya untuk petugas data): ${written}`);
  }

  const householdRows = households.finish(pseudonymise, options.desilPce ?? DESIL_PCE_ASSUMPTION);
  const receiptRows = receipts.finish(pseudonymise);
  const householdTable = await loadRows(connection, REGISTRY_HOUSEHOLDS_SCHEMA, householdRows);
  const receiptTable = await loadRows(connection, PROGRAMME_RECEIPTS_SCHEMA, receiptRows);
  if (hasPrivateData) log(`Registri: ${formatCount(householdRows.length)} rumah tangga; penerimaan program: ${formatCount(receiptRows.length)} baris.`);
  return {
    households: householdTable,
    receipts: receiptTable,
    rejections: issues.map(toRejectionRow),
    files,
    householdCount: householdRows.length,
    receiptCount: receiptRows.length,
    hasPrivateData
  };
}
