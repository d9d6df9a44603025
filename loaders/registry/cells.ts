// Builds the published registry cells from pseudonymised households and receipts (DESIGN §3, §5).
// Local recoding: each household goes to the first level of CELL_LEVELS at which its cell holds at
// least k households. What is left after the last level (fewer than k households in a kab/kota's
// residual) takes back the smallest cells of that kab/kota until the residual reaches k, so no row
// is smaller than k and no household is dropped: every total equals the microdata.
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { queryRows } from "../lib/duck.js";
import { CELL_FLAGS } from "./cells-schema.js";
import { CELL_LEVELS, GROUP_COLUMNS, KEY_COLUMNS, gridBandSql, levelGroupSql, zoneSql, type CellLevel } from "./cell-levels.js";

export const CELLS_TABLE = "_registry_cells";
export const CELL_PROGRAMMES_TABLE = "_registry_cell_programmes";
export const CELL_PAIRS_TABLE = "_registry_cell_pairs";

export interface CellBuildOptions {
  /** Minimum households per published row. */
  readonly k: number;
  readonly levels?: readonly CellLevel[];
}

export interface CellBuildSummary {
  readonly k: number;
  readonly households: number;
  readonly cells: number;
  /** Households whose cell is coarser than the finest level. */
  readonly coarsenedHouseholds: number;
  /** Households that took part in the final merge into a kab/kota residual. */
  readonly mergedIntoResidual: number;
}

const keyList = KEY_COLUMNS.join(", ");
const keyOrder = KEY_COLUMNS.map((c) => `${c} NULLS FIRST`).join(", ");

export class CellBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CellBuildError";
  }
}

/**
 * Writes CELLS_TABLE (REGISTRY_CELLS_SCHEMA columns) and CELL_PROGRAMMES_TABLE (with kab_kode for
 * partitioning) from a household table and a receipts table with the registry schemas.
 */
