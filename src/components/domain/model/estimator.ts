// The published extreme-poverty estimator: a region's published P0, P1, P2 (shapes.ts) read at the
// effective extreme line r of the series (ratio-fit.ts). Kab/kota estimates are then benchmarked to
// their province: BPS's own kab/kota extreme-poverty counts add up to the province's (2022: 1,181%
// against 1,18% for Banten), while tail models fitted to kab/kota shapes give a much smaller sum
// than the province's own shape at the same line, so each kab/kota keeps its modelled share of the
// province's extreme poor. The interval combines the stated sources of error with the validation
// term calibrated from leave-one-out errors (calibration.ts).
import { LINE_PERIOD, measuredOn, type LineSeries } from "./line-series.js";
import { ratioAt, withinReach, type RatioAt, type RatioFit } from "./ratio-fit.js";
import type { Shape, ShapeBank, TailChoice } from "./shapes.js";
import { TAIL_MODELS } from "./tail.js";

/** Relative sampling error (RSE) assumed for P0, by level (the snapshot has no BPS RSEs; typical Susenas values). */
export const P0_RSE_ASSUMED: Readonly<Record<"national" | "province" | "kabkota", number>> = { national: 0.01, province: 0.03, kabkota: 0.08 };
/** Published P1 and P2 carry two decimals: ± 0,005 (in index points). */
export const INDEX_ROUNDING = 0.005;
/** Two-sided level of the estimate interval. */
export const ESTIMATE_LEVEL = 0.8;
export const Z80 = 1.2815515655446004;

export interface Calibration {
  readonly tail: TailChoice;
  readonly ratios: ReadonlyMap<LineSeries, RatioFit>;
  /** Log-scale error term from leave-one-out, added in quadrature to every estimate. */
  readonly validationSe: number;
}

export type ErrorSource = "ratio" | "sampling" | "shape" | "model" | "validation";

export interface Estimate {
  /** Percent of the population below the extreme line. */
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  readonly logSe: number;
  readonly components: Readonly<Record<ErrorSource, number>>;
  /** Percent per ensemble member (benchmarked like the estimate); null where the family is invalid. */
  readonly byModel: Readonly<Record<(typeof TAIL_MODELS)[number], number | null>>;
  readonly ratio: RatioAt;
  /** Factor a kab/kota estimate was benchmarked with (null for the province and the nation). */
  readonly benchmark: number | null;
  /** The round lies before the first round BPS measured on this line (a back-cast of the line). */
  readonly backcast: boolean;
  readonly shape: Shape;
}

export type Level = keyof typeof P0_RSE_ASSUMED;

export class ExtremeEstimator {
  constructor(readonly bank: ShapeBank, readonly nationalKode = "00") {}

  level(kode: string): Level {
    return kode === this.nationalKode ? "national" : kode.length === 2 ? "province" : "kabkota";
  }

  /** The province of a kab/kota (its first two digits) when the data hold it; null otherwise. */
  parentOf(kode: string): string | null {
    return kode.length === 4 ? kode.slice(0, 2) : null;
  }

  /**
   * Percent below r × the line for a region and round, benchmarked for kab/kota. `shapes` replaces
   * published shapes (to vary an input); null when a needed shape is missing.
   */
  valueAt(kode: string, year: number, month: number, r: number, choice: TailChoice, shapes: ReadonlyMap<string, Shape> = new Map()): number | null {
    const shapeOf = (k: string) => shapes.get(k) ?? this.bank.shape(k, year, month);
    const own = shapeOf(kode);
    if (!own) return null;
    const raw = this.bank.headcount(choice, own, r);
    if (raw === null) return null;
    const factor = this.benchmarkFactor(kode, year, month, r, choice, shapeOf);
    if (factor === undefined) return null;
    return raw * (factor ?? 1) * 100;
  }

  /** null: no benchmark (not a kab/kota); undefined: a kab/kota that cannot be benchmarked this round. */
  private benchmarkFactor(kode: string, year: number, month: number, r: number, choice: TailChoice, shapeOf: (k: string) => Shape | null): number | null | undefined {
    const parent = this.parentOf(kode);
    if (parent === null) return null;
    const parentShape = shapeOf(parent);
    const parentBase = this.bank.populationBase(parent, year);
    if (!parentShape || parentBase === null) return undefined;
    const siblings = this.bank.regionsIn(year, month).filter((k) => this.parentOf(k) === parent);
    const province = this.bank.headcount(choice, parentShape, r);
    if (province === null) return undefined;
    let sum = 0;
    for (const k of siblings) {
      const s = shapeOf(k);
      const base = this.bank.populationBase(k, year);
      const h = s ? this.bank.headcount(choice, s, r) : null;
      if (h === null || base === null) return undefined;
      sum += h * base;
    }
    return sum > 0 ? (province * parentBase) / sum : undefined;
  }

