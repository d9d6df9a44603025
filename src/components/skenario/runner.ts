// Runs the scenarios of a state through the model, keeping the results of the last run by model
// input: a control change reruns only the scenario it changed. No DOM.
import { scenarioBudget, toModelRun, type RunContext, type ScenarioState } from "./spec.js";
import type { ScenarioResult } from "./measures.js";
import type { AreaResult, ModelRun } from "./types.js";

export interface ScenarioModel {
  run(run: ModelRun): Promise<readonly AreaResult[]>;
}

export class ScenarioRunner {
  #cache = new Map<string, ScenarioResult>();

  constructor(
    private readonly model: ScenarioModel,
    private readonly ctx: RunContext,
    private readonly kab: string,
    private readonly now: () => number = () => performance.now()
  ) {}

  /** Every scenario's results, in state order; only runs whose model input changed reach the model. */
  async compute(state: ScenarioState): Promise<ScenarioResult[]> {
    const out: ScenarioResult[] = [];
    const next = new Map<string, ScenarioResult>();
    for (const def of state.scenarios) {
      const run = toModelRun(state, def, this.ctx);
      const key = JSON.stringify(run);
      const started = this.now();
      const rows = next.get(key)?.rows ?? this.#cache.get(key)?.rows ?? (await this.model.run(run));
      const budget = scenarioBudget(def, this.ctx, this.kab);
      const result: ScenarioResult = { def, rows, total_rp: budget.total_rp, extra_rp: budget.extra_rp, ms: this.now() - started };
      next.set(key, result);
      out.push(result);
    }
    this.#cache = next;
    return out;
  }
}
