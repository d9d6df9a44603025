// Tail models against known distributions: generate P0, P1, P2 from a distribution by numerical
// integration, fit, and recover the headcount at another line; closed forms against integration.
import { describe, expect, it } from "vitest";
import { normalCdf, normalPdf, normalQuantile } from "../../../../src/components/domain/model/normal.js";
import { fitConditionalBeta, fitLognormal, fitPowerLaw, fitSinghMaddala, lognormalFgt } from "../../../../src/components/domain/model/tail.js";
import { logGamma } from "../../../../src/components/domain/model/student-t.js";

/** FGT index P_alpha = ∫_0^1 (1 − x)^alpha f(x) dx by composite Simpson on u = ln x (u from −40 to 0). */
function fgtByIntegration(logDensity: (u: number) => number, alpha: number, lowerU = -40, n = 200_000): number {
  const h = -lowerU / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const u = lowerU + i * h;
    const x = Math.exp(u);
    const value = Math.pow(1 - x, alpha) * Math.exp(logDensity(u)); // density of u = ln x
    sum += value * (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2);
  }
  return (sum * h) / 3;
}

describe("normal distribution", () => {
  it("matches tabulated values of Φ", () => {
    expect(normalCdf(-1)).toBeCloseTo(0.158655253931457, 13);
    expect(normalCdf(-3)).toBeCloseTo(0.00134989803163009, 15);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 13);
    expect(normalCdf(-6) / 9.86587645037698e-10).toBeCloseTo(1, 10);
  });
  it("inverts Φ", () => {
    for (const p of [1e-7, 0.004, 0.0563, 0.5, 0.93]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 12);
  });
});

describe("lognormal", () => {
  const mu = 0.55;
  const sigma = 0.62;
  // ln x ~ N(mu, sigma²): density of u = ln x is the normal density.
  const logDensity = (u: number) => Math.log(normalPdf((u - mu) / sigma) / sigma);
  const k = -mu / sigma;

  it("closed-form P0, P1, P2 equal numerical integration", () => {
    const closed = lognormalFgt(k, sigma);
    expect(closed.p0).toBeCloseTo(fgtByIntegration(logDensity, 0), 9);
    expect(closed.p1).toBeCloseTo(fgtByIntegration(logDensity, 1), 9);
    expect(closed.p2).toBeCloseTo(fgtByIntegration(logDensity, 2), 9);
  });

  it("recovers σ and the headcount at 0,65 of the line from P0 and P1", () => {
    const p0 = fgtByIntegration(logDensity, 0);
    const p1 = fgtByIntegration(logDensity, 1);
    const fit = fitLognormal({ p0, p1 });
    expect(fit.valid).toBe(true);
    expect(fit.params.sigma).toBeCloseTo(sigma, 6);
    expect(fit.headcountAt(0.65)).toBeCloseTo(normalCdf((Math.log(0.65) - mu) / sigma), 8);
    expect(fit.headcountAt(1)).toBeCloseTo(p0, 10);
  });
});

describe("power-law tail", () => {
  const p0 = 0.0563;
  const alpha = 5.4;
  // F(x) = p0 x^alpha: density of u = ln x is p0 alpha e^{alpha u}.
  const logDensity = (u: number) => Math.log(p0 * alpha) + alpha * u;

  it("α = P0/P1 − 1 and the closed-form P2 equal integration", () => {
    const p1 = fgtByIntegration(logDensity, 1);
    const p2 = fgtByIntegration(logDensity, 2);
    expect(p1).toBeCloseTo(p0 / (alpha + 1), 10);
    const fit = fitPowerLaw({ p0, p1 });
    expect(fit.params.alpha).toBeCloseTo(alpha, 6);
    expect(fit.implied.p2).toBeCloseTo(p2, 9);
    expect(fit.headcountAt(0.64)).toBeCloseTo(p0 * Math.pow(0.64, alpha), 9);
  });

  it("the conditional beta recovers a power law as the case b = 1", () => {
    const p1 = p0 / (alpha + 1);
    const p2 = (2 * p0) / ((alpha + 1) * (alpha + 2));
    const fit = fitConditionalBeta({ p0, p1, p2 });
    expect(fit.params.b).toBeCloseTo(1, 9);
    expect(fit.params.a).toBeCloseTo(alpha, 9);
    expect(fit.headcountAt(0.64)).toBeCloseTo(p0 * Math.pow(0.64, alpha), 9);
  });
});

