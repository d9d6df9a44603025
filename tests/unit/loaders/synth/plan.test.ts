// The generation plan (pure): exact counts per kecamatan from the published aggregates, and the
// base-year expenditure distribution of each kab/kota (distribution.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseCsvObjects } from "../../../../loaders/lib/csv.js";
import { REFERENCE_DIR } from "../../../../loaders/lib/paths.js";
import { tailSigma } from "../../../../loaders/synth/distribution.js";
import { loadSynthInputs, type SynthInputs } from "../../../../loaders/synth/inputs.js";
import { buildPlan, configuredScale, DEFAULT_KABKOTA, householdsPerKab, KAB_SERANG, KOTA_SERANG, peopleOfKab, scaleKabkota, SyntheticScaleError, type SynthPlan } from "../../../../loaders/synth/plan.js";

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

let inputs: SynthInputs;
let plan: SynthPlan;
beforeAll(async () => {
  inputs = await loadSynthInputs();
  plan = buildPlan(inputs, "default", 20250911);
});

const kecOf = (kab: string) => plan.kecamatan.filter((k) => k.kab_kode === kab);

describe("inputs", () => {
  it("computes the spread below the poverty line from the two latent quantiles (hand-computed)", () => {
    // r = e^{-0,5}: the extreme line is half a log unit below GK; w0 − wE = 0,25 → σ = 0,5 ÷ 0,25 = 2.
    expect(tailSigma(Math.exp(-0.5), -1.5, -1.75)).toBeCloseTo(2, 12);
    // r = 0,65, w0 − wE = 0,9 → σ = −ln 0,65 ÷ 0,9 = 0,430783 ÷ 0,9 = 0,478648.
    expect(tailSigma(0.65, -1.6, -2.5)).toBeCloseTo(0.478648, 6);
    expect(() => tailSigma(0.65, -2.5, -1.6)).toThrow(/harus di atas/);
    expect(() => tailSigma(0.65, -2, -2)).toThrow(/harus di atas/);
  });

  it("has a base-year distribution for every kab/kota from poverty_lines and the model: GK, extreme line = r × GK, P0, estimate", () => {
    expect(inputs.kabkota.length).toBeGreaterThan(2);
    for (const { kode } of inputs.kabkota) {
      const d = inputs.distributions.get(kode)!;
      expect(d, kode).toBeDefined();
      expect(d.year).toBe(2025);
      expect(d.extreme_line_rp / d.poverty_line_rp).toBeCloseTo(d.ratio, 9);
      expect(d.extreme).toBeLessThan(d.p0);
      expect(d.extreme).toBeGreaterThan(0);
    }
    expect(inputs.distributions.get(KAB_SERANG)!.p0).toBeCloseTo(0.0448, 9); // BPS, March 2025
    expect(inputs.distributions.get(KOTA_SERANG)!.p0).toBeCloseTo(0.0551, 9);
  });
});

