// Combines API-derived rows with the snapshot and describes what the API changed. An API value wins
// for its cell; a cell the API left empty keeps the published figure, and the row's source says so.
import { POVERTY_VALUE_FIELDS, povertyKey, type PovertyField, type PovertyRow } from "./rows.js";

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function mergePoverty(snapshot: readonly PovertyRow[], api: readonly PovertyRow[]): PovertyRow[] {
  const byKey = new Map(snapshot.map((row) => [povertyKey(row), row] as const));
  const merged = new Map<string, PovertyRow>(byKey);
  for (const row of api) {
    const key = povertyKey(row);
    const published = byKey.get(key);
    if (!published) {
      merged.set(key, row);
      continue;
    }
    const filled = POVERTY_VALUE_FIELDS.filter((f) => row[f] === null && published[f] !== null);
    const combined: PovertyRow = { ...row };
    for (const f of filled) combined[f] = published[f];
    if (filled.length > 0) {
      combined.source = `${row.source} ; ${filled.join(", ")} dari snapshot (${published.retrieved_at}): ${published.source}`;
      combined.note = [row.note, published.note].filter(Boolean).join(" | ") || null;
    }
    merged.set(key, combined);
  }
  return [...merged.values()].sort((a, b) =>
    a.region_kode < b.region_kode ? -1 : a.region_kode > b.region_kode ? 1 : a.year - b.year || a.month - b.month
  );
}

export interface Revision {
  readonly key: string;
  readonly field: PovertyField;
  readonly old: number;
  readonly new: number;
}

export interface PovertyDiff {
  /** Region × year × month the snapshot does not have. */
  readonly added: string[];
  /** Cells where both have a value and the values differ. */
  readonly revised: Revision[];
  /** Cells the API fills that the snapshot left empty. */
  readonly filled: { key: string; field: PovertyField; value: number }[];
}

export function diffPoverty(snapshot: readonly PovertyRow[], api: readonly PovertyRow[]): PovertyDiff {
  const byKey = new Map(snapshot.map((row) => [povertyKey(row), row] as const));
  const diff: { added: string[]; revised: Revision[]; filled: PovertyDiff["filled"] } = { added: [], revised: [], filled: [] };
  for (const row of api) {
    const key = povertyKey(row);
    const published = byKey.get(key);
    if (!published) {
      diff.added.push(key);
      continue;
    }
    for (const field of POVERTY_VALUE_FIELDS) {
      const next = row[field];
      const old = published[field];
      if (next === null) continue;
      if (old === null) diff.filled.push({ key, field, value: next });
      else if (!sameValue(old, next)) diff.revised.push({ key, field, old, new: next });
    }
  }
  return diff;
}

function describeKey(key: string): string {
  const [region, year, month] = key.split("|");
  return `${region} ${month === "3" ? "Maret" : "September"} ${year}`;
}

/** Indonesian lines for the command output; long lists are cut with a count of the rest. `origin` names where the new figures come from. */
export function formatDiff(diff: PovertyDiff, limit = 20, origin = "API"): string[] {
  const lines: string[] = [];
  if (diff.added.length === 0 && diff.revised.length === 0 && diff.filled.length === 0) {
    return ["Tidak ada perbedaan dengan snapshot."];
  }
  if (diff.added.length > 0) {
    const years = [...new Set(diff.added.map((k) => k.split("|")[1]))].sort();
    lines.push(`Baris baru (${diff.added.length}), tahun ${years.join(", ")}:`);
    for (const key of diff.added.slice(0, limit)) lines.push(`  + ${describeKey(key)}`);
    if (diff.added.length > limit) lines.push(`  … dan ${diff.added.length - limit} lainnya`);
  }
  if (diff.revised.length > 0) {
    lines.push(`Angka yang berbeda dari snapshot (${diff.revised.length}):`);
    for (const r of diff.revised.slice(0, limit)) lines.push(`  ~ ${describeKey(r.key)} ${r.field}: ${r.old} → ${r.new}`);
    if (diff.revised.length > limit) lines.push(`  … dan ${diff.revised.length - limit} lainnya`);
  }
  if (diff.filled.length > 0) lines.push(`Sel yang kosong di snapshot kini terisi dari ${origin}: ${diff.filled.length}.`);
  return lines;
}
