// Hand-made scenario results for the planner's unit tests (no model run).
import type { ScenarioResult } from "../../../src/components/skenario/measures.js";
import type { AreaResult } from "../../../src/components/skenario/types.js";

export function area(level: AreaResult["level"], area_kode: string | null, figures: Partial<AreaResult> = {}): AreaResult {
  return {
    level,
    kab_kode: "3673",
    area_kode,
    households: 1000,
    persons: 4000,
    base_poor_persons: 100,
    base_poor_households: 25,
    status_quo_poor_persons: 90,
    poor_persons: 90,
    poor_households: 22,
    exits_persons: 0,
    gap_rp_year: 1e8,
    eligible_households: 40,
    eligible_not_receiving: 10,
    receiving_households: 50,
    receiving_not_eligible: 5,
    overlaps_created: 0,
    extra_delivered_rp: 0,
    close_gap_rp_year: 2e8,
    ...figures
  };
}

export function result(name: string, kab: Partial<AreaResult>, money: { total_rp: number; extra_rp: number }, kecs: AreaResult[] = []): ScenarioResult {
  return { def: { name, changes: {} }, rows: [area("kab", "3673", kab), ...kecs], ms: 0, ...money };
}
