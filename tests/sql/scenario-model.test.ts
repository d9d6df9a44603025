// The scenario model on hand-made cells: every output against values computed by hand in the
// comments, for the DuckDB SQL implementation (duckdb-wasm in Node) and its Arquero twin alike.
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScenarioArquero } from "../../src/components/skenario/arquero-model.js";
import { ScenarioSql } from "../../src/components/skenario/sql-model.js";
import type { AreaResult, ModelRun, ProgrammeParams, ProgrammeRun, ScenarioCell, ScenarioReceipt } from "../../src/components/skenario/types.js";
import { createCellTables } from "../support/scenario-cells.js";
import { openWasmDatabase, type WasmDatabase } from "../support/wasm-db.js";

let wasm: WasmDatabase;
beforeAll(async () => {
  wasm = await openWasmDatabase();
});
afterAll(() => wasm?.close());

// Line 3673: 0,6 × Rp500.000 = Rp300.000; line 3604: 0,5 × Rp400.000 = Rp200.000.
const cell = (c: Partial<ScenarioCell> & Pick<ScenarioCell, "cell_id">): ScenarioCell => ({
  kab_kode: "3673",
  kec_kode: "367302",
  kel_kode: null,
  desil_min: 1,
  desil_max: 1,
  on_target_list: false,
  pce_lo_rp: 0,
  pce_hi_rp: null,
  households: 10,
  persons: 10,
  ...c
});
const CELLS: ScenarioCell[] = [
  // A: all below the line; F = 1, G = 300.000 − 250.000 = 50.000
  cell({ cell_id: 1, kel_kode: "3673021001", on_target_list: true, pce_lo_rp: 200_000, pce_hi_rp: 300_000, households: 10, persons: 40 }),
  // B: half below; F = 0,5, G = 50.000² / 200.000 = 12.500
  cell({ cell_id: 2, kel_kode: "3673021002", pce_lo_rp: 250_000, pce_hi_rp: 350_000, households: 20, persons: 60 }),
  // C: desil 5 (ineligible for desil ≤ 2), above the line
  cell({ cell_id: 3, kec_kode: "367305", kel_kode: "3673051001", desil_min: 5, desil_max: 5, pce_lo_rp: 400_000, pce_hi_rp: 500_000, households: 10, persons: 30 }),
  // D: Kab. Serang, kecamatan not detailed; line 200.000: F = 1, G = 50.000
  cell({ cell_id: 4, kab_kode: "3604", kec_kode: null, kel_kode: null, on_target_list: true, pce_lo_rp: 100_000, pce_hi_rp: 200_000, households: 10, persons: 50 })
];

const X: ProgrammeParams = { code: "x", cost_per_hh_year_rp: 1_200_000, transfer_per_hh_year_rp: 1_200_000, eligible_desil_max: 2, graduation_prob_per_year: 0 };
const Y: ProgrammeParams = { code: "y", cost_per_hh_year_rp: 600_000, transfer_per_hh_year_rp: 600_000, eligible_desil_max: 2, graduation_prob_per_year: 0 };
const Z: ProgrammeParams = { code: "z", cost_per_hh_year_rp: 1_000_000, transfer_per_hh_year_rp: 0, eligible_desil_max: 2, graduation_prob_per_year: 0.5 };
const CATALOGUE = [X, Y, Z];
// Y now: all of A, half of B.
const RECEIPTS: ScenarioReceipt[] = [
  { cell_id: 1, programme_code: "y", households: 10 },
  { cell_id: 2, programme_code: "y", households: 10 }
];

function runOf(programmes: ProgrammeRun[], extra: Partial<ModelRun> = {}): ModelRun {
  return {
    base_year: 2025,
    horizon: 2026,
    regions: [
      { kab_kode: "3673", poverty_line_rp: 500_000, extreme_ratio: 0.6, trend_per_year: 0 },
      { kab_kode: "3604", poverty_line_rp: 400_000, extreme_ratio: 0.5, trend_per_year: 0 }
    ],
    programmes,
    duplicate_pairs: [],
    ...extra
  };
}

const xRun = (budget: number, extra: Partial<ProgrammeRun> = {}): ProgrammeRun => ({
  params: X,
  rule: "daftar",
  leakage: 0,
  pools: [{ area_kode: "3673", baseline_rp: 0, budget_rp: budget }],
  ...extra
});

let sqlModel: ScenarioSql;
const aqModel = new ScenarioArquero(aq);
beforeAll(async () => {
  await createCellTables(wasm.database, "cells_micro", "cellprog_micro", CELLS, RECEIPTS);
  sqlModel = new ScenarioSql(wasm.database, "micro");
  await sqlModel.prepare([{ cells: "cells_micro", programmes: "cellprog_micro" }], CATALOGUE);
  aqModel.prepare(CELLS, RECEIPTS, CATALOGUE);
});

