// Queries behind /cakupan (Cakupan & kesenjangan), over the published registry cells only
// (registry_cells_<kab>, registry_cell_programmes_<kab>, registry_cell_pairs_<kab>; schema in
// loaders/registry/cells-schema.ts)
// plus programmes, programme_allocations and regions. Every value a user picks is a bound parameter;
// table names come from a whitelist through ident().
//
// How undetailed cells are counted (a NULL dimension means "not detailed at this level"):
// - area: a cell without kec_kode (or, inside a kecamatan, without kel_kode) is summed into an area
//   row whose kode is NULL, shown as "Tidak dirinci"; never dropped.
// - programme combination: `hh_any_programme` gives, in every cell, exactly how many households hold
//   at least one programme, so coverage without a programme filter and the untouched count
//   ("belum tersentuh" = households − hh_any_programme) are exact everywhere. With a programme, funder
//   or strategy filter, a cell whose `programmes` is NULL says how many households received each
//   programme (registry_cell_programmes) but not who holds which together: its target households are
//   kept apart (`target_undetailed`) with a lower bound (the largest programme count) and an upper
//   bound (the sum, at most hh_any_programme); the percentage is then a range over all target
//   households (coverage_pct the lower, coverage_hi_pct the upper bound; equal when exact).
// - on_target_list NULL: counted in `target_unknown`, never as target or non-target.
// - desil (exclusion/inclusion error): a cell whose desil range straddles a programme's
//   eligible_desil_max counts as eligible by its share of the range, (limit − desil_min + 1) ÷
//   (desil_max − desil_min + 1), i.e. households assumed spread evenly over the desils of the range
//   (the same expected-value rule as the scenario model); such households are also reported
//   (`straddling_households`) so the reader sees how much is estimated. A cell without desil goes to
//   `undetailed_households` and is left out of EE/IE. A programme without eligible_desil_max has no
//   EE/IE (NULL), not 0%.
import { ident, join, sql, type SqlQuery } from "../core/sql.js";
import { partitionTable } from "../domain/wilayah.js";

/** A kab/kota code (which ones have published cells is in the catalogue, see core/catalog.ts). */
export type CellKab = string;

/** Vulnerability flags counted per cell, in the order of loaders/registry/cells-schema.ts (a unit test keeps them equal). */
export const CELL_FLAGS = ["disability", "elderly", "out_of_school_child", "unfit_house", "no_health_insurance", "female_head"] as const;
export type CellFlag = (typeof CELL_FLAGS)[number];

export const FLAG_LABEL_ID: Readonly<Record<CellFlag, string>> = {
  disability: "Penyandang disabilitas",
  elderly: "Lansia",
  out_of_school_child: "Anak tidak sekolah",
  unfit_house: "Rumah tidak layak huni",
  no_health_insurance: "Tanpa jaminan kesehatan",
  female_head: "Kepala keluarga perempuan"
};

/** Label of an area row whose code is NULL. */
export const UNDETAILED_LABEL = "Tidak dirinci";

export interface CoverageFilter {
  readonly kab: CellKab;
  /** Drill-down: rows become the kelurahan of this kecamatan. */
  readonly kec: string | null;
  /** Programme filters select programmes from the catalogue (funder = the programme's funder there). */
  readonly programme: string | null;
  readonly funder: string | null;
  readonly strategy: string | null;
}

/** The registry partition tables of a kab/kota; the code is checked to be one (never SQL text). */
export function cellTables(kab: CellKab): { cells: SqlQuery; programmes: SqlQuery; pairs: SqlQuery } {
  return {
    cells: ident(partitionTable("registry_cells", kab)),
    programmes: ident(partitionTable("registry_cell_programmes", kab)),
    pairs: ident(partitionTable("registry_cell_pairs", kab))
  };
}

/** The programmes a filter selects (code, name, funder, strategy, eligible_desil_max). */
export function selectedProgrammes(filter: Pick<CoverageFilter, "programme" | "funder" | "strategy">): SqlQuery {
  const conditions: SqlQuery[] = [sql`TRUE`];
  if (filter.programme !== null) conditions.push(sql`code = ${filter.programme}`);
  if (filter.funder !== null) conditions.push(sql`funder = ${filter.funder}`);
  if (filter.strategy !== null) conditions.push(sql`strategy = ${filter.strategy}`);
  return sql`SELECT code, name, funder, strategy, eligible_desil_max FROM programmes WHERE ${join(conditions, " AND ")}`;
}

