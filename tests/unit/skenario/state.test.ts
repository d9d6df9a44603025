import { describe, expect, it } from "vitest";
import { defaultState, type ScenarioState } from "../../../src/components/skenario/spec.js";
import {
  ScenarioStore,
  addScenario,
  hasKecBudgets,
  removeScenario,
  withKabBudget,
  withKecBudget,
  withName,
  withOverride,
  withSetting,
  type ChangeOptions,
  type Editing
} from "../../../src/components/skenario/state.js";

const LIMITS = { kabs: ["3673"] };
const base = defaultState("3673");

describe("edits of the scenario state", () => {
  it("sets and clears a shared assumption", () => {
    const set = withOverride(base, "extreme_ratio", 0.7);
    expect(set.extreme_ratio).toBe(0.7);
    expect("extreme_ratio" in withOverride(set, "extreme_ratio", undefined)).toBe(false);
  });

  it("keeps a programme change only while it differs from the baseline", () => {
    const withRule = withSetting(base, 0, "pkh", "rule", "desil");
    expect(withRule.scenarios[0]!.changes).toEqual({ pkh: { rule: "desil" } });
    expect(withSetting(withRule, 0, "pkh", "rule", undefined).scenarios[0]!.changes).toEqual({});
  });

  it("gives way from a kab/kota budget to kecamatan budgets, and back to the current budget when all are cleared", () => {
    const kab = withKabBudget(base, 0, "sembako_kota", 2e9);
    expect(kab.scenarios[0]!.changes["sembako_kota"]).toEqual({ budgets: { "3673": 2e9 } });
    const kec = withKecBudget(kab, 0, "sembako_kota", "367302", 5e8);
    expect(kec.scenarios[0]!.changes["sembako_kota"]).toEqual({ budgets: { "367302": 5e8 } });
    expect(hasKecBudgets(kec.scenarios[0]!.changes["sembako_kota"])).toBe(true);
    const two = withKecBudget(kec, 0, "sembako_kota", "367306", 0);
    expect(two.scenarios[0]!.changes["sembako_kota"]!.budgets).toEqual({ "367302": 5e8, "367306": 0 });
    const cleared = withKecBudget(withKecBudget(two, 0, "sembako_kota", "367302", undefined), 0, "sembako_kota", "367306", undefined);
    expect(cleared.scenarios[0]!.changes).toEqual({});
  });

  it("adds a copy of the active scenario (at most three) and removes the active one (never the last)", () => {
    let editing: Editing = { state: withSetting(base, 0, "pkh", "leakage", 0.1), active: 0 };
    editing = addScenario(editing);
    expect(editing.active).toBe(1);
    expect(editing.state.scenarios.map((s) => s.name)).toEqual(["Dasar (penerima saat ini)", "Skenario 2"]);
    expect(editing.state.scenarios[1]!.changes).toEqual({ pkh: { leakage: 0.1 } });
    editing = addScenario(addScenario(editing));
    expect(editing.state.scenarios).toHaveLength(3);
    editing = removeScenario({ ...editing, active: 1 });
    expect(editing.state.scenarios.map((s) => s.name)).toEqual(["Dasar (penerima saat ini)", "Skenario 3"]);
    expect(editing.active).toBe(0);
    const single = { state: base, active: 0 };
    expect(removeScenario(single)).toEqual(single);
  });
});

describe("ScenarioStore", () => {
  function store(initial: ScenarioState = base) {
    const seen: { editing: Editing; options: ChangeOptions }[] = [];
    return { store: new ScenarioStore(initial, LIMITS, (editing, options) => seen.push({ editing, options })), seen };
  }

  it("keeps a valid change and reports it with the redraw it asks for", () => {
    const { store: s, seen } = store();
    expect(s.set(withName(s.state, 0, "  Tambah PKH  "), { controls: true })).toEqual({ ok: true });
    expect(s.state.scenarios[0]!.name).toBe("Tambah PKH"); // validated like a link: names are trimmed
    expect(seen).toHaveLength(1);
    expect(seen[0]!.options).toEqual({ controls: true });
  });

  it("refuses a figure a link could not carry, with the validation's Indonesian sentence, and changes nothing", () => {
    const { store: s, seen } = store();
    const before = s.state;
    const outcome = s.set(withKabBudget(before, 0, "pkh", 5e13));
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? "" : outcome.message).toMatch(/anggaran 3673 harus di antara 0 dan 10\.000\.000\.000\.000/);
    expect(s.state).toBe(before);
    expect(seen).toEqual([]);
  });

  it("moves the active scenario with the edits and keeps it inside the list", () => {
    const { store: s } = store();
    s.edit(addScenario);
    expect(s.active).toBe(1);
    s.select(7);
    expect(s.active).toBe(1);
    s.edit(removeScenario);
    expect([s.active, s.state.scenarios.length]).toEqual([0, 1]);
  });

  it("refuses an initial state that does not validate (a programming error, not input)", () => {
    expect(() => new ScenarioStore({ ...base, kab: "3604" }, LIMITS, () => {})).toThrow(/tidak tersedia/);
  });
});