  /** Whether the series has an estimate for the round: a fit within reach, and not after the line ended. */
  covers(calibration: Calibration, series: LineSeries, year: number, month: number): boolean {
    const fit = calibration.ratios.get(series);
    if (!fit || !withinReach(fit, year, month)) return false;
    // After its last round a line no longer exists; before its first it is a back-cast (allowed within reach).
    const last = LINE_PERIOD[series].last;
    return last === null || year * 12 + month <= last.year * 12 + last.month;
  }

  /** The point estimate only (percent): for calibration and leave-one-out. */
  central(kode: string, year: number, month: number, series: LineSeries, calibration: Calibration): number | null {
    const fit = calibration.ratios.get(series);
    if (!fit) return null;
    return this.valueAt(kode, year, month, ratioAt(fit, year, month).ratio, calibration.tail);
  }

  estimate(kode: string, year: number, month: number, series: LineSeries, calibration: Calibration): Estimate | null {
    const fit = calibration.ratios.get(series);
    const shape = this.bank.shape(kode, year, month);
    if (!fit || !shape || !this.covers(calibration, series, year, month)) return null;
    const at = ratioAt(fit, year, month);
    const choice = calibration.tail;
    const value = this.valueAt(kode, year, month, at.ratio, choice);
    if (value === null) return null;
    const halfLog = (a: number | null, b: number | null) => (a === null || b === null ? 0 : Math.abs(Math.log(b) - Math.log(a)) / 2);

    // Ratio: the fit's uncertainty of ln r, through the elasticity of the estimate to r.
    const h = 0.01;
    const up = this.valueAt(kode, year, month, at.ratio * Math.exp(h), choice);
    const down = this.valueAt(kode, year, month, at.ratio * Math.exp(-h), choice);
    const elasticity = up !== null && down !== null ? (Math.log(up) - Math.log(down)) / (2 * h) : 0;
    const ratio = Math.abs(elasticity) * at.logSd;

    // Sampling: P0 ± z·RSE (P1/P0 and P2/P0 held), for the region and, for a kab/kota, its province.
    const scaled = (s: Shape, f: number): Shape => ({ p0: s.p0 * f, p1: s.p1 * f, p2: s.p2 * f });
    const vary = (k: string, s: Shape, d: number) =>
      halfLog(this.valueAt(kode, year, month, at.ratio, choice, new Map([[k, scaled(s, 1 - d)]])), this.valueAt(kode, year, month, at.ratio, choice, new Map([[k, scaled(s, 1 + d)]]))) / Z80;
    const parent = this.parentOf(kode);
    const parentShape = parent ? this.bank.shape(parent, year, month) : null;
    const sampling = Math.hypot(
      vary(kode, shape, Z80 * P0_RSE_ASSUMED[this.level(kode)]),
      parent && parentShape ? vary(parent, parentShape, Z80 * P0_RSE_ASSUMED.province) : 0
    );

    // Shape: P1 and P2 as published to two decimals.
    const d = INDEX_ROUNDING / 100;
    const withP = (p1: number, p2: number) => new Map([[kode, { p0: shape.p0, p1, p2 }]]);
    const shapeErr = Math.hypot(
      halfLog(this.valueAt(kode, year, month, at.ratio, choice, withP(Math.max(shape.p2 + 1e-6, shape.p1 - d), shape.p2)), this.valueAt(kode, year, month, at.ratio, choice, withP(Math.min(shape.p0 - 1e-6, shape.p1 + d), shape.p2))),
      halfLog(this.valueAt(kode, year, month, at.ratio, choice, withP(shape.p1, Math.max(1e-6, shape.p2 - d))), this.valueAt(kode, year, month, at.ratio, choice, withP(shape.p1, Math.min(shape.p1 - 1e-6, shape.p2 + d))))
    ) / Z80;

    // Model: spread between the ensemble's members at this point.
    const byModelList = TAIL_MODELS.map((m) => this.valueAt(kode, year, month, at.ratio, m));
    const valid = byModelList.filter((v): v is number => v !== null);
    const model = valid.length >= 2 ? Math.log(Math.max(...valid) / Math.min(...valid)) / 2 / Z80 : 0;

    const components = { ratio, sampling, shape: shapeErr, model, validation: calibration.validationSe };
    const logSe = Math.hypot(...Object.values(components));
    const benchmark = parent ? value / ((this.bank.headcount(choice, shape, at.ratio) ?? NaN) * 100) : null;
    return {
      value,
      lower: value * Math.exp(-Z80 * logSe),
      upper: value * Math.exp(Z80 * logSe),
      logSe,
      components,
      byModel: Object.fromEntries(TAIL_MODELS.map((m, i) => [m, byModelList[i]])) as Estimate["byModel"],
      ratio: at,
      benchmark,
      backcast: !measuredOn(series, year, month),
      shape
    };
  }
}
