// The generation plan: exact household, desil, target-list and gap counts per kecamatan, household-size
// distributions and expenditure parameters per kab/kota. Pure (inputs → plan); the SQL in generate.ts
// only draws households to fill these counts, so calibration is by construction wherever it can be.
import { createHash } from "node:crypto";
import { ASSUMPTIONS } from "./assumptions.js";
import { calibrationTarget } from "../programmes/reference.js";
import type { SynthInputs } from "./inputs.js";
import { apportion, householdSizeCdf } from "./math.js";

/**
 * default = the embedded registry (DEFAULT_KABKOTA); banten = every kab/kota of the reference list
 * (regions.csv; `TS_SYNTH_SCALE=banten npm start`); kota_serang = Kota Serang alone (quick runs and
 * tests). A kab/kota's rows are the same at every scale that holds it: its plan depends only on the
 * reference data and the seed.
 */
export const SCALES = ["default", "banten", "kota_serang"] as const;
export type Scale = (typeof SCALES)[number];
/** Kota Serang: most published figures (allocations, kecamatan splits, the untouched gap) are about it. */
export const KOTA_SERANG = "3673";
export const KAB_SERANG = "3604";
export const BANTEN = "36";
/**
 * The kab/kota the embedded default holds: Kota Serang, Kab. Serang and Kota Cilegon (827.185
 * households). All eight (3,3 juta households) do not fit the 3-minute budget of `npm ci && npm start`
 * on a 2-core machine (measured in loaders/synth/README.md), so the province is the `banten` scale.
 */
export const DEFAULT_KABKOTA: readonly string[] = ["3604", "3672", "3673"];

/** The kab/kota a scale generates, in code order. */
export function scaleKabkota(inputs: SynthInputs, scale: Scale): string[] {
  const all = inputs.kabkota.map((k) => k.kode).sort();
  if (scale === "kota_serang") return [KOTA_SERANG];
  if (scale === "banten") return all;
  const unknown = DEFAULT_KABKOTA.filter((k) => !all.includes(k));
  if (unknown.length > 0) throw new Error(`Kab/kota ${unknown.join(", ")} tidak ada di regions.csv.`);
  return [...DEFAULT_KABKOTA].sort();
}

/**
 * The scale of the synthetic default the registry build generates: TS_SYNTH_SCALE (default,
 * banten or kota_serang), `default` when unset.
 */
export function configuredScale(env: NodeJS.ProcessEnv = process.env): Scale {
  const value = env.TS_SYNTH_SCALE?.trim() || "default";
  if (!(SCALES as readonly string[]).includes(value)) throw new SyntheticScaleError(value);
  return value as Scale;
}

export class SyntheticScaleError extends Error {
  constructor(value: string) {
    super(`TS_SYNTH_SCALE=${value} tidak dikenal; pilih salah satu dari ${SCALES.join(", ")} (atau hapus variabel itu untuk data sintetis bawaan).`);
    this.name = "SyntheticScaleError";
  }
}

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

function population2025(inputs: SynthInputs, kab: string): number {
  const population = inputs.population2025.get(kab);
  if (!population) throw new Error(`Jumlah penduduk 2025 untuk ${kab} tidak ada di population_kabkota.csv.`);
  return population.value;
}

/**
 * Households of every kab/kota of the reference list: the published or design count where
 * calibration_targets.csv has one (Kota Serang, Kab. Serang), and for the others the rest of the
 * province's design total split by registered population (Kepmendagri 2025). Computed over the whole
 * list whatever the scale, so a kab/kota has the same households at every scale.
 */
export function householdsPerKab(inputs: SynthInputs): Map<string, number> {
  const codes = inputs.kabkota.map((k) => k.kode).sort();
  const result = new Map<string, number>();
  for (const kab of codes) if (hasTarget(inputs, "households", kab)) result.set(kab, targetValue(inputs, "households", kab));
  const others = codes.filter((k) => !result.has(k));
  if (others.length > 0) {
    const rest = targetValue(inputs, "households", BANTEN) - sum([...result.values()]);
    apportion(rest, others.map((k) => population2025(inputs, k))).forEach((n, i) => result.set(others[i]!, n));
  }
  return result;
}

/** People of a kab/kota: its own target where calibration_targets.csv has one, otherwise its registered population (2025). */
export function peopleOfKab(inputs: SynthInputs, kab: string): number {
  return hasTarget(inputs, "people", kab) ? targetValue(inputs, "people", kab) : population2025(inputs, kab);
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

/**
 * Households per kecamatan: a kecamatan with a published population gets population ÷ the kab/kota's
 * mean household size (Kota Serang's Taktakan and Kasemen); the others share the rest in proportion to
 * their number of desa/kelurahan (regions.csv), since no kecamatan population or KK count is published.
 */
function kecamatanHouseholds(inputs: SynthInputs, kab: string, total: number, kecs: readonly SynthInputs["kecamatan"][number][]): number[] {
  const meanSize = peopleOfKab(inputs, kab) / total;
  const known = kecs.map((k) => (hasTarget(inputs, "people", k.kode) ? Math.round(targetValue(inputs, "people", k.kode) / meanSize) : null));
  const weights = kecs.map((k, i) => {
    if (known[i] !== null) return 0;
    if (k.kelurahan.length === 0) throw new Error(`Kecamatan ${k.kode} tidak memiliki desa/kelurahan di regions.csv.`);
    return k.kelurahan.length;
  });
  const rest = weights.some((w) => w > 0) ? apportion(total - sum(known.filter((n): n is number => n !== null)), weights) : weights;
  return known.map((n, i) => n ?? rest[i]!);
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
  const kabCodes = scaleKabkota(inputs, scale);
  const households = householdsPerKab(inputs);
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

    const people = peopleOfKab(inputs, kab);
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
