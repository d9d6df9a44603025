// The best scenario saved on this device: stored and read back, malformed entries ignored.
import { describe, expect, it } from "vitest";
import { STORAGE_KEY, loadBestScenario, saveBestScenario, type SavedScenario } from "../../../src/components/skenario/saved.js";
import { closeGapBps } from "../../../src/components/skenario/page-data.js";

function memoryStore(): Pick<Storage, "getItem" | "setItem"> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const SAVED: SavedScenario = {
  name: "Sembako Kasemen",
  kab: "3673",
  horizon: 2026,
  poor_persons: 21_900.4,
  status_quo_poor_persons: 22_252.5,
  exits_persons: 352.1,
  total_rp: 152_000_000_000,
  extra_rp: 780_000_000,
  saved_at: "2026-12-03T14:00:00.000Z",
  link: "./skenario?s=eyJ2IjoxfQ"
};

describe("saved scenario", () => {
  it("round-trips through storage", () => {
    const store = memoryStore();
    expect(loadBestScenario(store)).toBeNull();
    saveBestScenario(SAVED, store);
    expect(loadBestScenario(store)).toEqual(SAVED);
  });
  it("ignores malformed or foreign entries", () => {
    const store = memoryStore();
    for (const bad of ["{", "null", JSON.stringify({ ...SAVED, poor_persons: "x" }), JSON.stringify({ ...SAVED, link: "https://example.com/" }), JSON.stringify({ ...SAVED, name: 1 })]) {
      store.setItem(STORAGE_KEY, bad);
      expect(loadBestScenario(store), bad).toBeNull();
    }
  });
});

describe("budget to close the gap, BPS P1 formula", () => {
  it("is P1/100 × line × population × 12", () => {
    // Kota Serang 2025: P1 0,74; 41.070 poor ÷ 5,51% = 745.372 people; line Rp573.960.
    const population = 41_070 / 0.0551;
    expect(closeGapBps({ year: 2025, p1: 0.74, population, source: "" }, 573_960)).toBeCloseTo(0.0074 * 573_960 * population * 12, 3);
    expect(closeGapBps({ year: 2025, p1: 0.74, population, source: "" }, 573_960) / 1e9).toBeCloseTo(37.99, 1);
  });
});
