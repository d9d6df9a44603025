// The best scenario saved on this device (localStorage), for the Ringkasan page. Only aggregate
// figures and a link are stored; nothing leaves the browser.
import { kabRow, type ScenarioResult } from "./measures.js";
import { encodeState, type ScenarioState } from "./spec.js";

export const STORAGE_KEY = "tepat-sasaran:skenario-terbaik";

export interface SavedScenario {
  readonly name: string;
  readonly kab: string;
  readonly horizon: number;
  readonly poor_persons: number;
  readonly status_quo_poor_persons: number;
  readonly exits_persons: number;
  readonly total_rp: number;
  readonly extra_rp: number;
  /** The registry cells it ran on were synthetic (absent in entries saved before this field: read as synthetic). */
  readonly synthetic?: boolean;
  /** ISO timestamp. */
  readonly saved_at: string;
  /** Relative link to /skenario with the scenario in the URL. */
  readonly link: string;
}

/** The best of the computed scenarios (fewest extreme-poor, then cheapest), as saved for Ringkasan. */
export function bestScenario(data: { readonly kab: string; readonly synthetic: boolean }, state: ScenarioState, results: readonly ScenarioResult[], savedAt: Date): SavedScenario | null {
  if (results.length === 0) return null;
  const scored = results.map((r) => ({ r, k: kabRow(r.rows, data.kab) }));
  scored.sort((a, b) => a.k.poor_persons - b.k.poor_persons || a.r.total_rp - b.r.total_rp);
  const best = scored[0]!;
  return {
    name: best.r.def.name,
    kab: data.kab,
    horizon: state.horizon,
    poor_persons: best.k.poor_persons,
    status_quo_poor_persons: best.k.status_quo_poor_persons,
    exits_persons: best.k.exits_persons,
    total_rp: best.r.total_rp,
    extra_rp: best.r.extra_rp,
    synthetic: data.synthetic,
    saved_at: savedAt.toISOString(),
    link: `./skenario?s=${encodeState({ ...state, scenarios: [best.r.def] })}`
  };
}

type StorageLike = Pick<Storage, "getItem" | "setItem">;

function storage(): StorageLike | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser
  }
}

export function saveBestScenario(saved: SavedScenario, store: StorageLike | null = storage()): SavedScenario {
  store?.setItem(STORAGE_KEY, JSON.stringify(saved));
  return saved;
}

const NUMBER_FIELDS = ["horizon", "poor_persons", "status_quo_poor_persons", "exits_persons", "total_rp", "extra_rp"] as const;

/** The saved scenario, or null when there is none or it is not in the expected shape. */
export function loadBestScenario(store: StorageLike | null = storage()): SavedScenario | null {
  const text = store?.getItem(STORAGE_KEY);
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (typeof v["name"] !== "string" || typeof v["kab"] !== "string" || typeof v["saved_at"] !== "string" || typeof v["link"] !== "string") return null;
    if (!String(v["link"]).startsWith("./skenario?s=")) return null;
    if (NUMBER_FIELDS.some((f) => typeof v[f] !== "number" || !Number.isFinite(v[f]))) return null;
    return v as unknown as SavedScenario;
  } catch {
    return null;
  }
}
