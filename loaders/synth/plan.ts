// The generation plan: exact household, desil, target-list and gap counts per kecamatan, household-size
// distributions and expenditure parameters per kab/kota. Pure (inputs → plan); the SQL in generate.ts
// only draws households to fill these counts, so calibration is by construction wherever it can be.
import { createHash } from "node:crypto";
import { ASSUMPTIONS } from "./assumptions.js";
import { calibrationTarget } from "../programmes/reference.js";
import type { SynthInputs } from "./inputs.js";
import { apportion, householdSizeCdf } from "./math.js";

/**
 * default = the embedded registry (Kota and Kab. Serang); banten = all 8 kab/kota, for benchmarks only;
 * kota_serang = Kota Serang alone (quick runs and tests; its rows equal the default's Kota Serang rows).
 */
export const SCALES = ["default", "banten", "kota_serang"] as const;
export type Scale = (typeof SCALES)[number];
/** The embedded default covers the two registry partitions. */
export const DEFAULT_KABKOTA = ["3604", "3673"] as const;
export const KOTA_SERANG = "3673";
export const KAB_SERANG = "3604";
export const BANTEN = "36";

export interface KecamatanPlan {
  readonly kab_kode: string;
  readonly kec_kode: string;
  readonly kec_nama: string;
  readonly households: number;
  /** Sequence number of the kecamatan's first household within its kab/kota. */
  readonly kab_offset: number;
  /** Kelurahan codes households are spread over (equally); empty = kel_kode null. */
  readonly kelurahan: readonly string[];
  /** Households per desil 1..10. */
  readonly desil_counts: readonly number[];
  /** Target-list households drawn from desil 1 and from desil 2. */
  readonly target_desil1: number;
  readonly target_desil2: number;
  /** Target-list households missing from every programme list (touched by no programme), from desil 1 and desil 2. */
  readonly untouched_desil1: number;
  readonly untouched_desil2: number;
}

export interface KabPlan {
  readonly kab_kode: string;
  readonly households: number;
  readonly people: number;
  /** Household-size CDF per desil (index 0 = desil 1). */
  readonly size_cdf: readonly (readonly number[])[];
}

export interface SynthPlan {
  readonly scale: Scale;
  readonly seed: number;
  readonly kabkota: readonly KabPlan[];
  readonly kecamatan: readonly KecamatanPlan[];
}

