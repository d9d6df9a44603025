import { describe, expect, it } from "vitest";
import { percentile, summarise } from "../../../bench/stats.js";

describe("benchmark percentiles", () => {
  it("interpolates linearly between ranks", () => {
    expect(percentile([10, 20, 30, 40], 50)).toBe(25);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21], 95)).toBe(20);
    expect(summarise([5, 1, 3])).toEqual({ p50_ms: 3, p95_ms: 4.8, n: 3 });
  });
});
