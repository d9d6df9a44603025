// Reader for small published tables (tens to thousands of rows) without starting DuckDB:
// hyparquet is pure JS (~20 KB), so headline figures can paint while the 34 MB duckdb-wasm module
// is still compiling. Large tables and interactive queries go through db.ts.
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { decompress } from "fzstd";

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

/** Decodes a whole Parquet file (ZSTD or uncompressed) into plain rows and its metadata. */
export async function decodeSmallTable<T extends Record<string, unknown>>(buffer: ArrayBuffer): Promise<SmallTable<T>> {
  const metadata = Object.fromEntries((parquetMetadata(buffer).key_value_metadata ?? []).map((kv) => [kv.key, kv.value ?? ""]));
  const raw = (await parquetReadObjects({ file: buffer, compressors: COMPRESSORS })) as Record<string, unknown>[];
  const rows = raw.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])) as T);
  return { rows, metadata };
}

export async function fetchSmallTable<T extends Record<string, unknown>>(url: string): Promise<SmallTable<T>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
  return decodeSmallTable<T>(await response.arrayBuffer());
}