export async function buildCells(
  connection: DuckDBConnection,
  households: string,
  receipts: string,
  options: CellBuildOptions
): Promise<CellBuildSummary> {
  const { k } = options;
  const levels = options.levels ?? CELL_LEVELS;
  if (!Number.isInteger(k) || k < 1) throw new CellBuildError(`k must be a positive integer, got ${k}`);
  const last = levels.at(-1);
  if (!last || last.area !== "kab" || last.target || last.pce !== "none" || last.programmes !== "none" || last.desil !== "none" || last.size !== "none") {
    throw new CellBuildError("the last cell level must keep nothing but the kab/kota (one residual cell per kab/kota)");
  }

  const orphans = await queryRows(connection, `SELECT count(*)::INTEGER AS n FROM ${receipts} r ANTI JOIN ${households} h ON h.hh_id = r.hh_id`);
  if (Number(orphans[0]?.n) > 0) {
    throw new CellBuildError(`${orphans[0]!.n} baris penerimaan merujuk rumah tangga yang tidak ada di registri; sel tidak dapat menjaga jumlahnya.`);
  }

  await connection.run(`CREATE OR REPLACE TEMP TABLE _cell_hh AS
    SELECT row_number() OVER (ORDER BY h.kab_kode, h.hh_id) AS seq,
      h.kab_kode, h.kec_kode, h.kel_kode, h.desil, h.members, h.pce_month_rp, h.pce_imputed, h.on_target_list,
      ${CELL_FLAGS.map((f) => `h.${f}`).join(", ")}, h.hh_id,
      coalesce(c.combo, '') AS combo
    FROM ${households} h
    LEFT JOIN (
      SELECT hh_id, array_to_string(list_sort(list(DISTINCT programme_code)), '+') AS combo FROM ${receipts} GROUP BY hh_id
    ) c ON c.hh_id = h.hh_id`);

  await connection.run(`CREATE OR REPLACE TEMP TABLE _cell_assign (seq BIGINT, kab_kode VARCHAR, kec_kode VARCHAR, kel_kode VARCHAR,
    desil_min TINYINT, desil_max TINYINT, size_min SMALLINT, size_max SMALLINT, on_target_list BOOLEAN, programmes VARCHAR,
    pce_lo_rp DOUBLE, pce_hi_rp DOUBLE, coarsening TINYINT)`);

  for (const [i, level] of levels.entries()) await placeLevel(connection, level, i, k);
  const mergedIntoResidual = await mergeLeftovers(connection, levels, k);

  await connection.run(`CREATE OR REPLACE TEMP TABLE _cell_of AS
    SELECT seq, kab_kode, dense_rank() OVER (PARTITION BY kab_kode ORDER BY coarsening, ${keyOrder})::INTEGER AS cell_id
    FROM _cell_assign`);

  await connection.run(`CREATE OR REPLACE TEMP TABLE ${CELLS_TABLE} AS
    SELECT o.cell_id, ${KEY_COLUMNS.map((c) => `any_value(a.${c}) AS ${c}`).join(", ")},
      count(*)::INTEGER AS households,
      sum(h.members)::INTEGER AS persons,
      ${CELL_FLAGS.map((f) => `count(*) FILTER (WHERE h.${f})::INTEGER AS hh_${f}`).join(",\n      ")},
      count(*) FILTER (WHERE h.pce_imputed)::INTEGER AS hh_pce_imputed,
      count(*) FILTER (WHERE h.combo <> '')::INTEGER AS hh_any_programme,
      any_value(a.coarsening)::TINYINT AS coarsening
    FROM _cell_assign a JOIN _cell_of o USING (seq) JOIN _cell_hh h USING (seq)
    GROUP BY o.kab_kode, o.cell_id`);

  await connection.run(`CREATE OR REPLACE TEMP TABLE ${CELL_PROGRAMMES_TABLE} AS
    SELECT o.kab_kode, o.cell_id, r.programme_code, r.funder,
      count(DISTINCT r.hh_id)::INTEGER AS households,
      coalesce(sum(r.units), 0)::DOUBLE AS units,
      coalesce(sum(r.value_rp), 0)::DOUBLE AS value_rp,
      count(DISTINCT r.period)::SMALLINT AS periods
    FROM ${receipts} r JOIN _cell_hh h ON h.hh_id = r.hh_id JOIN _cell_of o ON o.seq = h.seq
    GROUP BY ALL`);

  // Pairs held by the same household, counted per cell: overlap figures stay exact where the
  // programme combination is not part of the cell's description.
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${CELL_PAIRS_TABLE} AS
    WITH held AS (SELECT DISTINCT hh_id, programme_code FROM ${receipts})
    SELECT o.kab_kode, o.cell_id, a.programme_code AS programme_a, b.programme_code AS programme_b, count(*)::INTEGER AS households
    FROM held a JOIN held b ON a.hh_id = b.hh_id AND a.programme_code < b.programme_code
    JOIN _cell_hh h ON h.hh_id = a.hh_id JOIN _cell_of o ON o.seq = h.seq
    GROUP BY ALL`);

  const [summary] = await queryRows(connection, `SELECT
      (SELECT count(*) FROM _cell_hh)::INTEGER AS households,
      (SELECT count(*) FROM ${CELLS_TABLE})::INTEGER AS cells,
      (SELECT count(*) FROM _cell_assign WHERE coarsening > 0)::INTEGER AS coarsened,
      (SELECT coalesce(min(households), 0) FROM ${CELLS_TABLE})::INTEGER AS smallest`);
  const placed = Number(summary!.households);
  if (placed > 0 && Number(summary!.smallest) < k) throw new CellBuildError(`internal: a cell has ${summary!.smallest} < ${k} households`);
  for (const name of ["_cell_assign", "_cell_of", "_cell_level", "_cell_bins"]) await connection.run(`DROP TABLE IF EXISTS ${name}`);
  return { k, households: placed, cells: Number(summary!.cells), coarsenedHouseholds: Number(summary!.coarsened), mergedIntoResidual };
}

/**
 * Places the unplaced households whose group at `level` holds at least k households. Within each
 * group, neighbouring grid bands are merged from the bottom until each merged band holds k (a
 * remainder joins the band below it), so no band describes fewer than k households.
 */
async function placeLevel(connection: DuckDBConnection, level: CellLevel, index: number, k: number): Promise<void> {
  const groupList = GROUP_COLUMNS.join(", ");
  const [bandLo, bandHi] = gridBandSql();
  await connection.run(`CREATE OR REPLACE TEMP TABLE _cell_level AS
    SELECT *, dense_rank() OVER (ORDER BY ${GROUP_COLUMNS.map((c) => `${c} NULLS FIRST`).join(", ")}, zone) AS gid FROM (
      SELECT h.seq, ${levelGroupSql(level)}, ${zoneSql(level)} AS zone, ${bandLo} AS band_lo, ${bandHi} AS band_hi
      FROM _cell_hh h ANTI JOIN _cell_assign a ON a.seq = h.seq
    ) QUALIFY count(*) OVER (PARTITION BY ${groupList}, zone) >= ${k}`);
  if (level.pce === "none") {
    await connection.run(`INSERT INTO _cell_assign SELECT seq, ${groupList}, 0, NULL, ${index} FROM _cell_level`);
    return;
  }
  const reader = await connection.runAndReadAll(
    `SELECT gid, band_lo, any_value(band_hi) AS band_hi, count(*)::INTEGER AS n FROM _cell_level GROUP BY gid, band_lo ORDER BY gid, band_lo`
  );
  const [gids, los, his, counts] = [0, 1, 2, 3].map((c) => reader.getColumns()[c] ?? []) as [unknown[], unknown[], unknown[], unknown[]];
  await connection.run("CREATE OR REPLACE TEMP TABLE _cell_bins (gid BIGINT, band_lo DOUBLE, bin_lo DOUBLE, bin_hi DOUBLE)");
  const appender = await connection.createAppender("_cell_bins");
  for (const bin of adaptiveBins(gids.map(Number), los.map(Number), his.map((h) => (h === null ? null : Number(h))), counts.map(Number), k)) {
    appender.appendBigInt(BigInt(bin.gid));
    appender.appendDouble(bin.bandLo);
    appender.appendDouble(bin.binLo);
    if (bin.binHi === null) appender.appendNull();
    else appender.appendDouble(bin.binHi);
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(`INSERT INTO _cell_assign
    SELECT l.seq, ${GROUP_COLUMNS.map((c) => `l.${c}`).join(", ")}, b.bin_lo, b.bin_hi, ${index}
    FROM _cell_level l JOIN _cell_bins b ON b.gid = l.gid AND b.band_lo = l.band_lo`);
}

export interface BandBin {
  readonly gid: number;
  readonly bandLo: number;
  readonly binLo: number;
  readonly binHi: number | null;
}

/**
 * Greedy bottom-up merge of grid bands (sorted by group, then band start) into bins of at least k
 * households per group; the last remainder of a group joins its previous bin. Every group must hold
 * at least k households. Returns, for each input band, the bin it belongs to.
 */
export function adaptiveBins(
  gids: readonly number[],
  bandLos: readonly number[],
  bandHis: readonly (number | null)[],
  counts: readonly number[],
  k: number
): BandBin[] {
  const out: BandBin[] = [];
  let start = 0;
  while (start < gids.length) {
    let end = start;
    while (end < gids.length && gids[end] === gids[start]) end++;
    // Bins of this group: [first band index, last band index].
    const bins: [number, number][] = [];
    let open = start;
    let sum = 0;
    for (let i = start; i < end; i++) {
      sum += counts[i]!;
      if (sum >= k) {
        bins.push([open, i]);
        open = i + 1;
        sum = 0;
      }
    }
    if (bins.length === 0) throw new CellBuildError(`internal: group ${gids[start]} has fewer than ${k} households`);
    if (open < end) bins[bins.length - 1]![1] = end - 1;
    for (const [first, last] of bins) {
      for (let i = first; i <= last; i++) out.push({ gid: gids[i]!, bandLo: bandLos[i]!, binLo: bandLos[first]!, binHi: bandHis[last]! });
    }
    start = end;
  }
  return out;
}

/**
 * Households still unplaced after the last level form a kab/kota residual of fewer than k. It takes
 * back the smallest placed cells of that kab/kota (most coarsened first among equals) until it holds k.
 */
async function mergeLeftovers(connection: DuckDBConnection, levels: readonly CellLevel[], k: number): Promise<number> {
  const leftovers = await queryRows(connection, `SELECT h.kab_kode, count(*)::INTEGER AS n,
      (SELECT count(*) FROM _cell_hh x WHERE x.kab_kode = h.kab_kode)::INTEGER AS total
    FROM _cell_hh h ANTI JOIN _cell_assign a ON a.seq = h.seq GROUP BY h.kab_kode ORDER BY h.kab_kode`);
  let merged = 0;
  for (const row of leftovers) {
    const kab = String(row.kab_kode);
    if (Number(row.total) < k) {
      throw new CellBuildError(`Kab/kota ${kab} hanya memiliki ${row.total} rumah tangga, kurang dari k = ${k}: tidak ada sel yang dapat diterbitkan.`);
    }
    let need = k - Number(row.n);
    const cells = await queryRows(connection, `SELECT coarsening, ${keyList}, count(*)::INTEGER AS n
      FROM _cell_assign WHERE kab_kode = $1 GROUP BY coarsening, ${keyList}
      ORDER BY n, coarsening DESC, ${keyOrder}`, [kab]);
    const taken: Record<string, unknown>[] = [];
    for (const cell of cells) {
      if (need <= 0) break;
      taken.push(cell);
      need -= Number(cell.n);
    }
    const columns = ["coarsening", ...KEY_COLUMNS];
    const match = columns.map((c, i) => `${c} IS NOT DISTINCT FROM $${i + 1}`).join(" AND ");
    for (const cell of taken) {
      await connection.run(`DELETE FROM _cell_assign WHERE ${match}`, columns.map((c) => (cell[c] ?? null) as DuckDBValue));
    }
    const residual = levels.length - 1;
    const result = await queryRows(connection, `INSERT INTO _cell_assign
      SELECT h.seq, ${levelGroupSql(levels[residual]!)}, 0, NULL, ${residual}::TINYINT
      FROM _cell_hh h ANTI JOIN _cell_assign a ON a.seq = h.seq WHERE h.kab_kode = $1 RETURNING seq`, [kab]);
    merged += result.length;
  }
  return merged;
}

