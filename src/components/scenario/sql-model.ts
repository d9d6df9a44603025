// The scenario model as DuckDB SQL with bound parameters (see the model text in types.ts).
//
// prepare() runs once per page load: it copies the cells into scenario tables and computes, with
// window functions, the targeting order of every (rule, programme) as "eligible capacity before this
// cell" within its kab/kota and within its kecamatan (columns of one capacity table). run() is then one statement of filters, joins
// and group-bys — no window function — so a control change costs a scan of the cells.
import { ident, join, sql, type SqlQuery, type SqlValue } from "../sql.js";
import {
  AREA_NUMBER_FIELDS,
  type AreaLevel,
  type AreaResult,
  type ModelRun,
  type ProgrammeParams
} from "./types.js";

/** What the SQL model needs from a database: Database (src/components/database.ts) satisfies it. */
export interface SqlRunner {
  rows<T extends Record<string, unknown> = Record<string, unknown>>(statement: SqlQuery): Promise<T[]>;
}

export interface CellPartition {
  /** registry_cells_<kab> (or a test table with the same columns). */
  readonly cells: string;
  /** registry_cell_programmes_<kab>. */
  readonly programmes: string;
}

const LEVEL_COLUMNS = sql`
  CASE WHEN grouping(kec_kode) = 0 THEN 'kec' WHEN grouping(kel_kode) = 0 THEN 'kel' ELSE 'kab' END AS level,
  kab_kode,
  CASE WHEN grouping(kec_kode) = 0 THEN kec_kode WHEN grouping(kel_kode) = 0 THEN kel_kode ELSE kab_kode END AS area_kode`;

const DELTA_FIELDS = [
  "poor_persons",
  "poor_households",
  "exits_persons",
  "gap_rp_year",
  "eligible_not_receiving",
  "receiving_households",
  "receiving_not_eligible",
  "overlaps_created",
  "extra_delivered_rp"
] as const satisfies readonly (keyof AreaResult)[];

function toResult(row: Record<string, unknown>): AreaResult {
  const out: Record<string, unknown> = {
    level: row["level"] as AreaLevel,
    kab_kode: String(row["kab_kode"]),
    area_kode: row["area_kode"] === null || row["area_kode"] === undefined ? null : String(row["area_kode"])
  };
  for (const key of AREA_NUMBER_FIELDS) out[key] = Number(row[key] ?? 0);
  return out as unknown as AreaResult;
}

const resultKey = (r: AreaResult) => `${r.level}|${r.kab_kode}|${r.area_kode ?? ""}`;

const TABLE_PREFIX = /^[a-z][a-z0-9_]{0,30}$/;

/** A VALUES list of bound rows: (VALUES (?, ?), (?, ?)) AS alias(c1, c2). Empty lists give a typed empty relation. */
function valuesTable(alias: string, columns: readonly string[], types: readonly string[], rows: readonly (readonly SqlValue[])[]): SqlQuery {
  const cols = join(columns.map((c) => ident(c)), ", ");
  if (rows.length === 0) {
    const nulls = join(
      types.map((t, i) => sql`CAST(NULL AS ${rawType(t)}) AS ${ident(columns[i]!)}`),
      ", "
    );
    return sql`(SELECT ${nulls} WHERE false) AS ${ident(alias)}`;
  }
  const body = join(
    rows.map((r) => {
      const cells = join(r.map((v, i) => sql`CAST(${v} AS ${rawType(types[i]!)})`), ", ");
      return sql`(${cells})`;
    }),
    ", "
  );
  return sql`(VALUES ${body}) AS ${ident(alias)}(${cols})`;
}

const SQL_TYPES = new Set(["VARCHAR", "DOUBLE", "INTEGER", "BOOLEAN"]);
function rawType(type: string): SqlQuery {
  if (!SQL_TYPES.has(type)) throw new TypeError(`unsupported type ${type}`);
  return sql([type] as unknown as TemplateStringsArray);
}

export class ScenarioSql {
  private readonly names: Record<"cells" | "rec" | "inelig", SqlQuery>;
  private prepared = false;
  private statusQuo: { key: string; rows: AreaResult[] } | undefined;

  constructor(
    private readonly db: SqlRunner,
    prefix = "scn"
  ) {
    if (!TABLE_PREFIX.test(prefix)) throw new TypeError(`invalid table prefix ${prefix}`);
    this.names = {
      cells: ident(`${prefix}_cells`),
      rec: ident(`${prefix}_rec`),
      inelig: ident(`${prefix}_inelig`)
    };
  }

