// The published extreme-poverty estimator against the published rates, computed here from the
// committed reference data (nothing typed in): leave-one-out recomputed in the test, the design's
// budget met, no parameter of one line series used for the other, and the calibration recovering a
// known distribution's headcount at a second line.
import { beforeAll, describe, expect, it } from "vitest";
import { snapshotWithImports } from "../../../../loaders/bps/import-record.js";
import { readExtremeSnapshot } from "../../../../loaders/bps/snapshot.js";
import type { ExtremePovertyRow, PovertyRow } from "../../../../loaders/bps/rows.js";
import { conformalScale, fitRatios, looErrors, summarizeLoo, type PublishedPoint } from "../../../../src/components/domain/model/calibration.js";
import { Z80 } from "../../../../src/components/domain/model/estimator.js";
import { calibrateModel, validationPoints, type CalibratedModel } from "../../../../src/components/domain/model/extreme-model.js";
import { CURRENT_SERIES, LINE_SERIES, OLD_SERIES, type LineSeries } from "../../../../src/components/domain/model/line-series.js";
import { normalCdf, normalQuantile } from "../../../../src/components/domain/model/normal.js";
import { lognormalFgt } from "../../../../src/components/domain/model/tail.js";

let poverty: PovertyRow[];
let extreme: ExtremePovertyRow[];
let model: CalibratedModel;

beforeAll(async () => {
  [poverty, extreme] = await Promise.all([snapshotWithImports(), readExtremeSnapshot()]);
  model = calibrateModel(poverty, extreme);
}, 120_000);

const scoredOf = (m: CalibratedModel) => m.points.filter((p) => p.role === "scored");
const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

describe("published points", () => {
  it("scores every survey rate of the snapshot except those it marks as context, on the line each was measured on", () => {
    const expected = extreme.filter((r) => r.kind === "survey" && r.extreme_pct !== null && r.for_validation === true && r.month !== null);
    const scored = scoredOf(model);
    expect(scored.map((p) => `${p.region_kode}|${p.year}|${p.month}|${p.series}`).sort()).toEqual(expected.map((r) => `${r.region_kode}|${r.year}|${r.month}|${r.series}`).sort());
    // The national points of the new line (March 2024, September 2024, March 2025) are among them.
    expect(scored.filter((p) => p.series === CURRENT_SERIES && p.region_kode === "00").map((p) => `${p.year}-${p.month}`)).toEqual(["2024-3", "2024-9", "2025-3"]);
    // Only the nation and Banten (the province and its kab/kota) calibrate.
    expect(scored.every((p) => p.region_kode === "00" || p.region_kode.startsWith("36"))).toBe(true);
  });
});

describe("leave-one-out of the published estimator", () => {
  it("equals a leave-one-out recomputed here: every series refitted without the point, the point estimated with the published estimator", () => {
    const scored = scoredOf(model);
    for (const row of model.loo.rows) {
      const ratios = fitRatios(model.estimator, scored.filter((p) => p !== row.point), model.calibration.tail, LINE_SERIES);
      const value = model.estimator.central(row.point.region_kode, row.point.year, row.point.month, row.point.series, { tail: model.calibration.tail, ratios, validationSe: 0 });
      expect(row.estimate?.value, `${row.point.region_kode} ${row.point.year}`).toBeCloseTo(value!, 9);
      expect(row.errorRelative).toBeCloseTo(value! / row.point.published - 1, 12);
    }
  });

  it("does not see the left-out point: changing its published value leaves its estimate unchanged", () => {
    const scored = scoredOf(model);
    const target = scored.find((p) => p.region_kode === "3673")!;
    const changed = scored.map((p) => (p === target ? { ...p, published: p.published * 3 } : p));
    const before = looErrors(model.estimator, scored, model.calibration.tail, LINE_SERIES).find((e) => e.point === target)!;
    const after = looErrors(model.estimator, changed, model.calibration.tail, LINE_SERIES).find((e) => e.point.region_kode === "3673")!;
    expect(after.estimate!.value).toBe(before.estimate!.value);
  });

  it("meets the design budget on the project's own published points: median |relative error| ≤ 15%, coverage of the 80% interval at least 80%", () => {
    const scored = model.loo.rows.filter((r) => r.errorRelative !== null);
    expect(scored.length).toBe(scoredOf(model).length);
    const med = median(scored.map((r) => Math.abs(r.errorRelative!)));
    const coverage = scored.filter((r) => r.point.published >= r.lower! && r.point.published <= r.upper!).length / scored.length;
    expect(med).toBeCloseTo(model.loo.medianAbsRelative!, 12);
    expect(coverage).toBeCloseTo(model.loo.coverage!, 12);
    expect(med).toBeLessThanOrEqual(0.15);
    expect(coverage).toBeGreaterThanOrEqual(0.8);
  });

  it("takes each point's validation term from the other points' errors only (a conformal quantile)", () => {
    const usable = model.loo.rows.map((r) => ({ row: r, logError: r.logError!, structuralSe: r.structuralSe! }));
    for (const { row } of usable) {
      const others = usable.filter((u) => u.row !== row);
      expect(row.validationSe).toBeCloseTo(conformalScale(others, model.loo.level), 12);
    }
  });

  it("publishes the tail model with the smallest leave-one-out error among those that estimate every point", () => {
    const full = model.comparison.filter((c) => c.loo.scored === scoredOf(model).length);
    const best = Math.min(...full.map((c) => c.loo.medianAbsRelative!));
    expect(model.calibration.tail).toBe(model.comparison[0]!.tail);
    expect(model.comparison[0]!.loo.medianAbsRelative).toBe(best);
  });
});

