// The extreme-poverty model as one object: r_t per series and round (from the rupiah anchors, times
// a calibration factor κ), and the estimate for any region and round. Calibration and validation
// against BPS's published extreme rates are computed here from the reference rows, never typed in.
import { centralEstimate, estimateExtreme, resolveShape, rseFor, type ExtremeEstimate, type FgtRow } from "./extreme-estimate.js";
import { ratioFromLines, type LineSeriesCode, type NationalLine, type Ratio, type RatioAnchor } from "./extreme-ratio.js";
import { formatNumber } from "../../core/format.js";

export type { LineSeriesCode } from "./extreme-ratio.js";

export const CURRENT_SERIES: LineSeriesCode = "usd215_ppp2017";
export const OLD_SERIES: LineSeriesCode = "usd190_ppp2011";

export const SERIES_LABEL_ID: Readonly<Record<LineSeriesCode, string>> = {
  usd190_ppp2011: "garis lama (US$1,90 PPP 2011)",
  usd215_ppp2017: "garis baru (US$2,15 PPP 2017)"
};

export interface PublishedExtreme {
  readonly region_kode: string;
  readonly year: number;
  readonly month: number | null;
  readonly kind: string;
  readonly extreme_pct: number | null;
  readonly line_basis: string | null;
  readonly source: string;
}

/** The line a published survey rate was measured on, from its line_basis text. */
export function seriesOfPublished(row: Pick<PublishedExtreme, "line_basis" | "year">): LineSeriesCode {
  if (row.line_basis?.includes("2.15") || row.line_basis?.includes("2,15")) return "usd215_ppp2017";
  if (row.line_basis?.includes("1.90") || row.line_basis?.includes("1,90")) return "usd190_ppp2011";
  return row.year >= 2025 ? "usd215_ppp2017" : "usd190_ppp2011";
}

export class ExtremeModel {
  readonly national: NationalLine[];

  constructor(
    readonly poverty: readonly (FgtRow & { poverty_line_rp?: number | null })[],
    readonly anchors: readonly RatioAnchor[],
    /** Calibration factor on r_t (1 = uncalibrated). */
    readonly kappa = 1,
    /** Extra log-scale standard error from validation (added in quadrature to every estimate). */
    readonly validationSe = 0,
    /** Year factor λ_t on the headcount; null = 1 in every year. Years missing from a map get no estimate. */
    readonly yearFactor: ReadonlyMap<number, number> | null = null
  ) {
    this.national = poverty
      .filter((r) => r.region_kode === "00" && r.poverty_line_rp !== null && r.poverty_line_rp !== undefined)
      .map((r) => ({ year: r.year, month: r.month, poverty_line_rp: r.poverty_line_rp! }));
  }

  withKappa(kappa: number): ExtremeModel {
    return new ExtremeModel(this.poverty, this.anchors, kappa, this.validationSe, this.yearFactor);
  }

  with(options: { kappa?: number; validationSe?: number; yearFactor?: ReadonlyMap<number, number> | null }): ExtremeModel {
    return new ExtremeModel(this.poverty, this.anchors, options.kappa ?? this.kappa, options.validationSe ?? this.validationSe, options.yearFactor === undefined ? this.yearFactor : options.yearFactor);
  }

  factorFor(year: number): number | null {
    return this.yearFactor === null ? 1 : (this.yearFactor.get(year) ?? null);
  }

  ratio(series: LineSeriesCode, year: number, month: number): Ratio | null {
    const base = ratioFromLines(this.anchors, this.national, series, year, month);
    const k = this.kappa;
    if (!base) return null;
    if (k === 1) return base;
    return {
      ratio: base.ratio * k,
      lo: base.lo * k,
      hi: base.hi * k,
      kind: "kalibrasi",
      how: `r efektif = κ ${formatNumber(k, 3)} × r garis; r garis: ${base.how}`,
      source: base.source
    };
  }

  estimate(kode: string, year: number, month: number, series: LineSeriesCode): ExtremeEstimate | null {
    const factor = this.factorFor(year);
    const shape = resolveShape(this.poverty, kode, year, month);
    const ratio = this.ratio(series, year, month);
    if (factor === null || !shape || !ratio) return null;
    const e = estimateExtreme(shape, ratio, rseFor(kode));
    if (!e) return null;
    const logSe = Math.hypot(e.logSe, this.validationSe);
    const value = e.value * factor;
    const scale = (v: number | null) => (v === null ? null : v * factor);
    return {
      ...e,
      value,
      logSe,
      lower: value * Math.exp(-Z80 * logSe),
      upper: value * Math.exp(Z80 * logSe),
      byModel: { lognormal: scale(e.byModel.lognormal), power: scale(e.byModel.power), beta: scale(e.byModel.beta) },
      components: this.validationSe > 0 ? { ...e.components, validation: this.validationSe } : e.components,
      yearFactor: factor
    };
  }