  /**
   * Copies the cells of one or more partitions and precomputes the targeting orders for these
   * programmes (their eligibility). Call again if a programme's eligibility changes.
   */
  async prepare(partitions: readonly CellPartition[], programmes: readonly ProgrammeParams[]): Promise<void> {
    const { cells, rec, inelig } = this.names;
    if (partitions.length === 0) throw new Error("no cell partition");
    // A global cell id: partition index in the high bits (cell_id is unique only within a partition).
    const cellSelects = partitions.map(
      (p, i) => sql`SELECT ${i}::BIGINT * 4294967296 + cell_id AS gid, kab_kode, kec_kode, kel_kode, desil_min, desil_max, on_target_list,
        pce_lo_rp::DOUBLE AS lo,
        CASE WHEN coalesce(pce_hi_rp, greatest(2 * pce_lo_rp, pce_lo_rp + 1)) > pce_lo_rp
             THEN coalesce(pce_hi_rp, greatest(2 * pce_lo_rp, pce_lo_rp + 1)) ELSE pce_lo_rp + 1 END::DOUBLE AS hi,
        households::DOUBLE AS hh, persons::DOUBLE AS persons
        FROM ${ident(p.cells)}`
    );
    await this.db.rows(sql`CREATE OR REPLACE TABLE ${cells} AS ${join(cellSelects, " UNION ALL ")}`);
    const recSelects = partitions.map(
      (p, i) => sql`SELECT ${i}::BIGINT * 4294967296 + cell_id AS gid, programme_code AS code, households::DOUBLE AS n FROM ${ident(p.programmes)}`
    );
    await this.db.rows(sql`CREATE OR REPLACE TABLE ${rec} AS
      SELECT r.gid, r.code, least(sum(r.n), max(c.hh)) / max(c.hh) AS s
      FROM (${join(recSelects, " UNION ALL ")}) r JOIN ${cells} c ON c.gid = r.gid
      GROUP BY r.gid, r.code`);

    // Receiving share with no change: the largest current share of any programme (nested within the cell).
    await this.db.rows(sql`CREATE OR REPLACE TABLE ${cells} AS
      SELECT c.*, coalesce(r.r0, 0) AS r0 FROM ${cells} c LEFT JOIN (SELECT gid, max(s) AS r0 FROM ${rec} GROUP BY gid) r ON r.gid = c.gid
      ORDER BY c.gid`);
    const progs = valuesTable(
      "p",
      ["code", "dmax"],
      ["VARCHAR", "INTEGER"],
      programmes.map((p) => [p.code, p.eligible_desil_max])
    );
    // Capacity: households not receiving the programme now.
    // One row per (cell, programme) with capacity, ordered by programme; for eligible rows, the eligible
    // capacity before the cell in each targeting order, within the kab/kota and within the kecamatan.
    const before = (partition: string, order: string) =>
      sql([`coalesce(sum(cap) FILTER (WHERE eligible) OVER (PARTITION BY code, ${partition} ORDER BY ${order}, gid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)`] as unknown as TemplateStringsArray);
    const ORDERS = { daftar: "k_list, k_desil, lo", desil: "k_desil, lo", pengeluaran: "lo, k_desil" } as const;
    await this.db.rows(sql`CREATE OR REPLACE TABLE ${inelig} AS
      WITH base AS (
        SELECT c.gid, c.kab_kode, c.kec_kode, p.code,
          (c.desil_max IS NOT NULL AND c.desil_max <= p.dmax) OR (c.desil_max IS NULL AND c.on_target_list IS TRUE) AS eligible,
          c.hh * (1 - coalesce(r.s, 0)) AS cap,
          CASE WHEN c.on_target_list IS TRUE THEN 0 ELSE 1 END AS k_list, coalesce(c.desil_min, 99) AS k_desil, c.lo
        FROM ${cells} c CROSS JOIN ${progs} LEFT JOIN ${rec} r ON r.gid = c.gid AND r.code = p.code
      )
      SELECT gid, kab_kode, kec_kode, code, eligible, cap,
        ${before("kab_kode", ORDERS.daftar)} AS kab_daftar, ${before("kec_kode", ORDERS.daftar)} AS kec_daftar,
        ${before("kab_kode", ORDERS.desil)} AS kab_desil, ${before("kec_kode", ORDERS.desil)} AS kec_desil,
        ${before("kab_kode", ORDERS.pengeluaran)} AS kab_pengeluaran, ${before("kec_kode", ORDERS.pengeluaran)} AS kec_pengeluaran
      FROM base WHERE cap > 0
      ORDER BY code, gid`);
    this.prepared = true;
    this.statusQuo = undefined;
  }

