// Recorded imports of BPS website tables (data/reference/bps/imports/*.csv, one file per imported
// table) and how they combine with the snapshot: field by field, in file order, so a P1 table and a
// P0 table of the same region and round both land in the one row. A figure that replaces a different
// snapshot value says so in the row's note (e.g. a typing error in the compiled reference).
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../lib/atomic.js";
import { formatCsv, parseCsvObjects } from "../lib/csv.js";
import { BPS_SNAPSHOT_DIR } from "./paths.js";
import { POVERTY_VALUE_FIELDS, povertyKey, type PovertyField, type PovertyRow } from "./rows.js";
import { readPovertySnapshot } from "./snapshot.js";

export const IMPORTS_DIR = path.join(BPS_SNAPSHOT_DIR, "imports");
const COLUMNS = ["region_kode", "year", "month", "poor_count", "p0_pct", "poverty_line_rp", "p1", "p2", "source", "retrieved_at", "note"] as const;

/** The record's file name: the import date, then the table's file name made safe for every file system. */
export function recordName(fileName: string, importedAt: string): string {
  return `${importedAt}-${fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_").replace(/_+/g, "_").replace(/^_|_$/g, "")}.csv`;
}

const stem = (name: string) => name.replace(/^\d{4}-\d{2}-\d{2}-/, "");

/**
 * Writes the rows of one imported table (atomically). An earlier record of the same table file is
 * replaced, so importing a file again never leaves two records of it. Returns the path written.
 */
export async function recordImport(rows: readonly PovertyRow[], fileName: string, importedAt: string, dir = IMPORTS_DIR): Promise<string> {
  const name = recordName(fileName, importedAt);
  const out = path.join(dir, name);
  await writeFileAtomic(out, formatCsv(COLUMNS, rows as unknown as Record<string, unknown>[]));
  let existing: string[] = [];
  try {
    existing = await readdir(dir);
  } catch {
    existing = [];
  }
  for (const other of existing) if (other !== name && other.endsWith(".csv") && stem(other) === stem(name)) await rm(path.join(dir, other));
  return out;
}

/** Every recorded import, oldest file first, as tidy rows. */
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

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const decimals = (v: number): number => (String(v).split(".")[1] ?? "").length;

/**
 * True when the snapshot figure is the table's figure with more digits: BPS tables print P0, P1 and
 * P2 to two decimals (a trailing zero dropped: "1.2" is 1,20) and lines and counts whole, so the
 * press-quoted Banten P1 March 2023 of 1,204 agrees with the table's 1,20 and is kept.
 */
export function finerWithinRounding(field: PovertyField, snapshotValue: number, tableValue: number): boolean {
  const places = field === "p0_pct" || field === "p1" || field === "p2" ? Math.max(2, decimals(tableValue)) : decimals(tableValue);
  return decimals(snapshotValue) > places && Math.abs(snapshotValue - tableValue) <= 0.5 * 10 ** -places + 1e-12;
}

/**
 * Snapshot rows with imports laid over them field by field (later imports win a field). The source
 * lists the import sources first, then the snapshot's when one of its fields remains; the note says
 * which fields came from the BPS tables and which snapshot values they replaced.
 */
export function mergeImports(snapshot: readonly PovertyRow[], imports: readonly PovertyRow[]): PovertyRow[] {
  interface Entry {
    row: PovertyRow;
    /** Source of each field an import filled. */
    from: Map<PovertyField, string>;
    replaced: string[];
    /** Fields whose snapshot figure the table confirms to its rounding (the finer snapshot figure is kept). */
    confirmed: PovertyField[];
    confirmedBy: Map<PovertyField, string>;
  }
  const fresh = (row: PovertyRow): Entry => ({ row, from: new Map(), replaced: [], confirmed: [], confirmedBy: new Map() });
  const out = new Map<string, Entry>(snapshot.map((row) => [povertyKey(row), fresh({ ...row })]));
  for (const imp of imports) {
    const key = povertyKey(imp);
    let entry = out.get(key);
    if (!entry) {
      const blank: PovertyRow = { ...imp, poor_count: null, p0_pct: null, poverty_line_rp: null, p1: null, p2: null, note: null };
      entry = fresh(blank);
      out.set(key, entry);
    }
    const original = snapshot.find((s) => povertyKey(s) === key);
    for (const field of POVERTY_VALUE_FIELDS) {
      const value = imp[field];
      if (value === null) continue;
      const old = original?.[field] ?? null;
      if (old !== null && finerWithinRounding(field, old, value)) {
        // The table confirms the snapshot figure; its extra digits are kept and the row says so.
        if (!entry.confirmed.includes(field)) entry.confirmed.push(field);
        entry.confirmedBy.set(field, imp.source);
        continue;
      }
      if (old !== null && !same(old, value) && !entry.from.has(field)) entry.replaced.push(`${field} snapshot ${old} diganti angka tabel BPS ${value}`);
      const earlier = entry.from.has(field) ? entry.row[field] : null;
      // Two BPS tables may print the same figure rounded differently (P2 Indonesia in the national and the province table).
      if (earlier !== null && !same(earlier, value)) entry.replaced.push(`${field}: tabel BPS lain memuat ${earlier}; dipakai ${value} dari tabel yang diimpor kemudian`);
      entry.row[field] = value;
      entry.from.set(field, imp.source);
    }
    if (imp.retrieved_at > entry.row.retrieved_at) entry.row.retrieved_at = imp.retrieved_at;
  }
  const merged: PovertyRow[] = [];
  for (const { row, from, replaced, confirmed, confirmedBy } of out.values()) {
    const agreement = confirmed.map((f) => `${f} ${row[f]} sesuai tabel BPS (dibulatkan) dan dipakai karena lebih rinci`);
    if (from.size === 0) {
      merged.push(agreement.length === 0 ? row : { ...row, source: [...new Set([...row.source.split(" ; "), ...confirmedBy.values()])].join(" ; "), note: [row.note, ...agreement].filter(Boolean).join(" | ") });
      continue;
    }
    const original = snapshot.find((s) => povertyKey(s) === povertyKey(row));
    const kept = POVERTY_VALUE_FIELDS.filter((f) => row[f] !== null && !from.has(f));
    const sources = [...new Set([...from.values(), ...confirmedBy.values()].flatMap((s) => s.split(" ; ")))];
    if (original && kept.length > 0) sources.push(...original.source.split(" ; ").filter((s) => !sources.includes(s)));
    const imported = POVERTY_VALUE_FIELDS.filter((f) => from.has(f));
    const note = [
      original?.note ?? null,
      `dari tabel BPS: ${imported.join(", ")}${kept.length > 0 ? `; dari snapshot: ${kept.join(", ")}` : ""}`,
      ...replaced,
      ...agreement
    ].filter(Boolean);
    merged.push({ ...row, source: sources.join(" ; "), note: note.join(" | ") });
  }
  return merged.sort((a, b) => (a.region_kode < b.region_kode ? -1 : a.region_kode > b.region_kode ? 1 : a.year - b.year || a.month - b.month));
}

/** Snapshot rows with every recorded import merged over them. */
export async function snapshotWithImports(snapshotDir = BPS_SNAPSHOT_DIR): Promise<PovertyRow[]> {
  const snapshot = await readPovertySnapshot(snapshotDir);
  const imports = await readImports(path.join(snapshotDir, "imports"));
  return imports.length === 0 ? snapshot : mergeImports(snapshot, imports);
}