  /** The point estimate only (percent), without the interval: fast, for calibration. */
  central(kode: string, year: number, month: number, series: LineSeriesCode): number | null {
    const factor = this.factorFor(year);
    const shape = resolveShape(this.poverty, kode, year, month);
    const ratio = this.ratio(series, year, month);
    if (factor === null || !shape || !ratio) return null;
    const c = centralEstimate(shape, ratio.ratio);
    return c === null ? null : c * factor;
  }
}

const Z80 = 1.2815515655446004;

// ---------------------------------------------------------------------------------------------
// Calibration and validation

export interface ValidationPoint {
  readonly region_kode: string;
  readonly year: number;
  readonly month: number;
  readonly series: LineSeriesCode;
  readonly published: number;
  readonly source: string;
  /** calibration: used to fit κ (and validated leave-one-out); check: out-of-sample; context: shown, not scored. */
  readonly role: "calibration" | "check" | "context";
  readonly note: string | null;
}

/**
 * Published survey rates usable for validation, from bps_extreme_poverty survey rows: the Banten
 * area in 2022 calibrates κ; other Banten-area points are out-of-sample checks; Kab. Tangerang 2020
 * (early method) is context only. National rates are listed but cannot be fitted without national
 * P1/P2 (not in the reference data).
 */
export function validationPoints(extreme: readonly PublishedExtreme[]): ValidationPoint[] {
  return extreme
    .filter((r) => r.kind === "survey" && r.extreme_pct !== null)
    .map((r) => {
      const early = r.region_kode === "3603" && r.year === 2020;
      const role: ValidationPoint["role"] = early || r.region_kode === "00" ? "context" : r.year === 2022 ? "calibration" : "check";
      return {
        region_kode: r.region_kode,
        year: r.year,
        month: r.month ?? 3,
        series: seriesOfPublished(r),
        published: r.extreme_pct!,
        source: r.source,
        role,
        note: early
          ? "Metode awal BPS (2020, garis sekitar Rp435.000): hanya konteks, tidak dinilai."
          : r.region_kode === "00"
            ? "Nasional: tidak dinilai karena P1 dan P2 nasional belum ada di data rujukan; angka Maret dipakai untuk faktor tahun λ."
            : r.month === null
              ? "Bulan tidak disebut sumber; dianggap Maret."
              : null
      };
    })
    .sort((a, b) => a.region_kode.localeCompare(b.region_kode) || a.year - b.year || a.month - b.month);
}

/** κ minimising Σ (ln estimate − ln published)² over the points (golden-section search on [0,6; 2,5]). */
export function calibrateKappa(model: ExtremeModel, points: readonly ValidationPoint[]): number | null {
  const loss = (kappa: number): number => {
    const m = model.withKappa(kappa);
    let sum = 0;
    let n = 0;
    for (const p of points) {
      const e = m.central(p.region_kode, p.year, p.month, p.series);
      if (e === null || !(e > 0)) continue;
      sum += (Math.log(e) - Math.log(p.published)) ** 2;
      n++;
    }
    return n === 0 ? NaN : sum;
  };
  if (points.length === 0 || Number.isNaN(loss(1))) return null;
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = 0.6;
  let b = 2.5;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = loss(c);
  let fd = loss(d);
  for (let i = 0; i < 40; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = loss(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = loss(d);
    }
  }
  return (a + b) / 2;
}

export interface ValidationRow extends ValidationPoint {
  /** Model with r_t from the rupiah lines alone (κ = 1). */
  readonly uncalibrated: number | null;
  /** Model with κ fitted on the other calibration points (leave-one-out) or on all of them (checks). */
  readonly estimate: ExtremeEstimate | null;
  readonly kappaUsed: number | null;
  /** estimate − published, percentage points. */
  readonly errorPoints: number | null;
  /** estimate ÷ published − 1. */
  readonly errorRelative: number | null;
  readonly inInterval: boolean | null;
}

