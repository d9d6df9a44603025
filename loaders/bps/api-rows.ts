// The tidy rows of the last successful API refresh (data/cache/bps/api-rows.json). Written only after
// a refresh validated, so its presence means "use the API figures"; the builders re-check its shape.
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../lib/atomic.js";
import { POVERTY_VALUE_FIELDS, type PovertyRow } from "./rows.js";
import type { VariableChoice } from "./variables.js";

export interface ApiRowsFile {
  readonly format: 1;
  /** ISO timestamp of the refresh. */
  readonly refreshed_at: string;
  /** Latest fetch date among the answers used (YYYY-MM-DD). */
  readonly retrieved_at: string;
  readonly variables: readonly VariableChoice[];
  readonly poverty: readonly PovertyRow[];
  /** What the refresh could not place (unknown regions, collisions, dropped values). */
  readonly problems: readonly string[];
}

export async function writeApiRows(file: string, rows: ApiRowsFile): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(rows, null, 1)}\n`);
}

function isPovertyRow(value: unknown): value is PovertyRow {
  if (!value || typeof value !== "object") return false;
  const row = value as Record<string, unknown>;
  const numberOrNull = (v: unknown) => v === null || (typeof v === "number" && Number.isFinite(v));
  return (
    typeof row.region_kode === "string" &&
    Number.isInteger(row.year) &&
    (row.month === 3 || row.month === 9) &&
    POVERTY_VALUE_FIELDS.every((f) => numberOrNull(row[f])) &&
    typeof row.source === "string" &&
    row.source.length > 0 &&
    typeof row.retrieved_at === "string" &&
    /^\d{4}-\d{2}-\d{2}$/.test(row.retrieved_at) &&
    (row.note === null || typeof row.note === "string")
  );
}

export type ApiRowsRead =
  | { readonly status: "absent" }
  | { readonly status: "invalid"; readonly reason: string }
  | { readonly status: "ok"; readonly file: ApiRowsFile };

export async function readApiRows(file: string): Promise<ApiRowsRead> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { status: "absent" };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { status: "invalid", reason: "bukan JSON yang sah" };
  }
  const candidate = parsed as Partial<ApiRowsFile> | null;
  if (candidate?.format !== 1 || !Array.isArray(candidate.poverty)) return { status: "invalid", reason: "format tidak dikenal" };
  const bad = candidate.poverty.findIndex((row) => !isPovertyRow(row));
  if (bad >= 0) return { status: "invalid", reason: `baris ${bad + 1} tidak sesuai skema` };
  if (typeof candidate.retrieved_at !== "string") return { status: "invalid", reason: "tanpa retrieved_at" };
  return { status: "ok", file: candidate as ApiRowsFile };
}
