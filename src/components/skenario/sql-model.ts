// The scenario model as DuckDB SQL with bound parameters (see the model text in types.ts).
//
// prepare() runs once per page load. It copies the cells into scenario tables and computes, with
// window functions, every targeting order in one long "order" table: a row per (programme, rule,
// pool scope, pool area, cell) holding the eligible capacity before the cell in that order, plus the
// rows leakage (ineligible capacity) and cuts (current recipients) act on. Sorted by that key, so a
// budget is a prefix of its order.
//
// run() is then one statement whose first step is a single scan of the order table joined to the
// run's pools (a handful of rows computed here from the inputs): no window over the cells, no join
// with the full cell table before the changed cells are known. In duckdb-wasm the cost of a
// statement is mostly per operator, so the statement is kept short: the nested shares per cell
// are one small window over the changed cells, and the receiving share and overlaps are read from
// a per-cell map of current shares.
import { ident, join, sql, type SqlQuery, type SqlValue } from "../core/sql.js";
import {
  AREA_NUMBER_FIELDS,
  TARGETING_RULES,
  type AreaLevel,
  type AreaResult,
  type ModelRun,
  type ProgrammeParams
} from "./types.js";

/** What the SQL model needs from a database: Database (src/components/database.ts) satisfies it. */
export interface SqlRunner {
  rows<T extends Record<string, unknown> = Record<string, unknown>>(statement: SqlQuery, options?: { reuse?: boolean; local?: boolean }): Promise<T[]>;
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
  private readonly names: Record<"cells" | "rec" | "ord" | "pool", SqlQuery>;
  private prepared = false;
  private statusQuo: { key: string; rows: AreaResult[] } | undefined;
  /** Ineligible capacity per "code|area" (area: a kab/kota or kecamatan code), the denominator of leakage. */
  private leakCapacity = new Map<string, number>();
  /** Programmes given to prepare(): prepareOrders() computes their orders. */
  private programmes: readonly ProgrammeParams[] = [];
  private orders: Promise<void> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: SqlRunner,
    prefix = "scn"
  ) {
    if (!TABLE_PREFIX.test(prefix)) throw new TypeError(`invalid table prefix ${prefix}`);
    this.names = {
      cells: ident(`${prefix}_cells`),
      rec: ident(`${prefix}_rec`),
      ord: ident(`${prefix}_ord`),
      pool: ident(`${prefix}_pool`)
    };
  }

  /**
   * Copies the cells of one or more partitions, for these programmes (their eligibility; the
   * targeting orders follow in prepareOrders()). Call again if a programme's eligibility changes.
   */
  async prepare(partitions: readonly CellPartition[], programmes: readonly ProgrammeParams[]): Promise<void> {
    const { cells, rec } = this.names;
    if (partitions.length === 0) throw new Error("no cell partition");
    // A global cell id: partition index in the high bits (cell_id is unique only within a partition).
    const gid = (i: number) => sql`${i}::BIGINT * 4294967296 + cell_id`;
    const cellSelects = partitions.map(
      (p, i) => sql`SELECT ${gid(i)} AS gid, kab_kode, kec_kode, kel_kode, desil_min, desil_max, on_target_list,
        pce_lo_rp::DOUBLE AS lo,
        CASE WHEN coalesce(pce_hi_rp, greatest(2 * pce_lo_rp, pce_lo_rp + 1)) > pce_lo_rp
             THEN coalesce(pce_hi_rp, greatest(2 * pce_lo_rp, pce_lo_rp + 1)) ELSE pce_lo_rp + 1 END::DOUBLE AS hi,
        households::DOUBLE AS hh, persons::DOUBLE AS persons
        FROM ${ident(p.cells)}`
    );
    const recSelects = partitions.map(
      (p, i) => sql`SELECT ${gid(i)} AS gid, programme_code AS code, households::DOUBLE AS n FROM ${ident(p.programmes)}`
    );
    // Current recipients: share of the cell per programme.
    await this.db.rows(sql`CREATE OR REPLACE TABLE ${rec} AS
      WITH c AS (${join(cellSelects, " UNION ALL ")})
      SELECT r.gid, r.code, least(sum(r.n), max(c.hh)) / max(c.hh) AS s
      FROM (${join(recSelects, " UNION ALL ")}) r JOIN c ON c.gid = r.gid
      GROUP BY r.gid, r.code`);
    // Cells with their current shares: the largest (receiving share with no change, nested within the
    // cell) and all of them as a map (receiving share and overlaps after a change).
    await this.db.rows(sql`CREATE OR REPLACE TABLE ${cells} AS
      WITH c AS (${join(cellSelects, " UNION ALL ")})
      SELECT c.*, coalesce(r.r0, 0) AS r0, coalesce(r.cur, MAP()::MAP(VARCHAR, DOUBLE)) AS cur
      FROM c LEFT JOIN (SELECT gid, max(s) AS r0, map_from_entries(list(struct_pack(k := code, v := s))) AS cur FROM ${rec} GROUP BY gid) r ON r.gid = c.gid
      ORDER BY c.gid`);
    this.programmes = programmes;
    this.orders = undefined;
    // The recompute statement stays prepared while the pool table's rows change between runs. DuckDB
    // does not prepare it again after a data change, so a plan pruned by the pool table's statistics
    // at preparation time (a "cut > 0" branch folded away while no pool had a cut) would silently
    // give wrong results later: statistics-based rewrites are switched off on this connection.
    await this.db.rows(sql`SET disabled_optimizers = 'statistics_propagation,compressed_materialization'`, { local: true });
    await this.db.rows(sql`CREATE OR REPLACE TABLE ${this.names.pool} (${raw(POOL_COLUMNS.map(([name, type]) => `${name} ${type}`).join(", "))})`);
    this.leakCapacity = new Map();
    this.prepared = true;
    this.statusQuo = undefined;
  }

  /**
   * Computes the targeting orders (the one window computation, the slow part of preparing in
   * duckdb-wasm). A run with no programme change does not need them, so a page can show its first
   * results and call this afterwards; run() calls it when a change needs the orders.
   */
  prepareOrders(): Promise<void> {
    if (!this.prepared) throw new Error("ScenarioSql.prepare() must run first");
    this.orders ??= this.buildOrders(this.programmes);
    return this.orders;
  }

  private async buildOrders(programmes: readonly ProgrammeParams[]): Promise<void> {
    const { cells, rec, ord } = this.names;
    const progs = valuesTable(
      "p",
      ["code", "dmax"],
      ["VARCHAR", "INTEGER"],
      programmes.map((p) => [p.code, p.eligible_desil_max])
    );
    // The order table: a row per (cell, programme) with capacity (households not receiving it) or
    // current recipients, and for eligible rows the eligible capacity before the cell in each
    // targeting order, within the kab/kota and within the kecamatan.
    const before = (partition: string, order: string) =>
      raw(`coalesce(sum(cap) OVER (PARTITION BY code, ${partition} ORDER BY ${order}, gid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)`);
    const ORDERS = { daftar: "k_list, k_desil, lo", desil: "k_desil, lo", pengeluaran: "lo, k_desil" } as const;
    await this.db.rows(sql`CREATE OR REPLACE TABLE ${ord} AS
      WITH base AS (
        SELECT c.gid, c.kab_kode, c.kec_kode, p.code, c.hh, c.persons,
          (c.desil_max IS NOT NULL AND c.desil_max <= p.dmax) OR (c.desil_max IS NULL AND c.on_target_list IS TRUE) AS eligible,
          c.hh * (1 - coalesce(r.s, 0)) AS cap, c.hh * coalesce(r.s, 0) AS cur,
          CASE WHEN c.on_target_list IS TRUE THEN 0 ELSE 1 END AS k_list, coalesce(c.desil_min, 99) AS k_desil, c.lo, c.hi
        FROM ${cells} c CROSS JOIN ${progs} LEFT JOIN ${rec} r ON r.gid = c.gid AND r.code = p.code
      )
      SELECT gid, code, kab_kode, kec_kode, eligible, cap, cur, hh, persons, lo, hi,
        ${before("kab_kode", ORDERS.daftar)} AS kab_daftar, ${before("kec_kode", ORDERS.daftar)} AS kec_daftar,
        ${before("kab_kode", ORDERS.desil)} AS kab_desil, ${before("kec_kode", ORDERS.desil)} AS kec_desil,
        ${before("kab_kode", ORDERS.pengeluaran)} AS kab_pengeluaran, ${before("kec_kode", ORDERS.pengeluaran)} AS kec_pengeluaran
      FROM base WHERE eligible
      UNION ALL
      -- ineligible rows: leakage and cuts only, no order (windows are the slow part in duckdb-wasm)
      SELECT gid, code, kab_kode, kec_kode, eligible, cap, cur, hh, persons, lo, hi, NULL, NULL, NULL, NULL, NULL, NULL
      FROM base WHERE NOT eligible`);
    const totals = await this.db.rows<{ code: string; kab_kode: string; kec_kode: string | null; by_kec: number; total: number }>(
      sql`SELECT code, kab_kode, kec_kode, grouping(kab_kode) AS by_kec, sum(cap) AS total FROM ${ord} WHERE NOT eligible
          GROUP BY GROUPING SETS ((code, kab_kode), (code, kec_kode))`
    );
    // The recompute statement stays prepared while the pool table's rows change between runs. DuckDB
    // does not prepare it again after a data change, so a plan pruned by the pool table's statistics
    // at preparation time (a "cut > 0" branch folded away while no pool had a cut) would silently
    // give wrong results later: statistics-based rewrites are switched off on this connection.
    await this.db.rows(sql`SET disabled_optimizers = 'statistics_propagation,compressed_materialization'`, { local: true });
    await this.db.rows(sql`CREATE OR REPLACE TABLE ${this.names.pool} (${raw(POOL_COLUMNS.map(([name, type]) => `${name} ${type}`).join(", "))})`);
    this.leakCapacity = new Map(
      totals.filter((t) => Number(t.by_kec) === 0 || t.kec_kode !== null).map((t) => [Number(t.by_kec) === 0 ? `${t.code}|${t.kab_kode}` : `${t.code}|${t.kec_kode}`, Number(t.total)])
    );
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

  /**
   * The run's pools, one row each, split by scope: kecamatan pools and kab/kota pools. A row holds
   * the additional units for eligible cells (u, after leakage) with the index of the targeting order,
   * the share of ineligible capacity that leakage reaches, and the cut share of current recipients.
   * A kab/kota pool skips the cells of a kecamatan that has its own pool of the programme (excl).
   */
  private poolRows(run: ModelRun): SqlValue[][] {
    const years = run.horizon - run.base_year;
    const out: SqlValue[][] = [];
    const regions = new Map(run.regions.map((r) => [r.kab_kode, r]));
    for (const p of run.programmes) {
      const code = p.params.code;
      if (!this.programmes.some((prepared) => prepared.code === code)) throw new Error(`programme ${code} was not prepared`);
      const kecPools = p.pools.filter((b) => scopeOf(b.area_kode) === "kec").map((b) => b.area_kode);
      const dpm = p.params.transfer_per_hh_year_rp / 12;
      const lgs = years * Math.log(1 - p.params.graduation_prob_per_year);
      const cost = p.params.cost_per_hh_year_rp;
      for (const b of p.pools) {
        const scope = scopeOf(b.area_kode);
        // The pool's kab/kota (a kecamatan code starts with it): its line and trend. No line, no result.
        const region = regions.get(b.area_kode.slice(0, 4));
        if (!region) continue;
        const units = Math.max(b.budget_rp - b.baseline_rp, 0) / cost;
        const cut = b.baseline_rp > 0 ? Math.max(b.baseline_rp - b.budget_rp, 0) / b.baseline_rp : 0;
        if (!(units > 0) && !(cut > 0)) continue;
        let leak = 0;
        if (units > 0 && p.leakage > 0) {
          let total = this.leakCapacity.get(`${code}|${b.area_kode}`) ?? 0;
          for (const k of scope === "kab" ? kecPools : []) total -= this.leakCapacity.get(`${code}|${k}`) ?? 0;
          if (total > 0) leak = Math.min((p.leakage * units) / total, 1);
        }
        const excl = scope === "kab" && kecPools.length > 0 ? `|${kecPools.join("|")}|` : "";
        const line = region.poverty_line_rp * region.extreme_ratio;
        const tf = Math.pow(1 + region.trend_per_year, years);
        out.push([scope, code, b.area_kode, TARGETING_RULES.indexOf(p.rule), (1 - p.leakage) * units, leak, cut, excl, dpm, lgs, cost, line, tf]);
      }
    }
    return out;
  }

  /** Rows of the pool table for a run (see poolRows), as one INSERT with bound values. */
  poolInsert(run: ModelRun): SqlQuery | null {
    const rows = this.poolRows(run);
    if (rows.length === 0) return null;
    const values = join(
      rows.map((r) => sql`(${join(r.map((v, i) => sql`CAST(${v} AS ${raw(POOL_COLUMNS[i]![1])})`), ", ")})`),
      ", "
    );
    return sql`INSERT INTO ${this.names.pool} VALUES ${values}`;
  }

  /**
   * Per-area changes from the status quo, over the cells the run changes only, reading the run's
   * pools from the pool table. The text has no parameter and depends only on the disallowed pairs,
   * so DuckDB prepares it once and then runs it without binding or planning it again (a statement
   * with bound values is bound again on every execution: in duckdb-wasm that was two thirds of a
   * recompute).
   */
  statement(pairs: ModelRun["duplicate_pairs"]): SqlQuery {
    const { cells, ord, pool } = this.names;
    const delta = (scope: "kab" | "kec") =>
      raw(`CASE WHEN p.cut > 0 THEN -p.cut * o.cur
           WHEN o.eligible THEN least(greatest(p.u - CASE p.ri WHEN 0 THEN o.${scope}_daftar WHEN 1 THEN o.${scope}_desil ELSE o.${scope}_pengeluaran END, 0), o.cap)
           ELSE p.leak * o.cap END`);
    const hitColumns = raw("o.gid, o.code, o.cur / o.hh AS s, o.hh, o.persons, o.lo, o.hi, p.line, p.tf, p.dpm, p.lgs, p.cost");
    // Disallowed pairs: the change of each programme named in a pair, per cell. Programme codes are
    // written into the text (checked identifiers from the programme catalogue) to keep it parameter-free.
    const pairCodes = [...new Set(pairs.flat())];
    const pairColumn = (code: string) => raw(`d${pairCodes.indexOf(code)}`);
    const pairChanges = pairCodes.map((code) => sql`, coalesce(sum(df) FILTER (WHERE code = ${codeLiteral(code)}), 0) AS ${pairColumn(code)}`);
    const pre = (code: string) => sql`coalesce(c.cur[${codeLiteral(code)}], 0)`;
    const post = (code: string) => sql`(${pre(code)} + x.${pairColumn(code)})`;
    const overlaps =
      pairs.length === 0
        ? sql`0::DOUBLE`
        : join(
            pairs.map(([a, b]) => sql`greatest(0, least(${post(a)}, ${post(b)}) - least(${pre(a)}, ${pre(b)}))`),
            " + "
          );
    return sql`
-- Households of each cell that each programme change reaches (signed: cuts are negative).
WITH hit AS (
  SELECT ${hitColumns}, ${delta("kec")} AS n
  FROM ${ord} o JOIN ${pool} p ON p.scope = 'kec' AND p.code = o.code AND p.akey = o.kec_kode
  UNION ALL
  SELECT ${hitColumns}, ${delta("kab")} AS n
  FROM ${ord} o JOIN ${pool} p ON p.scope = 'kab' AND p.code = o.code AND p.akey = o.kab_kode
  WHERE p.excl = '' OR NOT contains(p.excl, '|' || coalesce(o.kec_kode, '') || '|')
),
-- Per change: share f = |df| of the households of the cell, per-capita monthly change d, log-survival lg (gains only).
ch AS (
  SELECT gid, code, n / hh AS df, abs(n / hh) AS f, s, sign(n) * dpm * hh / persons AS d,
    CASE WHEN n > 0 THEN lgs ELSE 0 END AS lg, n * cost AS cost, lo, hi, line, tf
  FROM hit WHERE n <> 0
),
-- Nested shares: the households below share f receive every change of share >= f (the frame
-- includes ties); a segment runs from the next smaller share to f (zero length for all but one of a tie).
seg AS (
  SELECT *, f - coalesce(lead(f) OVER w, 0) AS len, sum(d) OVER w AS dd, sum(lg) OVER w AS lgg
  FROM ch WINDOW w AS (PARTITION BY gid ORDER BY f DESC)
),
cell_x AS (
  SELECT gid, any_value(line) AS line, any_value(tf) AS tf,
    sum(len) AS covered,
    sum(len * greatest(0, least(1, (line - dd - lo) / (hi - lo))) * exp(lgg)) AS poor_part,
    sum(len * CASE WHEN line - dd <= lo THEN 0 WHEN line - dd >= hi THEN line - dd - (lo + hi) / 2
                   ELSE (line - dd - lo) ^ 2 / (2 * (hi - lo)) END * exp(lgg)) AS gap_part,
    sum(cost) AS cost,
    max(s + df) AS max_post,
    list(code) FILTER (WHERE df < 0) AS cut_codes
    ${join(pairChanges, "")}
  FROM seg GROUP BY gid
),
cell_m AS (
  SELECT c.kab_kode, c.kec_kode, c.kel_kode, c.hh, c.persons, x.tf, c.r0, x.cost,
    greatest(0, least(1, (x.line - c.lo) / (c.hi - c.lo))) AS f0,
    CASE WHEN x.line <= c.lo THEN 0 WHEN x.line >= c.hi THEN x.line - (c.lo + c.hi) / 2
         ELSE (x.line - c.lo) ^ 2 / (2 * (c.hi - c.lo)) END AS g0,
    x.covered, x.poor_part, x.gap_part,
    -- Receiving share: the largest share of any programme after the change (nested within the cell).
    -- A gain only raises its share, so without a cut it is max(current largest, changed shares); a cut
    -- programme drops out of the current shares.
    CASE WHEN x.cut_codes IS NULL THEN greatest(c.r0, x.max_post)
         ELSE greatest(x.max_post, coalesce(list_max(list_transform(
           list_filter(map_entries(c.cur), lambda e: NOT list_contains(x.cut_codes, e.key)), lambda e: e.value)), 0)) END AS r,
    ${overlaps} AS o
  FROM cell_x x JOIN ${cells} c ON c.gid = x.gid
),
cell_d AS (SELECT *, (1 - covered) * f0 + poor_part AS ps, (1 - covered) * g0 + gap_part AS gs FROM cell_m)
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

  /**
   * One recompute: the cached status quo (for these lines) plus the changes of the cells the run
   * touches. Runs are serialised: each fills the shared pool table before it reads it.
   */
  run(run: ModelRun): Promise<AreaResult[]> {
    const result = this.queue.then(() => this.runNow(run));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runNow(run: ModelRun): Promise<AreaResult[]> {
    if (!this.prepared) throw new Error("ScenarioSql.prepare() must run first");
    const key = JSON.stringify([run.horizon - run.base_year, run.regions]);
    if (this.statusQuo?.key !== key) {
      this.statusQuo = { key, rows: (await this.db.rows<Record<string, unknown>>(this.statusQuoStatement(run), { reuse: true, local: true })).map(toResult) };
    }
    const byKey = new Map(this.statusQuo.rows.map((r) => [resultKey(r), { ...r } as Record<string, unknown>]));
    if (run.programmes.some((p) => p.pools.some((b) => b.budget_rp !== b.baseline_rp))) await this.prepareOrders();
    const insert = this.poolInsert(run);
    if (insert) {
      const own = { reuse: true, local: true };
      await this.db.rows(sql`DELETE FROM ${this.names.pool}`, own);
      await this.db.rows(insert, own);
      for (const delta of await this.db.rows<Record<string, unknown>>(this.statement(run.duplicate_pairs), own)) {
        const target = byKey.get(resultKey(toResult(delta)));
        if (!target) continue;
        for (const f of DELTA_FIELDS) target[f] = (target[f] as number) + Number(delta[f] ?? 0);
      }
    }
    return [...byKey.values()] as unknown as AreaResult[];
  }
}

/** The pool table: one row per pool of a run (see poolRows). */
const POOL_COLUMNS = [
  ["scope", "VARCHAR"],
  ["code", "VARCHAR"],
  ["akey", "VARCHAR"],
  ["ri", "INTEGER"],
  ["u", "DOUBLE"],
  ["leak", "DOUBLE"],
  ["cut", "DOUBLE"],
  ["excl", "VARCHAR"],
  ["dpm", "DOUBLE"],
  ["lgs", "DOUBLE"],
  ["cost", "DOUBLE"],
  ["line", "DOUBLE"],
  ["tf", "DOUBLE"]
] as const;

const PROGRAMME_CODE = /^[a-z][a-z0-9_]{0,62}$/;

/** A programme code as a SQL string literal; only catalogue identifiers are accepted. */
function codeLiteral(code: string): SqlQuery {
  if (!PROGRAMME_CODE.test(code)) throw new TypeError(`invalid programme code ${JSON.stringify(code)}`);
  return raw(`'${code}'`);
}

/** Pool scope by code length: kab/kota codes have 4 digits, kecamatan codes 6 (types.ts). */
function scopeOf(area: string): "kab" | "kec" {
  return area.length === 4 ? "kab" : "kec";
}

/** A fixed SQL text written in this module (no user value: those are bound parameters). */
function raw(text: string): SqlQuery {
  return sql([text] as unknown as TemplateStringsArray);
}
