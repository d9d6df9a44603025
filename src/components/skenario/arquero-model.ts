// The scenario model, written a second time with Arquero (see the model text in types.ts). It shares
// nothing with the SQL implementation but the input types: the tests require both to agree on
// randomised cells, and the benchmark uses it as the baseline. Arquero is passed in, so the same
// module runs in Node (`arquero`) and in pages (`arquero/dist/arquero.min.js`).
import type * as Aq from "arquero";
import {
  AREA_NUMBER_FIELDS,
  TARGETING_RULES,
  type AreaResult,
  type ModelRun,
  type ProgrammeParams,
  type ScenarioCell,
  type ScenarioReceipt
} from "./types.js";

type AqModule = typeof Aq;
type Table = Aq.ColumnTable;

interface CellRow {
  id: number;
  kab: string;
  kec: string | null;
  kel: string | null;
  hh: number;
  persons: number;
  lo: number;
  hi: number;
}

/** Share of a uniform band [lo, hi) below x. */
function shareBelow(x: number, lo: number, hi: number): number {
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  return (x - lo) / (hi - lo);
}

/** Mean shortfall below x over a uniform band [lo, hi). */
function meanShortfall(x: number, lo: number, hi: number): number {
  if (x <= lo) return 0;
  if (x >= hi) return x - (lo + hi) / 2;
  return ((x - lo) * (x - lo)) / (2 * (hi - lo));
}

function upperBound(lo: number, hi: number | null): number {
  const h = hi ?? Math.max(2 * lo, lo + 1);
  return h > lo ? h : lo + 1;
}

export class ScenarioArquero {
  private cells: CellRow[] = [];
  private cellIndex = new Map<number, CellRow>();
  /** Current recipient share per cell and programme. */
  private current = new Map<number, Map<string, number>>();
  /** Capacity rows (cell × programme with capacity > 0), with the targeting cumulatives per rule. */
  private capacity: Table | undefined;
  /** Eligible capacity before each cell in targeting order: "rule|kab or kec|code|cell id" → households. */
  private cumulative = new Map<string, number>();

  constructor(private readonly aq: AqModule) {}

  prepare(cells: readonly ScenarioCell[], receipts: readonly ScenarioReceipt[], programmes: readonly ProgrammeParams[]): void {
    const aq = this.aq;
    const op = aq.op;
    this.cells = cells.map((c) => ({
      id: c.cell_id,
      kab: c.kab_kode,
      kec: c.kec_kode,
      kel: c.kel_kode,
      hh: c.households,
      persons: c.persons,
      lo: c.pce_lo_rp,
      hi: upperBound(c.pce_lo_rp, c.pce_hi_rp)
    }));
    this.cellIndex = new Map(this.cells.map((c) => [c.id, c]));
    this.cumulative = new Map();

    const rec = (receipts.length === 0 ? [] : aq
      .from(receipts)
      .groupby("cell_id", "programme_code")
      .rollup({ n: op.sum("households") })
      .objects()) as { cell_id: number; programme_code: string; n: number }[];
    this.current = new Map();
    for (const r of rec) {
      const cell = this.cellIndex.get(r.cell_id);
      if (!cell) continue;
      let m = this.current.get(r.cell_id);
      if (!m) this.current.set(r.cell_id, (m = new Map()));
      m.set(r.programme_code, Math.min(r.n, cell.hh) / cell.hh);
    }

    const rows: Record<string, unknown>[] = [];
    for (const p of programmes) {
      for (const c of cells) {
        const cap = c.households * (1 - (this.current.get(c.cell_id)?.get(p.code) ?? 0));
        if (!(cap > 0)) continue;
        const eligible = c.desil_max !== null ? c.desil_max <= p.eligible_desil_max : c.on_target_list === true;
        rows.push({
          id: c.cell_id,
          code: p.code,
          kab: c.kab_kode,
          kec: c.kec_kode,
          eligible,
          cap,
          list: c.on_target_list === true ? 0 : 1,
          desil: c.desil_min ?? 99,
          lo: c.pce_lo_rp
        });
      }
    }
    const base = aq.from(rows);
    const sortKeys: Record<string, [string, string, string]> = {
      daftar: ["list", "desil", "lo"],
      desil: ["desil", "lo", "id"],
      pengeluaran: ["lo", "desil", "id"]
    };
    const eligibleRows = base.filter((d: { eligible: boolean }) => d.eligible);
    // Running total including the row itself; the capacity before a cell is that total minus its own.
    const running = aq.rolling((d: { cap: number }) => op.sum(d.cap), [-Infinity, 0]);
    for (const rule of TARGETING_RULES) {
      const ordered = eligibleRows.orderby(...sortKeys[rule]!, "id");
      const kab = ordered.groupby("code", "kab").derive({ cum: running }).objects() as { id: number; code: string; cum: number; cap: number }[];
      const kec = ordered.groupby("code", "kec").derive({ cum: running }).objects() as { id: number; code: string; cum: number; cap: number }[];
      for (const r of kab) this.cumulative.set(`${rule}|kab|${r.code}|${r.id}`, r.cum - r.cap);
      for (const r of kec) this.cumulative.set(`${rule}|kec|${r.code}|${r.id}`, r.cum - r.cap);
    }
    this.capacity = base.select("id", "code", "kab", "kec", "eligible", "cap");
  }