interface Scope {
  /** Expression of the row's area code on alias `c`. */
  readonly area: SqlQuery;
  /** Cells in scope (alias `c`). */
  readonly where: SqlQuery;
  /** Regions listed as rows even without cells. */
  readonly regions: SqlQuery;
}

/** Kecamatan of the kab/kota, or kelurahan of one kecamatan. */
export function areaScope(filter: Pick<CoverageFilter, "kab" | "kec">): Scope {
  if (filter.kec === null) {
    return {
      area: sql`c.kec_kode`,
      where: sql`TRUE`,
      regions: sql`SELECT kode, nama FROM regions WHERE level = 'kecamatan' AND parent_kode = ${filter.kab}`
    };
  }
  return {
    area: sql`c.kel_kode`,
    where: sql`c.kec_kode = ${filter.kec}`,
    regions: sql`SELECT kode, nama FROM regions WHERE level = 'kelurahan' AND parent_kode = ${filter.kec}`
  };
}

export interface CoverageRow extends Record<string, unknown> {
  /** Area code; null = "Tidak dirinci" (cells not detailed to this level). */
  kode: string | null;
  nama: string;
  households: number;
  /** Households on the target list. */
  target: number;
  /** Target households whose coverage under the filter is known exactly. */
  target_detailed: number;
  /** Of those, households holding at least one selected programme. */
  covered: number;
  /** Target households holding no programme at all (households − hh_any_programme), whatever the filter. */
  untouched: number;
  /** Target households in cells whose combination is not detailed, when a filter makes that matter. */
  target_undetailed: number;
  /** Bounds on how many of those hold a selected programme. */
  undetailed_covered_lo: number;
  undetailed_covered_hi: number;
  /** Households whose target-list status is not detailed. */
  target_unknown: number;
  /** (covered + undetailed_covered_lo) ÷ target × 100: exact without a filter or when lo = hi, else the lower bound; null without target households. */
  coverage_pct: number | null;
  /** (covered + undetailed_covered_hi) ÷ target × 100: the upper bound. */
  coverage_hi_pct: number | null;
  /** untouched ÷ target × 100; null when the area has no target household. */
  untouched_pct: number | null;
}

/** True when the filter selects every programme (coverage is then exact in every cell). */
export function selectsAll(filter: Pick<CoverageFilter, "programme" | "funder" | "strategy">): boolean {
  return filter.programme === null && filter.funder === null && filter.strategy === null;
}

/**
 * Coverage of the target list per area (kecamatan, or kelurahan of filter.kec), every area of the
 * regions table listed (zero when it has no cells), plus a "Tidak dirinci" row when cells are coarser.
 */
