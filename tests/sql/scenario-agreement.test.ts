// The SQL scenario model and its independent Arquero twin agree on randomised cells, and the model
// has the properties a planner relies on (more budget never raises the count, and so on).
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScenarioArquero } from "../../src/components/skenario/arquero-model.js";
import { ScenarioSql } from "../../src/components/skenario/sql-model.js";
import { AREA_NUMBER_FIELDS, inclusionError, type AreaResult, type ModelRun } from "../../src/components/skenario/types.js";
import { createCellTables } from "../support/scenario-cells.js";
import { RANDOM_CATALOGUE, randomCells, randomRun } from "../support/scenario-random.js";
import { openWasmDatabase, type WasmDatabase } from "../support/wasm-db.js";

let wasm: WasmDatabase;
beforeAll(async () => {
  wasm = await openWasmDatabase();
});
afterAll(() => wasm?.close());

const key = (r: AreaResult) => `${r.level}|${r.kab_kode}|${r.area_kode ?? "-"}`;

function expectAgreement(a: AreaResult[], b: AreaResult[]): void {
  expect(a.map(key).sort()).toEqual(b.map(key).sort());
  const byKey = new Map(b.map((r) => [key(r), r]));
  for (const row of a) {
    const other = byKey.get(key(row))!;
    for (const f of AREA_NUMBER_FIELDS) {
      const x = row[f];
      const y = other[f];
      expect(Math.abs(x - y), `${key(row)} ${f}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(x), Math.abs(y)));
    }
  }
}

describe("SQL and Arquero agree on randomised cells", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: 250 cells with receipts, random programmes, pools, rules, leakage and cuts`, async () => {
      const { cells, receipts } = randomCells(seed, { cells: 250, receipts: true });
      await createCellTables(wasm.database, `rc_${seed}`, `rp_${seed}`, cells, receipts);
      const sqlModel = new ScenarioSql(wasm.database, `agree${seed}`);
      await sqlModel.prepare([{ cells: `rc_${seed}`, programmes: `rp_${seed}` }], RANDOM_CATALOGUE);
      const aqModel = new ScenarioArquero(aq);
      aqModel.prepare(cells, receipts, RANDOM_CATALOGUE);
      let changed = 0;
      for (const runSeed of [seed * 10, seed * 10 + 1, seed * 10 + 2]) {
        const run = randomRun(runSeed, cells, receipts);
        const viaSql = await sqlModel.run(run);
        const viaAq = aqModel.run(run);
        expectAgreement(viaSql, viaAq);
        expect(viaSql.length).toBeGreaterThan(10);
        changed += viaSql.filter((r) => r.level === "kab").reduce((sum, r) => sum + Math.abs(r.exits_persons) + Math.abs(r.overlaps_created), 0);
      }
      // The outputs are not trivially zero: the runs changed something.
      expect(changed).toBeGreaterThan(1);
    });
  }

  it("the random runs exercise additions, cuts, leakage and exits", async () => {
    const { cells, receipts } = randomCells(1, { cells: 250, receipts: true });
    const runs = [10, 11, 12].map((s) => randomRun(s, cells, receipts));
    const pools = runs.flatMap((r) => r.programmes.flatMap((p) => p.pools));
    expect(pools.some((p) => p.budget_rp > p.baseline_rp)).toBe(true);
    expect(pools.some((p) => p.budget_rp < p.baseline_rp)).toBe(true);
    expect(runs.some((r) => r.programmes.some((p) => p.leakage > 0))).toBe(true);
  });
});

