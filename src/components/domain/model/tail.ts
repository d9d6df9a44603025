// Three models of the lower tail of the expenditure distribution, fitted to BPS's published P0, P1
// and P2 in units of the region's own poverty line (x = expenditure ÷ line, so the line is x = 1).
// Each gives the headcount below any line r < 1 (the extreme line as a share of the poverty line).
//
// - lognormal: ln x ~ N(μ, σ²). P0 = Φ(k) with k = −μ/σ; P1 = Φ(k) − e^{σ²/2−kσ} Φ(k−σ);
//   P2 = Φ(k) − 2e^{σ²/2−kσ} Φ(k−σ) + e^{2σ²−2kσ} Φ(k−2σ). Fitted to P0 and P1; P2 is a check.
// - power-law tail: F(x) = P0·x^α below the line. P1 = P0/(α+1), so α = P0/P1 − 1;
//   P2 = 2·P0/((α+1)(α+2)) is a check.
// - conditional beta: x given x < 1 is Beta(a, b). With m1 = P1/P0 = b/(a+b) and
//   m2 = P2/P0 = b(b+1)/((a+b)(a+b+1)): a+b = (m1 − m2)/(m2 − m1²), b = m1(a+b). Uses P2 exactly;
//   it needs m1² < m2 < m1. The power law is the special case b = 1.
//
// The World Bank's PIP grouped-data methods (general quadratic and beta Lorenz curves, Datt 1998;
// Villaseñor & Arnold 1989; Kakwani 1980) are the reference for method and checks: they fit a
// parametric Lorenz curve to grouped shares and reject fits whose implied distribution is invalid.
// BPS publishes no Lorenz shares per kab/kota, only P0/P1/P2, so the models here work on the
// FGT indices directly and apply the same kind of check: parameters must describe a valid
// distribution (σ > 0, α > 0, a > 0, b > 0) that reproduces the inputs, and the index not used in
// the fit (P2 for lognormal and power law) is compared with the published one.
import { regularizedBeta } from "./student-t.js";
import { normalCdf, normalQuantile } from "./normal.js";

export type TailModelName = "lognormal" | "power" | "beta";
export const TAIL_MODELS: readonly TailModelName[] = ["lognormal", "power", "beta"];

export const TAIL_MODEL_LABEL: Readonly<Record<TailModelName, string>> = {
  lognormal: "Lognormal",
  power: "Ekor pangkat (power-law)",
  beta: "Beta bersyarat"
};

/** FGT indices as shares (P0 = 0,0563 for 5,63%; P1 = 0,0087 for a published 0,87). */
export interface FgtShares {
  readonly p0: number;
  readonly p1: number;
  readonly p2?: number | null;
}

export interface TailFit {
  readonly model: TailModelName;
  /** False when the inputs admit no valid distribution of this family. */
  readonly valid: boolean;
  readonly reason?: string;
  /** Share of people below r × poverty line, 0 ≤ r ≤ 1. */
  headcountAt(r: number): number;
  /** The FGT indices the fitted distribution implies at the poverty line (for checks). */
  readonly implied: { p0: number; p1: number; p2: number };
  readonly params: Readonly<Record<string, number>>;
}

function invalid(model: TailModelName, reason: string): TailFit {
  return { model, valid: false, reason, headcountAt: () => NaN, implied: { p0: NaN, p1: NaN, p2: NaN }, params: {} };
}

function checkShares({ p0, p1 }: FgtShares): string | null {
  if (!(p0 > 0 && p0 < 1)) return `P0 harus di antara 0 dan 1 (${p0})`;
  if (!(p1 > 0 && p1 < p0)) return `P1 harus positif dan lebih kecil dari P0 (${p1})`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Lognormal

/** P0, P1, P2 of a lognormal with k = Φ⁻¹(P0) and σ, in units of the poverty line. */
export function lognormalFgt(k: number, sigma: number): { p0: number; p1: number; p2: number } {
  const p0 = normalCdf(k);
  const m1 = Math.exp(sigma * sigma / 2 - k * sigma) * normalCdf(k - sigma);
  const m2 = Math.exp(2 * sigma * sigma - 2 * k * sigma) * normalCdf(k - 2 * sigma);
  return { p0, p1: p0 - m1, p2: p0 - 2 * m1 + m2 };
}

export function fitLognormal(shares: FgtShares): TailFit {
  const bad = checkShares(shares);
  if (bad) return invalid("lognormal", bad);
  const k = normalQuantile(shares.p0);
  // P1 rises monotonically with σ from 0 (all mass at the line) towards P0; bisect on ln σ.
  let lo = Math.log(1e-4);
  let hi = Math.log(20);
  if (lognormalFgt(k, Math.exp(hi)).p1 < shares.p1) return invalid("lognormal", "P1 terlalu dekat dengan P0 untuk lognormal");
  for (let i = 0; i < 64; i++) {
    const mid = (lo + hi) / 2;
    if (lognormalFgt(k, Math.exp(mid)).p1 < shares.p1) lo = mid;
    else hi = mid;
  }
  const sigma = Math.exp((lo + hi) / 2);
  return {
    model: "lognormal",
    valid: true,
    headcountAt: (r) => (r <= 0 ? 0 : normalCdf(k + Math.log(r) / sigma)),
    implied: lognormalFgt(k, sigma),
    params: { k, sigma, mu: -k * sigma }
  };
}

// ---------------------------------------------------------------------------------------------
// Power-law tail

export function fitPowerLaw(shares: FgtShares): TailFit {
  const bad = checkShares(shares);
  if (bad) return invalid("power", bad);
  const { p0, p1 } = shares;
  const alpha = p0 / p1 - 1;
  return {
    model: "power",
    valid: alpha > 0,
    headcountAt: (r) => (r <= 0 ? 0 : p0 * Math.pow(Math.min(r, 1), alpha)),
    implied: { p0, p1, p2: (2 * p0) / ((alpha + 1) * (alpha + 2)) },
    params: { alpha }
  };
}

// ---------------------------------------------------------------------------------------------
// Conditional beta

export function fitConditionalBeta(shares: FgtShares): TailFit {
  const bad = checkShares(shares);
  if (bad) return invalid("beta", bad);
  if (shares.p2 === null || shares.p2 === undefined) return invalid("beta", "P2 tidak tersedia");
  const { p0, p1, p2 } = shares;
  const m1 = p1 / p0;
  const m2 = p2 / p0;
  if (!(m2 > m1 * m1 && m2 < m1)) return invalid("beta", "P2 tidak konsisten dengan P0 dan P1 (perlu (P1/P0)² < P2/P0 < P1/P0)");
  const s = (m1 - m2) / (m2 - m1 * m1);
  const b = m1 * s;
  const a = s - b;
  if (!(a > 0 && b > 0)) return invalid("beta", "parameter beta tidak positif");
  return {
    model: "beta",
    valid: true,
    headcountAt: (r) => (r <= 0 ? 0 : p0 * regularizedBeta(Math.min(r, 1), a, b)),
    implied: { p0, p1, p2 },
    params: { a, b }
  };
}

export function fitTail(model: TailModelName, shares: FgtShares): TailFit {
  switch (model) {
    case "lognormal":
      return fitLognormal(shares);
    case "power":
      return fitPowerLaw(shares);
    case "beta":
      return fitConditionalBeta(shares);
  }
}

/** All three fits for one set of indices. */
export function fitAllTails(shares: FgtShares): TailFit[] {
  return TAIL_MODELS.map((m) => fitTail(m, shares));
}
