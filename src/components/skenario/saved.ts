// The best scenario saved on this device (localStorage), for the Ringkasan page. Only aggregate
// figures and a link are stored; nothing leaves the browser.
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
