// The planner's working state: the scenario state (spec.ts: what the URL and the JSON file carry)
// and which scenario is being edited, with the edits the controls make as pure functions. Every new
// state passes the same validation as a link or a file (parseState), so what the planner types can
// never produce a link the page would refuse. No DOM.
import { MAX_SCENARIOS, ScenarioStateError, parseState, type Horizon, type ProgrammeChange, type ScenarioDef, type ScenarioState, type StateLimits } from "./spec.js";

/** The assumptions shared by every scenario that a planner may override (absent = published default). */
export type SharedOverride = "poverty_line_rp" | "extreme_ratio" | "trend_per_year";

/** Budgets are per kab/kota (a 4-digit code) or per kecamatan (6 digits), never both. */
export function hasKecBudgets(change: ProgrammeChange | undefined): boolean {
  return Object.keys(change?.budgets ?? {}).some((area) => area.length === 6);
}

function without<T extends object, K extends keyof T>(obj: T, key: K): Omit<T, K> {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

/** Sets or clears (undefined) a shared assumption. */
export function withOverride(state: ScenarioState, key: SharedOverride, value: number | undefined): ScenarioState {
  return value === undefined ? without(state, key) : { ...state, [key]: value };
}

export function withHorizon(state: ScenarioState, horizon: Horizon): ScenarioState {
  return { ...state, horizon };
}

/** Replaces one programme's change in one scenario; an empty change is dropped (back to the baseline). */
export function withChange(state: ScenarioState, index: number, code: string, update: (c: ProgrammeChange) => ProgrammeChange): ScenarioState {
  const scenarios = state.scenarios.map((s, i) => {
    if (i !== index) return s;
    const next = update(s.changes[code] ?? {});
    const changes = { ...s.changes };
    if (Object.keys(next).length === 0) delete changes[code];
    else changes[code] = next;
    return { ...s, changes };
  });
  return { ...state, scenarios };
}

/** One setting of a programme change: a value, or undefined for the catalogue's default. */
export function withSetting<K extends "rule" | "leakage" | "graduation" | "unit_cost_rp">(
  state: ScenarioState,
  index: number,
  code: string,
  key: K,
  value: ProgrammeChange[K] | undefined
): ScenarioState {
  return withChange(state, index, code, (c) => (value === undefined ? without(c, key) : { ...c, [key]: value }));
}

/** The kab/kota budget of a programme (Rp per year); undefined returns it to the current budget. */
export function withKabBudget(state: ScenarioState, index: number, code: string, rp: number | undefined): ScenarioState {
  return withChange(state, index, code, (c) => (rp === undefined ? without(c, "budgets") : { ...c, budgets: { [state.kab]: rp } }));
}

/** One kecamatan's budget of a programme; a kab/kota budget, if set, gives way to the kecamatan ones. */
export function withKecBudget(state: ScenarioState, index: number, code: string, kec: string, rp: number | undefined): ScenarioState {
  return withChange(state, index, code, (c) => {
    const current: Record<string, number> = hasKecBudgets(c) ? { ...c.budgets } : {};
    if (rp === undefined) delete current[kec];
    else current[kec] = rp;
    return Object.keys(current).length === 0 ? without(c, "budgets") : { ...c, budgets: current };
  });
}

export function withName(state: ScenarioState, index: number, name: string): ScenarioState {
  return { ...state, scenarios: state.scenarios.map((s, i) => (i === index ? { ...s, name } : s)) };
}

/** The state being edited: the scenarios and the one whose controls are shown. */
export interface Editing {
  readonly state: ScenarioState;
  readonly active: number;
}

/** A copy of the active scenario, added last and made active (at most MAX_SCENARIOS). */
export function addScenario({ state, active }: Editing): Editing {
  if (state.scenarios.length >= MAX_SCENARIOS) return { state, active };
  const copy: ScenarioDef = { ...state.scenarios[active]!, name: `Skenario ${state.scenarios.length + 1}` };
  return { state: { ...state, scenarios: [...state.scenarios, copy] }, active: state.scenarios.length };
}

/** Removes the active scenario (never the last one); the one before it becomes active. */
export function removeScenario({ state, active }: Editing): Editing {
  if (state.scenarios.length <= 1) return { state, active };
  return { state: { ...state, scenarios: state.scenarios.filter((_, i) => i !== active) }, active: Math.max(0, active - 1) };
}

export type Refusal = { readonly ok: false; readonly message: string };
export type Accepted = { readonly ok: true };

/** What a view does after a change: redraw the controls too (a tab, a name, a cost that other fields show), or only the results. */
export interface ChangeOptions {
  readonly controls?: boolean;
  readonly active?: number;
}

/**
 * Holds the editing state and tells the page about every accepted change. A change that would not
 * pass parseState (a figure out of range) is refused with its Indonesian message and changes nothing.
 */
export class ScenarioStore {
  #state: ScenarioState;
  #active = 0;

  constructor(
    initial: ScenarioState,
    private readonly limits: StateLimits,
    private readonly onChange: (editing: Editing, options: ChangeOptions) => void
  ) {
    this.#state = parseState(initial, limits);
  }

  get state(): ScenarioState {
    return this.#state;
  }

  get active(): number {
    return this.#active;
  }

  get scenario(): ScenarioDef {
    return this.#state.scenarios[this.#active]!;
  }

  /** Validates and keeps a new state; returns the refusal when it does not validate. */
  set(next: ScenarioState, options: ChangeOptions = {}): Accepted | Refusal {
    let valid: ScenarioState;
    try {
      valid = parseState(next, this.limits);
    } catch (error) {
      if (error instanceof ScenarioStateError) return { ok: false, message: error.message };
      throw error;
    }
    this.#state = valid;
    this.#active = Math.min(options.active ?? this.#active, valid.scenarios.length - 1);
    this.onChange({ state: this.#state, active: this.#active }, options);
    return { ok: true };
  }

  /** Shows another scenario's controls; the state itself is unchanged. */
  select(index: number): void {
    this.#active = Math.max(0, Math.min(index, this.#state.scenarios.length - 1));
    this.onChange({ state: this.#state, active: this.#active }, { controls: true });
  }

  edit(change: (editing: Editing) => Editing): Accepted | Refusal {
    const next = change({ state: this.#state, active: this.#active });
    return this.set(next.state, { controls: true, active: next.active });
  }
}

