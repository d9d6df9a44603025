// The microdata tables: registry households and programme receipts per kab/kota partition, and the
// ingest report. Built together in one pass: from the files in data/private/ when there are any
// (pseudonymised with TS_PSEUDONYM_KEY), otherwise from the labelled synthetic default.
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../lib/duck.js";
import { loadRows, writeParquet, type Provenance } from "../lib/parquet.js";
import { builtTablePath, PRIVATE_DIR } from "../lib/paths.js";
import { ingestPrivate } from "../registry/ingest.js";
import { INGEST_REJECTIONS_SCHEMA } from "../registry/rejections.js";
import { PARTITIONS, PROGRAMME_RECEIPTS_SCHEMA, REGISTRY_HOUSEHOLDS_SCHEMA } from "../registry/schema.js";
import { DEFAULT_SEED, generateSynthetic, syntheticProvenance } from "../synth/generate.js";

export const householdsTable = (kab: string) => `registry_households_${kab}`;
export const receiptsTable = (kab: string) => `programme_receipts_${kab}`;
export const REJECTIONS_TABLE = "ingest_rejections";

/** Every table this module writes, in build order. */
export const MICRODATA_TABLES: readonly string[] = [
  ...PARTITIONS.map(householdsTable),
  ...PARTITIONS.map(receiptsTable),
  REJECTIONS_TABLE
];

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
    const partitions = PARTITIONS.map((k) => `'${k}'`).join(", ");
    const outside = await queryRows(connection, `SELECT kab_kode, count(*)::INTEGER AS n FROM ${real.households} WHERE kab_kode NOT IN (${partitions}) GROUP BY ALL ORDER BY 1`);
    for (const { kab_kode, n } of outside) {
      log(`Peringatan: ${n} rumah tangga dengan kode kab/kota ${String(kab_kode)} tidak diterbitkan (partisi yang didukung: ${PARTITIONS.join(", ")}).`);
    }
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
  for (const kab of PARTITIONS) {
    await writeParquet(
      connection,
      `SELECT * FROM ${households} WHERE kab_kode = '${kab}'`,
      { ...REGISTRY_HOUSEHOLDS_SCHEMA, name: householdsTable(kab) },
      provenance,
      builtTablePath(householdsTable(kab)),
      { orderBy: "kec_kode, kel_kode, hh_id" }
    );
    await writeParquet(
      connection,
      `SELECT * FROM ${receipts} WHERE kab_kode = '${kab}'`,
      { ...PROGRAMME_RECEIPTS_SCHEMA, name: receiptsTable(kab) },
      provenance,
      builtTablePath(receiptsTable(kab)),
      { orderBy: "programme_code, period, hh_id" }
    );
  }
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