export interface ValidationSummary {
  readonly kappa: number | null;
  readonly rows: readonly ValidationRow[];
  /** Scored rows (calibration, leave-one-out, and checks). */
  readonly scored: number;
  readonly medianAbsRelative: number | null;
  readonly meanAbsPoints: number | null;
  /** Share of scored published points inside the model's 80% interval. */
  readonly coverage: number | null;
  /** Uncalibrated median |relative error| over the same rows, to show what calibration does. */
  readonly uncalibratedMedianAbsRelative: number | null;
  readonly acceptable: boolean;
  readonly verdict: string;
}

/** Thresholds for "the models do not miss badly": median |relative error| ≤ 50% and ≥ 50% of points inside the 80% interval. */
export const VALIDATION_GATE = { medianAbsRelative: 0.5, coverage: 0.5 } as const;

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function validate(model: ExtremeModel, points: readonly ValidationPoint[]): ValidationSummary {
  const calibration = points.filter((p) => p.role === "calibration");
  const kappa = calibrateKappa(model, calibration);
  const rows: ValidationRow[] = points.map((p) => {
    const raw = model.estimate(p.region_kode, p.year, p.month, p.series);
    let kappaUsed: number | null = null;
    if (p.role === "calibration") kappaUsed = calibrateKappa(model, calibration.filter((q) => q !== p));
    else kappaUsed = kappa;
    const estimate = kappaUsed === null ? null : model.withKappa(kappaUsed).estimate(p.region_kode, p.year, p.month, p.series);
    return {
      ...p,
      uncalibrated: raw?.value ?? null,
      estimate,
      kappaUsed,
      errorPoints: estimate ? estimate.value - p.published : null,
      errorRelative: estimate ? estimate.value / p.published - 1 : null,
      inInterval: estimate ? p.published >= estimate.lower && p.published <= estimate.upper : null
    };
  });
  return { kappa, rows, ...summarizeValidation(rows.map((r) => ({ role: r.role, published: r.published, uncalibrated: r.uncalibrated, errorRelative: r.errorRelative, errorPoints: r.errorPoints, inInterval: r.inInterval }))) };
}

/** The fields of a validation row the summary reads (from validate() or from the extreme_validation table). */
export interface ScoredRow {
  readonly role: string;
  readonly published: number;
  readonly uncalibrated: number | null;
  readonly errorRelative: number | null;
  readonly errorPoints: number | null;
  readonly inInterval: boolean | null;
}

