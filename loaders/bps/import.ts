// `npm run data -- bps import <file>…`: tables downloaded from the BPS website (CSV or XLSX as BPS
// exports them) become tidy bps_poverty rows. Each file's layout is read (import-layout.ts), its
// region rows resolved (import-regions.ts), every row accounted for, the figures validated and
// compared with the snapshot, and the rows recorded in data/reference/bps/imports/ with the file name
// and the import date, so every build merges them over the snapshot (import-record.ts).
import path from "node:path";
import { BpsLayoutError } from "./import-layout.js";
import { BpsTableReadError, readBpsTableGrid } from "./import-grid.js";
import { BpsImportError, parseBpsTable, type ParsedImport } from "./import-parse.js";
import { finerWithinRounding, recordImport, snapshotWithImports } from "./import-record.js";
import { diffPoverty, formatDiff } from "./merge.js";
import { BPS_SNAPSHOT_DIR } from "./paths.js";
import { POVERTY_VALUE_FIELDS, povertyKey, type PovertyField, type PovertyRow } from "./rows.js";
import { validatePovertyRows } from "./validate.js";

export interface ImportIO {
  log(line: string): void;
  error(line: string): void;
}

export const IMPORT_USAGE =
  "Pemakaian: npm run data -- bps import <berkas.csv|berkas.xlsx>… [--indicator p0_pct|poor_count|poverty_line_rp|p1|p2] [--month 3|9] [--source <asal berkas>] [--dry-run]";

const VALUE_FLAGS = ["--indicator", "--month", "--source"] as const;

function parseArgs(argv: readonly string[]): { files: string[]; flags: Map<string, string>; dryRun: boolean; unknown: string[] } {
  const files: string[] = [];
  const flags = new Map<string, string>();
  const unknown: string[] = [];
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if ((VALUE_FLAGS as readonly string[]).includes(arg)) flags.set(arg, argv[++i] ?? "");
    else if (arg === "--dry-run") dryRun = true;
    else if (arg.startsWith("--")) unknown.push(arg);
    else files.push(arg);
  }
  return { files, flags, dryRun, unknown };
}

function describeCounts(parsed: ParsedImport): string {
  const c = parsed.counts;
  const parts = [`${c.used} dipakai`];
  if (c.outside > 0) parts.push(`${c.outside} di luar wilayah kerja`);
  if (c.unknown > 0) parts.push(`${c.unknown} tidak dikenal`);
  if (c.empty > 0) parts.push(`${c.empty} tanpa angka`);
  const columns = parsed.layout.columns.map((col) => col.heading);
  return `${parsed.indicator}; kolom ${columns.join(", ")}; ${c.regionRows} baris wilayah: ${parts.join(", ")}`;
}

/** The table's figures without those that only round a finer snapshot figure (listed apart). */
function splitConfirmed(current: readonly PovertyRow[], rows: readonly PovertyRow[]): { changes: PovertyRow[]; confirmed: string[] } {
  const byKey = new Map(current.map((r) => [povertyKey(r), r] as const));
  const confirmed: string[] = [];
  const changes = rows.filter((row) => {
    const old = byKey.get(povertyKey(row));
    const field = POVERTY_VALUE_FIELDS.find((f) => row[f] !== null)!;
    const was = old?.[field] ?? null;
    if (was !== null && finerWithinRounding(field, was, row[field]!)) {
      confirmed.push(`${row.region_kode} ${row.month === 3 ? "Maret" : "September"} ${row.year} ${field} ${was}`);
      return false;
    }
    return true;
  });
  return { changes, confirmed };
}

/** Imports each file in turn; a refused file does not stop the others. Exit code 1 if any was refused. */
export async function runBpsImport(argv: readonly string[], io: ImportIO = console, options: { snapshotDir?: string; now?: () => Date } = {}): Promise<number> {
  const { files, flags, dryRun, unknown } = parseArgs(argv);
  if (unknown.length > 0) {
    io.error(`Pilihan tidak dikenal: ${unknown.join(" ")}. ${IMPORT_USAGE}`);
    return 2;
  }
  if (files.length === 0) {
    io.error(IMPORT_USAGE);
    return 2;
  }
  const indicator = flags.get("--indicator");
  if (indicator !== undefined && !(POVERTY_VALUE_FIELDS as readonly string[]).includes(indicator)) {
    io.error(`Indikator tidak dikenal: ${indicator}. ${IMPORT_USAGE}`);
    return 2;
  }
  const monthText = flags.get("--month");
  const month = monthText === undefined ? undefined : Number(monthText);
  if (month !== undefined && month !== 3 && month !== 9) {
    io.error(`Bulan harus 3 (Maret) atau 9 (September), bukan ${monthText}.`);
    return 2;
  }
  const snapshotDir = options.snapshotDir ?? BPS_SNAPSHOT_DIR;
  const importedAt = (options.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const origin = flags.get("--source");
  let refused = 0;
  for (const file of files) {
    const fileName = path.basename(file);
    let parsed: ParsedImport;
    try {
      parsed = parseBpsTable(await readBpsTableGrid(file), {
        fileName,
        importedAt,
        ...(indicator ? { field: indicator as PovertyField } : {}),
        ...(month === 3 || month === 9 ? { month } : {}),
        ...(origin ? { origin } : {})
      });
    } catch (error) {
      if (!(error instanceof BpsImportError || error instanceof BpsLayoutError || error instanceof BpsTableReadError || (error as NodeJS.ErrnoException).code === "ENOENT")) throw error;
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "berkas tidak ditemukan" : (error as Error).message;
      io.error(`Berkas ${fileName} ditolak: ${reason}.`);
      refused++;
      continue;
    }
    const validated = validatePovertyRows(parsed.rows, Number(importedAt.slice(0, 4)));
    io.log(`${fileName}: ${describeCounts(parsed)}; ${validated.rows.length} angka sah dari ${parsed.rows.length}.`);
    for (const line of [...parsed.report, ...validated.problems]) io.log(`  - ${line}`);
    if (validated.rows.length === 0) {
      io.error(`Berkas ${fileName} tidak memuat angka untuk Banten, kabupaten/kotanya, atau Indonesia; tidak ada yang dicatat.`);
      refused++;
      continue;
    }
    const current = await snapshotWithImports(snapshotDir);
    const { changes, confirmed } = splitConfirmed(current, validated.rows);
    for (const line of formatDiff(diffPoverty(current, changes), 20, "tabel BPS")) io.log(`  ${line}`);
    if (confirmed.length > 0) io.log(`  Sesuai tabel setelah pembulatan, angka snapshot yang lebih rinci dipertahankan: ${confirmed.join(", ")}.`);
    if (dryRun) {
      io.log("  Uji coba (--dry-run): tidak ada yang dicatat.");
      continue;
    }
    const out = await recordImport(validated.rows, fileName, importedAt, path.join(snapshotDir, "imports"));
    io.log(`  Dicatat di ${path.relative(process.cwd(), out)}.`);
  }
  if (!dryRun && refused < files.length) io.log("Tabel BPS dibangun ulang dengan impor ini.");
  return refused > 0 ? 1 : 0;
}