  run(run: ModelRun): AreaResult[] {
    const aq = this.aq;
    const op = aq.op;
    if (!this.capacity) throw new Error("ScenarioArquero.prepare() must run first");
    const years = run.horizon - run.base_year;
    const line = new Map(run.regions.map((r) => [r.kab_kode, r.poverty_line_rp * r.extreme_ratio]));
    const trend = new Map(run.regions.map((r) => [r.kab_kode, (1 + r.trend_per_year) ** years]));

    // Pools with their additional units and cut ratio.
    const poolRows = run.programmes.flatMap((p) =>
      p.pools.map((b) => ({
        code: p.params.code,
        area: b.area_kode,
        units: Math.max(b.budget_rp - b.baseline_rp, 0) / p.params.cost_per_hh_year_rp,
        cut: b.baseline_rp > 0 ? Math.max(b.baseline_rp - b.budget_rp, 0) / b.baseline_rp : 0
      }))
    );
    const poolByKey = new Map(poolRows.map((p) => [`${p.code}|${p.area}`, p]));
    const progs = new Map(run.programmes.map((p) => [p.params.code, p]));
    // Capacity rows of the programmes in the run, each in its kecamatan pool, else its kab/kota pool.
    const poolOf = (code: string, kab: string, kec: string | null) => (kec !== null ? poolByKey.get(`${code}|${kec}`) : undefined) ?? poolByKey.get(`${code}|${kab}`);
    const cap = this.capacity
      .params({ codes: [...progs.keys()] })
      .filter((d: { code: string }, $: { codes: string[] }) => op.includes($.codes, d.code))
      .derive({
        pool: aq.escape((d: { code: string; kab: string; kec: string | null }) => poolOf(d.code, d.kab, d.kec)?.area ?? null),
        units: aq.escape((d: { code: string; kab: string; kec: string | null }) => poolOf(d.code, d.kab, d.kec)?.units ?? 0),
        by_kec: aq.escape((d: { code: string; kec: string | null }) => d.kec !== null && poolByKey.has(`${d.code}|${d.kec}`))
      })
      .filter((d: { units: number }) => d.units > 0);

    const leakTotals = new Map<string, number>();
    for (const r of cap.filter((d: { eligible: boolean }) => !d.eligible).groupby("code", "pool").rollup({ total: op.sum("cap") }).objects() as {
      code: string;
      pool: string;
      total: number;
    }[]) {
      leakTotals.set(`${r.code}|${r.pool}`, r.total);
    }

    // Changes per cell: programme → signed share.
    const change = new Map<number, Map<string, number>>();
    const addChange = (id: number, code: string, df: number) => {
      if (df === 0) return;
      let m = change.get(id);
      if (!m) change.set(id, (m = new Map()));
      m.set(code, (m.get(code) ?? 0) + df);
    };
    for (const r of cap.objects() as Record<string, unknown>[]) {
      const code = r["code"] as string;
      const prog = progs.get(code)!;
      const cell = this.cellIndex.get(r["id"] as number)!;
      const units = r["units"] as number;
      const capacity = r["cap"] as number;
      let n: number;
      if (r["eligible"]) {
        const cum = this.cumulative.get(`${prog.rule}|${r["by_kec"] ? "kec" : "kab"}|${code}|${cell.id}`) ?? 0;
        n = Math.min(Math.max((1 - prog.leakage) * units - cum, 0), capacity);
      } else {
        if (!(prog.leakage > 0)) continue;
        const total = leakTotals.get(`${code}|${r["pool"] as string}`)!;
        n = Math.min((prog.leakage * units) / total, 1) * capacity;
      }
      if (n > 0) addChange(cell.id, code, n / cell.hh);
    }
    // Cuts among current recipients.
    const cutByArea = new Map(poolRows.filter((p) => p.cut > 0).map((p) => [`${p.code}|${p.area}`, p.cut]));
    if (cutByArea.size > 0) {
      for (const [id, m] of this.current) {
        const cell = this.cellIndex.get(id)!;
        for (const [code, s] of m) {
          const prog = progs.get(code);
          const ratio = hasPool(prog, cell.kec) ? cutByArea.get(`${code}|${cell.kec}`) : hasPool(prog, cell.kab) ? cutByArea.get(`${code}|${cell.kab}`) : undefined;
          if (ratio && ratio > 0) addChange(id, code, -s * ratio);
        }
      }
    }

    // Per-cell results.
    const out: Record<string, unknown>[] = [];
    for (const cell of this.cells) {
      const L = line.get(cell.kab);
      const tf = trend.get(cell.kab);
      if (L === undefined || tf === undefined) continue;
      const size = cell.persons / cell.hh;
      const f0 = shareBelow(L, cell.lo, cell.hi);
      const g0 = meanShortfall(L, cell.lo, cell.hi);
      const changes = change.get(cell.id);
      const current = this.current.get(cell.id);
      let ps = f0;
      let gs = g0;
      let cost = 0;
      if (changes) {
        // Group changes by share; nested: rank u gets every change with share > u.
        const byShare = new Map<number, { d: number; lg: number }>();
        for (const [code, df] of changes) {
          const prog = progs.get(code)!;
          const f = Math.abs(df);
          const entry = byShare.get(f) ?? { d: 0, lg: 0 };
          entry.d += (Math.sign(df) * prog.params.transfer_per_hh_year_rp) / 12 / size;
          if (df > 0) entry.lg += years * Math.log(1 - prog.params.graduation_prob_per_year);
          byShare.set(f, entry);
          cost += df * cell.hh * prog.params.cost_per_hh_year_rp;
        }
        // Ascending shares; the segment (previous share, f] receives every change with share ≥ f.
        const asc = [...byShare.keys()].sort((x, y) => x - y);
        let d = 0;
        let lg = 0;
        const above = new Array<{ d: number; lg: number }>(asc.length);
        for (let i = asc.length - 1; i >= 0; i--) {
          const e = byShare.get(asc[i]!)!;
          d += e.d;
          lg += e.lg;
          above[i] = { d, lg };
        }
        let prev = 0;
        ps = 0;
        gs = 0;
        for (let i = 0; i < asc.length; i++) {
          const len = asc[i]! - prev;
          prev = asc[i]!;
          const survive = Math.exp(above[i]!.lg);
          ps += len * shareBelow(L - above[i]!.d, cell.lo, cell.hi) * survive;
          gs += len * meanShortfall(L - above[i]!.d, cell.lo, cell.hi) * survive;
        }
        ps += (1 - prev) * f0;
        gs += (1 - prev) * g0;
      }
      // Receiving share and overlaps (post = current + change).
      const post = new Map<string, number>();
      for (const [code, s] of current ?? []) post.set(code, s);
      for (const [code, df] of changes ?? []) post.set(code, (post.get(code) ?? 0) + df);
      let r = 0;
      for (const v of post.values()) r = Math.max(r, v);
      let o = 0;
      for (const [a, b] of run.duplicate_pairs) {
        if (!post.has(a) || !post.has(b)) continue;
        const pre = Math.min(current?.get(a) ?? 0, current?.get(b) ?? 0);
        o += Math.max(0, Math.min(post.get(a)!, post.get(b)!) - pre);
      }
      out.push({
        kab: cell.kab,
        kec: cell.kec,
        kel: cell.kel,
        households: cell.hh,
        persons: cell.persons,
        base_poor_persons: cell.persons * f0,
        base_poor_households: cell.hh * f0,
        status_quo_poor_persons: cell.persons * f0 * tf,
        poor_persons: cell.persons * ps * tf,
        poor_households: cell.hh * ps * tf,
        exits_persons: cell.persons * (f0 - ps) * tf,
        gap_rp_year: cell.persons * gs * 12 * tf,
        eligible_households: cell.hh * f0,
        eligible_not_receiving: cell.hh * f0 * (1 - r),
        receiving_households: cell.hh * r,
        receiving_not_eligible: cell.hh * r * (1 - f0),
        overlaps_created: cell.hh * o,
        extra_delivered_rp: cost,
        close_gap_rp_year: cell.persons * g0 * 12
      });
    }

    const cellsTable = aq.from(out);
    const sums = Object.fromEntries(AREA_NUMBER_FIELDS.map((f) => [f, op.sum(f)]));
    const results: AreaResult[] = [];
    const levels: [AreaResult["level"], string | null][] = [
      ["kab", null],
      ["kec", "kec"],
      ["kel", "kel"]
    ];
    for (const [level, key] of levels) {
      const grouped = (key ? cellsTable.groupby("kab", key) : cellsTable.groupby("kab")).rollup(sums).objects() as Record<string, unknown>[];
      for (const g of grouped) {
        const row: Record<string, unknown> = {
          level,
          kab_kode: g["kab"],
          area_kode: key ? ((g[key] as string | null | undefined) ?? null) : g["kab"]
        };
        for (const f of AREA_NUMBER_FIELDS) row[f] = (g[f] as number | undefined) ?? 0;
        results.push(row as unknown as AreaResult);
      }
    }
    return results;
  }
}

function hasPool(prog: { pools: readonly { area_kode: string }[] } | undefined, area: string | null): boolean {
  return area !== null && prog !== undefined && prog.pools.some((p) => p.area_kode === area);
}