/** A uniform number in [0, 1) from the seed and a key, for plan-level draws (kecamatan pockets). */
export function seededUniform(seed: number, key: string): number {
  const digest = createHash("sha256").update(`synthetic-${seed}-${key}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

function targetValue(inputs: SynthInputs, measure: string, region: string): number {
  return calibrationTarget(inputs.targets, measure, region).value;
}

function hasTarget(inputs: SynthInputs, measure: string, region: string): boolean {
  return inputs.targets.some((t) => t.measure === measure && t.region_kode === region);
}

/** Households per kab/kota: published or design totals for the default two, the rest of Banten by population. */
export function householdsPerKab(inputs: SynthInputs, kabCodes: readonly string[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const kab of DEFAULT_KABKOTA) result.set(kab, targetValue(inputs, "households", kab));
  const others = kabCodes.filter((k) => !result.has(k));
  if (others.length > 0) {
    const total = targetValue(inputs, "households", BANTEN) - sum(DEFAULT_KABKOTA.map((k) => result.get(k)!));
    const weights = others.map((k) => {
      const population = inputs.population2025.get(k);
      if (!population) throw new Error(`Jumlah penduduk 2025 untuk ${k} tidak ada di population_kabkota.csv.`);
      return population;
    });
    apportion(total, weights).forEach((n, i) => result.set(others[i]!, n));
  }
  return new Map(kabCodes.map((k) => [k, result.get(k)!]));
}

/**
 * Desil counts of a kab/kota: desil 1 = target-list size; desil 2–5 shares from Kota Serang's
 * P3KE total (desil 1–4) shaped like Cilegon's DTSEN desil 2–5; desil 6–10 share the rest equally.
 */
export function kabDesilCounts(households: number, target: number, shares2to5: readonly number[]): number[] {
  const middle = shares2to5.map((s) => Math.round(s * households));
  const rest = households - target - sum(middle);
  if (rest < 0) throw new Error("Jumlah desil melebihi jumlah rumah tangga.");
  return [target, ...middle, ...apportion(rest, [1, 1, 1, 1, 1])];
}

/** Kota Serang's desil 2–5 shares of households (the template for every kab/kota). */
export function desilShares2to5(inputs: SynthInputs): number[] {
  const households = targetValue(inputs, "households", KOTA_SERANG);
  const target = targetValue(inputs, "target_households", KOTA_SERANG);
  const poor = targetValue(inputs, "poor_households", KOTA_SERANG);
  const [s2, s3, s4, s5] = inputs.desilShape.counts as [number, number, number, number];
  const d2to4 = apportion(poor - target, [s2, s3, s4]);
  const d5 = Math.round((d2to4[2]! * s5) / s4);
  return [...d2to4, d5].map((n) => n / households);
}

function kecamatanHouseholds(inputs: SynthInputs, kab: string, total: number, kecs: readonly SynthInputs["kecamatan"][number][]): number[] {
  if (kab === KOTA_SERANG) {
    // Kecamatan with a published population get households = population ÷ the city's mean size; the rest by kelurahan count.
    const meanSize = targetValue(inputs, "people", kab) / total;
    const known = kecs.map((k) => (hasTarget(inputs, "people", k.kode) ? Math.round(targetValue(inputs, "people", k.kode) / meanSize) : null));
    const rest = apportion(
      total - sum(known.filter((n): n is number => n !== null)),
      kecs.map((k, i) => (known[i] === null ? k.kelurahan.length : 0))
    );
    return known.map((n, i) => n ?? rest[i]!);
  }
  if (kab === KAB_SERANG) {
    return apportion(
      total,
      kecs.map((k) => {
        const desa = inputs.desaCount.get(k.kode);
        if (!desa) throw new Error(`Jumlah desa kecamatan ${k.kode} tidak ada di admin_kecamatan_kab_serang.csv.`);
        return desa;
      })
    );
  }
  return apportion(total, kecs.map(() => 1));
}

function kecamatanTargets(inputs: SynthInputs, seed: number, target: number, kecs: readonly { kode: string }[], households: readonly number[]): number[] {
  const reported = kecs.map((k) => (hasTarget(inputs, "target_households", k.kode) ? targetValue(inputs, "target_households", k.kode) : null));
  // Reported kecamatan figures are rounded: scale them to the exact total. Elsewhere spread by households with a seeded pocket factor.
  if (reported.every((r) => r !== null)) return apportion(target, reported as number[]);
  return apportion(target, households.map((h, i) => h * (0.5 + seededUniform(seed, `pocket-${kecs[i]!.kode}`))));
}

function kecamatanUntouched(inputs: SynthInputs, kab: string, kecs: readonly { nama: string }[], targets: readonly number[]): number[] {
  const cityTarget = targetValue(inputs, "target_households", KOTA_SERANG);
  const cityUntouched = targetValue(inputs, "untouched_target_households", KOTA_SERANG);
  if (kab === KOTA_SERANG) {
    const most = kecs.map((k) => k.nama === "Kasemen" || k.nama === "Taktakan");
    const inMost = Math.round(cityUntouched * ASSUMPTIONS.untouchedShareKasemenTaktakan);
    const a = apportion(inMost, targets.map((t, i) => (most[i] ? t : 0)));
    const b = apportion(cityUntouched - inMost, targets.map((t, i) => (most[i] ? 0 : t)));
    return a.map((x, i) => x + b[i]!);
  }
  // No published gap outside Kota Serang: the city's untouched ratio is assumed.
  return apportion(Math.round((sum(targets) * cityUntouched) / cityTarget), targets);
}

export function buildPlan(inputs: SynthInputs, scale: Scale, seed: number): SynthPlan {
  const kabCodes =
    scale === "default" ? [...DEFAULT_KABKOTA] : scale === "kota_serang" ? [KOTA_SERANG] : inputs.kabkota.map((k) => k.kode).sort();
  const households = householdsPerKab(inputs, kabCodes);
  const shares = desilShares2to5(inputs);
  const kabPlans: KabPlan[] = [];
  const kecPlans: KecamatanPlan[] = [];

  for (const kab of kabCodes) {
    const total = households.get(kab)!;
    const kecs = inputs.kecamatan.filter((k) => k.kab_kode === kab);
    if (kecs.length === 0) throw new Error(`Tidak ada kecamatan untuk ${kab} di regions.csv.`);
    const target = targetValue(inputs, "target_households", kab);
    const desilCounts = kabDesilCounts(total, target, shares);
    const kecHouseholds = kecamatanHouseholds(inputs, kab, total, kecs);
    const kecTargets = kecamatanTargets(inputs, seed, target, kecs, kecHouseholds);
    const kecUntouched = kecamatanUntouched(inputs, kab, kecs, kecTargets);

    let offset = 0;
    kecs.forEach((k, i) => {
      const h = kecHouseholds[i]!;
      const t = kecTargets[i]!;
      const upper = apportion(h - t, desilCounts.slice(1));
      const target1 = Math.round(t * ASSUMPTIONS.targetShareFromDesil1);
      const [untouched1, untouched2] = t === 0 ? [0, 0] : (apportion(kecUntouched[i]!, [target1, t - target1]) as [number, number]);
      const plan: KecamatanPlan = {
        kab_kode: kab,
        kec_kode: k.kode,
        kec_nama: k.nama,
        households: h,
        kab_offset: offset,
        kelurahan: k.kelurahan,
        desil_counts: [t, ...upper],
        target_desil1: target1,
        target_desil2: t - target1,
        untouched_desil1: untouched1,
        untouched_desil2: untouched2
      };
      if (plan.target_desil2 > plan.desil_counts[1]! || untouched1 > target1 || untouched2 > t - target1) {
        throw new Error(`Rencana kecamatan ${k.kode} tidak konsisten (sasaran melebihi desil atau celah melebihi sasaran).`);
      }
      kecPlans.push(plan);
      offset += h;
    });

    const people = kab === KOTA_SERANG || kab === KAB_SERANG ? targetValue(inputs, "people", kab) : inputs.population2025.get(kab)!;
    const factors = ASSUMPTIONS.sizeFactorByDesil;
    const norm = sum(desilCounts.map((n, i) => (n / total) * factors[i]!));
    const meanSize = people / total;
    kabPlans.push({
      kab_kode: kab,
      households: total,
      people,
      size_cdf: factors.map((f) => householdSizeCdf((meanSize * f) / norm, ASSUMPTIONS.maxHouseholdSize))
    });
  }
  return { scale, seed, kabkota: kabPlans, kecamatan: kecPlans };
}
