// generateSynthetic: the calibrated synthetic default registry (households + programme receipts) as two
// DuckDB temp tables whose columns are exactly REGISTRY_HOUSEHOLDS_SCHEMA and PROGRAMME_RECEIPTS_SCHEMA.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Provenance } from "../lib/parquet.js";
import { calibrationTarget } from "../programmes/reference.js";
import { ASSUMPTIONS } from "./assumptions.js";
import { drawReceipts } from "./benefits.js";
import { drawHouseholds, publicHouseholdsSql, WORK_HOUSEHOLDS } from "./households.js";
import { loadSynthInputs, type SynthInputs } from "./inputs.js";
import type { KabDistribution } from "./distribution.js";
import { buildPlan, KOTA_SERANG, type Scale, type SynthPlan } from "./plan.js";
import { checkSeed } from "./sql.js";

/** The seed of the embedded default registry. */
export const DEFAULT_SEED = 20250911;

export interface SyntheticOptions {
  readonly scale: Scale;
  readonly seed: number;
  /** Override the per-kab/kota expenditure distributions (default: distribution.ts from the model). */
  readonly distributions?: ReadonlyMap<string, KabDistribution>;
  /** Inputs already read (tests reuse them); read from data/reference otherwise. */
  readonly inputs?: SynthInputs;
}

export interface SyntheticTables {
  /** Temp table names, e.g. `synth_households_default_20250911`. */
  readonly households: string;
  readonly receipts: string;
}

/** Provenance for Parquet files written from the synthetic tables (pages must label them synthetic). */
export function syntheticProvenance(seed: number): Provenance {
  return {
    source:
      `sintetis (seed ${seed}): registri rumah tangga dan penerimaan program yang dibangkitkan, dikalibrasi ke agregat terbit ` +
      "(`data/reference/programmes/calibration_targets.csv`, `programme_allocations.csv`) dan, per kab/kota, ke P0 BPS dan perkiraan model kemiskinan ekstrem " +
      "di bawah garis kab/kota itu sendiri (`poverty_lines`, `extreme_estimates`); bukan data penduduk sebenarnya. Metode: `loaders/synth/README.md`",
    retrieved_at: ASSUMPTIONS.snapshotDate,
    loader: "loaders/synth/generate.ts",
    synthetic: true
  };
}

export function syntheticTableNames(scale: Scale, seed: number): SyntheticTables {
  return { households: `synth_households_${scale}_${seed}`, receipts: `synth_receipts_${scale}_${seed}` };
}

export async function generateSynthetic(connection: DuckDBConnection, options: SyntheticOptions): Promise<SyntheticTables> {
  const seed = checkSeed(options.seed);
  const inputs = options.inputs ?? (await loadSynthInputs());
  const plan: SynthPlan = buildPlan(inputs, options.scale, seed);
  const names = syntheticTableNames(options.scale, seed);

  await drawHouseholds(connection, plan, options.distributions ?? inputs.distributions);
  await connection.run(publicHouseholdsSql(names.households, seed));
  const deactivated = calibrationTarget(inputs.targets, "pbi_apbn_desil_6_10_people", KOTA_SERANG).value;
  await drawReceipts(connection, plan, inputs.programmes, inputs.allocations, deactivated, names.receipts);
  for (const t of [WORK_HOUSEHOLDS, "_synth_kec", "_synth_kel", "_synth_size", "_synth_pce"]) await connection.run(`DROP TABLE IF EXISTS ${t}`);
  return names;
}
