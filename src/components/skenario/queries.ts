// SQL behind the Perencana skenario page (the model's own SQL is in sql-model.ts beside it).
import { ident, sql, type SqlQuery } from "../core/sql.js";
import { partitionTable } from "../domain/wilayah.js";

/** The cell tables of a kab/kota (which kab/kota have them is in the catalogue). */
export function cellPartition(kab: string): { cells: string; programmes: string } {
  return { cells: partitionTable("registry_cells", kab), programmes: partitionTable("registry_cell_programmes", kab) };
}
const partition = cellPartition;

export const catalogueQuery = (): SqlQuery => sql`
  SELECT code, name, funder, unit, unit_cost_rp, eligible_desil_max, effect, graduation_prob_per_year, basis, source
  FROM programmes ORDER BY code`;

export const duplicatePairsQuery = (): SqlQuery => sql`
  SELECT programme_a, programme_b FROM overlap_rules WHERE rule = ${"duplicate"} ORDER BY programme_a, programme_b`;

/** Current recipients per programme and kecamatan (NULL = not detailed), with units per recipient household. */
export const currentReceiptsQuery = (kab: string): SqlQuery => {
  const p = partition(kab);
  return sql`
    SELECT cp.programme_code AS code, c.kec_kode, sum(cp.households)::DOUBLE AS households,
      sum(cp.units) / nullif(sum(cp.households), 0) AS units
    FROM ${ident(p.programmes)} cp JOIN ${ident(p.cells)} c ON c.cell_id = cp.cell_id
    GROUP BY cp.programme_code, c.kec_kode
    ORDER BY code, c.kec_kode NULLS LAST`;
};

export const linesQuery = (kab: string): SqlQuery => sql`
  SELECT region_kode, year, month, series, poverty_line_rp, extreme_ratio, extreme_line_rp, basis, source
  FROM poverty_lines WHERE region_kode = ${kab}`;

export const povertyQuery = (kab: string): SqlQuery => sql`
  SELECT region_kode, year, month, p0_pct, p1, poor_count, poverty_line_rp, source
  FROM bps_poverty WHERE region_kode = ${kab} ORDER BY year, month`;

export const areaNamesQuery = (kab: string): SqlQuery => sql`
  SELECT kode, nama, level FROM regions WHERE kode = ${kab} OR parent_kode = ${kab}
    OR parent_kode IN (SELECT kode FROM regions WHERE parent_kode = ${kab})`;

/** The tables behind the page's figures, for its source lines and the export's "Sumber" sheet. */
export function sourceTables(kab: string): string[] {
  const p = partition(kab);
  return ["programmes", "overlap_rules", "poverty_lines", "bps_poverty", p.cells, p.programmes];
}

/**
 * The published tables the queries above read when the page opens (the model's prepare() reads the
 * cell partition too). The page starts downloading them while DuckDB is still starting.
 */
export function pageTables(kab: string): string[] {
  const p = partition(kab);
  return ["programmes", "overlap_rules", "poverty_lines", "bps_poverty", "regions", p.cells, p.programmes];
}
