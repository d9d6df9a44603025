// Model estimate of the extreme-poverty rate of one region in one survey round: the three tail
// models fitted to the region's P0, P1, P2 (in units of its own poverty line), read at r_t, with an
// interval from the spread of the models, the rounding and sampling error of the inputs and the
// interval of r_t. Labelled everywhere as "perkiraan model, bukan angka resmi BPS".
import type { Ratio } from "./extreme-ratio.js";
import { fitAllTails, TAIL_MODELS, type TailModelName } from "./tail.js";

/** The fields of a bps_poverty row the model reads. */
export interface FgtRow {
  readonly region_kode: string;
  readonly year: number;
  readonly month: number;
  readonly p0_pct: number | null;
  readonly p1: number | null;
  readonly p2: number | null;
  readonly poor_count?: number | null;
}

export interface Shape {
  /** Shares, not percent: P0 = 0,0563 for 5,63%. */
  readonly p0: number;
  readonly p1: number;
  readonly p2: number | null;
  readonly p1Published: boolean;
  readonly p2Published: boolean;
  /** Indonesian: where P1/P2 came from when not published for this round. */
  readonly note: string | null;
}

/**
 * Relative sampling error (RSE) assumed for P0, by level. BPS publishes RSEs in its tables but the
 * reference snapshot does not hold them; these are typical Susenas values (national ≈ 1%,
 * province ≈ 3%, kab/kota 5–10%) and are stated on the page as assumptions.
 */
export const P0_RSE_ASSUMED: Readonly<Record<"national" | "province" | "kabkota", number>> = { national: 0.01, province: 0.03, kabkota: 0.08 };
/** Relative uncertainty added to P1/P0 and P2/P0 when they are interpolated from other years. */
export const INTERPOLATED_SHAPE_UNCERTAINTY = 0.1;
/** Published P1 and P2 carry two decimals: ± 0,005 (in index points). */
export const INDEX_ROUNDING = 0.005;
/** Two-sided level of the estimate interval (z = 1,2816). */
export const ESTIMATE_LEVEL = 0.8;
const Z80 = 1.2815515655446004;

export function rseFor(kode: string): number {
  return kode === "00" ? P0_RSE_ASSUMED.national : kode.length === 2 ? P0_RSE_ASSUMED.province : P0_RSE_ASSUMED.kabkota;
}

const t = (year: number, month: number): number => year + (month - 1) / 12;

function interpolate(points: readonly { time: number; value: number }[], at: number): { value: number; from: number[] } | null {
  if (points.length === 0) return null;
  const sorted = [...points].sort((a, b) => a.time - b.time);
  const before = [...sorted].reverse().find((p) => p.time <= at);
  const after = sorted.find((p) => p.time >= at);
  if (before && after) {
    if (after.time === before.time) return { value: before.value, from: [before.time] };
    const w = (at - before.time) / (after.time - before.time);
    return { value: before.value * (1 - w) + after.value * w, from: [before.time, after.time] };
  }
  const only = (before ?? after)!;
  return { value: only.value, from: [only.time] };
}

const yearOf = (time: number): string => String(Math.floor(time + 1e-9));

/**
 * P0, P1, P2 of a region in a round. P0 must be published. A missing P1 (P2) is the published P0
 * times P1/P0 (P2/P0) interpolated linearly in time between the region's nearest rounds that
 * publish both, or carried from the nearest one.
 */
export function resolveShape(rows: readonly FgtRow[], kode: string, year: number, month: number): Shape | null {
  const own = rows.filter((r) => r.region_kode === kode);
  const row = own.find((r) => r.year === year && r.month === month);
  if (!row || row.p0_pct === null || !(row.p0_pct > 0)) return null;
  const p0 = row.p0_pct / 100;
  const ratioPoints = (field: "p1" | "p2") =>
    own.filter((r) => r.p0_pct !== null && r.p0_pct > 0 && r[field] !== null && r[field]! > 0).map((r) => ({ time: t(r.year, r.month), value: r[field]! / r.p0_pct! }));
  const notes: string[] = [];
  let p1: number | null = row.p1 !== null && row.p1 > 0 ? row.p1 / 100 : null;
  const p1Published = p1 !== null;
  if (p1 === null) {
    const m1 = interpolate(ratioPoints("p1"), t(year, month));
    if (!m1) return null;
    p1 = m1.value * p0;
    notes.push(`P1 tidak terbit; P1/P0 ${m1.from.length === 2 ? "diinterpolasi antara" : "dibawa dari"} ${m1.from.map(yearOf).join(" dan ")}`);
  }
  let p2: number | null = row.p2 !== null && row.p2 > 0 ? row.p2 / 100 : null;
  const p2Published = p2 !== null;
  if (p2 === null) {
    const m2 = interpolate(ratioPoints("p2"), t(year, month));
    if (m2) {
      p2 = m2.value * p0;
      notes.push(`P2 tidak terbit; P2/P0 ${m2.from.length === 2 ? "diinterpolasi antara" : "dibawa dari"} ${m2.from.map(yearOf).join(" dan ")}`);
    }
  }
  return { p0, p1, p2, p1Published, p2Published, note: notes.length > 0 ? notes.join("; ") : null };
}