describe("default plan", () => {
  it("holds the kab/kota DEFAULT_KABKOTA names, more than Kota and Kab. Serang, each with its kecamatan and desa/kelurahan from regions.csv", async () => {
    expect(plan.kabkota.map((k) => k.kab_kode)).toEqual([...DEFAULT_KABKOTA].sort());
    expect(plan.kabkota.length).toBeGreaterThan(2);
    const regions = parseCsvObjects(await readFile(path.join(REFERENCE_DIR, "regions.csv"), "utf8")).map(({ row }) => row);
    for (const { kab_kode } of plan.kabkota) {
      const kecamatan = regions.filter((r) => r.level === "kecamatan" && r.parent_kode === kab_kode).map((r) => r.kode).sort();
      expect(kecOf(kab_kode).map((k) => k.kec_kode), kab_kode).toEqual(kecamatan);
      for (const k of kecOf(kab_kode)) {
        const desa = regions.filter((r) => r.level === "kelurahan" && r.parent_kode === k.kec_kode).map((r) => r.kode!).sort();
        expect(desa.length, k.kec_kode).toBeGreaterThan(0);
        expect([...k.kelurahan], k.kec_kode).toEqual(desa);
      }
    }
    expect(kecOf(KOTA_SERANG)).toHaveLength(6);
    expect(sum(kecOf(KOTA_SERANG).map((k) => k.kelurahan.length))).toBe(67);
    expect(kecOf(KAB_SERANG)).toHaveLength(29);
    expect(sum(kecOf(KAB_SERANG).map((k) => k.kelurahan.length))).toBe(326);
  });

  it("fills the published household totals exactly and keeps every kecamatan consistent", () => {
    expect(sum(kecOf(KOTA_SERANG).map((k) => k.households))).toBe(206578);
    expect(sum(kecOf(KAB_SERANG).map((k) => k.households))).toBe(500000);
    const planned = householdsPerKab(inputs);
    for (const kab of plan.kabkota) {
      expect(sum(kecOf(kab.kab_kode).map((k) => k.households)), kab.kab_kode).toBe(planned.get(kab.kab_kode));
      expect(kab.households).toBe(planned.get(kab.kab_kode));
    }
    for (const k of plan.kecamatan) {
      expect(sum(k.desil_counts), k.kec_kode).toBe(k.households);
      expect(k.target_desil1 + k.target_desil2, k.kec_kode).toBe(k.desil_counts[0]);
      expect(k.untouched_desil1).toBeLessThanOrEqual(k.target_desil1);
      expect(k.untouched_desil2).toBeLessThanOrEqual(k.target_desil2);
    }
    // Offsets number the households of a kab/kota 0..n−1 without gaps.
    for (const { kab_kode } of plan.kabkota) {
      let next = 0;
      for (const k of kecOf(kab_kode)) {
        expect(k.kab_offset).toBe(next);
        next += k.households;
      }
    }
  });

  it("gives every kab/kota without a published count its share of the province's 3.3 million households by population", () => {
    const planned = householdsPerKab(inputs);
    expect(sum([...planned.values()])).toBe(3_300_000);
    const others = inputs.kabkota.map((k) => k.kode).filter((k) => k !== KOTA_SERANG && k !== KAB_SERANG);
    const rest = 3_300_000 - 206_578 - 500_000;
    const population = sum(others.map((k) => inputs.population2025.get(k)!.value));
    for (const kab of others) {
      expect(Math.abs(planned.get(kab)! - (rest * inputs.population2025.get(kab)!.value) / population), kab).toBeLessThan(1);
      expect(peopleOfKab(inputs, kab)).toBe(inputs.population2025.get(kab)!.value);
    }
    expect(peopleOfKab(inputs, KOTA_SERANG)).toBe(687881); // Disdukcapil 2021, the same base as its 206,578 KK
  });

  it("spreads Kab. Serang households by desa count (the stated assumption)", async () => {
    const rows = parseCsvObjects(await readFile(path.join(REFERENCE_DIR, "published/admin_kecamatan_kab_serang.csv"), "utf8"));
    const desa = new Map(rows.map(({ row }) => [row.kode_kemendagri!.replaceAll(".", ""), Number(row.jumlah_desa)]));
    const totalDesa = sum([...desa.values()]);
    for (const k of kecOf(KAB_SERANG)) expect(Math.abs(k.households - (500000 * desa.get(k.kec_kode)!) / totalDesa)).toBeLessThan(1);
  });

  it("spreads the households of a kab/kota without kecamatan figures by desa/kelurahan count", () => {
    for (const { kab_kode } of plan.kabkota.filter((k) => k.kab_kode !== KOTA_SERANG)) {
      const kecs = kecOf(kab_kode);
      const total = sum(kecs.map((k) => k.households));
      const desa = sum(kecs.map((k) => k.kelurahan.length));
      for (const k of kecs) expect(Math.abs(k.households - (total * k.kelurahan.length) / desa), k.kec_kode).toBeLessThan(1);
    }
  });

  it("splits the 8,799 target households as reported (rounded figures scaled to the total)", () => {
    const target = (name: string) => {
      const k = kecOf(KOTA_SERANG).find((x) => x.kec_nama === name)!;
      return k.target_desil1 + k.target_desil2;
    };
    expect(sum(kecOf(KOTA_SERANG).map((k) => k.target_desil1 + k.target_desil2))).toBe(8799);
    const reported: [string, number][] = [["Taktakan", 2000], ["Kasemen", 1600], ["Curug", 1500], ["Serang", 1300], ["Walantaka", 1200], ["Cipocok Jaya", 1000]];
    for (const [name, n] of reported) expect(Math.abs(target(name) / n - 8799 / 8600)).toBeLessThan(0.001);
  });

  it("puts exactly 3,784 untouched target households in Kota Serang, most in Kasemen and Taktakan", () => {
    const untouched = (k: SynthPlan["kecamatan"][number]) => k.untouched_desil1 + k.untouched_desil2;
    const city = kecOf(KOTA_SERANG);
    expect(sum(city.map(untouched))).toBe(3784);
    const most = sum(city.filter((k) => k.kec_nama === "Kasemen" || k.kec_nama === "Taktakan").map(untouched));
    expect(most / 3784).toBeGreaterThan(0.5);
  });

  it("has 46,000 households in desil 1–4 in Kota Serang (P3KE poor KK)", () => {
    expect(Math.abs(sum(kecOf(KOTA_SERANG).map((k) => sum(k.desil_counts.slice(0, 4)))) - 46000)).toBeLessThan(460);
  });

  it("normalises household sizes so each kab/kota has its published mean size", () => {
    for (const kab of plan.kabkota) {
      const desilTotals = Array.from({ length: 10 }, (_, d) => sum(plan.kecamatan.filter((k) => k.kab_kode === kab.kab_kode).map((k) => k.desil_counts[d]!)));
      const expected = sum(
        kab.size_cdf.map((cdf, d) => desilTotals[d]! * cdf.reduce((mean, c, i) => mean + (i + 1) * (c - (i === 0 ? 0 : cdf[i - 1]!)), 0))
      );
      expect(Math.abs(expected / kab.people - 1)).toBeLessThan(0.005);
    }
  });

  it("is the same plan for the same seed and only moves seeded parts for another seed", () => {
    expect(buildPlan(inputs, "default", 20250911)).toEqual(plan);
    const other = buildPlan(inputs, "default", 7);
    // Kota Serang is fixed by published figures; Kab. Serang's kecamatan lists use a seeded pocket factor.
    expect(other.kecamatan.filter((k) => k.kab_kode === KOTA_SERANG)).toEqual(kecOf(KOTA_SERANG));
    expect(other.kecamatan.filter((k) => k.kab_kode === KAB_SERANG).map((k) => k.target_desil1)).not.toEqual(kecOf(KAB_SERANG).map((k) => k.target_desil1));
  });
});

