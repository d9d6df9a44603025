// The coarsening ladder of the registry cells: from the finest description of a household to the
// coarsest. Each household is placed at the first level where its cell holds at least k households
// (local recoding), so detail is kept wherever the data allow it and lost only where cells are small.

/** Area detail: kelurahan/desa, kecamatan, or kab/kota. */
export type AreaDetail = "kel" | "kec" | "kab";
/** Desil detail: each desil, the groups the programme eligibility limits need, or none. */
export type DesilDetail = "exact" | "group" | "none";
/** Household size detail: exact members (7+ together), bands of two, or none. */
export type SizeDetail = "exact" | "band" | "none";
/**
 * Per-capita expenditure detail: a zone width in rupiah. Households are grouped by zone (below
 * Rp1,2 juta; the grid's own bands above), and within a group neighbouring bands of the fixed grid
 * (PCE_GRID) are merged until each merged band holds at least k households, so dense parts of the
 * distribution keep bands as narrow as Rp5.000. "all" is one zone over the whole range (bands still
 * adapt, however wide they must be); "none" keeps no expenditure detail (residual only).
 */
export type PceDetail = 25_000 | 50_000 | 100_000 | 300_000 | "all" | "none";
/** Programme combination detail: the exact set, only "none vs some", or none. */
export type ProgrammeDetail = "exact" | "any" | "none";

export interface CellLevel {
  readonly area: AreaDetail;
  readonly desil: DesilDetail;
  readonly size: SizeDetail;
  /** Whether target-list membership is kept. */
  readonly target: boolean;
  readonly pce: PceDetail;
  readonly programmes: ProgrammeDetail;
}

/**
 * Fixed rupiah grid under the adaptive bands. Steps of Rp5.000 (≈ 1,4% of the 2023 extreme line
 * Rp351.957, ≈ 1% of Banten poverty lines) up to Rp1,2 juta, above any Banten poverty line × 1,5;
 * then Rp100.000 steps to Rp2 juta, then [2, 3), [3, 5), [5, ∞) juta. Band bounds come from this grid,
 * never from a household's value, so they reveal nothing about any household.
 */
export const PCE_GRID = {
  step: 5_000,
  detailedUntil: 1_200_000,
  upperStep: 100_000,
  upperUntil: 2_000_000,
  topBreaks: [2_000_000, 3_000_000, 5_000_000]
} as const;

/** Desil groups that keep every published eligibility limit (desil ≤ 1, 2, 4, 5) exact. */
export const DESIL_GROUPS: readonly (readonly [number, number])[] = [
  [1, 1],
  [2, 2],
  [3, 4],
  [5, 5],
  [6, 10]
];

/** Size bands for the "band" detail; the last is open (7 or more members). */
export const SIZE_BANDS: readonly (readonly [number, number | null])[] = [
  [1, 2],
  [3, 4],
  [5, 6],
  [7, null]
];

const L = (area: AreaDetail, desil: DesilDetail, size: SizeDetail, target: boolean, programmes: ProgrammeDetail, pce: PceDetail): CellLevel => ({
  area, desil, size, target, pce, programmes
});

/**
 * The ladder, finest first. A household goes to the first level whose group (everything but the
 * exact band) holds at least k households. Narrow expenditure zones are kept before kelurahan detail
 * where the two compete, because the scenario figures depend on where households sit against the
 * line; kelurahan counts of coverage stay available through the `hh_*` count columns of coarser cells
 * at kecamatan level. Target-list membership is kept until the residual; the programme combination
 * is kept exactly as long as expenditure zones are at most Rp100.000 wide.
 */
export const CELL_LEVELS: readonly CellLevel[] = [
  L("kel", "group", "band", true, "any", 25_000),
  L("kec", "group", "band", true, "any", 25_000),
  L("kec", "group", "none", true, "any", 25_000),
  L("kec", "none", "none", true, "any", 25_000),
  L("kel", "none", "none", true, "any", 100_000),
  L("kec", "none", "none", true, "any", 100_000),
  L("kec", "none", "none", true, "none", 100_000),
  // Keeps kecamatan and target list, so coverage and overlap counts stay exact per kecamatan; the
  // expenditure bands adapt over the whole range (no zone), so the poorest list households, too few
  // for a zone of their own, still keep a band instead of none.
  L("kec", "none", "none", true, "none", "all"),
  L("kec", "none", "none", false, "none", 300_000),
  L("kab", "none", "none", true, "any", 50_000),
  L("kab", "none", "none", true, "none", 300_000),
  L("kab", "none", "none", false, "none", 300_000),
  L("kab", "none", "none", false, "none", "none")
];

/** TS_MIN_CELL: the smallest number of households a published row may describe (default 10, never below 3). */
export const DEFAULT_MIN_CELL = 10;
export const LOWEST_MIN_CELL = 3;

