import { describe, expect, it } from "vitest";
import { ScenarioRunner } from "../../../src/components/skenario/runner.js";
import { defaultState, type RunContext } from "../../../src/components/skenario/spec.js";
import { withKabBudget, withName } from "../../../src/components/skenario/state.js";
import type { ModelRun } from "../../../src/components/skenario/types.js";
import { area } from "./fixtures.js";

const ctx: RunContext = {
  base_year: 2025,
  poverty_line_rp: 600_000,
  extreme_ratio: 0.5,
  trend_per_year: 0,
  catalogue: [{ code: "pkh", name: "PKH", funder: "pusat", unit: "KPM per tahun", unit_cost_rp: 3_000_000, eligible_desil_max: 1, effect: "transfer", graduation_prob_per_year: null, basis: "", source: "" }],
  receipts: [{ code: "pkh", kec_kode: "367302", households: 100, units: 1 }],
  allowed: () => true,
  duplicate_pairs: []
};

function countingModel() {
  const runs: ModelRun[] = [];
  return { runs, model: { run: async (run: ModelRun) => (runs.push(run), [area("kab", "3673", { poor_persons: 90 - run.programmes.length })]) } };
}

describe("ScenarioRunner", () => {
  it("reruns only the scenario whose model input changed, and keeps state order", async () => {
    const { runs, model } = countingModel();
    const runner = new ScenarioRunner(model, ctx, "3673", () => 0);
    let state = defaultState("3673");
    state = { ...state, scenarios: [state.scenarios[0]!, { name: "Tambah PKH", changes: {} }] };
    await runner.compute(state);
    expect(runs).toHaveLength(1); // two scenarios, one model input
    state = withKabBudget(state, 1, "pkh", 6e8);
    const results = await runner.compute(state);
    expect(runs).toHaveLength(2);
    expect(results.map((r) => r.def.name)).toEqual(["Dasar (penerima saat ini)", "Tambah PKH"]);
    expect(results[1]!.extra_rp).toBeCloseTo(6e8 - 3e8, 6);
    // A new name changes no model input.
    await runner.compute(withName(state, 1, "PKH dua kali"));
    expect(runs).toHaveLength(2);
  });
});
