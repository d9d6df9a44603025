// Seeded random cell tables and scenarios for the scenario model's agreement and property tests.
import type { ModelRun, ProgrammeParams, ProgrammeRun, ScenarioCell, ScenarioReceipt, TargetingRule } from "../../src/components/skenario/types.js";

/** Mulberry32: small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KABS: Record<string, string[]> = { "3673": ["367301", "367302", "367305"], "3604": ["360401", "360402"] };

export interface RandomCellsOptions {
  readonly cells: number;
  /** Desil rises with the expenditure band (as in real registries); otherwise desil is random. */
  readonly desilFollowsPce?: boolean;
  readonly receipts?: boolean;
}

export function randomCells(seed: number, options: RandomCellsOptions): { cells: ScenarioCell[]; receipts: ScenarioReceipt[] } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const cells: ScenarioCell[] = [];
  const receipts: ScenarioReceipt[] = [];
  for (let i = 1; i <= options.cells; i++) {
    const kab = pick(Object.keys(KABS));
    const kec = r() < 0.1 ? null : pick(KABS[kab]!);
    const kel = kec === null || r() < 0.2 ? null : `${kec}${String(1000 + Math.floor(r() * 3))}`;
    const step = Math.floor(r() * 12); // bands of Rp50.000 from Rp100.000
    const lo = 100_000 + step * 50_000;
    const open = step === 11 && r() < 0.5;
    const desil = options.desilFollowsPce ? Math.min(10, 1 + Math.floor(step * 0.8)) : r() < 0.1 ? null : 1 + Math.floor(r() * 10);
    const hh = 10 + Math.floor(r() * 40);
    const persons = hh * (2 + Math.floor(r() * 4)) + Math.floor(r() * hh);
    cells.push({
      cell_id: i,
      kab_kode: kab,
      kec_kode: kec,
      kel_kode: kel,
      desil_min: desil,
      desil_max: desil === null ? null : Math.min(10, desil + (r() < 0.2 ? 1 : 0)),
      on_target_list: r() < 0.1 ? null : r() < 0.3,
      pce_lo_rp: lo,
      pce_hi_rp: open ? null : lo + 50_000,
      households: hh,
      persons
    });
    if (options.receipts) {
      for (const code of ["a", "b", "c"]) {
        if (r() < 0.3) receipts.push({ cell_id: i, programme_code: code, households: 1 + Math.floor(r() * hh) });
      }
    }
  }
  return { cells, receipts };
}

export const RANDOM_CATALOGUE: ProgrammeParams[] = [
  { code: "a", cost_per_hh_year_rp: 2_400_000, transfer_per_hh_year_rp: 2_400_000, eligible_desil_max: 4, graduation_prob_per_year: 0 },
  { code: "b", cost_per_hh_year_rp: 500_000, transfer_per_hh_year_rp: 500_000, eligible_desil_max: 1, graduation_prob_per_year: 0 },
  { code: "c", cost_per_hh_year_rp: 1_500_000, transfer_per_hh_year_rp: 0, eligible_desil_max: 3, graduation_prob_per_year: 0.2 },
  { code: "d", cost_per_hh_year_rp: 504_000, transfer_per_hh_year_rp: 0, eligible_desil_max: 5, graduation_prob_per_year: 0 }
];

export function randomRun(seed: number, cells: readonly ScenarioCell[], receipts: readonly ScenarioReceipt[]): ModelRun {
  const r = rng(seed);
  const rules: TargetingRule[] = ["daftar", "desil", "pengeluaran"];
  const programmes: ProgrammeRun[] = [];
  for (const params of RANDOM_CATALOGUE) {
    if (r() < 0.25) continue;
    const byKec = r() < 0.4;
    const pools = [];
    for (const [kab, kecs] of Object.entries(KABS)) {
      const areas = byKec ? kecs.filter(() => r() < 0.7) : [kab];
      for (const area of areas) {
        const inArea = (c: ScenarioCell) => (area.length === 4 ? c.kab_kode === area : c.kec_kode === area);
        const current = receipts
          .filter((x) => x.programme_code === params.code)
          .reduce((sum, x) => sum + (cells.find((c) => c.cell_id === x.cell_id && inArea(c)) ? Math.min(x.households, cells.find((c) => c.cell_id === x.cell_id)!.households) : 0), 0);
        const baseline = current * params.cost_per_hh_year_rp;
        const factor = r() < 0.25 ? r() : 1 + r() * 2; // a cut in one case out of four
        pools.push({ area_kode: area, baseline_rp: baseline, budget_rp: Math.round(baseline * factor + (r() < 0.5 ? r() * 200 * params.cost_per_hh_year_rp : 0)) });
      }
    }
    programmes.push({ params, rule: rules[Math.floor(r() * 3)]!, leakage: r() < 0.5 ? 0 : Math.round(r() * 30) / 100, pools });
  }
  return {
    base_year: 2025,
    horizon: r() < 0.5 ? 2026 : 2027,
    regions: [
      { kab_kode: "3673", poverty_line_rp: 450_000 + Math.round(r() * 200_000), extreme_ratio: 0.6 + r() * 0.1, trend_per_year: -r() * 0.1 },
      { kab_kode: "3604", poverty_line_rp: 400_000 + Math.round(r() * 150_000), extreme_ratio: 0.6 + r() * 0.1, trend_per_year: 0 }
    ],
    programmes,
    duplicate_pairs: [
      ["a", "b"],
      ["b", "c"]
    ]
  };
}
