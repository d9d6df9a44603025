// An in-memory DuckDB for one loader run, closed when the work is done.
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";

export async function withDuckDB<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Rows of a query as plain objects, with BIGINT/HUGEINT turned into numbers. Values (file paths,
 * strings) go in `params` and are bound to $1, $2, … — never spliced into the SQL text.
 */
export async function queryRows(connection: DuckDBConnection, text: string, params?: readonly DuckDBValue[]): Promise<Record<string, unknown>[]> {
  const rows = (await connection.runAndReadAll(text, params ? [...params] : undefined)).getRowObjectsJS();
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]))
  );
}
