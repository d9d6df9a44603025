// The registry of published tables and how each is built into data/build/<name>.parquet.
import { existsSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { withDuckDB } from "./lib/duck.js";
import { builtTablePath } from "./lib/paths.js";
import { buildCatalog } from "./tables/catalog.js";
import { buildRegions } from "./tables/regions.js";
import { buildBpsExtremePoverty, buildBpsPoverty, buildTargets } from "./tables/bps.js";
import { buildPovertyLines } from "./tables/poverty-lines.js";
import { buildExtremeCalibration, buildExtremeEstimates, buildExtremeModelComparison, buildExtremeValidation } from "./tables/extreme-estimates.js";
import { REJECTIONS_TABLE, buildMicrodata, isRegistryTable } from "./tables/registry.js";
import { partitionTableNames, readPartitions } from "./registry/partitions.js";
import { buildOverlapRules, buildProgrammeAllocations, buildProgrammes } from "./programmes/tables.js";

export interface TableBuilder {
  readonly name: string;
  build(connection: DuckDBConnection, out: string): Promise<void>;
}

/**
 * Every table with a fixed name except the catalog, in build order. Add new tables here, in
 * src/components/core/tables.ts and as src/data/<name>.parquet.ts (tests/unit/site/published-tables.test.ts
 * checks the three agree). The registry partitions (one set per kab/kota the registry holds) are
 * added by publishedTableNames().
 */
export const TABLES: readonly TableBuilder[] = [
  { name: "regions", build: buildRegions },
  { name: "bps_poverty", build: (c, out) => buildBpsPoverty(c, out) },
  { name: "bps_extreme_poverty", build: (c, out) => buildBpsExtremePoverty(c, out) },
  { name: "targets", build: (c, out) => buildTargets(c, out) },
  { name: "poverty_lines", build: (c, out) => buildPovertyLines(c, out) },
  { name: "extreme_estimates", build: buildExtremeEstimates },
  { name: "extreme_validation", build: buildExtremeValidation },
  { name: "extreme_calibration", build: buildExtremeCalibration },
  { name: "extreme_model_comparison", build: buildExtremeModelComparison },
  { name: "programmes", build: buildProgrammes },
  { name: "overlap_rules", build: buildOverlapRules },
  { name: "programme_allocations", build: buildProgrammeAllocations },
  // The registry partitions and the ingest report are written together (one ingest or one generation).
  { name: REJECTIONS_TABLE, build: (c) => buildMicrodata(c) }
];

/** The kab/kota partitions of the registry, building the registry first when it was never built. */
export async function registryPartitionList(connection?: DuckDBConnection): Promise<string[]> {
  const known = readPartitions();
  if (known) return known;
  await ensureBuilt(REJECTIONS_TABLE, connection);
  return readPartitions() ?? [];
}

/** Every published table except the catalog: the fixed ones, then each registry partition. */
export async function publishedTableNames(connection?: DuckDBConnection): Promise<string[]> {
  return [...TABLES.map((t) => t.name), ...partitionTableNames(await registryPartitionList(connection))];
}

const catalogBuilder: TableBuilder = {
  name: "catalog",
  build: async (connection, out) => {
    for (const table of TABLES) await ensureBuilt(table.name, connection);
    const names = await publishedTableNames(connection);
    await buildCatalog(connection, names.map((name) => ({ name, path: builtTablePath(name) })), out);
  }
};

const registryBuilder = (name: string): TableBuilder => ({
  name,
  build: async (connection) => {
    await buildMicrodata(connection);
    if (!existsSync(builtTablePath(name))) {
      throw new Error(`tabel ${name} tidak ada: registri tidak memuat kab/kota itu (partisi: ${(readPartitions() ?? []).join(", ") || "tidak ada"})`);
    }
  }
});

function builder(name: string): TableBuilder {
  const found = name === "catalog" ? catalogBuilder : TABLES.find((t) => t.name === name) ?? (isRegistryTable(name) ? registryBuilder(name) : undefined);
  if (!found) throw new Error(`unknown table "${name}"; known: ${[...TABLES.map((t) => t.name), "catalog", "registry_cells_<kab>", "registry_cell_programmes_<kab>", "registry_cell_pairs_<kab>"].join(", ")}`);
  return found;
}

export async function buildTable(name: string, connection?: DuckDBConnection): Promise<string> {
  const out = builtTablePath(name);
  const table = builder(name);
  if (connection) await table.build(connection, out);
  else await withDuckDB((c) => table.build(c, out));
  return out;
}

/** Builds a table only if its file is missing (entry points use this; `npm run data` rebuilds all). */
export async function ensureBuilt(name: string, connection?: DuckDBConnection): Promise<string> {
  const out = builtTablePath(name);
  return existsSync(out) ? out : buildTable(name, connection);
}

export async function buildAll(log: (line: string) => void = () => {}): Promise<void> {
  await withDuckDB(async (connection) => {
    for (const table of [...TABLES, catalogBuilder]) {
      const started = performance.now();
      await buildTable(table.name, connection);
      log(`${table.name}: ${Math.round(performance.now() - started)} ms`);
    }
  });
}