export function coverageByArea(filter: CoverageFilter): SqlQuery {
  const t = cellTables(filter.kab);
  const scope = areaScope(filter);
  const all = selectsAll(filter);
  return sql`
WITH sel AS (${selectedProgrammes(filter)}),
cells AS (SELECT ${scope.area} AS area, c.* FROM ${t.cells} c WHERE ${scope.where}),
cell_codes AS (SELECT cell_id, unnest(string_split(programmes, '+')) AS code FROM cells WHERE programmes <> ''),
covered_cells AS (SELECT DISTINCT cc.cell_id FROM cell_codes cc JOIN sel ON sel.code = cc.code),
undetailed AS (
  SELECT p.cell_id, max(p.households) AS lo, sum(p.households) AS hi
  FROM ${t.programmes} p JOIN sel ON sel.code = p.programme_code JOIN cells c ON c.cell_id = p.cell_id
  WHERE c.programmes IS NULL GROUP BY p.cell_id
),
per_cell AS (
  SELECT c.area, c.households, c.on_target_list, c.households - c.hh_any_programme AS untouched,
    c.programmes IS NOT NULL OR ${all} AS exact,
    CASE WHEN c.programmes IS NOT NULL THEN (CASE WHEN k.cell_id IS NULL THEN 0 ELSE c.households END)
         WHEN ${all} THEN c.hh_any_programme END AS covered,
    coalesce(u.lo, 0) AS lo, least(c.hh_any_programme, coalesce(u.hi, 0)) AS hi
  FROM cells c LEFT JOIN covered_cells k ON k.cell_id = c.cell_id LEFT JOIN undetailed u ON u.cell_id = c.cell_id
),
agg AS (
  SELECT area,
    sum(households)::BIGINT AS households,
    coalesce(sum(households) FILTER (on_target_list), 0)::BIGINT AS target,
    coalesce(sum(households) FILTER (on_target_list AND exact), 0)::BIGINT AS target_detailed,
    coalesce(sum(covered) FILTER (on_target_list AND exact), 0)::BIGINT AS covered,
    coalesce(sum(untouched) FILTER (on_target_list), 0)::BIGINT AS untouched,
    coalesce(sum(households) FILTER (on_target_list AND NOT exact), 0)::BIGINT AS target_undetailed,
    coalesce(sum(lo) FILTER (on_target_list AND NOT exact), 0)::BIGINT AS undetailed_covered_lo,
    coalesce(sum(hi) FILTER (on_target_list AND NOT exact), 0)::BIGINT AS undetailed_covered_hi,
    coalesce(sum(households) FILTER (on_target_list IS NULL), 0)::BIGINT AS target_unknown
  FROM per_cell GROUP BY area
),
areas AS (${scope.regions})
SELECT coalesce(a.kode, g.area) AS kode,
  coalesce(a.nama, CASE WHEN g.area IS NULL THEN ${UNDETAILED_LABEL} ELSE g.area END) AS nama,
  coalesce(g.households, 0)::BIGINT AS households,
  coalesce(g.target, 0)::BIGINT AS target,
  coalesce(g.target_detailed, 0)::BIGINT AS target_detailed,
  coalesce(g.covered, 0)::BIGINT AS covered,
  coalesce(g.untouched, 0)::BIGINT AS untouched,
  coalesce(g.target_undetailed, 0)::BIGINT AS target_undetailed,
  coalesce(g.undetailed_covered_lo, 0)::BIGINT AS undetailed_covered_lo,
  coalesce(g.undetailed_covered_hi, 0)::BIGINT AS undetailed_covered_hi,
  coalesce(g.target_unknown, 0)::BIGINT AS target_unknown,
  100.0 * (g.covered + g.undetailed_covered_lo) / nullif(g.target, 0) AS coverage_pct,
  100.0 * (g.covered + g.undetailed_covered_hi) / nullif(g.target, 0) AS coverage_hi_pct,
  100.0 * g.untouched / nullif(g.target, 0) AS untouched_pct
FROM areas a FULL JOIN agg g ON g.area = a.kode
ORDER BY (coalesce(a.kode, g.area) IS NULL), coalesce(a.kode, g.area)`;
}

export interface StrategyCoverageRow extends Record<string, unknown> {
  strategy: string;
  /** Target households in scope. */
  target: number;
  /** Target households (combination known) holding at least one selected programme of this strategy. */
  covered: number;
  /** Bounds for target households in cells whose combination is not detailed. */
  undetailed_lo: number;
  undetailed_hi: number;
  /** (covered + undetailed_lo) ÷ target × 100, and the upper bound with undetailed_hi. */
  coverage_pct: number | null;
  coverage_hi_pct: number | null;
}

/** Coverage of the target list (in the filter's area) by Inpres 4/2022 strategy, over the selected programmes. */
export function coverageByStrategy(filter: CoverageFilter): SqlQuery {
  const t = cellTables(filter.kab);
  const scope = areaScope(filter);
  return sql`
WITH sel AS (${selectedProgrammes(filter)}),
strategies AS (SELECT DISTINCT strategy FROM sel),
targets AS (SELECT c.cell_id, c.households, c.programmes, c.hh_any_programme FROM ${t.cells} c WHERE ${scope.where} AND c.on_target_list),
cell_codes AS (SELECT cell_id, unnest(string_split(programmes, '+')) AS code FROM targets WHERE programmes <> ''),
exact AS (
  SELECT s.strategy, sum(t.households) AS covered
  FROM targets t JOIN (SELECT DISTINCT cc.cell_id, sel.strategy FROM cell_codes cc JOIN sel ON sel.code = cc.code) s ON s.cell_id = t.cell_id
  GROUP BY s.strategy
),
undetailed AS (
  SELECT u.strategy, sum(u.lo) AS lo, sum(least(t.hh_any_programme, u.hi)) AS hi
  FROM (
    SELECT p.cell_id, sel.strategy, max(p.households) AS lo, sum(p.households) AS hi
    FROM ${t.programmes} p JOIN sel ON sel.code = p.programme_code GROUP BY p.cell_id, sel.strategy
  ) u JOIN targets t ON t.cell_id = u.cell_id AND t.programmes IS NULL
  GROUP BY u.strategy
),
total AS (SELECT coalesce(sum(households), 0)::BIGINT AS target FROM targets)
SELECT s.strategy, total.target,
  coalesce(e.covered, 0)::BIGINT AS covered,
  coalesce(u.lo, 0)::BIGINT AS undetailed_lo,
  coalesce(u.hi, 0)::BIGINT AS undetailed_hi,
  100.0 * (coalesce(e.covered, 0) + coalesce(u.lo, 0)) / nullif(total.target, 0) AS coverage_pct,
  100.0 * (coalesce(e.covered, 0) + coalesce(u.hi, 0)) / nullif(total.target, 0) AS coverage_hi_pct
FROM strategies s CROSS JOIN total LEFT JOIN exact e ON e.strategy = s.strategy LEFT JOIN undetailed u ON u.strategy = s.strategy
ORDER BY s.strategy`;
}

