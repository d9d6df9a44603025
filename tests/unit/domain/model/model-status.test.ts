// Status from model series: hand-computed projections, probabilities and the edge cases.
import { describe, expect, it } from "vitest";
import { normalCdf } from "../../../../src/components/domain/model/normal.js";
import { classifyProbability, pooledSlope, regionModelStatus, type EstimatePoint } from "../../../../src/components/domain/model/model-status.js";

const pts = (values: number[], from = 2022, logSe = 0.1): EstimatePoint[] => values.map((value, i) => ({ year: from + i, value, logSe }));

describe("pooledSlope", () => {
  it("recovers an exact halving per year with the slope error 1/√Σw(x−x̄)²", () => {
    const s = pooledSlope(pts([2, 1, 0.5]))!;
    expect(s.slope).toBeCloseTo(Math.log(0.5), 12);
    // w = 1/0.01 = 100; Σ w (x − 2023)² = 200; no scatter, so SE = √(1/200).
    expect(s.se).toBeCloseTo(Math.sqrt(1 / 200), 12);
  });
  it("refuses fewer than three points", () => {
    expect(pooledSlope(pts([2, 1]))).toBeNull();
  });
});

describe("regionModelStatus", () => {
  const slope = pooledSlope(pts([2, 1, 0.5]))!;

  it("projects with the pooled slope and computes P(≤ 0,5%) by hand", () => {
    const r = regionModelStatus(pts([8, 4, 2]), slope, { populationBase: 1_000_000, validated: true });
    // Level through the points with slope ln ½: 2026 value = 2 × ½² = 0,5 exactly.
    expect(r.projection!.value).toBeCloseTo(0.5, 10);
    // SE: level √(1/300), slope √(1/200) × 3 years → hypot.
    const se = Math.hypot(Math.sqrt(1 / 300), 3 * Math.sqrt(1 / 200));
    expect(r.projection!.logSe).toBeCloseTo(se, 10);
    expect(r.probability).toBeCloseTo(0.5, 10);
    expect(r.status).toBe("at_risk");
    expect(r.people!.value).toBeCloseTo(5_000, 6);
    expect(r.path[0]!.year).toBe(2024);
    expect(r.path.at(-1)!.year).toBe(2026);
    expect(r.projection!.upper).toBeGreaterThan(0.5); // the interval is drawn around the value
  });

  it("on track when the projection is far below the ceiling, off track when far above", () => {
    const low = regionModelStatus(pts([1, 0.5, 0.25]), slope, { populationBase: null, validated: true });
    expect(low.probability).toBeCloseTo(normalCdf(Math.log(0.5 / 0.0625) / low.projection!.logSe), 10);
    expect(low.status).toBe("on_track");
    const high = regionModelStatus(pts([40, 20, 10]), slope, { populationBase: null, validated: true });
    expect(high.status).toBe("off_track");
  });

  it("gives no status from two points, from no points (old-line data only) or without validation", () => {
    expect(regionModelStatus(pts([1, 0.5]), slope, { populationBase: null, validated: true }).status).toBe("insufficient_data");
    expect(regionModelStatus([], slope, { populationBase: null, validated: true }).status).toBe("insufficient_data");
    const unvalidated = regionModelStatus(pts([1, 0.5, 0.25]), slope, { populationBase: null, validated: false });
    expect(unvalidated.status).toBe("insufficient_data");
    expect(unvalidated.reason).toMatch(/validasi/);
  });

  it("a region scattered around the pooled line gets a wider interval than one on it", () => {
    const onLine = regionModelStatus(pts([4, 2, 1]), slope, { populationBase: null, validated: true });
    const scattered = regionModelStatus(pts([4, 1, 1]), slope, { populationBase: null, validated: true });
    expect(scattered.projection!.logSe).toBeGreaterThan(onLine.projection!.logSe);
  });
});

describe("classifyProbability", () => {
  it("uses 80% and 20% as the bounds", () => {
    expect(classifyProbability(0.8)).toBe("on_track");
    expect(classifyProbability(0.7999)).toBe("at_risk");
    expect(classifyProbability(0.2)).toBe("at_risk");
    expect(classifyProbability(0.1999)).toBe("off_track");
  });
});