async function both(run: ModelRun): Promise<AreaResult[][]> {
  return [await sqlModel.run(run), aqModel.run(run)];
}
const find = (rows: AreaResult[], level: AreaResult["level"], area: string | null, kab = "3673") =>
  rows.find((r) => r.level === level && r.area_kode === area && r.kab_kode === kab)!;

describe("scenario model on four hand-made cells (SQL and Arquero)", () => {
  it("with no programme change, reproduces the 2025 status quo and the gap to close", async () => {
    for (const rows of await both(runOf([]))) {
      const kab = find(rows, "kab", "3673");
      expect(kab.households).toBe(40);
      expect(kab.base_poor_persons).toBeCloseTo(70, 9); // 40×1 + 60×0,5
      expect(kab.base_poor_households).toBeCloseTo(20, 9);
      expect(kab.poor_persons).toBeCloseTo(70, 9);
      expect(kab.exits_persons).toBeCloseTo(0, 9);
      // (40 × 50.000 + 60 × 12.500) × 12
      expect(kab.close_gap_rp_year).toBeCloseTo(33_000_000, 3);
      expect(kab.gap_rp_year).toBeCloseTo(33_000_000, 3);
      // current receipts of y: A all, B half → 20 receiving; eligible (poor) 20: A 10 + B 10
      expect(kab.receiving_households).toBeCloseTo(20, 9);
      expect(kab.eligible_not_receiving).toBeCloseTo(5, 9); // B: 20 × 0,5 × (1 − 0,5)
      expect(kab.receiving_not_eligible).toBeCloseTo(5, 9); // B: 10 × (1 − 0,5)
      // a cell not detailed to kecamatan goes to the "tidak dirinci" bucket, never dropped
      const serang = find(rows, "kec", null, "3604");
      expect(serang.persons).toBe(50);
      expect(serang.base_poor_persons).toBeCloseTo(50, 9);
      expect(find(rows, "kel", null, "3604").persons).toBe(50);
      expect(find(rows, "kel", "3673021002").persons).toBe(60);
    }
  });

  it("fills cells in targeting order, gives the marginal cell a fraction and moves part of its band", async () => {
    // 18 juta ÷ 1,2 juta = 15 units; A (target list) takes 10, B 5 of 20 (f = 0,25).
    // A: +100.000/4 = 25.000 per capita → F(275.000) = 0,75; G = 75.000²/200.000 = 28.125
    // B: +100.000/3 → F(266.666,67) = 1/6; ps = 0,75×0,5 + 0,25×1/6 = 5/12; G = 16.666,67²/200.000 = 1.388,89
    for (const rows of await both(runOf([xRun(18_000_000)]))) {
      const kab = find(rows, "kab", "3673");
      expect(kab.poor_persons).toBeCloseTo(55, 9); // 40×0,75 + 60×5/12
      expect(kab.exits_persons).toBeCloseTo(15, 9);
      expect(kab.poor_households).toBeCloseTo(7.5 + 20 * (5 / 12), 9);
      // (40 × 28.125 + 60 × (0,75 × 12.500 + 0,25 × 1.388,89)) × 12 = 20.500.000
      expect(kab.gap_rp_year).toBeCloseTo(20_500_000, 2);
      expect(kab.extra_delivered_rp).toBeCloseTo(18_000_000, 3);
      // receiving: A max(1, 1) = 1; B max(0,5 current y, 0,25 new x) = 0,5 → 10 + 10
      expect(kab.receiving_households).toBeCloseTo(20, 9);
      expect(find(rows, "kel", "3673021002").exits_persons).toBeCloseTo(60 * (0.5 - 5 / 12), 9);
      expect(find(rows, "kec", "367305").exits_persons).toBeCloseTo(0, 9);
    }
  });

  it("sends the leakage share to ineligible cells", async () => {
    // 15 units, leakage 0,2: 12 targeted (A 10, B 2 → f = 0,1), 3 to C (capacity 10 → 0,3 of C).
    for (const rows of await both(runOf([xRun(18_000_000, { leakage: 0.2 })]))) {
      const kab = find(rows, "kab", "3673");
      // B: ps = 0,9×0,5 + 0,1×1/6
      expect(kab.poor_persons).toBeCloseTo(30 + 60 * (0.45 + 0.1 / 6), 9);
      const c = find(rows, "kec", "367305");
      expect(c.receiving_households).toBeCloseTo(3, 9);
      expect(c.receiving_not_eligible).toBeCloseTo(3, 9);
      expect(c.extra_delivered_rp).toBeCloseTo(3 * 1_200_000, 3);
    }
  });

  it("cuts a programme among current recipients", async () => {
    // y baseline 20 hh × 600.000 = 12 juta, budget 6 juta → half of current recipients lose 50.000/month.
    // A: f = 0,5, d = −12.500 → still all poor; G(312.500) = 62.500 → gs = 0,5×62.500 + 0,5×50.000
    // B: f = 0,25, d = −16.666,67 → F(316.666,67) = 2/3 → ps = 0,75×0,5 + 0,25×2/3
    const yCut: ProgrammeRun = { params: Y, rule: "daftar", leakage: 0, pools: [{ area_kode: "3673", baseline_rp: 12_000_000, budget_rp: 6_000_000 }] };
    for (const rows of await both(runOf([yCut]))) {
      const kab = find(rows, "kab", "3673");
      expect(kab.poor_persons).toBeCloseTo(40 + 60 * (0.375 + 0.25 * (2 / 3)), 9);
      expect(kab.exits_persons).toBeCloseTo(-2.5, 9);
      expect(kab.extra_delivered_rp).toBeCloseTo(-6_000_000, 3);
      expect(kab.receiving_households).toBeCloseTo(10 * 0.5 + 20 * 0.25, 9);
    }
  });

  it("counts disallowed overlaps the scenario creates", async () => {
    // x (as above) on top of y, a duplicate pair: A min(1,1) − min(0,1) = 1 → 10 hh; B min(0,25, 0,5) − 0 → 5 hh.
    for (const rows of await both(runOf([xRun(18_000_000)], { duplicate_pairs: [["x", "y"]] }))) {
      expect(find(rows, "kab", "3673").overlaps_created).toBeCloseTo(15, 9);
      expect(find(rows, "kel", "3673021001").overlaps_created).toBeCloseTo(10, 9);
    }
  });

  it("applies graduation over the horizon and the background trend", async () => {
    // z: 10 units to A (f = 1), γ = 0,5 for 2 years → survival 0,25: A 40 → 10 poor persons.
    // Trend −10%/year for 2 years: × 0,81. Status quo 70 × 0,81 = 56,7; scenario (10 + 30) × 0,81 = 32,4.
    const zRun: ProgrammeRun = { params: Z, rule: "daftar", leakage: 0, pools: [{ area_kode: "3673", baseline_rp: 0, budget_rp: 10_000_000 }] };
    const run = runOf([zRun], {
      horizon: 2027,
      regions: [
        { kab_kode: "3673", poverty_line_rp: 500_000, extreme_ratio: 0.6, trend_per_year: -0.1 },
        { kab_kode: "3604", poverty_line_rp: 400_000, extreme_ratio: 0.5, trend_per_year: 0 }
      ]
    });
    for (const rows of await both(run)) {
      const kab = find(rows, "kab", "3673");
      expect(kab.status_quo_poor_persons).toBeCloseTo(56.7, 9);
      expect(kab.poor_persons).toBeCloseTo(32.4, 9);
      expect(kab.exits_persons).toBeCloseTo(24.3, 9);
      expect(kab.base_poor_persons).toBeCloseTo(70, 9);
    }
  });

  it("allocates a kecamatan budget only inside that kecamatan, leaving the rest unspent", async () => {
    // 15 units for kecamatan 367305, whose only cell (C) is ineligible: nothing is delivered without leakage;
    // with leakage 0,5: 7,5 units to C.
    const kecRun = (leakage: number): ProgrammeRun => ({ ...xRun(0), leakage, pools: [{ area_kode: "367305", baseline_rp: 0, budget_rp: 18_000_000 }] });
    for (const rows of await both(runOf([kecRun(0)]))) {
      expect(find(rows, "kab", "3673").extra_delivered_rp).toBeCloseTo(0, 6);
    }
    for (const rows of await both(runOf([kecRun(0.5)]))) {
      expect(find(rows, "kec", "367305").receiving_households).toBeCloseTo(7.5, 9);
      expect(find(rows, "kec", "367302").extra_delivered_rp).toBeCloseTo(0, 6);
    }
  });

  it("orders by expenditure under the 'pengeluaran' rule", async () => {
    // By pce_lo: A (200.000) then B (250.000): same as 'daftar' here; with 5 units A takes 5 (f = 0,5).
    // A: ps = 0,5 × 1 + 0,5 × 0,75 = 0,875 → poor persons 35 + 30 = 65.
    for (const rows of await both(runOf([xRun(6_000_000, { rule: "pengeluaran" })]))) {
      expect(find(rows, "kab", "3673").poor_persons).toBeCloseTo(65, 9);
    }
  });
});