export interface ErrorRow extends Record<string, unknown> {
  code: string;
  name: string;
  funder: string;
  eligible_desil_max: number | null;
  /** Area code; null with is_total = false means "Tidak dirinci"; is_total rows cover the whole scope. */
  kode: string | null;
  is_total: boolean;
  /** Expected eligible households (straddling cells by share of their desil range). */
  eligible: number | null;
  /** Households receiving the programme, in cells whose desil is known. */
  receiving: number;
  eligible_receiving: number | null;
  /** Exclusion error: eligible not receiving ÷ eligible × 100. */
  ee_pct: number | null;
  /** Inclusion error: receiving not eligible ÷ receiving × 100. */
  ie_pct: number | null;
  /** Households in cells whose desil range straddles the limit (counted by share). */
  straddling_households: number;
  /** Households (and receivers) in cells without desil: left out of EE/IE. */
  undetailed_households: number;
  undetailed_receiving: number;
}

/** Exclusion and inclusion error per selected programme, for the whole scope and per area. */
export function targetingErrors(filter: CoverageFilter): SqlQuery {
  const t = cellTables(filter.kab);
  const scope = areaScope(filter);
  return sql`
WITH sel AS (${selectedProgrammes(filter)}),
cells AS (SELECT ${scope.area} AS area, c.cell_id, c.households, c.desil_min, c.desil_max FROM ${t.cells} c WHERE ${scope.where}),
recv AS (SELECT cell_id, programme_code, sum(households) AS households FROM ${t.programmes} GROUP BY cell_id, programme_code),
grid AS (
  SELECT p.code, c.area, c.households, coalesce(r.households, 0) AS receiving,
    CASE
      WHEN p.eligible_desil_max IS NULL OR c.desil_min IS NULL OR c.desil_max IS NULL THEN NULL
      WHEN c.desil_max <= p.eligible_desil_max THEN 1.0
      WHEN c.desil_min > p.eligible_desil_max THEN 0.0
      ELSE (p.eligible_desil_max - c.desil_min + 1)::DOUBLE / (c.desil_max - c.desil_min + 1)
    END AS share,
    c.desil_min IS NULL OR c.desil_max IS NULL AS no_desil
  FROM sel p CROSS JOIN cells c LEFT JOIN recv r ON r.cell_id = c.cell_id AND r.programme_code = p.code
),
agg AS (
  SELECT code, area, grouping(area) = 1 AS is_total,
    sum(households * share) AS eligible,
    coalesce(sum(receiving) FILTER (NOT no_desil), 0)::BIGINT AS receiving,
    sum(receiving * share) AS eligible_receiving,
    coalesce(sum(households) FILTER (share > 0 AND share < 1), 0)::BIGINT AS straddling_households,
    coalesce(sum(households) FILTER (no_desil), 0)::BIGINT AS undetailed_households,
    coalesce(sum(receiving) FILTER (no_desil), 0)::BIGINT AS undetailed_receiving
  FROM grid GROUP BY GROUPING SETS ((code), (code, area))
)
SELECT p.code, p.name, p.funder, p.eligible_desil_max::INTEGER AS eligible_desil_max, a.area AS kode, a.is_total,
  a.eligible, a.receiving, a.eligible_receiving,
  100.0 * (a.eligible - a.eligible_receiving) / nullif(a.eligible, 0) AS ee_pct,
  CASE WHEN p.eligible_desil_max IS NULL THEN NULL ELSE 100.0 * (a.receiving - a.eligible_receiving) / nullif(a.receiving, 0) END AS ie_pct,
  a.straddling_households, a.undetailed_households, a.undetailed_receiving
FROM agg a JOIN sel p ON p.code = a.code
ORDER BY p.code, NOT a.is_total, (a.area IS NULL), a.area`;
}

