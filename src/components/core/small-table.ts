// Reader for small published tables (tens to thousands of rows) without starting DuckDB:
// hyparquet is pure JS (~20 KB), so headline figures can paint while the 34 MB duckdb-wasm module
// is still compiling. Large tables and interactive queries go through db.ts.
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { decompress } from "fzstd";
import { tableDownloadFailed, tableReadFailed } from "./database.js";

const COMPRESSORS = { ZSTD: (input: Uint8Array) => decompress(input) };

export interface SmallTable<T> {
  rows: T[];
  /** The file's key-value metadata: source, retrieved_at, loader, synthetic, … */
  metadata: Record<string, string>;
}

function plain(value: unknown): unknown {
  if (typeof value === "bigint") {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`${value} exceeds the safe integer range`);
    return n;
  }
  return value;
}

/**
 * Decodes a Parquet file (ZSTD or uncompressed) into plain rows and its metadata: all rows, or only
 * the first `limit` (a preview decodes no more than it shows).
 */
export async function decodeSmallTable<T extends Record<string, unknown>>(buffer: ArrayBuffer, limit?: number): Promise<SmallTable<T>> {
  const metadata = Object.fromEntries((parquetMetadata(buffer).key_value_metadata ?? []).map((kv) => [kv.key, kv.value ?? ""]));
  const range = limit === undefined ? {} : { rowStart: 0, rowEnd: limit };
  const raw = (await parquetReadObjects({ file: buffer, compressors: COMPRESSORS, ...range })) as Record<string, unknown>[];
  const rows = raw.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])) as T);
  return { rows, metadata };
}

/**
 * A published table by name through the small-table reader, failing with the same DataError
 * messages as the duckdb-wasm data layer ("Tabel "x" tidak dapat diunduh." / "… dibaca.").
 */
export async function loadSmallTable<T extends Record<string, unknown>>(name: string, url: string, limit?: number): Promise<SmallTable<T>> {
  let buffer: ArrayBuffer;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
    buffer = await response.arrayBuffer();
  } catch (error) {
    throw tableDownloadFailed(name, error);
  }
  try {
    return await decodeSmallTable<T>(buffer, limit);
  } catch (error) {
    throw tableReadFailed(name, error);
  }
}