describe("conformalScale", () => {
  it("is the k-th smallest needed term with k = ⌈level·(m + 1)⌉", () => {
    // Needed s_j = √((e/z)² − se²) when positive: 0, 0,1, 0,2, 0,3 for these four.
    const errors = [0, 0.1, 0.2, 0.3].map((s) => ({ logError: Z80 * Math.hypot(s, 0.05), structuralSe: 0.05 }));
    expect(conformalScale(errors, 0.6)).toBeCloseTo(0.2, 12); // k = ⌈0,6 × 5⌉ = 3
    expect(conformalScale(errors, 0.8)).toBeCloseTo(0.3, 12); // k = 4
    expect(conformalScale(errors, 0.95)).toBeCloseTo(0.3, 12); // k = 5 > m: the largest
  });
});

describe("line series", () => {
  const scale = (series: LineSeries, factor: number) => extreme.map((r) => (r.kind === "survey" && r.series === series && r.extreme_pct !== null ? { ...r, extreme_pct: r.extreme_pct * factor } : r));

  it("no parameter fitted on one line series is used for another: changing every published rate of one line leaves the other line's fit and estimates unchanged", () => {
    const tail = [model.calibration.tail];
    const base = calibrateModel(poverty, extreme, tail);
    for (const [changed, kept] of [
      [OLD_SERIES, CURRENT_SERIES],
      [CURRENT_SERIES, OLD_SERIES]
    ] as const) {
      const other = calibrateModel(poverty, scale(changed, 1.5), tail);
      expect(other.calibration.ratios.get(changed)!.a).not.toBeCloseTo(base.calibration.ratios.get(changed)!.a, 3);
      const [fitA, fitB] = [base.calibration.ratios.get(kept)!, other.calibration.ratios.get(kept)!];
      expect([fitB.a, fitB.b, ...fitB.cov]).toEqual([fitA.a, fitA.b, ...fitA.cov]);
      for (const r of poverty) {
        const a = base.estimator.central(r.region_kode, r.year, r.month, kept, base.calibration);
        const b = other.estimator.central(r.region_kode, r.year, r.month, kept, other.calibration);
        expect(b, `${r.region_kode} ${r.year}-${r.month} ${kept}`).toBe(a);
      }
    }
  }, 60_000);

  it("estimates the old line no later than its last round, the new line back at most two years, and says which are back-casts", () => {
    expect(model.estimate("3673", 2025, 3, OLD_SERIES)).toBeNull();
    expect(model.estimate("00", 2024, 9, OLD_SERIES)).toBeNull();
    expect(model.estimate("3673", 2024, 3, OLD_SERIES)).not.toBeNull();
    const backcast = model.estimate("3673", 2022, 3, CURRENT_SERIES)!;
    expect(backcast.backcast).toBe(true);
    expect(model.estimate("3673", 2025, 3, CURRENT_SERIES)!.backcast).toBe(false);
    expect(model.estimate("3673", 2021, 3, CURRENT_SERIES)).toBeNull();
  });
});

