// Hand-made registry cell tables for scenario tests: the columns the model reads, with the types of
// loaders/registry/cells-schema.ts, created in duckdb-wasm through bound parameters.
import type { Database } from "../../src/components/core/database.js";
import { ident, join, sql } from "../../src/components/core/sql.js";
import type { ScenarioCell, ScenarioReceipt } from "../../src/components/skenario/types.js";

export async function createCellTables(db: Database, cellsTable: string, programmesTable: string, cells: readonly ScenarioCell[], receipts: readonly ScenarioReceipt[]): Promise<void> {
  const cellRows = cells.map(
    (c) => sql`(${c.cell_id}::INTEGER, ${c.kab_kode}::VARCHAR, ${c.kec_kode}::VARCHAR, ${c.kel_kode}::VARCHAR, ${c.desil_min}::TINYINT, ${c.desil_max}::TINYINT,
      ${c.on_target_list}::BOOLEAN, ${c.pce_lo_rp}::DOUBLE, ${c.pce_hi_rp}::DOUBLE, ${c.households}::INTEGER, ${c.persons}::INTEGER)`
  );
  await db.rows(sql`CREATE OR REPLACE TABLE ${ident(cellsTable)} AS SELECT * FROM (VALUES ${join(cellRows, ", ")})
    AS t(cell_id, kab_kode, kec_kode, kel_kode, desil_min, desil_max, on_target_list, pce_lo_rp, pce_hi_rp, households, persons)`);
  const recRows = receipts.map((r) => sql`(${r.cell_id}::INTEGER, ${r.programme_code}::VARCHAR, ${"pusat"}::VARCHAR, ${r.households}::INTEGER)`);
  if (recRows.length === 0) {
    await db.rows(sql`CREATE OR REPLACE TABLE ${ident(programmesTable)} (cell_id INTEGER, programme_code VARCHAR, funder VARCHAR, households INTEGER)`);
  } else {
    await db.rows(sql`CREATE OR REPLACE TABLE ${ident(programmesTable)} AS SELECT * FROM (VALUES ${join(recRows, ", ")}) AS t(cell_id, programme_code, funder, households)`);
  }
}