describe("conditional beta", () => {
  const p0 = 0.048;
  const a = 3.2;
  const b = 1.7;
  const logB = logGamma(a) + logGamma(b) - logGamma(a + b);
  const logDensity = (u: number) => {
    const x = Math.exp(u);
    return Math.log(p0) + (a - 1) * u + (b - 1) * Math.log1p(-x) - logB + u; // + u: dx = x du
  };

  it("uses P2 exactly and recovers a, b and the headcount at another line", () => {
    const p1 = fgtByIntegration(logDensity, 1);
    const p2 = fgtByIntegration(logDensity, 2);
    const fit = fitConditionalBeta({ p0, p1, p2 });
    expect(fit.valid).toBe(true);
    expect(fit.params.a).toBeCloseTo(a, 4);
    expect(fit.params.b).toBeCloseTo(b, 4);
    // Headcount below 0,65 by integrating the density up to ln 0,65.
    const below = fgtByIntegration((u) => logDensity(u + Math.log(0.65)), 0) * 1; // shift: ∫_{-∞}^{ln .65}
    expect(fit.headcountAt(0.65)).toBeCloseTo(below, 6);
  });

  it("refuses P2 inconsistent with P0 and P1", () => {
    expect(fitConditionalBeta({ p0: 0.05, p1: 0.01, p2: 0.0015 }).valid).toBe(false); // m2 = 0.03 < m1² = 0.04
    expect(fitConditionalBeta({ p0: 0.05, p1: 0.01, p2: null }).valid).toBe(false);
  });
});

describe("Singh–Maddala", () => {
  // F(x) = 1 − (1 + (x/β)^a)^(−q); density of u = ln x is a q (x/β)^a (1 + (x/β)^a)^(−q−1).
  const a = 6.5;
  const beta = 1.4;
  const q = 0.55;
  const logDensity = (u: number) => {
    const z = Math.pow(Math.exp(u) / beta, a);
    return Math.log(a * q) + Math.log(z) - (q + 1) * Math.log1p(z);
  };

  it("reproduces P0, P1 and P2 of a known Singh–Maddala population at once and recovers its headcount at 0,7 of the line", () => {
    const p0 = fgtByIntegration(logDensity, 0);
    const p1 = fgtByIntegration(logDensity, 1);
    const p2 = fgtByIntegration(logDensity, 2);
    const fit = fitSinghMaddala({ p0, p1, p2 });
    expect(fit.valid).toBe(true);
    expect(fit.implied.p1 / p1).toBeCloseTo(1, 4);
    expect(fit.implied.p2 / p2).toBeCloseTo(1, 4);
    const truth = 1 - Math.pow(1 + Math.pow(0.7 / beta, a), -q);
    expect(fit.headcountAt(0.7) / truth).toBeCloseTo(1, 2);
  });

  it("says when no member of the family reproduces the three indices", () => {
    // Pandeglang 2022 (P0 9,32, P1 1,21, P2 0,33) has a lower tail too fat for it.
    const fit = fitSinghMaddala({ p0: 0.0932, p1: 0.0121, p2: 0.0033 });
    expect(fit.valid).toBe(false);
    expect(fit.reason).toMatch(/Singh–Maddala/);
  });
});

describe("models on a lognormal population (what a real fit looks like)", () => {
  it("all three agree within 25% at 0,65 of the line when the truth is lognormal with Banten-like P0", () => {
    const sigma = 0.5;
    const k = normalQuantile(0.0563);
    const fgt = lognormalFgt(k, sigma);
    const truth = normalCdf(k + Math.log(0.65) / sigma);
    for (const fit of [fitLognormal(fgt), fitPowerLaw(fgt), fitConditionalBeta(fgt)]) {
      expect(fit.valid).toBe(true);
      expect(Math.abs(fit.headcountAt(0.65) / truth - 1)).toBeLessThan(0.25);
    }
  });
});