describe("kab/kota benchmarked to their province", () => {
  it("their extreme-poor persons add up to the province's estimate in every March on the current line", () => {
    for (const year of [2022, 2023, 2024, 2025]) {
      const province = model.estimate("36", year, 3, CURRENT_SERIES)!;
      const kab = [...new Set(poverty.map((r) => r.region_kode))].filter((k) => k.length === 4 && k.startsWith("36"));
      const sum = kab.reduce((acc, k) => acc + model.estimate(k, year, 3, CURRENT_SERIES)!.value * model.estimator.bank.populationBase(k, year)!, 0);
      expect(sum / (province.value * model.estimator.bank.populationBase("36", year)!)).toBeCloseTo(1, 9);
    }
  });
});

describe("calibration on a known population", () => {
  // Four provinces (no benchmarking), each lognormal in units of its own line; the truth is r_A(t) on
  // the old line and r_B(t) on the new one. Three provinces publish rates, the fourth is held out.
  const sigma: Record<string, number> = { "11": 0.42, "12": 0.5, "13": 0.58, "14": 0.46 };
  const p0: Record<string, number> = { "11": 0.09, "12": 0.06, "13": 0.11, "14": 0.075 };
  const t = (year: number, month: number) => year + (month - 1) / 12;
  const truth: Record<LineSeries, (year: number, month: number) => number> = {
    usd190_ppp2011: (y, m) => 0.72 * Math.exp(-0.05 * (t(y, m) - 2023)),
    usd215_ppp2017: (y, m) => 0.7 * Math.exp(-0.04 * (t(y, m) - 2024.5))
  };
  const rounds: Record<LineSeries, [number, number][]> = {
    usd190_ppp2011: [[2022, 3], [2022, 9], [2023, 3], [2024, 3]],
    usd215_ppp2017: [[2024, 3], [2024, 9], [2025, 3]]
  };
  const headcount = (kode: string, r: number) => normalCdf(normalQuantile(p0[kode]!) + Math.log(r) / sigma[kode]!) * 100;
  const rows: PovertyRow[] = [];
  for (const kode of Object.keys(sigma))
    for (const [year, month] of [...rounds.usd190_ppp2011, [2024, 9], [2025, 3]] as [number, number][]) {
      const fgt = lognormalFgt(normalQuantile(p0[kode]!), sigma[kode]!);
      rows.push({ region_kode: kode, year, month, poor_count: p0[kode]! * 1e6, p0_pct: fgt.p0 * 100, poverty_line_rp: null, p1: fgt.p1 * 100, p2: fgt.p2 * 100, source: "uji", retrieved_at: "2026-12-01", note: null });
    }
  const published: ExtremePovertyRow[] = LINE_SERIES.flatMap((series) =>
    ["11", "12", "13"].flatMap((kode) =>
      rounds[series].map(([year, month]) => ({
        region_kode: kode, year, month, kind: "survey" as const, extreme_pct: headcount(kode, truth[series](year, month)), extreme_count: null, count_unit: null,
        line_rp: null, line_basis: null, series, for_validation: true, source: "uji", retrieved_at: "2026-12-01", note: null
      }))
    )
  );

  it("recovers each line's ratio from its own points and reproduces the held-out population's headcount at both lines", () => {
    const known = calibrateModel(rows, published, ["lognormal"]);
    for (const series of LINE_SERIES)
      for (const [year, month] of rounds[series]) {
        const e = known.estimate("14", year, month, series)!;
        expect(e.value / headcount("14", truth[series](year, month)), `${series} ${year}-${month}`).toBeCloseTo(1, 6);
      }
    expect(known.loo.medianAbsRelative!).toBeLessThan(1e-6);
    expect(validationPoints(published).every((p: PublishedPoint) => p.role === "scored")).toBe(true);
  });

  it("leave-one-out on the known population is exact too, so the validation term is zero", () => {
    const known = summarizeLoo(looErrors(calibrateModel(rows, published, ["lognormal"]).estimator, validationPoints(published), "lognormal", LINE_SERIES));
    for (const r of known.rows) expect(Math.abs(r.errorRelative!)).toBeLessThan(1e-6);
  });
});