describe("other scales", () => {
  it("banten: 3.3 million households over every kab/kota and every kecamatan in regions.csv", async () => {
    const banten = buildPlan(inputs, "banten", 20250911);
    expect(banten.kabkota.map((k) => k.kab_kode)).toEqual(inputs.kabkota.map((k) => k.kode).sort());
    expect(sum(banten.kecamatan.map((k) => k.households))).toBe(3_300_000);
    const regions = parseCsvObjects(await readFile(path.join(REFERENCE_DIR, "regions.csv"), "utf8"));
    expect(banten.kecamatan).toHaveLength(regions.filter(({ row }) => row.level === "kecamatan").length);
    // A kab/kota has the same plan at every scale that holds it.
    for (const { kab_kode } of plan.kabkota) {
      expect(banten.kecamatan.filter((k) => k.kab_kode === kab_kode), kab_kode).toEqual(kecOf(kab_kode));
      expect(banten.kabkota.find((k) => k.kab_kode === kab_kode)).toEqual(plan.kabkota.find((k) => k.kab_kode === kab_kode));
    }
  });

  it("kota_serang: the default's Kota Serang plan alone", () => {
    const city = buildPlan(inputs, "kota_serang", 20250911);
    expect(city.kabkota.map((k) => k.kab_kode)).toEqual([KOTA_SERANG]);
    expect(city.kecamatan).toEqual(kecOf(KOTA_SERANG));
    expect(scaleKabkota(inputs, "kota_serang")).toEqual([KOTA_SERANG]);
  });
});

describe("configuredScale", () => {
  it("reads TS_SYNTH_SCALE, defaults to the embedded default and refuses an unknown scale in one sentence", () => {
    expect(configuredScale({})).toBe("default");
    expect(configuredScale({ TS_SYNTH_SCALE: "banten" })).toBe("banten");
    expect(configuredScale({ TS_SYNTH_SCALE: " kota_serang " })).toBe("kota_serang");
    expect(() => configuredScale({ TS_SYNTH_SCALE: "jawa" })).toThrow(SyntheticScaleError);
    expect(() => configuredScale({ TS_SYNTH_SCALE: "jawa" })).toThrow(/^TS_SYNTH_SCALE=jawa tidak dikenal; pilih salah satu dari default, banten, kota_serang/);
  });
});
