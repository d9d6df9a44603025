// Typed table schemas and the check every emitted table passes before it is written.
import type { DuckDBConnection } from "@duckdb/node-api";

export type ColumnType = "VARCHAR" | "BOOLEAN" | "TINYINT" | "SMALLINT" | "INTEGER" | "BIGINT" | "DOUBLE" | "DATE";

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** Nulls allowed (default false). */
  readonly nullable?: boolean;
  /** What the column means, shown in the data dictionary on /data. */
  readonly description: string;
}

export interface TableSchema {
  readonly name: string;
  /** Bumped when columns change meaning or type; written into the Parquet metadata. */
  readonly version: number;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  /** Columns whose combination must be unique. */
  readonly key?: readonly string[];
}

export class SchemaError extends Error {
  constructor(readonly table: string, readonly problems: readonly string[]) {
    super(`table ${table} does not match its schema:\n  - ${problems.join("\n  - ")}`);
    this.name = "SchemaError";
  }
}

export function columnDefinitions(schema: TableSchema): string {
  return schema.columns.map((c) => `"${c.name}" ${c.type}`).join(", ");
}

async function scalar(connection: DuckDBConnection, text: string): Promise<number> {
  const reader = await connection.runAndReadAll(text);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

/** Checks a relation (table or view name) against a schema: names, order, types, nulls, key uniqueness. */
export async function checkSchema(connection: DuckDBConnection, relation: string, schema: TableSchema): Promise<void> {
  const problems: string[] = [];
  const described = (await connection.runAndReadAll(`DESCRIBE ${relation}`)).getRowObjects();
  const actual = described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  const expectedNames = schema.columns.map((c) => c.name).join(", ");
  const actualNames = actual.map((c) => c.name).join(", ");
  if (expectedNames !== actualNames) problems.push(`columns are [${actualNames}], expected [${expectedNames}]`);
  for (const spec of schema.columns) {
    const found = actual.find((c) => c.name === spec.name);
    if (!found) continue;
    if (found.type !== spec.type) problems.push(`column ${spec.name} is ${found.type}, expected ${spec.type}`);
    if (!spec.nullable) {
      const nulls = await scalar(connection, `SELECT count(*) FROM ${relation} WHERE "${spec.name}" IS NULL`);
      if (nulls > 0) problems.push(`column ${spec.name} has ${nulls} null value(s) but is not nullable`);
    }
  }
  if (schema.key && schema.key.length > 0 && problems.length === 0) {
    const cols = schema.key.map((k) => `"${k}"`).join(", ");
    const duplicates = await scalar(
      connection,
      `SELECT count(*) FROM (SELECT ${cols} FROM ${relation} GROUP BY ${cols} HAVING count(*) > 1)`
    );
    if (duplicates > 0) problems.push(`${duplicates} duplicate key(s) on (${schema.key.join(", ")})`);
  }
  if (problems.length > 0) throw new SchemaError(schema.name, problems);
}
