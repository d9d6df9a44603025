// Browser data layer: one duckdb-wasm instance per page, served from this site (no CDN),
// Parquet decoded by parquet-wasm into Arrow IPC, tables loaded on first query.
import * as duckdb from "@duckdb/duckdb-wasm";
import initParquet, { readParquet } from "parquet-wasm";
import { Database, SESSION_SETTINGS, type ConnectionLike, type TableSource } from "./database.js";
import { partitionSource, publishedTables, tableUrl, urlSource } from "./tables.js";
export { urlSource } from "./tables.js";

export { sql, ident, list, join } from "./sql.js";
export { DataError, toRows } from "./database.js";
export type { Database } from "./database.js";

// import.meta.resolve lets Framework copy these files into the built site.
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: {
    mainModule: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm"),
    mainWorker: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js")
  },
  eh: {
    mainModule: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"),
    mainWorker: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js")
  }
};
const PARQUET_WASM = import.meta.resolve("parquet-wasm/esm/parquet_wasm_bg.wasm");

function decodeParquet(parquet: Uint8Array): Uint8Array {
  return readParquet(parquet).intoIPCStream();
}

async function open(): Promise<Database> {
  // The Parquet decoder compiles while DuckDB's worker starts: neither waits for the other.
  const parquetReady = initParquet({ module_or_path: PARQUET_WASM });
  parquetReady.catch(() => undefined); // awaited below; a failure before that point is reported by open() itself
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!, { type: "module" });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  performance.mark("db:instantiated"); // load phases, read by the benchmark
  const connection = await db.connect();
  await connection.query(SESSION_SETTINGS);
  await parquetReady;
  performance.mark("db:ready");
  return new Database(connection as unknown as ConnectionLike, decodeParquet, publishedTables().map(withPrefetch), (name) => {
    const source = partitionSource(name);
    return source && withPrefetch(source);
  });
}

/** Downloads started by prefetchTables(), taken (once) by the table's first load. */
const prefetched = new Map<string, Promise<Uint8Array>>();

/**
 * Starts downloading tables a page is about to query, while DuckDB is still starting. Only the
 * download moves earlier: the table is still read into DuckDB when a query first names it.
 */
export function prefetchTables(names: readonly string[]): void {
  for (const name of names) {
    const url = tableUrl(name);
    if (url === undefined || prefetched.has(name)) continue;
    const pending = urlSource(name, url).load();
    pending.catch(() => prefetched.delete(name)); // a failed prefetch is retried by the normal load
    prefetched.set(name, pending);
  }
}

function withPrefetch(source: TableSource): TableSource {
  return {
    name: source.name,
    load: () => {
      const early = prefetched.get(source.name);
      prefetched.delete(source.name);
      return early ? early.catch(() => source.load()) : source.load();
    }
  };
}

let shared: Promise<Database> | undefined;

/** The page's shared database; created on first call. */
export function getDatabase(): Promise<Database> {
  return (shared ??= open());
}
