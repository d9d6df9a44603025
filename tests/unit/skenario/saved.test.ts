// The best scenario saved on this device: stored and read back, malformed entries ignored.
import { describe, expect, it } from "vitest";
import { STORAGE_KEY, bestScenario, loadBestScenario, saveBestScenario, type SavedScenario } from "../../../src/components/skenario/saved.js";
import { decodeState, defaultState } from "../../../src/components/skenario/spec.js";
import { result } from "./fixtures.js";
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

describe("best scenario", () => {
  it("is the one with fewest extreme-poor, the cheaper on a tie, saved with a link to it alone", () => {
    const results = [result("Dasar", { poor_persons: 90 }, { total_rp: 5e9, extra_rp: 0 }), result("Mahal", { poor_persons: 60 }, { total_rp: 9e9, extra_rp: 4e9 }), result("Hemat", { poor_persons: 60 }, { total_rp: 7e9, extra_rp: 2e9 })];
    const state = { ...defaultState("3673"), scenarios: results.map((r) => r.def) };
    const best = bestScenario({ kab: "3673", synthetic: true }, state, results, new Date("2026-12-03T14:00:00Z"))!;
    expect(best).toMatchObject({ name: "Hemat", poor_persons: 60, total_rp: 7e9, extra_rp: 2e9, synthetic: true, saved_at: "2026-12-03T14:00:00.000Z" });
    expect(decodeState(best.link.replace("./skenario?s=", ""), { kabs: ["3673"] }).scenarios.map((s) => s.name)).toEqual(["Hemat"]);
    expect(bestScenario({ kab: "3673", synthetic: false }, state, [], new Date())).toBeNull();
  });
});