export interface ExtremeEstimate {
  /** Percent of the population below the extreme line: geometric mean of the valid models. */
  readonly value: number;
  /** ESTIMATE_LEVEL interval, percent. */
  readonly lower: number;
  readonly upper: number;
  /** Standard error of ln(value), all sources combined. */
  readonly logSe: number;
  /** Each source's contribution to logSe (before combining). */
  readonly components: Readonly<Partial<Record<"model" | "ratio" | "sampling" | "shape" | "validation", number>>>;
  /** Percent per model at r_t; null where the model is invalid for these inputs. */
  readonly byModel: Readonly<Record<TailModelName, number | null>>;
  readonly shape: Shape;
  readonly ratio: Ratio;
  /** Year factor λ_t applied (1 when none). */
  readonly yearFactor?: number;
}

function headcounts(p0: number, m1: number, m2: number | null, r: number): (number | null)[] {
  const fits = fitAllTails({ p0, p1: m1 * p0, p2: m2 === null ? null : m2 * p0 });
  return fits.map((f) => (f.valid ? f.headcountAt(r) : null));
}

/** Geometric mean of the valid models' headcounts at r, percent; null if no model is valid. */
export function centralEstimate(shape: Shape, r: number): number | null {
  const m = ensemble(headcounts(shape.p0, shape.p1 / shape.p0, shape.p2 === null ? null : shape.p2 / shape.p0, r));
  return m === null ? null : m * 100;
}

function ensemble(values: readonly (number | null)[]): number | null {
  const valid = values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  if (valid.length === 0) return null;
  return Math.exp(valid.reduce((a, v) => a + Math.log(v), 0) / valid.length);
}

/** Half the log distance between the estimates at two settings of one input (0 if either fails). */
function halfLogRange(a: number | null, b: number | null): number {
  return a === null || b === null ? 0 : Math.abs(Math.log(b) - Math.log(a)) / 2;
}

/**
 * The estimate and its interval. Each source of uncertainty is varied alone between its bounds and
 * read as a half-width on the log scale: r_t at its interval; P0 ± z·RSE·P0 (sampling, with
 * rounding); P1/P0 and P2/P0 ± rounding (± 10% when interpolated); and the spread between the
 * models (half the log range of the three). The half-widths are 80% bounds (z = 1,2816), turned
 * into standard errors and added in quadrature; the interval is value × e^{±z·SE}.
 */
export function estimateExtreme(shape: Shape, ratio: Ratio, rse: number): ExtremeEstimate | null {
  const m1 = shape.p1 / shape.p0;
  const m2 = shape.p2 === null ? null : shape.p2 / shape.p0;
  const central = headcounts(shape.p0, m1, m2, ratio.ratio);
  const mid = ensemble(central);
  if (mid === null) return null;
  const at = (p0: number, a: number, b: number | null, r: number) => ensemble(headcounts(p0, a, b, r));

  const dP0 = Z80 * rse * shape.p0 + 0.005 / 100;
  const dm1 = (shape.p1Published ? 0 : INTERPOLATED_SHAPE_UNCERTAINTY * m1) + INDEX_ROUNDING / 100 / shape.p0;
  const dm2 = m2 === null ? 0 : (shape.p2Published ? 0 : INTERPOLATED_SHAPE_UNCERTAINTY * m2) + INDEX_ROUNDING / 100 / shape.p0;
  const validCentral = central.filter((v): v is number => v !== null && v > 0);
  const halves = {
    model: validCentral.length >= 2 ? Math.log(Math.max(...validCentral) / Math.min(...validCentral)) / 2 : 0,
    ratio: halfLogRange(at(shape.p0, m1, m2, ratio.lo), at(shape.p0, m1, m2, ratio.hi)),
    sampling: halfLogRange(at(Math.max(1e-6, shape.p0 - dP0), m1, m2, ratio.ratio), at(shape.p0 + dP0, m1, m2, ratio.ratio)),
    shape: Math.hypot(
      halfLogRange(at(shape.p0, Math.max(1e-6, m1 - dm1), m2, ratio.ratio), at(shape.p0, m1 + dm1, m2, ratio.ratio)),
      m2 === null ? 0 : halfLogRange(at(shape.p0, m1, Math.max(1e-9, m2 - dm2), ratio.ratio), at(shape.p0, m1, m2 + dm2, ratio.ratio))
    )
  };
  const components = {
    model: halves.model / Z80,
    ratio: halves.ratio / Z80,
    sampling: halves.sampling / Z80,
    shape: halves.shape / Z80
  };
  const logSe = Math.hypot(components.model, components.ratio, components.sampling, components.shape);
  const value = mid * 100;
  const byModel = Object.fromEntries(TAIL_MODELS.map((m, i) => [m, central[i] === null ? null : central[i]! * 100])) as Record<TailModelName, number | null>;
  return { value, lower: value * Math.exp(-Z80 * logSe), upper: value * Math.exp(Z80 * logSe), logSe, components, byModel, shape, ratio };
}
