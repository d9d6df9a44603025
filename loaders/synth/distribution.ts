// Per kab/kota expenditure distribution of the synthetic default, from the same model the pages use.
//
// Per-capita expenditure is drawn around each kab/kota's own BPS poverty line (GK) as a split
// lognormal in a latent welfare score w ~ N(0, 1): pce = GK × e^{σ_tail (w − w0)} below the poverty
// line and GK × e^{σ_upper (w − w0)} above it. w0 and wE are the person-weighted quantiles of w at
// P0 (BPS) and at the extreme rate (the model estimate on the current line); σ_tail = −ln r ÷ (w0 − wE)
// with r = extreme line ÷ GK (poverty_lines). So the people below GK reproduce P0 and the people
// below r × GK reproduce the extreme-poverty estimate, each to within one household. σ_upper sets
// inequality above the line (see ASSUMPTIONS.pceSigmaUpper).
import { calibratedModel, populationBase } from "../tables/extreme-estimates.js";
import { povertyLineRows } from "../tables/poverty-lines.js";
import { readLineAnchors } from "../bps/lines.js";
import { BPS_SNAPSHOT_DIR } from "../bps/paths.js";

export interface KabDistribution {
  readonly kab_kode: string;
  readonly year: number;
  /** BPS poverty line of the kab/kota (Rp per capita per month), published or filled as poverty_lines says. */
  readonly poverty_line_rp: number;
  /** Extreme line = r × GK (poverty_lines, current series). */
  readonly extreme_line_rp: number;
  readonly ratio: number;
  /** Share below GK (P0, BPS) and below the extreme line (model estimate), as fractions. */
  readonly p0: number;
  readonly extreme: number;
  /** BPS population base (poor ÷ P0), persons. */
  readonly population_base: number | null;
  readonly source: string;
}

/** The base-year distribution of every kab/kota with a P0, a poverty line and a model estimate. */
export async function loadDistributions(year = 2025, dir = BPS_SNAPSHOT_DIR): Promise<Map<string, KabDistribution>> {
  const { calibrated, poverty } = await calibratedModel(dir);
  const lines = povertyLineRows(poverty, await readLineAnchors(dir));
  const out = new Map<string, KabDistribution>();
  for (const kode of [...new Set(poverty.map((r) => r.region_kode))].filter((k) => /^36\d\d$/.test(k))) {
    const bps = poverty.find((r) => r.region_kode === kode && r.year === year && r.month === 3);
    const line = lines.find((r) => r.region_kode === kode && r.year === year && r.month === 3 && r.series === "usd215_ppp2017");
    const estimate = calibrated.model.estimate(kode, year, 3, "usd215_ppp2017");
    if (!bps?.p0_pct || !line?.poverty_line_rp || !line.extreme_line_rp || !estimate) continue;
    out.set(kode, {
      kab_kode: kode,
      year,
      poverty_line_rp: line.poverty_line_rp,
      extreme_line_rp: line.extreme_line_rp,
      ratio: line.extreme_line_rp / line.poverty_line_rp,
      p0: bps.p0_pct / 100,
      extreme: estimate.value / 100,
      population_base: populationBase(poverty, kode, year),
      source: `GK dan garis ekstrem: poverty_lines ${year} (${line.basis}); P0: BPS (${bps.source}); kemiskinan ekstrem: perkiraan model ${year} (extreme_estimates)`
    });
  }
  return out;
}

/** σ below the poverty line from the two person-weighted quantiles of the latent score. */
export function tailSigma(ratio: number, w0: number, wE: number): number {
  if (!(w0 > wE)) throw new Error(`Kuantil garis kemiskinan (${w0}) harus di atas kuantil garis ekstrem (${wE}).`);
  return -Math.log(ratio) / (w0 - wE);
}
