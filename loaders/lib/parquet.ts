// Writes a checked table to Parquet (ZSTD) with provenance metadata, atomically.
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { writeAtomically } from "./atomic.js";
import { checkSchema, columnDefinitions, type TableSchema } from "./schema.js";

/** Where a table's numbers come from; written into the file's key-value metadata and shown on /data. */
export interface Provenance {
  /** Human-readable source(s): publication, URL, or "sintetis" with how it was made. */
  readonly source: string;
  /** When the source was retrieved or the snapshot taken (ISO date). */
  readonly retrieved_at: string;
  /** The loader module that produced the table. */
  readonly loader: string;
  /** True when the rows are generated, not observed; pages must label such data. */
  readonly synthetic: boolean;
  /** Further metadata entries shown in the catalog (e.g. min_cell for registry cells). */
  readonly extra?: Readonly<Record<string, string>>;
}

export function metadataFor(schema: TableSchema, provenance: Provenance): Record<string, string> {
  return {
    table: schema.name,
    description: schema.description,
    schema_version: String(schema.version),
    source: provenance.source,
    retrieved_at: provenance.retrieved_at,
    loader: provenance.loader,
    synthetic: String(provenance.synthetic),
    columns: JSON.stringify(schema.columns.map(({ name, type, description }) => ({ name, type, description }))),
    ...provenance.extra
  };
}

/**
 * Materialises `select` as the table, checks it against the schema, and writes it to `path`.
 * `select` is SQL the loader wrote itself (never user input); values it needs (file paths,
 * strings) are passed in `options.params` and bound to $1, $2, ….
 */
export async function writeParquet(
  connection: DuckDBConnection,
  select: string,
  schema: TableSchema,
  provenance: Provenance,
  path: string,
  options: { orderBy?: string; params?: readonly DuckDBValue[] } = {}
): Promise<void> {
  const staging = `"_emit_${schema.name}"`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${staging} AS ${select}`, options.params ? [...options.params] : undefined);
  try {
    await checkSchema(connection, staging, schema);
    // Keys are fixed names from metadataFor; the path and every value are bound parameters.
    const entries = Object.entries(metadataFor(schema, provenance));
    const kv = entries.map(([k], i) => `"${k}": $${i + 2}`).join(", ");
    const order = options.orderBy ? ` ORDER BY ${options.orderBy}` : "";
    await writeAtomically(path, async (tmp) => {
      await connection.run(
        `COPY (SELECT * FROM ${staging}${order}) TO $1 (FORMAT parquet, COMPRESSION zstd, KV_METADATA {${kv}})`,
        [tmp, ...entries.map(([, v]) => v)]
      );
    });
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${staging}`);
  }
}

type Row = Readonly<Record<string, unknown>>;

/** Loads JS rows into a new temp table typed by the schema (dates as ISO strings). Returns its quoted name. */
export async function loadRows(connection: DuckDBConnection, schema: TableSchema, rows: readonly Row[]): Promise<string> {
  const name = `_rows_${schema.name}`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE "${name}" (${columnDefinitions(schema)})`);
  const appender = await connection.createAppender(name);
  for (const row of rows) {
    for (const column of schema.columns) {
      const value = row[column.name];
      if (value === null || value === undefined) {
        appender.appendNull();
        continue;
      }
      switch (column.type) {
        case "VARCHAR":
        case "DATE":
          appender.appendVarchar(String(value));
          break;
        case "BOOLEAN":
          appender.appendBoolean(Boolean(value));
          break;
        case "TINYINT":
          appender.appendTinyInt(Number(value));
          break;
        case "SMALLINT":
          appender.appendSmallInt(Number(value));
          break;
        case "INTEGER":
          appender.appendInteger(Number(value));
          break;
        case "BIGINT":
          appender.appendBigInt(BigInt(value as number | bigint));
          break;
        case "DOUBLE":
          appender.appendDouble(Number(value));
          break;
      }
    }
    appender.endRow();
  }
  appender.closeSync();
  return `"${name}"`;
}