export interface UntouchedRow extends Record<string, unknown> {
  kode: string | null;
  nama: string;
  /** Target households with no programme at all (households − hh_any_programme, exact in every cell). */
  untouched: number;
  /** Of those, households in cells whose combination is not detailed: their flags cannot be told apart. */
  untouched_flags_undetailed: number;
  hh_disability: number;
  hh_elderly: number;
  hh_out_of_school_child: number;
  hh_unfit_house: number;
  hh_no_health_insurance: number;
  hh_female_head: number;
}

/**
 * Target households no programme has reached ("belum tersentuh"), per area, with counts by
 * vulnerability flag (from cells whose combination is '', where every household is untouched).
 */
export function untouchedByArea(filter: Pick<CoverageFilter, "kab" | "kec">): SqlQuery {
  const t = cellTables(filter.kab);
  const scope = areaScope(filter);
  const flags = join(
    CELL_FLAGS.map((f) => sql`coalesce(sum(c.${ident(`hh_${f}`)}) FILTER (c.programmes = ''), 0)::BIGINT AS ${ident(`hh_${f}`)}`),
    ", "
  );
  return sql`
WITH cells AS (SELECT ${scope.area} AS area, c.* FROM ${t.cells} c WHERE ${scope.where} AND c.on_target_list),
agg AS (
  SELECT c.area,
    coalesce(sum(c.households - c.hh_any_programme), 0)::BIGINT AS untouched,
    coalesce(sum(c.households - c.hh_any_programme) FILTER (c.programmes IS NULL), 0)::BIGINT AS untouched_flags_undetailed,
    ${flags}
  FROM cells c GROUP BY c.area
),
areas AS (${scope.regions})
SELECT coalesce(a.kode, g.area) AS kode,
  coalesce(a.nama, CASE WHEN g.area IS NULL THEN ${UNDETAILED_LABEL} ELSE g.area END) AS nama,
  coalesce(g.untouched, 0)::BIGINT AS untouched,
  coalesce(g.untouched_flags_undetailed, 0)::BIGINT AS untouched_flags_undetailed,
  ${join(CELL_FLAGS.map((f) => sql`coalesce(g.${ident(`hh_${f}`)}, 0)::BIGINT AS ${ident(`hh_${f}`)}`), ", ")}
FROM areas a FULL JOIN agg g ON g.area = a.kode
ORDER BY coalesce(g.untouched, 0) DESC, (coalesce(a.kode, g.area) IS NULL), coalesce(a.kode, g.area)`;
}

export interface AllocationRow extends Record<string, unknown> {
  kode: string | null;
  nama: string;
  /** Published planned units for this area (component "total"), null when the source names none. */
  allocated_units: number | null;
  /** Status of the published figure used: realisasi, else rencana, else usulan. */
  allocation_status: string | null;
  approximate: boolean | null;
  allocation_source: string | null;
  /** Target-list households in the area (the need). */
  target: number;
  /** Units and households of the programme recorded in the registry cells. */
  received_units: number;
  received_households: number;
  /** allocated_units ÷ target; null without allocation or without target households. */
  allocated_per_target: number | null;
  received_per_target: number | null;
}

/**
 * Allocation versus need per area for one programme and year: published planned units (kecamatan
 * rows of programme_allocations; none are published per kelurahan) against target households, and
 * the units the registry records as received.
 */
