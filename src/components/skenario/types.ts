// Input and output types of the scenario model (DESIGN §4, issue 10). Shared by the DuckDB SQL
// implementation (sql-model.ts) and its independent Arquero twin (arquero-model.ts): nothing else
// is shared between them.
//
// THE MODEL (both implementations follow this text; the tests check them against hand computations)
//
// Cells. Each registry cell has households, persons, a per-capita monthly expenditure band
// [pce_lo, pce_hi) in which expenditure is spread uniformly (an open band, pce_hi NULL, is taken as
// [pce_lo, 2·pce_lo)), and its current programme recipients per programme (registry_cell_programmes).
// The registry expenditure is the 2025 status quo: it already contains what current programmes give.
//
// Lines. For kab/kota K, the extreme line L = extreme_ratio × poverty_line (Rp per capita per month).
// A household is extreme-poor when its per-capita expenditure is below L. In a cell:
//   F(x) = share below x = clamp((x − lo)/(hi − lo), 0, 1);
//   G(x) = mean per-capita gap to x = 0 if x ≤ lo; (x − lo)²/(2(hi − lo)) if lo < x < hi; x − (lo+hi)/2 if x ≥ hi.
//
// Programmes. Each scenario programme has, per pool (a kab/kota or a kecamatan), a baseline budget
// (what current recipients cost) and a scenario budget. cost = annual cost per household;
// transfer = annual value per household that reaches consumption (0 for health cover, housing).
//   - budget > baseline: additional units U = (budget − baseline)/cost go to households that do not
//     receive the programme now. (1 − leakage)·U go to eligible cells of the pool in the targeting
//     order, each cell taking up to its capacity (households − current recipients); the marginal cell
//     receives a fraction. Units beyond the pool's capacity are unspent. leakage·U go to the pool's
//     ineligible cells, spread in proportion to their capacity (at most all of it).
//   - budget < baseline: the cut share (baseline − budget)/baseline of current recipients in the
//     pool loses the transfer.
//   Eligible cell: desil_max ≤ eligible_desil_max, or desil unknown and on the target list.
//   Targeting orders (ties broken by cell_id; pools: per kab/kota, or per kecamatan where a
//   kecamatan budget is set, cells without a kecamatan then take no kecamatan budget):
//     "daftar"      target list first, then desil_min, then pce_lo
//     "desil"       desil_min, then pce_lo
//     "pengeluaran" pce_lo, then desil_min
// Within a cell. Each programme change is (share f of the cell's households, per-capita monthly
// change d = ±transfer/12/(persons/households), graduation log-survival). Changes in one cell are
// nested: the households reached first by one programme are the ones reached first by the others,
// so the household at rank u ∈ [0,1) gets every change with f > u. Rank is independent of expenditure.
//   poor share = Σ_segments length × F(L − d_seg) × survival_seg; gap likewise with G.
// Graduation. A new recipient of a programme with annual graduation probability γ stays extreme-poor
// with probability (1 − γ)^T, T = horizon − base year.
// Trend. Every horizon count (status quo and scenario) is multiplied by (1 + trend_per_year)^T.
// Outputs per area: base (2025) extreme-poor persons/households; status quo and scenario at the horizon;
// exits = status quo − scenario (persons); remaining gap (Rp per year = persons × gap × 12 × trend);
// exclusion error EE = eligible (extreme-poor in 2025) not receiving any programme ÷ eligible;
// inclusion error IE = receiving but not extreme-poor ÷ receiving (receiving share = the largest
// post-scenario share of any programme in the cell, by nesting); disallowed overlaps created =
// households × max(0, min(post_a, post_b) − min(pre_a, pre_b)) for each "duplicate" rule.

export type TargetingRule = "daftar" | "desil" | "pengeluaran";
export const TARGETING_RULES: readonly TargetingRule[] = ["daftar", "desil", "pengeluaran"];

/** One registry cell, as the model reads it (a subset of registry_cells). */
export interface ScenarioCell {
  readonly cell_id: number;
  readonly kab_kode: string;
  readonly kec_kode: string | null;
  readonly kel_kode: string | null;
  readonly desil_min: number | null;
  readonly desil_max: number | null;
  readonly on_target_list: boolean | null;
  readonly pce_lo_rp: number;
  readonly pce_hi_rp: number | null;
  readonly households: number;
  readonly persons: number;
}