export function summarizeValidation(rows: readonly ScoredRow[]): Omit<ValidationSummary, "kappa" | "rows"> {
  const scored = rows.filter((r) => r.role !== "context" && r.errorRelative !== null);
  const medianAbsRelative = median(scored.map((r) => Math.abs(r.errorRelative!)));
  const meanAbsPoints = scored.length ? scored.reduce((a, r) => a + Math.abs(r.errorPoints!), 0) / scored.length : null;
  const coverage = scored.length ? scored.filter((r) => r.inInterval).length / scored.length : null;
  const uncalibratedMedianAbsRelative = median(scored.filter((r) => r.uncalibrated !== null).map((r) => Math.abs(r.uncalibrated! / r.published - 1)));
  const acceptable =
    medianAbsRelative !== null && coverage !== null && medianAbsRelative <= VALIDATION_GATE.medianAbsRelative && coverage >= VALIDATION_GATE.coverage;
  const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)}%`);
  const verdict = acceptable
    ? `Model lolos uji: galat relatif median ${pct(medianAbsRelative)} (batas ${pct(VALIDATION_GATE.medianAbsRelative)}), ${pct(coverage)} angka terbitan berada dalam selang 80% model (batas ${pct(VALIDATION_GATE.coverage)}).`
    : `Model meleset terlalu jauh dari angka terbitan (galat relatif median ${pct(medianAbsRelative)}, ${pct(coverage)} dalam selang 80%); perkiraan model tidak dipakai untuk status.`;
  return { scored: scored.length, medianAbsRelative, meanAbsPoints, coverage, uncalibratedMedianAbsRelative, acceptable, verdict };
}


// ---------------------------------------------------------------------------------------------
// Calibration per year

export interface YearFactor {
  readonly year: number;
  /** λ_t: the year's factor on the model headcount (1 in the calibration year). */
  readonly factor: number;
  /** Indonesian: what the factor was fitted to. */
  readonly how: string;
  /** The Banten rate the model reproduces that year (percent), published or derived as stated in `how`. */
  readonly target: number | null;
  readonly source: string;
}

export interface CalibratedModel {
  readonly model: ExtremeModel;
  readonly kappa: number;
  readonly factors: readonly YearFactor[];
  readonly validation: ValidationSummary;
}

/** Root mean square of ln(estimate ÷ published) over the scored validation rows. */
export function validationLogRmse(summary: ValidationSummary): number {
  const logs = summary.rows.filter((r) => r.role !== "context" && r.estimate).map((r) => Math.log(r.estimate!.value / r.published));
  return logs.length === 0 ? 0 : Math.sqrt(logs.reduce((a, v) => a + v * v, 0) / logs.length);
}

/**
 * Calibration. κ (a factor on r_t) is fitted to the published Banten-area rates of the calibration
 * year (2022, the only year with them) and validated leave-one-out. Later years have no published
 * Banten-area rate; each year with a published national March rate gets a factor λ_t on the
 * headcount so the model's Banten estimate equals the national share of the poor in extreme
 * poverty that year (extreme ÷ P0) × Banten's relative share in 2022 × Banten's P0 that year: the
 * national rate carries the year's change, the 2022 Banten rates its level. λ_t multiplies every
 * region alike (a proportional change at the bottom of the distribution). Years with neither get
 * no estimate. Every estimate carries the validation error (log RMSE) as an extra component of its
 * interval.
 */
export function calibrateByYear(base: ExtremeModel, extreme: readonly PublishedExtreme[], province = "36"): CalibratedModel | null {
  const points = validationPoints(extreme);
  const validation = validate(base, points);
  const calibration = points.filter((p) => p.role === "calibration");
  if (validation.kappa === null || calibration.length === 0) return null;
  const kappa = validation.kappa;
  const calibrated = base.with({ kappa, yearFactor: null, validationSe: 0 });
  const year0 = calibration[0]!.year;
  const p0 = (kode: string, year: number) => base.poverty.find((r) => r.region_kode === kode && r.year === year && r.month === 3)?.p0_pct ?? null;
  const f2 = (v: number) => formatNumber(v, 2);
  const prov0 = calibration.find((p) => p.region_kode === province);
  const factors: YearFactor[] = [
    {
      year: year0,
      factor: 1,
      how: `tahun kalibrasi: κ ${f2(kappa)} dipasang pada ${calibration.length} angka survei BPS ${year0} (Banten dan kabupaten/kota)`,
      target: prov0?.published ?? null,
      source: [...new Set(calibration.flatMap((p) => p.source.split(" ; ")))].join(" ; ")
    }
  ];
  const nationalMarch = extreme.filter((r) => r.region_kode === "00" && r.kind === "survey" && r.month === 3 && r.extreme_pct !== null);
  const nat0 = nationalMarch.find((r) => r.year === year0);
  const natP00 = p0("00", year0);
  const provP00 = p0(province, year0);
  if (nat0 && prov0 && natP00 && provP00) {
    const relative = prov0.published / provP00 / (nat0.extreme_pct! / natP00);
    const years = [...new Set(nationalMarch.map((r) => r.year))].filter((y) => y > year0).sort();
    for (const year of years) {
      const rows = nationalMarch.filter((r) => r.year === year);
      const nat = rows.find((r) => seriesOfPublished(r) === CURRENT_SERIES) ?? rows[0]!;
      const natP0 = p0("00", year);
      const provP0 = p0(province, year);
      const series = seriesOfPublished(nat);
      const model = natP0 && provP0 ? calibrated.central(province, year, 3, series) : null;
      if (!natP0 || !provP0 || model === null || !(model > 0)) continue;
      const target = (nat.extreme_pct! / natP0) * relative * provP0;
      factors.push({
        year,
        factor: target / model,
        how:
          `Banten ${year} = ekstrem ÷ P0 nasional ${year} (${f2(nat.extreme_pct!)}% ÷ ${f2(natP0)}%) × ${f2(relative)} ` +
          `(rasio Banten terhadap nasional ${year0}) × P0 Banten ${f2(provP0)}% = ${f2(target)}%, ${SERIES_LABEL_ID[series]}`,
        target,
        source: nat.source
      });
    }
  }
  const model = base.with({ kappa, yearFactor: new Map(factors.map((f) => [f.year, f.factor])), validationSe: validationLogRmse(validation) });
  return { model, kappa, factors, validation };
}
