// The registry tables: from the files in data/private/ when there are any (pseudonymised with
// TS_PSEUDONYM_KEY), otherwise from the labelled synthetic default. The household microdata stays
// loader-side (data/build/microdata/, never an entry point of the site); what is published are the
// registry cells per kab/kota partition (every row ≥ k households), and the ingest report.
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../lib/duck.js";
import { formatCount } from "../registry/validate-report.js";
import { loadRows, writeParquet, type Provenance } from "../lib/parquet.js";
import { builtTablePath, microdataPath, PRIVATE_DIR } from "../lib/paths.js";
import type { TableSchema } from "../lib/schema.js";
import { CELL_PAIRS_TABLE, CELL_PROGRAMMES_TABLE, CELLS_TABLE, buildCells } from "../registry/cells.js";
import { minCellSize } from "../registry/cell-levels.js";
import { REGISTRY_CELL_PAIRS_SCHEMA, REGISTRY_CELL_PROGRAMMES_SCHEMA, REGISTRY_CELLS_SCHEMA } from "../registry/cells-schema.js";
import { ingestPrivate } from "../registry/ingest.js";
import { INGEST_REJECTIONS_SCHEMA } from "../registry/rejections.js";
import { writePartitions } from "../registry/partitions.js";
import { PROGRAMME_RECEIPTS_SCHEMA, REGISTRY_HOUSEHOLDS_SCHEMA } from "../registry/schema.js";
import { referenceKabkota } from "../reference/wilayah.js";
import { DEFAULT_SEED, generateSynthetic, syntheticProvenance } from "../synth/generate.js";
import { partitionOf, partitionTable } from "../../src/components/domain/wilayah.js";

/** Loader-side household tables (never published). */
export const householdsTable = (kab: string) => `registry_households_${kab}`;
export const receiptsTable = (kab: string) => `programme_receipts_${kab}`;
export const REJECTIONS_TABLE = "ingest_rejections";

const columnsOf = (schema: TableSchema): string => schema.columns.map((c) => `"${c.name}"`).join(", ");

/** A table this module writes: a registry partition of any kab/kota, or the ingest report. */
export function isRegistryTable(name: string): boolean {
  return name === REJECTIONS_TABLE || partitionOf(name) !== null;
}

/**
 * The kab/kota the households name that the reference list knows, in code order. Households of an
 * unknown code are counted and reported, never published under a made-up partition.
 */
async function registryPartitions(connection: DuckDBConnection, households: string, log: (line: string) => void): Promise<string[]> {
  const known = new Set(referenceKabkota().map((w) => w.kode));
  const found = await queryRows(connection, `SELECT kab_kode, count(*)::INTEGER AS n FROM ${households} GROUP BY ALL ORDER BY 1`);
  const kabs: string[] = [];
  for (const { kab_kode, n } of found) {
    const kode = String(kab_kode);
    if (known.has(kode)) kabs.push(kode);
    else log(`Peringatan: ${formatCount(Number(n))} rumah tangga dengan kode kab/kota ${kode} tidak diterbitkan: kode itu tidak ada dalam daftar wilayah (data/reference/regions.csv).`);
  }
  return kabs;
}

// One build per process: asking for any of the tables builds all of them, once.
let building: Promise<void> | null = null;

export function buildMicrodata(connection: DuckDBConnection, log: (line: string) => void = console.log): Promise<void> {
  building ??= writeMicrodata(connection, log);
  return building;
}