/** Current recipients of one programme in one cell (registry_cell_programmes, summed over funders). */
export interface ScenarioReceipt {
  readonly cell_id: number;
  readonly programme_code: string;
  readonly households: number;
}

/** Model parameters of a programme (derived from the programme catalogue, or set by the user). */
export interface ProgrammeParams {
  readonly code: string;
  /** Annual cost of serving one household (Rp). */
  readonly cost_per_hh_year_rp: number;
  /** Annual value per household that adds to consumption (Rp); 0 for health cover or housing. */
  readonly transfer_per_hh_year_rp: number;
  /** Highest eligible desil (1–10). */
  readonly eligible_desil_max: number;
  /** Annual probability that a new recipient leaves extreme poverty for good (0 ≤ γ < 1). */
  readonly graduation_prob_per_year: number;
}

/** Budget of one programme in one pool (a kab/kota code or a kecamatan code). */
export interface PoolBudget {
  readonly area_kode: string;
  /** What current recipients in the pool cost a year (Rp), from the receipts. */
  readonly baseline_rp: number;
  /** The scenario's annual budget for the pool (Rp). */
  readonly budget_rp: number;
}

export interface ProgrammeRun {
  readonly params: ProgrammeParams;
  readonly rule: TargetingRule;
  /** Share (0–1) of additional units that go to ineligible households. */
  readonly leakage: number;
  /** Pools: kab/kota codes (4 digits) and/or kecamatan codes (6 digits). */
  readonly pools: readonly PoolBudget[];
}

export interface RegionAssumptions {
  readonly kab_kode: string;
  readonly poverty_line_rp: number;
  readonly extreme_ratio: number;
  /** Background change of the extreme-poor count per year (−0,03 = 3% fewer per year). */
  readonly trend_per_year: number;
}

/** Everything one model run needs besides the cells. */
export interface ModelRun {
  readonly base_year: number;
  readonly horizon: number;
  readonly regions: readonly RegionAssumptions[];
  readonly programmes: readonly ProgrammeRun[];
  /** Pairs of programme codes whose combination is a disallowed duplicate (overlap_rules). */
  readonly duplicate_pairs: readonly (readonly [string, string])[];
}

export type AreaLevel = "kab" | "kec" | "kel";

/** One output row. area_kode null = "tidak dirinci" (cells not detailed at this level) within kab_kode. */
export interface AreaResult {
  readonly level: AreaLevel;
  readonly kab_kode: string;
  readonly area_kode: string | null;
  readonly households: number;
  readonly persons: number;
  readonly base_poor_persons: number;
  readonly base_poor_households: number;
  readonly status_quo_poor_persons: number;
  readonly poor_persons: number;
  readonly poor_households: number;
  readonly exits_persons: number;
  /** Remaining gap at the horizon, Rp per year. */
  readonly gap_rp_year: number;
  readonly eligible_households: number;
  readonly eligible_not_receiving: number;
  readonly receiving_households: number;
  readonly receiving_not_eligible: number;
  readonly overlaps_created: number;
  /** Cost of additional units delivered in the area, less cuts (Rp per year). */
  readonly extra_delivered_rp: number;
  /** Cost to lift every 2025 extreme-poor person to the line with perfect targeting (Rp per year). */
  readonly close_gap_rp_year: number;
}

export const AREA_NUMBER_FIELDS = [
  "households",
  "persons",
  "base_poor_persons",
  "base_poor_households",
  "status_quo_poor_persons",
  "poor_persons",
  "poor_households",
  "exits_persons",
  "gap_rp_year",
  "eligible_households",
  "eligible_not_receiving",
  "receiving_households",
  "receiving_not_eligible",
  "overlaps_created",
  "extra_delivered_rp",
  "close_gap_rp_year"
] as const satisfies readonly (keyof AreaResult)[];

/** Exclusion error (share of eligible households not receiving), null when nobody is eligible. */
export function exclusionError(r: AreaResult): number | null {
  return r.eligible_households > 0 ? r.eligible_not_receiving / r.eligible_households : null;
}

/** Inclusion error (share of receiving households not eligible), null when nobody receives. */
export function inclusionError(r: AreaResult): number | null {
  return r.receiving_households > 0 ? r.receiving_not_eligible / r.receiving_households : null;
}
