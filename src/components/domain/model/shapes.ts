// The lower tail of each region's expenditure distribution in one survey round, from BPS's
// published P0, P1 and P2 alone (no interpolated indices), and the tail models fitted to it. Fits
// are cached: calibration and leave-one-out read the same shapes thousands of times at other lines.
import { fitTail, TAIL_MODELS, type TailFit, type TailModelName } from "./tail.js";

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

/** Shares, not percent: P0 = 0,0563 for 5,63%. */
export interface Shape {
  readonly p0: number;
  readonly p1: number;
  readonly p2: number;
}

/** A single family, or the geometric mean of the valid members of the ensemble. */
export type TailChoice = TailModelName | "ensemble";

export const TAIL_CHOICE_LABEL: Readonly<Record<TailChoice, string>> = {
  lognormal: "Lognormal",
  power: "Ekor pangkat",
  beta: "Beta bersyarat",
  singh_maddala: "Singh–Maddala",
  ensemble: "Gabungan tiga model (lognormal, ekor pangkat, beta bersyarat)"
};

const roundKey = (kode: string, year: number, month: number) => `${kode}|${year}|${month}`;

export class ShapeBank {
  private readonly shapes = new Map<string, Shape>();
  private readonly bases = new Map<string, { year: number; base: number }[]>();
  private readonly fits = new Map<string, TailFit>();

  constructor(rows: readonly FgtRow[]) {
    for (const r of rows) {
      if (r.p0_pct !== null && r.p1 !== null && r.p2 !== null && r.p0_pct > 0 && r.p1 > 0 && r.p2 > 0 && r.p2 < r.p1 && r.p1 < r.p0_pct) {
        this.shapes.set(roundKey(r.region_kode, r.year, r.month), { p0: r.p0_pct / 100, p1: r.p1 / 100, p2: r.p2 / 100 });
      }
      if (r.month === 3 && r.poor_count && r.p0_pct && r.p0_pct > 0) {
        const list = this.bases.get(r.region_kode) ?? [];
        list.push({ year: r.year, base: r.poor_count / (r.p0_pct / 100) });
        this.bases.set(r.region_kode, list);
      }
    }
  }

  /** The published shape of a round; null unless P0, P1 and P2 are all published and consistent (P2 < P1 < P0). */
  shape(kode: string, year: number, month: number): Shape | null {
    return this.shapes.get(roundKey(kode, year, month)) ?? null;
  }

  /** Regions with a shape in the round. */
  regionsIn(year: number, month: number): string[] {
    const suffix = `|${year}|${month}`;
    return [...this.shapes.keys()].filter((k) => k.endsWith(suffix)).map((k) => k.slice(0, k.indexOf("|")));
  }

  /**
   * BPS's population base of a region (poor count ÷ P0) in March of `year`, or of the nearest March
   * that publishes both (the base moves slowly), later year on ties.
   */
  populationBase(kode: string, year: number): number | null {
    const list = this.bases.get(kode);
    if (!list || list.length === 0) return null;
    return [...list].sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year)[0]!.base;
  }

  fit(model: TailModelName, shape: Shape): TailFit {
    const key = `${model}|${shape.p0}|${shape.p1}|${shape.p2}`;
    let fit = this.fits.get(key);
    if (!fit) {
      fit = fitTail(model, shape);
      this.fits.set(key, fit);
    }
    return fit;
  }

  /** Share below r × the line under one family (null when the family cannot describe the shape). */
  modelHeadcount(model: TailModelName, shape: Shape, r: number): number | null {
    const fit = this.fit(model, shape);
    if (!fit.valid) return null;
    const h = fit.headcountAt(r);
    return Number.isFinite(h) && h > 0 ? h : null;
  }

  /** Share below r × the line under the choice; the ensemble is the geometric mean of its valid members. */
  headcount(choice: TailChoice, shape: Shape, r: number): number | null {
    if (choice !== "ensemble") return this.modelHeadcount(choice, shape, r);
    const valid = TAIL_MODELS.map((m) => this.modelHeadcount(m, shape, r)).filter((v): v is number => v !== null);
    if (valid.length === 0) return null;
    return Math.exp(valid.reduce((a, v) => a + Math.log(v), 0) / valid.length);
  }
}
