// SQL behind the Perencana skenario page (the model's own SQL is in sql-model.ts beside it).
import { ident, sql, type SqlQuery } from "../core/sql.js";

/** kab/kota whose registry cells are published, in display order. */
export const SCENARIO_KABS = ["3673", "3604"] as const;

function partition(kab: string): { cells: string; programmes: string } {
  if (!(SCENARIO_KABS as readonly string[]).includes(kab)) throw new Error(`no registry cells for ${kab}`);
  return { cells: `registry_cells_${kab}`, programmes: `registry_cell_programmes_${kab}` };
}

export const cellPartition = partition;

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

export const allocationsQuery = (kab: string): SqlQuery => sql`
  SELECT programme_code, year, area_kode, area_name, component, status, planned_units, unit, budget_rp, approximate, source
  FROM programme_allocations WHERE starts_with(area_kode, ${kab}) ORDER BY programme_code, year, area_kode`;

export const targetQuery = (): SqlQuery => sql`
  SELECT * FROM targets WHERE year = ${2026} ORDER BY region_kode LIMIT 5`;

export const sourcesQuery = (kab: string): SqlQuery => sql`
  SELECT name, source, retrieved_at, synthetic FROM catalog
  WHERE name IN (${"programmes"}, ${"overlap_rules"}, ${"poverty_lines"}, ${"bps_poverty"}, ${"programme_allocations"}, ${partition(kab).cells}, ${partition(kab).programmes})
  ORDER BY name`;

/**
 * The published tables the queries above read when the page opens (the model's prepare() reads the
 * cell partition too). The page starts downloading them while DuckDB is still starting.
 */
export function pageTables(kab: string): string[] {
  const p = partition(kab);
  return ["programmes", "overlap_rules", "poverty_lines", "bps_poverty", "regions", "programme_allocations", "catalog", p.cells, p.programmes];
}