export function minCellSize(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.TS_MIN_CELL?.trim();
  if (raw === undefined || raw === "") return DEFAULT_MIN_CELL;
  if (!/^\d+$/.test(raw)) throw new Error(`TS_MIN_CELL harus bilangan bulat, bukan "${raw}".`);
  const k = Number(raw);
  if (k < LOWEST_MIN_CELL) {
    throw new Error(`TS_MIN_CELL=${k} ditolak: sel harus menggambarkan sedikitnya ${LOWEST_MIN_CELL} rumah tangga (bawaan ${DEFAULT_MIN_CELL}).`);
  }
  return k;
}

// --- SQL expressions of each detail over a household row `h` with columns kab_kode, kec_kode,
// kel_kode, desil, members, pce_month_rp, on_target_list, combo (written by this module only).

/** Start and end of household h's band on the fixed grid (end NULL for the open top band). */
export function gridBandSql(): [string, string] {
  const g = PCE_GRID;
  const [b1, b2, b3] = g.topBreaks;
  const start = `CASE WHEN h.pce_month_rp >= ${b3} THEN ${b3} WHEN h.pce_month_rp >= ${b2} THEN ${b2} WHEN h.pce_month_rp >= ${b1} THEN ${b1}
    WHEN h.pce_month_rp >= ${g.detailedUntil} THEN floor(h.pce_month_rp / ${g.upperStep}) * ${g.upperStep}
    ELSE floor(greatest(h.pce_month_rp, 0) / ${g.step}) * ${g.step} END`;
  const end = `CASE WHEN h.pce_month_rp >= ${b3} THEN NULL WHEN h.pce_month_rp >= ${b2} THEN ${b3} WHEN h.pce_month_rp >= ${b1} THEN ${b2}
    WHEN h.pce_month_rp >= ${g.detailedUntil} THEN floor(h.pce_month_rp / ${g.upperStep}) * ${g.upperStep} + ${g.upperStep}
    ELSE floor(greatest(h.pce_month_rp, 0) / ${g.step}) * ${g.step} + ${g.step} END`;
  return [start, end];
}

function desilRange(detail: DesilDetail): [string, string] {
  if (detail === "exact") return ["h.desil", "h.desil"];
  if (detail === "none") return ["NULL", "NULL"];
  const when = (pick: 0 | 1) => DESIL_GROUPS.map((g) => `WHEN h.desil BETWEEN ${g[0]} AND ${g[1]} THEN ${g[pick]}`).join(" ");
  return [`CASE ${when(0)} END`, `CASE ${when(1)} END`];
}

function sizeRange(detail: SizeDetail): [string, string] {
  if (detail === "none") return ["NULL", "NULL"];
  if (detail === "exact") return ["least(h.members, 7)", "CASE WHEN h.members >= 7 THEN NULL ELSE h.members END"];
  const when = (pick: 0 | 1) =>
    SIZE_BANDS.map((b) => `WHEN h.members >= ${b[0]}${b[1] === null ? "" : ` AND h.members <= ${b[1]}`} THEN ${b[pick] ?? "NULL"}`).join(" ");
  return [`CASE ${when(0)} END`, `CASE ${when(1)} END`];
}

/** SQL for the start of household h's expenditure zone at `level` (0 when the level keeps none). */
export function zoneSql(level: CellLevel): string {
  if (level.pce === "none" || level.pce === "all") return "0";
  return `CASE WHEN h.pce_month_rp >= ${PCE_GRID.detailedUntil} THEN ${gridBandSql()[0]}
    ELSE floor(greatest(h.pce_month_rp, 0) / ${level.pce}) * ${level.pce} END`;
}

/** SELECT list giving the group of household `h` at `level` (every key column but the expenditure band). */
export function levelGroupSql(level: CellLevel): string {
  const [desilMin, desilMax] = desilRange(level.desil);
  const [sizeMin, sizeMax] = sizeRange(level.size);
  const programmes =
    level.programmes === "exact" ? "h.combo" : level.programmes === "any" ? "CASE WHEN h.combo = '' THEN '' ELSE NULL END" : "NULL";
  return [
    `h.kab_kode AS kab_kode`,
    `${level.area === "kab" ? "NULL" : "h.kec_kode"}::VARCHAR AS kec_kode`,
    `${level.area === "kel" ? "h.kel_kode" : "NULL"}::VARCHAR AS kel_kode`,
    `(${desilMin})::TINYINT AS desil_min`,
    `(${desilMax})::TINYINT AS desil_max`,
    `(${sizeMin})::SMALLINT AS size_min`,
    `(${sizeMax})::SMALLINT AS size_max`,
    `${level.target ? "h.on_target_list" : "NULL"}::BOOLEAN AS on_target_list`,
    `(${programmes})::VARCHAR AS programmes`
  ].join(",\n    ");
}

/** The group columns, in order (everything that describes a cell except its expenditure band). */
export const GROUP_COLUMNS = [
  "kab_kode", "kec_kode", "kel_kode", "desil_min", "desil_max", "size_min", "size_max", "on_target_list", "programmes"
] as const;

/** The key columns, in order (used for grouping and for a deterministic cell_id). */
export const KEY_COLUMNS = [...GROUP_COLUMNS, "pce_lo_rp", "pce_hi_rp"] as const;
