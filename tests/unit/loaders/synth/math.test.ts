// Numeric helpers of the synthetic registry plan.
import { describe, expect, it } from "vitest";
import { apportion, householdSizeCdf, inverseNormalCdf, meanOfSizeCdf } from "../../../../loaders/synth/math.js";

describe("inverseNormalCdf", () => {
  it("matches standard normal quantiles from statistical tables", () => {
    expect(inverseNormalCdf(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormalCdf(0.025)).toBeCloseTo(-1.959964, 5);
    expect(inverseNormalCdf(0.8413447)).toBeCloseTo(1, 5);
    // Tail branch (p < 0.02425).
    expect(inverseNormalCdf(0.0112)).toBeCloseTo(-2.2838, 3);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it("rejects probabilities outside (0, 1) with an Indonesian message", () => {
    expect(() => inverseNormalCdf(0)).toThrow(/probabilitas/);
    expect(() => inverseNormalCdf(1)).toThrow(RangeError);
    expect(() => inverseNormalCdf(Number.NaN)).toThrow(RangeError);
  });
});

describe("apportion", () => {
  it("splits a total into integers that add up exactly, proportional to the weights", () => {
    const parts = apportion(1811, [1300, 1500]);
    expect(parts.reduce((s, x) => s + x, 0)).toBe(1811);
    expect(parts).toEqual([841, 970]); // 1811·13/28 = 840.8 → 841; 1811·15/28 = 970.2 → 970
  });

  it("gives the remainder to the largest fractions and breaks ties by position", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(apportion(0, [5, 7])).toEqual([0, 0]);
    expect(apportion(7, [0, 3, 0])).toEqual([0, 7, 0]);
  });

  it("rejects negative or fractional totals and empty weights", () => {
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
    expect(() => apportion(3, [0, 0])).toThrow(RangeError);
    expect(() => apportion(3, [1, -1, 2])).toThrow(RangeError);
  });
});

describe("householdSizeCdf", () => {
  it("is 1 + Poisson(mean − 1): P(size = 1) = e^−λ and the mean is kept when the cap is far away", () => {
    const cdf = householdSizeCdf(3.33, 40);
    expect(cdf).toHaveLength(40);
    expect(cdf[0]).toBeCloseTo(Math.exp(-2.33), 12);
    expect(cdf[1]! - cdf[0]!).toBeCloseTo(2.33 * Math.exp(-2.33), 12);
    expect(cdf.at(-1)).toBe(1);
    expect(meanOfSizeCdf(cdf)).toBeCloseTo(3.33, 9);
  });

  it("is non-decreasing and folds sizes above the cap into the cap", () => {
    const cdf = householdSizeCdf(6, 4);
    for (let i = 1; i < cdf.length; i++) expect(cdf[i]!).toBeGreaterThanOrEqual(cdf[i - 1]!);
    expect(cdf).toHaveLength(4);
    expect(meanOfSizeCdf(cdf)).toBeLessThan(4);
  });

  it("rejects a mean below one person", () => {
    expect(() => householdSizeCdf(0.5, 10)).toThrow(RangeError);
  });
});
