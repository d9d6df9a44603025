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
// - Singh–Maddala (Burr XII): F(x) = 1 − (1 + (x/β)^a)^(−q), a whole income distribution (used in
//   PIP's and others' grouped-data work) with three parameters, solved so it reproduces P0, P1 and
//   P2 at once: q from P0, then (a, β) from P1 = ∫₀¹ F and P2 = 2∫₀¹ (1 − x) F. Invalid when no
//   member of the family reproduces the three (very fat lower tails).
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

export type TailModelName = "lognormal" | "power" | "beta" | "singh_maddala";
/** The members of the ensemble (geometric mean of the valid ones). */
export const TAIL_MODELS: readonly ("lognormal" | "power" | "beta")[] = ["lognormal", "power", "beta"];
/** Every family the estimator is compared on (leave-one-out), alone and as the ensemble. */
export const TAIL_CANDIDATES: readonly TailModelName[] = ["lognormal", "power", "beta", "singh_maddala"];

export const TAIL_MODEL_LABEL: Readonly<Record<TailModelName, string>> = {
  lognormal: "Lognormal",
  power: "Ekor pangkat (power-law)",
  beta: "Beta bersyarat",
  singh_maddala: "Singh–Maddala (tiga indeks sekaligus)"
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

// ---------------------------------------------------------------------------------------------
// Singh–Maddala

const smCdf = (x: number, a: number, beta: number, q: number): number => (x <= 0 ? 0 : -Math.expm1(-q * Math.log1p(Math.pow(x / beta, a))));

// Simpson's rule on x = u⁴ (u in [0, 1]) resolves the steep start of F near 0.
const SM_NODES = (() => {
  const n = 160;
  const nodes: { x: number; w: number }[] = [];
  for (let i = 0; i <= n; i++) {
    const u = i / n;
    const weight = (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) / (3 * n);
    nodes.push({ x: u ** 4, w: weight * 4 * u ** 3 });
  }
  return nodes;
})();

/** P0, P1, P2 of a Singh–Maddala distribution in units of the line. */
export function singhMaddalaFgt(a: number, beta: number, q: number): { p0: number; p1: number; p2: number } {
  let p1 = 0;
  let p2 = 0;
  for (const { x, w } of SM_NODES) {
    const F = smCdf(x, a, beta, q);
    p1 += w * F;
    p2 += w * 2 * (1 - x) * F;
  }
  return { p0: smCdf(1, a, beta, q), p1, p2 };
}

/** Nelder–Mead on two parameters; enough for this smooth two-dimensional fit. */
function nelderMead(f: (v: readonly [number, number]) => number, start: readonly [number, number], step: number, iterations = 400): { v: [number, number]; f: number } {
  let simplex = [start, [start[0] + step, start[1]], [start[0], start[1] + step]].map((v) => ({ v: v as [number, number], f: f(v as [number, number]) }));
  for (let i = 0; i < iterations; i++) {
    simplex.sort((a, b) => a.f - b.f);
    const [best, good, worst] = simplex as [(typeof simplex)[0], (typeof simplex)[0], (typeof simplex)[0]];
    if (best.f < 1e-16) break;
    const c: [number, number] = [(best.v[0] + good.v[0]) / 2, (best.v[1] + good.v[1]) / 2];
    const at = (t: number): [number, number] => [c[0] + t * (worst.v[0] - c[0]), c[1] + t * (worst.v[1] - c[1])];
    const r = at(-1);
    const fr = f(r);
    if (fr < best.f) {
      const e = at(-2);
      const fe = f(e);
      simplex[2] = fe < fr ? { v: e, f: fe } : { v: r, f: fr };
    } else if (fr < good.f) simplex[2] = { v: r, f: fr };
    else {
      const k = at(0.5);
      const fk = f(k);
      if (fk < worst.f) simplex[2] = { v: k, f: fk };
      else simplex = simplex.map((s, j) => (j === 0 ? s : { v: [(s.v[0] + best.v[0]) / 2, (s.v[1] + best.v[1]) / 2] as [number, number], f: f([(s.v[0] + best.v[0]) / 2, (s.v[1] + best.v[1]) / 2]) }));
    }
  }
  simplex.sort((a, b) => a.f - b.f);
  return simplex[0]!;
}

/** Squared log misfit of P1 and P2 accepted as "reproduces the inputs" (about 0,01% each). */
const SM_TOLERANCE = 1e-8;

export function fitSinghMaddala(shares: FgtShares): TailFit {
  const bad = checkShares(shares);
  if (bad) return invalid("singh_maddala", bad);
  if (shares.p2 === null || shares.p2 === undefined) return invalid("singh_maddala", "P2 tidak tersedia");
  const { p0, p1, p2 } = shares;
  const qOf = (a: number, beta: number) => -Math.log1p(-p0) / Math.log1p(Math.pow(beta, -a));
  const loss = ([la, lb]: readonly [number, number]) => {
    const a = Math.exp(la);
    const beta = Math.exp(lb);
    const q = qOf(a, beta);
    if (!(Number.isFinite(q) && q > 0)) return 1e9;
    const m = singhMaddalaFgt(a, beta, q);
    return Math.log(m.p1 / p1) ** 2 + Math.log(m.p2 / p2) ** 2;
  };
  const best = nelderMead(loss, [Math.log(4), Math.log(1.5)], 0.7);
  const a = Math.exp(best.v[0]);
  const beta = Math.exp(best.v[1]);
  const q = qOf(a, beta);
  if (!(best.f < SM_TOLERANCE)) return invalid("singh_maddala", "tidak ada distribusi Singh–Maddala yang mereproduksi P0, P1, dan P2");
  return {
    model: "singh_maddala",
    valid: true,
    headcountAt: (r) => smCdf(Math.min(r, 1), a, beta, q),
    implied: singhMaddalaFgt(a, beta, q),
    params: { a, beta, q }
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
    case "singh_maddala":
      return fitSinghMaddala(shares);
  }
}

/** The ensemble's three fits for one set of indices. */
export function fitAllTails(shares: FgtShares): TailFit[] {
  return TAIL_MODELS.map((m) => fitTail(m, shares));
}
