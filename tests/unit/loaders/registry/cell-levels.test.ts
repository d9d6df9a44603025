import { describe, expect, it } from "vitest";
import { CELL_LEVELS, DEFAULT_MIN_CELL, minCellSize } from "../../../../loaders/registry/cell-levels.js";
import { adaptiveBins } from "../../../../loaders/registry/cells.js";

describe("minCellSize (TS_MIN_CELL)", () => {
  it("defaults to 10 and accepts 3 or more", () => {
    expect(minCellSize({})).toBe(DEFAULT_MIN_CELL);
    expect(minCellSize({ TS_MIN_CELL: "" })).toBe(10);
    expect(minCellSize({ TS_MIN_CELL: "3" })).toBe(3);
    expect(minCellSize({ TS_MIN_CELL: " 25 " })).toBe(25);
  });
  it("refuses values below 3 and non-integers with a clear message", () => {
    expect(() => minCellSize({ TS_MIN_CELL: "2" })).toThrow(/ditolak.*sedikitnya 3/);
    expect(() => minCellSize({ TS_MIN_CELL: "0" })).toThrow(/ditolak/);
    expect(() => minCellSize({ TS_MIN_CELL: "5.5" })).toThrow(/bilangan bulat/);
    expect(() => minCellSize({ TS_MIN_CELL: "-4" })).toThrow(/bilangan bulat/);
  });
});

describe("the coarsening ladder", () => {
  it("ends in one residual cell per kab/kota that keeps nothing else", () => {
    expect(CELL_LEVELS.at(-1)).toEqual({ area: "kab", desil: "none", size: "none", target: false, pce: "none", programmes: "none" });
  });
  it("never publishes a household-level description: no level is finer than kelurahan × desil × size band", () => {
    for (const level of CELL_LEVELS) expect(["band", "none"]).toContain(level.size);
  });
});

describe("adaptiveBins", () => {
  it("merges bands from the bottom until each bin holds k, and a remainder joins the bin below", () => {
    // One group, bands 0,5,10,15,20 (Rp thousand) with 2,3,1,4,1 households; k = 4.
    const bins = adaptiveBins([1, 1, 1, 1, 1], [0, 5, 10, 15, 20], [5, 10, 15, 20, 25], [2, 3, 1, 4, 1], 4);
    // 2+3 = 5 → bin [0,10); 1+4 = 5 → bin [10,20); remainder 1 → joins [10,25).
    expect(bins.map((b) => [b.bandLo, b.binLo, b.binHi])).toEqual([
      [0, 0, 10],
      [5, 0, 10],
      [10, 10, 25],
      [15, 10, 25],
      [20, 10, 25]
    ]);
  });
  it("keeps groups apart and carries an open top band", () => {
    const bins = adaptiveBins([1, 2, 2], [0, 100, 5000], [5, 200, null], [4, 3, 1], 4);
    expect(bins).toEqual([
      { gid: 1, bandLo: 0, binLo: 0, binHi: 5 },
      { gid: 2, bandLo: 100, binLo: 100, binHi: null },
      { gid: 2, bandLo: 5000, binLo: 100, binHi: null }
    ]);
  });
  it("refuses a group smaller than k (the caller must not pass one)", () => {
    expect(() => adaptiveBins([1], [0], [5], [3], 4)).toThrow(/fewer than 4/);
  });
});
