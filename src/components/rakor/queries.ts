// Queries behind /rakor (Rakor sinkronisasi), over the published registry cells only, plus
// programmes and overlap_rules. Same conventions as cakupan/queries.ts: bound parameters, whitelisted
// table names, NULL dimensions summed into explicit "tidak dirinci" rows.
//
// Overlap: a household "overlaps" when it holds both programmes of a pair that overlap_rules marks
// `duplicate` (pairs not listed are allowed). Households holding both come from registry_cell_pairs,
// exact in every cell, also where the cell's combination is not detailed. The rule is per programme
// pair; the funder pair is read from registry_cell_programmes, so the same two funders can collide
// through one programme pair and be allowed through another. When a programme came from several
// funders in one cell, the pair's households are split across funder pairs in proportion to each
// funder's receivers (expected value). The value involved is each programme's value in the cell
// times the share of its receivers who hold the pair: exact where the cell's combination is known
// (every receiver holds both), an estimate (equal value per receiver) where it is not; those
// households are counted in `from_undetailed` so the reader sees how much is estimated.
import { list, sql, type SqlQuery } from "../core/sql.js";
import { areaScope, cellTables, type CellKab, type CoverageFilter } from "../cakupan/queries.js";

export interface MatrixRow extends Record<string, unknown> {
  programme_code: string;
  name: string;
  strategy: string;
  funder: string;
  /** Area code (kecamatan, or kelurahan inside filter.kec); null = "Tidak dirinci". */
  kode: string | null;
  households: number;
  target_households: number;
  units: number;
  value_rp: number;
}

/** Programme × area × funder: households reached, of which on the target list, units and value. */
export function programmeMatrix(filter: Pick<CoverageFilter, "kab" | "kec">): SqlQuery {
  const t = cellTables(filter.kab);
  const scope = areaScope(filter);
  return sql`
WITH cells AS (SELECT ${scope.area} AS area, c.cell_id, c.on_target_list FROM ${t.cells} c WHERE ${scope.where}),
m AS (
SELECT p.programme_code, coalesce(g.name, p.programme_code) AS name, coalesce(g.strategy, '') AS strategy, p.funder, c.area AS kode,
  sum(p.households)::BIGINT AS households,
  coalesce(sum(p.households) FILTER (c.on_target_list), 0)::BIGINT AS target_households,
  sum(p.units)::DOUBLE AS units, sum(p.value_rp)::DOUBLE AS value_rp
FROM ${t.programmes} p JOIN cells c ON c.cell_id = p.cell_id LEFT JOIN programmes g ON g.code = p.programme_code
GROUP BY ALL
)
SELECT * FROM m ORDER BY programme_code, funder, (kode IS NULL), kode`;
}

/** One row per duplicate pair, funder pair and area; the views aggregate. */
function overlapRows(filter: Pick<CoverageFilter, "kab" | "kec">): SqlQuery {
  const t = cellTables(filter.kab);
  const scope = areaScope(filter);
  return sql`
rules AS (SELECT programme_a, programme_b, reason FROM overlap_rules WHERE rule = 'duplicate'),
cells AS (SELECT ${scope.area} AS area, c.cell_id, c.programmes FROM ${t.cells} c WHERE ${scope.where}),
pf AS (
  SELECT p.cell_id, p.programme_code, p.funder, sum(p.households) AS hh, sum(p.value_rp) AS value_rp
  FROM ${t.programmes} p JOIN cells c ON c.cell_id = p.cell_id GROUP BY ALL
),
pt AS (SELECT cell_id, programme_code, sum(hh) AS hh FROM pf GROUP BY ALL),
hits AS (
  SELECT c.cell_id, c.area, c.programmes IS NULL AS undetailed, p.households, r.programme_a, r.programme_b, r.reason
  FROM ${t.pairs} p JOIN cells c ON c.cell_id = p.cell_id
  JOIN rules r ON r.programme_a = p.programme_a AND r.programme_b = p.programme_b
  WHERE p.households > 0
),
pairs AS (
  SELECT h.area, h.undetailed, h.programme_a, h.programme_b, h.reason,
    coalesce(fa.funder, ${UNRECORDED_FUNDER}) AS funder_a, coalesce(fb.funder, ${UNRECORDED_FUNDER}) AS funder_b,
    h.households * coalesce(fa.hh / nullif(ta.hh, 0), 1) * coalesce(fb.hh / nullif(tb.hh, 0), 1) AS hh,
    fa.value_rp AS value_a, fa.hh AS hh_a, fb.value_rp AS value_b, fb.hh AS hh_b
  FROM hits h
  LEFT JOIN pf fa ON fa.cell_id = h.cell_id AND fa.programme_code = h.programme_a
  LEFT JOIN pt ta ON ta.cell_id = h.cell_id AND ta.programme_code = h.programme_a
  LEFT JOIN pf fb ON fb.cell_id = h.cell_id AND fb.programme_code = h.programme_b
  LEFT JOIN pt tb ON tb.cell_id = h.cell_id AND tb.programme_code = h.programme_b
),
norm AS (
  SELECT area, programme_a, programme_b, reason, hh AS households,
    CASE WHEN undetailed THEN hh ELSE 0 END AS from_undetailed,
    coalesce(value_a * hh / nullif(hh_a, 0), 0) + coalesce(value_b * hh / nullif(hh_b, 0), 0) AS value_rp,
    least(funder_a, funder_b) AS funder_1, greatest(funder_a, funder_b) AS funder_2
  FROM pairs
)`;
}