export function allocationVsNeed(filter: Pick<CoverageFilter, "kab" | "kec">, programme: string, year: number): SqlQuery {
  const t = cellTables(filter.kab);
  const scope = areaScope(filter);
  return sql`
WITH cells AS (SELECT ${scope.area} AS area, c.* FROM ${t.cells} c WHERE ${scope.where}),
need AS (SELECT area, coalesce(sum(households) FILTER (on_target_list), 0)::BIGINT AS target FROM cells GROUP BY area),
received AS (
  SELECT c.area, sum(p.units) AS units, sum(p.households)::BIGINT AS households
  FROM ${t.programmes} p JOIN cells c ON c.cell_id = p.cell_id WHERE p.programme_code = ${programme} GROUP BY c.area
),
alloc AS (
  SELECT area_kode,
    arg_min(planned_units, CASE status WHEN 'realisasi' THEN 1 WHEN 'rencana' THEN 2 ELSE 3 END) AS units,
    arg_min(status, CASE status WHEN 'realisasi' THEN 1 WHEN 'rencana' THEN 2 ELSE 3 END) AS status,
    arg_min(approximate, CASE status WHEN 'realisasi' THEN 1 WHEN 'rencana' THEN 2 ELSE 3 END) AS approximate,
    arg_min(source, CASE status WHEN 'realisasi' THEN 1 WHEN 'rencana' THEN 2 ELSE 3 END) AS source
  FROM programme_allocations
  WHERE programme_code = ${programme} AND year = ${year} AND component = 'total'
  GROUP BY area_kode
),
areas AS (${scope.regions}),
keys AS (SELECT kode FROM areas UNION SELECT area FROM need UNION SELECT area FROM received)
SELECT k.kode,
  coalesce(a.nama, CASE WHEN k.kode IS NULL THEN ${UNDETAILED_LABEL} ELSE k.kode END) AS nama,
  al.units AS allocated_units, al.status AS allocation_status, al.approximate, al.source AS allocation_source,
  coalesce(n.target, 0)::BIGINT AS target,
  coalesce(r.units, 0)::DOUBLE AS received_units,
  coalesce(r.households, 0)::BIGINT AS received_households,
  al.units / nullif(n.target, 0) AS allocated_per_target,
  CASE WHEN coalesce(n.target, 0) = 0 THEN NULL ELSE coalesce(r.units, 0) / n.target END AS received_per_target
FROM keys k
LEFT JOIN areas a ON a.kode = k.kode
LEFT JOIN need n ON n.area IS NOT DISTINCT FROM k.kode
LEFT JOIN received r ON r.area IS NOT DISTINCT FROM k.kode
LEFT JOIN alloc al ON al.area_kode = k.kode
ORDER BY (k.kode IS NULL), k.kode`;
}

export interface AllocationTotalRow extends Record<string, unknown> {
  programme_code: string;
  name: string;
  year: number;
  area_kode: string;
  status: string;
  planned_units: number;
  unit: string;
  budget_rp: number | null;
  approximate: boolean;
  source: string;
  /** Units and value the registry of this kab/kota records for the programme (all periods). */
  received_units: number;
  received_value_rp: number;
  received_households: number;
}

/** Published kab/kota-level allocations (component "total") beside what the registry records as received. */
export function allocationTotals(kab: CellKab): SqlQuery {
  const t = cellTables(kab);
  return sql`
WITH received AS (
  SELECT programme_code, sum(units) AS units, sum(value_rp) AS value_rp, sum(households)::BIGINT AS households
  FROM ${t.programmes} GROUP BY programme_code
)
SELECT a.programme_code, p.name, a.year::INTEGER AS year, a.area_kode, a.status, a.planned_units, a.unit, a.budget_rp, a.approximate, a.source,
  coalesce(r.units, 0)::DOUBLE AS received_units, coalesce(r.value_rp, 0)::DOUBLE AS received_value_rp, coalesce(r.households, 0)::BIGINT AS received_households
FROM programme_allocations a JOIN programmes p ON p.code = a.programme_code
LEFT JOIN received r ON r.programme_code = a.programme_code
WHERE a.area_kode = ${kab} AND a.component = 'total'
ORDER BY a.year DESC, a.programme_code, a.status`;
}

/** Programme catalogue rows for filter menus. */
export function programmeList(): SqlQuery {
  return sql`SELECT code, name, funder, strategy, unit, eligible_desil_max::INTEGER AS eligible_desil_max FROM programmes ORDER BY code`;
}

/** Kecamatan of a kab/kota, for the drill-down menu. */
export function kecamatanList(kab: CellKab): SqlQuery {
  return sql`SELECT kode, nama FROM regions WHERE level = 'kecamatan' AND parent_kode = ${kab} ORDER BY kode`;
}

/** Programme × year pairs that have area-level (below kab/kota) allocations in this kab/kota. */
export function allocationChoices(kab: CellKab): SqlQuery {
  return sql`
SELECT DISTINCT a.programme_code, a.year::INTEGER AS year, p.name, a.unit
FROM programme_allocations a JOIN programmes p ON p.code = a.programme_code
WHERE a.component = 'total' AND starts_with(a.area_kode, ${kab}) AND length(a.area_kode) > 4
ORDER BY year DESC, a.programme_code`;
}