describe("model properties (SQL)", () => {
  const { cells, receipts } = randomCells(99, { cells: 300, desilFollowsPce: true, receipts: false });
  let model: ScenarioSql;
  beforeAll(async () => {
    await createCellTables(wasm.database, "prop_cells", "prop_prog", cells, receipts);
    model = new ScenarioSql(wasm.database, "prop");
    await model.prepare([{ cells: "prop_cells", programmes: "prop_prog" }], RANDOM_CATALOGUE);
  });
  const run = (budget: number, leakage = 0, line = 550_000, rule: "daftar" | "desil" | "pengeluaran" = "daftar"): ModelRun => ({
    base_year: 2025,
    horizon: 2026,
    regions: [
      { kab_kode: "3673", poverty_line_rp: line, extreme_ratio: 0.65, trend_per_year: -0.02 },
      { kab_kode: "3604", poverty_line_rp: line, extreme_ratio: 0.65, trend_per_year: -0.02 }
    ],
    programmes: [
      { params: RANDOM_CATALOGUE[0]!, rule, leakage, pools: [{ area_kode: "3673", baseline_rp: 0, budget_rp: budget }, { area_kode: "3604", baseline_rp: 0, budget_rp: budget }] },
      { params: RANDOM_CATALOGUE[2]!, rule, leakage, pools: [{ area_kode: "3673", baseline_rp: 0, budget_rp: budget / 2 }] }
    ],
    duplicate_pairs: []
  });
  const kab = (rows: AreaResult[], k: string) => rows.find((r) => r.level === "kab" && r.kab_kode === k)!;

  it("more budget never raises the extreme-poor count", async () => {
    for (const rule of ["daftar", "desil", "pengeluaran"] as const) {
      let previous = Infinity;
      for (const budget of [0, 1e6, 5e6, 2e7, 5e7, 1e8, 3e8, 1e9]) {
        const rows = await model.run(run(budget, 0.1, 550_000, rule));
        const poor = kab(rows, "3673").poor_persons + kab(rows, "3604").poor_persons;
        expect(poor).toBeLessThanOrEqual(previous + 1e-9);
        previous = poor;
      }
    }
  });

  it("zero leakage never raises the inclusion error", async () => {
    for (const budget of [2e7, 1e8, 3e8]) {
      const none = inclusionError(kab(await model.run(run(budget, 0)), "3673"))!;
      for (const leakage of [0.05, 0.2, 0.5]) {
        const leaky = inclusionError(kab(await model.run(run(budget, leakage)), "3673"))!;
        expect(none).toBeLessThanOrEqual(leaky + 1e-12);
      }
    }
  });

  it("a higher line never lowers the extreme-poor count", async () => {
    let previous = -Infinity;
    for (const line of [300_000, 400_000, 450_000, 500_000, 600_000, 800_000]) {
      const rows = await model.run(run(1e8, 0.1, line));
      const poor = kab(rows, "3673").poor_persons;
      expect(poor).toBeGreaterThanOrEqual(previous - 1e-9);
      previous = poor;
    }
  });
});

describe("a prepared model reused across runs", () => {
  it("gives each run the results of a fresh model, whatever ran before (no plan kept from earlier pools)", async () => {
    const { cells, receipts } = randomCells(7, { cells: 200, receipts: true });
    await createCellTables(wasm.database, "reuse_cells", "reuse_prog", cells, receipts);
    const reused = new ScenarioSql(wasm.database, "reused");
    await reused.prepare([{ cells: "reuse_cells", programmes: "reuse_prog" }], RANDOM_CATALOGUE);
    const random = [70, 71, 72, 73, 74, 75].map((s) => randomRun(s, cells, receipts));
    // First a run with no cut and no leakage (the plan is made for it), then runs with both: the plan
    // must not keep what the first pools' statistics allowed it to prune.
    const plain: ModelRun = {
      ...random[0]!,
      programmes: RANDOM_CATALOGUE.map((params) => ({ params, rule: "daftar" as const, leakage: 0, pools: [{ area_kode: "3673", baseline_rp: 0, budget_rp: 50 * params.cost_per_hh_year_rp }] }))
    };
    const runs = [plain, ...random];
    expect(random.some((r) => r.programmes.some((p) => p.pools.some((b) => b.area_kode.length === 6)))).toBe(true);
    expect(random.some((r) => r.programmes.some((p) => p.pools.some((b) => b.budget_rp < b.baseline_rp)))).toBe(true);
    expect(random.some((r) => r.programmes.some((p) => p.leakage > 0))).toBe(true);
    // Fresh models live in another database, so that they share no prepared statement with the reused one.
    const other = await openWasmDatabase();
    try {
      await createCellTables(other.database, "reuse_cells", "reuse_prog", cells, receipts);
      for (const [i, run] of runs.entries()) {
        const fresh = new ScenarioSql(other.database, `fresh${i}`);
        await fresh.prepare([{ cells: "reuse_cells", programmes: "reuse_prog" }], RANDOM_CATALOGUE);
        expectAgreement(await reused.run(run), await fresh.run(run));
      }
    } finally {
      other.close();
    }
  });

  it("keeps concurrent runs apart (they share one pool table)", async () => {
    const { cells, receipts } = randomCells(8, { cells: 150, receipts: true });
    await createCellTables(wasm.database, "conc_cells", "conc_prog", cells, receipts);
    const model = new ScenarioSql(wasm.database, "conc");
    await model.prepare([{ cells: "conc_cells", programmes: "conc_prog" }], RANDOM_CATALOGUE);
    const runs = [80, 81, 82].map((s) => randomRun(s, cells, receipts));
    const together = await Promise.all(runs.map((r) => model.run(r)));
    for (const [i, run] of runs.entries()) expectAgreement(together[i]!, await model.run(run));
  });
});
