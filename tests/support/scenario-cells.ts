// Hand-made registry cell tables for scenario tests, created in duckdb-wasm with the published
// schemas' columns and types (loaders/registry/cells-schema.ts): the columns a ScenarioCell or
// ScenarioReceipt gives are inserted by name, cast to the schema's types; the others stay NULL. A column the model reads that
// the schema renames fails these tests too, not only the query-shape test.
import { columnDefinitions, type TableSchema } from "../../loaders/lib/schema.js";
import { REGISTRY_CELL_PROGRAMMES_SCHEMA, REGISTRY_CELLS_SCHEMA } from "../../loaders/registry/cells-schema.js";
import type { Database } from "../../src/components/core/database.js";
import { ident, join, sql, type SqlQuery, type SqlValue } from "../../src/components/core/sql.js";
import type { ScenarioCell, ScenarioReceipt } from "../../src/components/skenario/types.js";

/** A fixed SQL text written in this module (column definitions from a loader schema). */
const raw = (text: string): SqlQuery => sql([text] as unknown as TemplateStringsArray);

const CELL_COLUMNS = ["cell_id", "kab_kode", "kec_kode", "kel_kode", "desil_min", "desil_max", "on_target_list", "pce_lo_rp", "pce_hi_rp", "households", "persons"] as const satisfies readonly (keyof ScenarioCell)[];
const RECEIPT_COLUMNS = ["cell_id", "programme_code", "funder", "households"] as const;

/** Creates `name` with the schema's columns and inserts the given columns of each row, cast to the schema's types. */
async function createTable(db: Database, name: string, schema: TableSchema, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
  await db.rows(sql`CREATE OR REPLACE TABLE ${ident(name)} (${raw(columnDefinitions(schema))})`);
  if (rows.length === 0) return;
  const types = columns.map((column) => {
    const spec = schema.columns.find((c) => c.name === column);
    if (!spec) throw new Error(`${schema.name} has no column ${column}`);
    return raw(spec.type);
  });
  const values = join(rows.map((row) => sql`(${join(row.map((v, i) => sql`CAST(${v} AS ${types[i]!})`), ", ")})`), ", ");
  await db.rows(sql`INSERT INTO ${ident(name)} BY NAME SELECT * FROM (VALUES ${values}) AS t(${join(columns.map((c) => ident(c)), ", ")})`);
}

export async function createCellTables(db: Database, cellsTable: string, programmesTable: string, cells: readonly ScenarioCell[], receipts: readonly ScenarioReceipt[]): Promise<void> {
  await createTable(db, cellsTable, REGISTRY_CELLS_SCHEMA, CELL_COLUMNS, cells.map((c) => CELL_COLUMNS.map((column) => c[column])));
  await createTable(db, programmesTable, REGISTRY_CELL_PROGRAMMES_SCHEMA, RECEIPT_COLUMNS, receipts.map((r) => [r.cell_id, r.programme_code, "pusat", r.households]));
}