/** Funder shown when a combination names a programme that registry_cell_programmes has no row for. */
export const UNRECORDED_FUNDER = "tidak tercatat";

export interface OverlapRow extends Record<string, unknown> {
  /** Funder pair, alphabetical (funder_1 ≤ funder_2). */
  funder_1: string;
  funder_2: string;
  programme_a: string;
  programme_b: string;
  reason: string;
  /** Households holding both (expected value when a programme came from several funders in a cell). */
  households: number;
  /** Value of both programmes received by those households (Rp, all periods). */
  value_rp: number;
  /** Of `households`, those in cells whose combination is not detailed (value estimated pro rata). */
  from_undetailed: number;
}

/** Households holding a disallowed pair, by funder pair and programme pair, largest first. */
export function overlapsByFunderPair(filter: Pick<CoverageFilter, "kab" | "kec">): SqlQuery {
  return sql`
WITH ${overlapRows(filter)}
SELECT funder_1, funder_2, programme_a, programme_b, any_value(reason) AS reason,
  sum(households)::DOUBLE AS households, sum(value_rp)::DOUBLE AS value_rp, sum(from_undetailed)::DOUBLE AS from_undetailed
FROM norm GROUP BY funder_1, funder_2, programme_a, programme_b
ORDER BY households DESC, funder_1, funder_2, programme_a, programme_b`;
}

export interface OverlapAreaRow extends Record<string, unknown> {
  kode: string | null;
  programme_a: string;
  programme_b: string;
  households: number;
  value_rp: number;
  from_undetailed: number;
}

/** The same overlaps per area (kecamatan, or kelurahan inside filter.kec). */
export function overlapsByArea(filter: Pick<CoverageFilter, "kab" | "kec">): SqlQuery {
  return sql`
WITH ${overlapRows(filter)}
SELECT area AS kode, programme_a, programme_b,
  sum(households)::DOUBLE AS households, sum(value_rp)::DOUBLE AS value_rp, sum(from_undetailed)::DOUBLE AS from_undetailed
FROM norm GROUP BY area, programme_a, programme_b
ORDER BY households DESC, (area IS NULL), area, programme_a, programme_b`;
}

export interface UnservedRow extends Record<string, unknown> {
  kec_kode: string | null;
  kec_nama: string;
  kel_kode: string | null;
  kel_nama: string;
  target: number;
  /** Target households with no programme (households − hh_any_programme). */
  untouched: number;
  /** untouched ÷ target × 100. */
  untouched_pct: number | null;
}

/**
 * Kelurahan (or coarser cells) with target households no programme has reached, most untouched first.
 * Cells without kelurahan (or kecamatan) form their own "Tidak dirinci" rows.
 */
export function unservedAreas(kab: CellKab, limit = 30): SqlQuery {
  const t = cellTables(kab);
  return sql`
WITH agg AS (
  SELECT kec_kode, kel_kode,
    coalesce(sum(households), 0)::BIGINT AS target,
    coalesce(sum(households - hh_any_programme), 0)::BIGINT AS untouched
  FROM ${t.cells} WHERE on_target_list GROUP BY kec_kode, kel_kode
)
SELECT a.kec_kode, coalesce(k.nama, 'Tidak dirinci') AS kec_nama, a.kel_kode, coalesce(l.nama, 'Tidak dirinci') AS kel_nama,
  a.target, a.untouched, 100.0 * a.untouched / nullif(a.target, 0) AS untouched_pct
FROM agg a LEFT JOIN regions k ON k.kode = a.kec_kode LEFT JOIN regions l ON l.kode = a.kel_kode
WHERE a.untouched > 0
ORDER BY a.untouched DESC, a.kec_kode, a.kel_kode
LIMIT ${limit}`;
}
