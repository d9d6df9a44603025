import { describe, expect, it } from "vitest";
import { logGamma, studentTCdf, studentTQuantile } from "../../../../src/components/domain/model/student-t.js";

describe("logGamma", () => {
  it("matches factorials and Γ(1/2) = √π", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 11);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe("studentTQuantile", () => {
  it("equals the closed form for 1 degree of freedom (Cauchy): tan(π(p − ½))", () => {
    for (const p of [0.6, 0.75, 0.9, 0.95, 0.995]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 8);
    }
  });

  it("equals the closed form for 2 degrees of freedom: (2p − 1)/√(2p(1 − p))", () => {
    for (const p of [0.55, 0.8, 0.9, 0.975]) {
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 9);
    }
  });

  it("matches printed t tables", () => {
    // Standard t table values (six decimals).
    expect(studentTQuantile(0.9, 3)).toBeCloseTo(1.637744, 6);
    expect(studentTQuantile(0.9, 8)).toBeCloseTo(1.396815, 6);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
    expect(studentTQuantile(0.95, 30)).toBeCloseTo(1.697261, 6);
  });

  it("approaches the normal quantile for large df and is antisymmetric", () => {
    expect(studentTQuantile(0.9, 1e7)).toBeCloseTo(1.281552, 5);
    expect(studentTQuantile(0.1, 5)).toBeCloseTo(-studentTQuantile(0.9, 5), 10);
    expect(studentTQuantile(0.5, 4)).toBe(0);
  });

  it("round-trips through the CDF", () => {
    for (const df of [1, 2, 3, 7, 25]) {
      for (const p of [0.05, 0.5, 0.9, 0.999]) {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
      }
    }
  });

  it("rejects impossible arguments", () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});