  /** Per-area results with no programme change, for one set of lines and trends (cached by run()). */
  statusQuoStatement(run: ModelRun): SqlQuery {
    const { cells } = this.names;
    const reg = this.regTable(run);
    return sql`
WITH reg AS (SELECT * FROM ${reg}),
cell_m AS (
  SELECT c.kab_kode, c.kec_kode, c.kel_kode, c.hh, c.persons, rg.tf, c.r0 AS r,
    greatest(0, least(1, (rg.line - c.lo) / (c.hi - c.lo))) AS f0,
    CASE WHEN rg.line <= c.lo THEN 0 WHEN rg.line >= c.hi THEN rg.line - (c.lo + c.hi) / 2
         ELSE (rg.line - c.lo) ^ 2 / (2 * (c.hi - c.lo)) END AS g0
  FROM ${cells} c JOIN reg rg ON rg.kab_kode = c.kab_kode
)
SELECT ${LEVEL_COLUMNS},
  sum(hh) AS households,
  sum(persons) AS persons,
  sum(persons * f0) AS base_poor_persons,
  sum(hh * f0) AS base_poor_households,
  sum(persons * f0 * tf) AS status_quo_poor_persons,
  sum(persons * f0 * tf) AS poor_persons,
  sum(hh * f0 * tf) AS poor_households,
  0::DOUBLE AS exits_persons,
  sum(persons * g0 * 12 * tf) AS gap_rp_year,
  sum(hh * f0) AS eligible_households,
  sum(hh * f0 * (1 - r)) AS eligible_not_receiving,
  sum(hh * r) AS receiving_households,
  sum(hh * r * (1 - f0)) AS receiving_not_eligible,
  0::DOUBLE AS overlaps_created,
  0::DOUBLE AS extra_delivered_rp,
  sum(persons * g0 * 12) AS close_gap_rp_year
FROM cell_m
GROUP BY GROUPING SETS ((kab_kode), (kab_kode, kec_kode), (kab_kode, kel_kode))`;
  }

  private regTable(run: ModelRun): SqlQuery {
    const years = run.horizon - run.base_year;
    return valuesTable(
      "reg",
      ["kab_kode", "line", "tf"],
      ["VARCHAR", "DOUBLE", "DOUBLE"],
      run.regions.map((r) => [r.kab_kode, r.poverty_line_rp * r.extreme_ratio, Math.pow(1 + r.trend_per_year, years)])
    );
  }

