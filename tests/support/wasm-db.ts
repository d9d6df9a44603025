// duckdb-wasm in Node for SQL tests: the same Database class and the same parquet-wasm
// Parquet→Arrow IPC ingestion as the browser, over duckdb-wasm's blocking Node bindings.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as duckdb from "@duckdb/duckdb-wasm/blocking";
import { readParquet } from "parquet-wasm";
import { Database, SESSION_SETTINGS, type ConnectionLike, type TableSource } from "../../src/components/core/database.js";

const require = createRequire(import.meta.url);
const DIST = path.dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));

export function decodeParquet(parquet: Uint8Array): Uint8Array {
  return readParquet(parquet).intoIPCStream();
}

export function fileSource(name: string, file: string): TableSource {
  return { name, load: async () => new Uint8Array(await readFile(file)) };
}

export interface WasmDatabase {
  database: Database;
  /** The raw connection, for assertions that bypass the Database class. */
  connection: duckdb.DuckDBConnection;
  close(): void;
}

export async function openWasmDatabase(sources: TableSource[] = []): Promise<WasmDatabase> {
  const bundles = {
    mvp: { mainModule: path.join(DIST, "duckdb-mvp.wasm"), mainWorker: "" },
    eh: { mainModule: path.join(DIST, "duckdb-eh.wasm"), mainWorker: "" }
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const connection = db.connect();
  connection.query(SESSION_SETTINGS);
  return {
    database: new Database(connection as unknown as ConnectionLike, decodeParquet, sources),
    connection,
    close: () => {
      connection.close();
      db.reset();
    }
  };
}