async function writeMicrodata(connection: DuckDBConnection, log: (line: string) => void): Promise<void> {
  const real = await ingestPrivate(connection, { privateDir: PRIVATE_DIR, key: process.env.TS_PSEUDONYM_KEY, log });
  let households = real.households;
  let receipts = real.receipts;
  let provenance: Provenance;
  if (real.hasPrivateData) {
    const files = real.files.filter((f) => f.loaded).map((f) => f.file);
    provenance = {
      source: `Berkas privat Dinas Sosial (dipseudonimkan): ${files.join(", ") || "tidak ada berkas yang dapat dibaca"}`,
      retrieved_at: new Date().toISOString().slice(0, 10),
      loader: "loaders/tables/registry.ts",
      synthetic: false
    };
  } else {
    log("Tidak ada berkas di data/private/: memakai data sintetis bawaan.");
    ({ households, receipts } = await generateSynthetic(connection, { scale: "default", seed: DEFAULT_SEED }));
    provenance = syntheticProvenance(DEFAULT_SEED);
  }
  const k = minCellSize();
  const partitions = await registryPartitions(connection, households, log);
  for (const kab of partitions) {
    await writeParquet(connection, `SELECT * FROM ${households} WHERE kab_kode = '${kab}'`,
      { ...REGISTRY_HOUSEHOLDS_SCHEMA, name: householdsTable(kab) }, provenance, microdataPath(householdsTable(kab)),
      { orderBy: "kec_kode, kel_kode, hh_id" });
    await writeParquet(connection, `SELECT * FROM ${receipts} WHERE kab_kode = '${kab}'`,
      { ...PROGRAMME_RECEIPTS_SCHEMA, name: receiptsTable(kab) }, provenance, microdataPath(receiptsTable(kab)),
      { orderBy: "programme_code, period, hh_id" });
  }
  // Cells are built over all partitions at once; each partition's rows are then written on their own.
  const summary = await buildCells(connection, households, receipts, { k });
  log(`Sel registri: ${formatCount(summary.cells)} sel untuk ${formatCount(summary.households)} rumah tangga (k = ${k}); ` +
    `${formatCount(summary.coarsenedHouseholds)} rumah tangga dalam sel yang digabung.`);
  for (const kab of partitions) {
    const [stats] = await queryRows(connection,
      `SELECT coalesce(sum(households) FILTER (WHERE coarsening > 0), 0)::BIGINT AS coarsened, coalesce(sum(households), 0)::BIGINT AS total
       FROM ${CELLS_TABLE} WHERE kab_kode = $1`, [kab]);
    const cellProvenance: Provenance = {
      ...provenance,
      loader: "loaders/registry/cells.ts",
      extra: { min_cell: String(k), coarsened_households: String(stats?.coarsened ?? 0), households: String(stats?.total ?? 0) }
    };
    await writeParquet(connection, `SELECT ${columnsOf(REGISTRY_CELLS_SCHEMA)} FROM ${CELLS_TABLE} WHERE kab_kode = '${kab}'`,
      { ...REGISTRY_CELLS_SCHEMA, name: partitionTable("registry_cells", kab) }, cellProvenance, builtTablePath(partitionTable("registry_cells", kab)), { orderBy: "cell_id" });
    await writeParquet(connection, `SELECT ${columnsOf(REGISTRY_CELL_PROGRAMMES_SCHEMA)} FROM ${CELL_PROGRAMMES_TABLE} WHERE kab_kode = '${kab}'`,
      { ...REGISTRY_CELL_PROGRAMMES_SCHEMA, name: partitionTable("registry_cell_programmes", kab) }, cellProvenance, builtTablePath(partitionTable("registry_cell_programmes", kab)),
      { orderBy: "cell_id, programme_code, funder" });
    await writeParquet(connection, `SELECT ${columnsOf(REGISTRY_CELL_PAIRS_SCHEMA)} FROM ${CELL_PAIRS_TABLE} WHERE kab_kode = '${kab}'`,
      { ...REGISTRY_CELL_PAIRS_SCHEMA, name: partitionTable("registry_cell_pairs", kab) }, cellProvenance, builtTablePath(partitionTable("registry_cell_pairs", kab)),
      { orderBy: "cell_id, programme_a, programme_b" });
  }
  await writePartitions(partitions);
  const rejections = await loadRows(connection, INGEST_REJECTIONS_SCHEMA, real.rejections.map((r) => ({ ...r })));
  await writeParquet(
    connection,
    `SELECT * FROM ${rejections}`,
    INGEST_REJECTIONS_SCHEMA,
    {
      source: real.hasPrivateData ? "Pemeriksaan berkas di data/private/ oleh loaders/registry" : "Tidak ada berkas privat; data sintetis tidak melalui pemeriksaan berkas",
      retrieved_at: new Date().toISOString().slice(0, 10),
      loader: "loaders/tables/registry.ts",
      synthetic: false
    },
    builtTablePath(REJECTIONS_TABLE),
    { orderBy: "file, row NULLS FIRST, code" }
  );
}
