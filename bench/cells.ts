// Registry cells in the benchmark: build time, size of the published cell tables next to the
// household tables they replace (rows, Parquet bytes), and the information loss of the page figures
// at kecamatan level in Kota Serang, for the synthetic scales of the profile (full run: the default
// and --scale banten).
import { statSync } from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows, withDuckDB } from "../loaders/lib/duck.js";
import { buildCells, CELL_PAIRS_TABLE, CELL_PROGRAMMES_TABLE, CELLS_TABLE } from "../loaders/registry/cells.js";
import { partitionFidelityReport } from "../loaders/registry/cell-report.js";
import { DEFAULT_SEED, generateSynthetic } from "../loaders/synth/generate.js";
import { loadSynthInputs } from "../loaders/synth/inputs.js";
import { KOTA_SERANG } from "../loaders/synth/plan.js";
import type { SynthScale } from "./profile.js";
import { makeTempDir } from "../tests/support/tmp.js";

export interface CellBenchRow {
  readonly scale: string;
  readonly households: number;
  readonly build_ms: number;
  readonly household_rows: number;
  readonly household_bytes: number;
  readonly receipt_rows: number;
  readonly receipt_bytes: number;
  readonly cell_rows: number;
  readonly cell_bytes: number;
  readonly cell_programme_rows: number;
  readonly cell_pair_rows: number;
  readonly cell_side_bytes: number;
  readonly coarsened_households: number;
  /** Kota Serang (where kecamatan figures are shown), not at Banten scale: worst kecamatan relative errors. */
  readonly fidelity?: Record<string, number>;
}

async function bytesOf(connection: DuckDBConnection, select: string, dir: string, name: string): Promise<number> {
  const file = path.join(dir, `${name}.parquet`);
  await connection.run(`COPY (${select}) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
  return statSync(file).size;
}

async function one(scale: SynthScale, log: (line: string) => void): Promise<CellBenchRow> {
  const tmp = makeTempDir("bench-cells");
  try {
    return await withDuckDB(async (c) => {
      const inputs = await loadSynthInputs();
      const { households, receipts } = await generateSynthetic(c, { scale, seed: DEFAULT_SEED, inputs });
      const started = performance.now();
      const summary = await buildCells(c, households, receipts, { k: 10 });
      const build_ms = Math.round(performance.now() - started);
      const count = async (sql: string) => Number((await queryRows(c, sql))[0]!.n);
      const row: CellBenchRow = {
        scale,
        households: summary.households,
        build_ms,
        household_rows: await count(`SELECT count(*) AS n FROM ${households}`),
        household_bytes: await bytesOf(c, `SELECT * FROM ${households} ORDER BY kab_kode, kec_kode, kel_kode, hh_id`, tmp.dir, "hh"),
        receipt_rows: await count(`SELECT count(*) AS n FROM ${receipts}`),
        receipt_bytes: await bytesOf(c, `SELECT * FROM ${receipts} ORDER BY kab_kode, programme_code, period, hh_id`, tmp.dir, "rc"),
        cell_rows: summary.cells,
        cell_bytes: await bytesOf(c, `SELECT * FROM ${CELLS_TABLE} ORDER BY kab_kode, cell_id`, tmp.dir, "cells"),
        cell_programme_rows: await count(`SELECT count(*) AS n FROM ${CELL_PROGRAMMES_TABLE}`),
        cell_pair_rows: await count(`SELECT count(*) AS n FROM ${CELL_PAIRS_TABLE}`),
        cell_side_bytes:
          (await bytesOf(c, `SELECT * FROM ${CELL_PROGRAMMES_TABLE} ORDER BY kab_kode, cell_id`, tmp.dir, "cp")) +
          (await bytesOf(c, `SELECT * FROM ${CELL_PAIRS_TABLE} ORDER BY kab_kode, cell_id`, tmp.dir, "pairs")),
        coarsened_households: summary.coarsenedHouseholds
      };
      // Cells merge households, never drop them.
      if (row.cell_rows === 0 || row.households !== row.household_rows) throw new Error(`${scale}: ${row.cell_rows} cells for ${row.households} of ${row.household_rows} households`);
      if (scale === "banten") return row;
      // Kota Serang's own extreme line (r × GK), the line its synthetic expenditure is calibrated to.
      const line = inputs.distributions.get(KOTA_SERANG)!.extreme_line_rp;
      const report = await partitionFidelityReport(c, { households, receipts }, KOTA_SERANG, line);
      const atLine = report.comparisons.find((x) => x.figure.startsWith(`persons di bawah garis Rp${Math.round(line)} setelah transfer Rp0/`));
      log(`  sel: ${summary.cells} sel, galat maksimum per kecamatan ${(report.extremePersonsMaxRelError * 100).toFixed(2)}%`);
      return {
        ...row,
        fidelity: {
          extreme_persons_max_rel_error: report.extremePersonsMaxRelError,
          extreme_persons_at_line_max_rel_error: atLine?.maxRelativeError ?? Number.NaN,
          extreme_households_max_rel_error: report.extremeHouseholdsMaxRelError,
          extreme_persons_undetailed_share: report.extremePersonsUndetailedShare,
          coverage_max_rel_error: report.coverageMaxRelError,
          ...Object.fromEntries(Object.entries(report.pairs).map(([k, v]) => [`pair_${k}_max_rel_error`, v.maxRelError]))
        }
      };
    });
  } finally {
    tmp.remove();
  }
}

export async function benchCells(scales: readonly SynthScale[], log: (line: string) => void): Promise<CellBenchRow[]> {
  const rows: CellBenchRow[] = [];
  for (const scale of scales) {
    log(`sel registri, skala ${scale}…`);
    rows.push(await one(scale, log));
  }
  return rows;
}

/** Run on its own: `npx tsx bench/cells.ts` prints the rows as JSON. */
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchCells(["default", "banten"], console.log), null, 2));
}
