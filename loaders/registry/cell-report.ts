// One information-loss report for a registry and its cells, shared by the fidelity test and the
// benchmark: the largest kecamatan-level relative error of each page figure, at several lines and
// transfers, plus conservation of the totals.
import type { DuckDBConnection } from "@duckdb/node-api";
import { CELL_PAIRS_TABLE, CELLS_TABLE } from "./cells.js";
import { compareExtremePoor, comparePair, compareTargetCoverage, type FigureComparison } from "./cell-fidelity.js";

export interface FidelityReport {
  /** Scenario figure: persons below the line after a flat per-capita transfer, worst case over lines and transfers. */
  readonly extremePersonsMaxRelError: number;
  readonly extremeHouseholdsMaxRelError: number;
  /** Share of the reference persons that only kab/kota-level cells hold (cannot be placed in a kecamatan). */
  readonly extremePersonsUndetailedShare: number;
  readonly coverageMaxRelError: number;
  /** Per pair: worst kecamatan relative error and households only known at kab/kota level. */
  readonly pairs: Readonly<Record<string, { maxRelError: number; undetailed: number; total: number }>>;
  readonly comparisons: readonly FigureComparison[];
}

export const FIDELITY_PAIRS: readonly (readonly [string, string])[] = [
  ["pbi_apbd", "pbi_apbn"],
  ["sembako_kota", "sembako_provinsi"],
  ["bpnt", "pkh"]
];

export async function fidelityReport(
  connection: DuckDBConnection,
  tables: { households: string; receipts: string; cells: string; pairs: string },
  lineRp: number
): Promise<FidelityReport> {
  const comparisons: FigureComparison[] = [];
  let persons = 0;
  let households = 0;
  let undetailedShare = 0;
  for (const factor of [0.9, 1, 1.1]) {
    for (const transfer of [0, 25_000, 50_000]) {
      const line = Math.round(lineRp * factor);
      const p = await compareExtremePoor(connection, tables, { lineRp: line, transferRp: transfer, unit: "persons" });
      const h = await compareExtremePoor(connection, tables, { lineRp: line, transferRp: transfer, unit: "households" });
      comparisons.push(p, h);
      persons = Math.max(persons, p.maxRelativeError);
      households = Math.max(households, h.maxRelativeError);
      const reference = p.rows.reduce((s, r) => s + r.reference, 0);
      if (reference > 0) undetailedShare = Math.max(undetailedShare, p.undetailed / reference);
    }
  }
  const coverage = await compareTargetCoverage(connection, tables);
  comparisons.push(coverage);
  const pairs: Record<string, { maxRelError: number; undetailed: number; total: number }> = {};
  for (const pair of FIDELITY_PAIRS) {
    const c = await comparePair(connection, tables, pair);
    comparisons.push(c);
    pairs[pair.join("+")] = { maxRelError: c.maxRelativeError, undetailed: c.undetailed, total: c.rows.reduce((s, r) => s + r.reference, 0) };
  }
  return {
    extremePersonsMaxRelError: persons,
    extremeHouseholdsMaxRelError: households,
    extremePersonsUndetailedShare: undetailedShare,
    coverageMaxRelError: coverage.maxRelativeError,
    pairs,
    comparisons
  };
}

/**
 * The report for one kab/kota after buildCells: views restrict the microdata and the cells to the
 * partition (receipts through their households), then the figures are compared.
 */
export async function partitionFidelityReport(
  connection: DuckDBConnection,
  microdata: { households: string; receipts: string },
  kab: string,
  lineRp: number
): Promise<FidelityReport> {
  if (!/^\d{4}$/.test(kab)) throw new Error(`kode kab/kota tidak valid: ${kab}`);
  const views = { households: `_fid_hh_${kab}`, receipts: `_fid_rc_${kab}`, cells: `_fid_cells_${kab}`, pairs: `_fid_pairs_${kab}` };
  await connection.run(`CREATE OR REPLACE TEMP VIEW ${views.households} AS SELECT * FROM ${microdata.households} WHERE kab_kode = '${kab}'`);
  await connection.run(`CREATE OR REPLACE TEMP VIEW ${views.receipts} AS SELECT r.* FROM ${microdata.receipts} r SEMI JOIN ${views.households} h ON h.hh_id = r.hh_id`);
  await connection.run(`CREATE OR REPLACE TEMP VIEW ${views.cells} AS SELECT * FROM ${CELLS_TABLE} WHERE kab_kode = '${kab}'`);
  await connection.run(`CREATE OR REPLACE TEMP VIEW ${views.pairs} AS SELECT * FROM ${CELL_PAIRS_TABLE} WHERE kab_kode = '${kab}'`);
  return fidelityReport(connection, views, lineRp);
}