  /** Per-area changes from the status quo, computed over the cells the run changes only. */
  statement(run: ModelRun): SqlQuery {
    const { cells, rec, inelig } = this.names;
    const years = run.horizon - run.base_year;
    const reg = this.regTable(run);
    const prog = valuesTable(
      "prog",
      ["code", "rule", "leak", "cost", "dpm", "lgs"],
      ["VARCHAR", "VARCHAR", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE"],
      run.programmes.map((p) => [
        p.params.code,
        p.rule,
        p.leakage,
        p.params.cost_per_hh_year_rp,
        p.params.transfer_per_hh_year_rp / 12,
        years * Math.log(1 - p.params.graduation_prob_per_year)
      ])
    );
    const pools = valuesTable(
      "pl",
      ["code", "area", "baseline", "budget"],
      ["VARCHAR", "VARCHAR", "DOUBLE", "DOUBLE"],
      run.programmes.flatMap((p) => p.pools.map((b) => [p.params.code, b.area_kode, b.baseline_rp, b.budget_rp]))
    );
    const pairs = valuesTable(
      "dup",
      ["a", "b"],
      ["VARCHAR", "VARCHAR"],
      run.duplicate_pairs.map(([a, b]) => [a, b])
    );
    return sql`
WITH reg AS (SELECT * FROM ${reg}),
prog AS (SELECT * FROM ${prog}),
pool AS (
  SELECT pl.code, pl.area, pl.baseline, pl.budget,
    greatest(pl.budget - pl.baseline, 0) / pr.cost AS units,
    CASE WHEN pl.baseline > 0 THEN greatest(pl.baseline - pl.budget, 0) / pl.baseline ELSE 0 END AS cut
  FROM ${pools} JOIN prog pr ON pr.code = pl.code
),
-- Pool of each capacity row: the kecamatan pool if the programme has one there, else the kab/kota pool.
cap_rows AS MATERIALIZED (
  SELECT i.gid, i.code, i.eligible, i.cap, i.kab_kode, i.kec_kode,
    i.kab_daftar, i.kec_daftar, i.kab_desil, i.kec_desil, i.kab_pengeluaran, i.kec_pengeluaran,
    CASE WHEN pk.area IS NOT NULL THEN pk.area ELSE pb.area END AS area,
    pk.area IS NOT NULL AS by_kec,
    coalesce(pk.units, pb.units) AS units
  FROM ${inelig} i
  LEFT JOIN pool pk ON pk.code = i.code AND pk.area = i.kec_kode
  LEFT JOIN pool pb ON pb.code = i.code AND pb.area = i.kab_kode
  WHERE i.code IN (SELECT code FROM pool WHERE units > 0) AND coalesce(pk.units, pb.units) > 0
),
leak_cap AS (
  SELECT code, area, sum(cap) AS total FROM cap_rows WHERE NOT eligible GROUP BY code, area
),
gains AS MATERIALIZED (
  -- eligible cells, in the precomputed targeting order
  SELECT c.gid, c.code,
    least(greatest((1 - pr.leak) * c.units - CASE
      WHEN pr.rule = 'daftar' THEN CASE WHEN c.by_kec THEN c.kec_daftar ELSE c.kab_daftar END
      WHEN pr.rule = 'desil' THEN CASE WHEN c.by_kec THEN c.kec_desil ELSE c.kab_desil END
      ELSE CASE WHEN c.by_kec THEN c.kec_pengeluaran ELSE c.kab_pengeluaran END END, 0), c.cap) AS n
  FROM cap_rows c
  JOIN prog pr ON pr.code = c.code
  WHERE c.eligible
  UNION ALL
  -- leakage to ineligible cells, in proportion to capacity
  SELECT c.gid, c.code, least(pr.leak * c.units / l.total, 1) * c.cap AS n
  FROM cap_rows c
  JOIN prog pr ON pr.code = c.code
  JOIN leak_cap l ON l.code = c.code AND l.area = c.area
  WHERE NOT c.eligible AND pr.leak > 0
),
cuts AS (
  SELECT r.gid, r.code, -r.s * coalesce(pk.cut, pb.cut) AS df
  FROM (SELECT * FROM ${rec} WHERE code IN (SELECT code FROM pool WHERE cut > 0)) r JOIN ${cells} c ON c.gid = r.gid
  LEFT JOIN pool pk ON pk.code = r.code AND pk.area = c.kec_kode
  LEFT JOIN pool pb ON pb.code = r.code AND pb.area = c.kab_kode
  WHERE coalesce(pk.cut, pb.cut) > 0
),
changes AS MATERIALIZED (
  SELECT g.gid, g.code, g.n / c.hh AS df FROM gains g JOIN ${cells} c ON c.gid = g.gid WHERE g.n > 0
  UNION ALL
  SELECT gid, code, df FROM cuts
),
-- Per change: share f, per-capita monthly change d, log-survival lg (graduation, gains only).
ch AS MATERIALIZED (
  SELECT x.gid, abs(x.df) AS f,
    sign(x.df) * pr.dpm * c.hh / c.persons AS d,
    CASE WHEN x.df > 0 THEN pr.lgs ELSE 0 END AS lg,
    x.df * c.hh * pr.cost AS cost
  FROM changes x JOIN prog pr ON pr.code = x.code JOIN ${cells} c ON c.gid = x.gid
),
chf AS MATERIALIZED (SELECT gid, f, sum(d) AS d, sum(lg) AS lg FROM ch GROUP BY gid, f),
seg AS (
  SELECT a.gid, a.f - coalesce(max(b.f) FILTER (WHERE b.f < a.f), 0) AS len,
    sum(b.d) FILTER (WHERE b.f >= a.f) AS d,
    sum(b.lg) FILTER (WHERE b.f >= a.f) AS lg
  FROM chf a JOIN chf b ON a.gid = b.gid
  GROUP BY a.gid, a.f
),
seg_cell AS (
  SELECT s.gid, sum(s.len) AS covered,
    sum(s.len * greatest(0, least(1, (rg.line - s.d - c.lo) / (c.hi - c.lo))) * exp(s.lg)) AS poor_part,
    sum(s.len * CASE WHEN rg.line - s.d <= c.lo THEN 0
                     WHEN rg.line - s.d >= c.hi THEN rg.line - s.d - (c.lo + c.hi) / 2
                     ELSE (rg.line - s.d - c.lo) ^ 2 / (2 * (c.hi - c.lo)) END * exp(s.lg)) AS gap_part
  FROM seg s JOIN ${cells} c ON c.gid = s.gid JOIN reg rg ON rg.kab_kode = c.kab_kode
  GROUP BY s.gid
),
cost_cell AS (SELECT gid, sum(cost) AS cost FROM ch GROUP BY gid),
post AS MATERIALIZED (
  SELECT coalesce(r.gid, x.gid) AS gid, coalesce(r.code, x.code) AS code,
    coalesce(r.s, 0) AS pre, coalesce(r.s, 0) + coalesce(x.df, 0) AS post
  FROM (SELECT * FROM ${rec} WHERE gid IN (SELECT gid FROM changes)) r
  FULL OUTER JOIN (SELECT gid, code, sum(df) AS df FROM changes GROUP BY gid, code) x
    ON r.gid = x.gid AND r.code = x.code
),
recv AS (SELECT gid, max(post) AS r FROM post GROUP BY gid),
dup AS (SELECT * FROM ${pairs}),
overlap AS (
  SELECT pa.gid, sum(greatest(0, least(pa.post, pb.post) - least(pa.pre, pb.pre))) AS o
  FROM dup JOIN post pa ON pa.code = dup.a JOIN post pb ON pb.code = dup.b AND pb.gid = pa.gid
  GROUP BY pa.gid
),
changed AS (SELECT DISTINCT gid FROM changes),
cell_m AS (
  SELECT c.kab_kode, c.kec_kode, c.kel_kode, c.hh, c.persons, rg.tf, c.r0,
    greatest(0, least(1, (rg.line - c.lo) / (c.hi - c.lo))) AS f0,
    CASE WHEN rg.line <= c.lo THEN 0 WHEN rg.line >= c.hi THEN rg.line - (c.lo + c.hi) / 2
         ELSE (rg.line - c.lo) ^ 2 / (2 * (c.hi - c.lo)) END AS g0,
    coalesce(sc.covered, 0) AS covered, coalesce(sc.poor_part, 0) AS poor_part, coalesce(sc.gap_part, 0) AS gap_part,
    coalesce(rv.r, 0) AS r, coalesce(ov.o, 0) AS o, coalesce(cc.cost, 0) AS cost
  FROM changed x JOIN ${cells} c ON c.gid = x.gid JOIN reg rg ON rg.kab_kode = c.kab_kode
  LEFT JOIN seg_cell sc ON sc.gid = x.gid
  LEFT JOIN recv rv ON rv.gid = x.gid
  LEFT JOIN overlap ov ON ov.gid = x.gid
  LEFT JOIN cost_cell cc ON cc.gid = x.gid
),
cell_d AS (
  SELECT *, (1 - covered) * f0 + poor_part AS ps, (1 - covered) * g0 + gap_part AS gs FROM cell_m
)
SELECT ${LEVEL_COLUMNS},
  sum(persons * (ps - f0) * tf) AS poor_persons,
  sum(hh * (ps - f0) * tf) AS poor_households,
  sum(persons * (f0 - ps) * tf) AS exits_persons,
  sum(persons * (gs - g0) * 12 * tf) AS gap_rp_year,
  sum(hh * f0 * (r0 - r)) AS eligible_not_receiving,
  sum(hh * (r - r0)) AS receiving_households,
  sum(hh * (r - r0) * (1 - f0)) AS receiving_not_eligible,
  sum(hh * o) AS overlaps_created,
  sum(cost) AS extra_delivered_rp
FROM cell_d
GROUP BY GROUPING SETS ((kab_kode), (kab_kode, kec_kode), (kab_kode, kel_kode))`;
  }

  /** One recompute: the cached status quo (for these lines) plus the changes of the cells the run touches. */
  async run(run: ModelRun): Promise<AreaResult[]> {
    if (!this.prepared) throw new Error("ScenarioSql.prepare() must run first");
    const key = JSON.stringify([run.horizon - run.base_year, run.regions]);
    if (this.statusQuo?.key !== key) {
      this.statusQuo = { key, rows: (await this.db.rows<Record<string, unknown>>(this.statusQuoStatement(run))).map(toResult) };
    }
    const byKey = new Map(this.statusQuo.rows.map((r) => [resultKey(r), { ...r } as Record<string, unknown>]));
    if (run.programmes.length > 0) {
      for (const delta of await this.db.rows<Record<string, unknown>>(this.statement(run))) {
        const target = byKey.get(resultKey(toResult(delta)));
        if (!target) continue;
        for (const f of DELTA_FIELDS) target[f] = (target[f] as number) + Number(delta[f] ?? 0);
      }
    }
    return [...byKey.values()] as unknown as AreaResult[];
  }
}
