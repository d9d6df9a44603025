// The published tables with the schemas the loaders declare for them, and empty copies of them
// written by the loaders' own Parquet writer, for tests that check the pages' SQL against the
// columns the build really publishes (not against hand-made test tables, and not against whatever
// data/build last held).
//
// Schemas are found where the loaders declare them: every `export const NAME: TableSchema` in a
// module under loaders/. A published table is one of the build's fixed tables (loaders/build.ts),
// the catalog, or a registry partition table (domain/wilayah.ts: a family such as registry_cells
// and a kab/kota code). The fixed tables are named after their schema, a partition table after its
// family's schema. Partitions are those the registry build may publish: every kab/kota of the
// reference list (the build publishes the ones its households name), so the queries are checked
// for any of them, whatever data/build holds today.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { TABLES } from "../../loaders/build.js";
import { referenceKabkota } from "../../loaders/reference/wilayah.js";
import { partitionTableNames } from "../../loaders/registry/partitions.js";
import { withDuckDB } from "../../loaders/lib/duck.js";
import { loadRows, writeParquet } from "../../loaders/lib/parquet.js";
import { ROOT } from "../../loaders/lib/paths.js";
import type { TableSchema } from "../../loaders/lib/schema.js";
import type { TableSource } from "../../src/components/core/database.js";
import { partitionOf } from "../../src/components/domain/wilayah.js";
import { fileSource } from "./wasm-db.js";

export interface PublishedTable {
  /** The table name pages query (and the file name in the built site). */
  readonly name: string;
  readonly schema: TableSchema;
  /** The kab/kota code of a partitioned table (registry_cells_3673 → "3673"), else null. */
  readonly partition: string | null;
}

const LOADERS = path.join(ROOT, "loaders");
const DECLARATION = /^export const (\w+): TableSchema\b/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith(".ts") ? [file] : [];
  });
}

/** Every table schema declared under loaders/, with the file that declares it. */
export async function loaderSchemas(): Promise<{ schema: TableSchema; file: string }[]> {
  const found: { schema: TableSchema; file: string }[] = [];
  for (const file of sourceFiles(LOADERS)) {
    const names = [...readFileSync(file, "utf8").matchAll(DECLARATION)].map((m) => m[1]!);
    if (names.length === 0) continue;
    const module = (await import(pathToFileURL(file).href)) as Record<string, TableSchema>;
    for (const name of names) found.push({ schema: module[name]!, file: path.relative(ROOT, file) });
  }
  return found;
}

/** Every table the build can publish: the fixed ones, the catalog, each registry family for every kab/kota of the reference list. */
export function publishableTableNames(): string[] {
  return [...TABLES.map((t) => t.name), "catalog", ...partitionTableNames(referenceKabkota().map((w) => w.kode))];
}

/** Every publishable table and its schema; throws when a table has no schema or two. */
export async function publishedTables(): Promise<PublishedTable[]> {
  const schemas = await loaderSchemas();
  return publishableTableNames().map((name) => {
    const partition = partitionOf(name);
    const matches = schemas
      .filter(({ schema }) => schema.name === (partition ? partition.family : name))
      .map(({ schema, file }) => ({ schema, file, partition: partition?.kab ?? null }));
    if (matches.length !== 1) {
      const where = matches.map((m) => `${m.schema.name} in ${m.file}`).join(", ");
      throw new Error(`published table ${name} has ${matches.length === 0 ? "no schema" : `${matches.length} schemas (${where})`}: declare it once as \`export const …: TableSchema\` under loaders/`);
    }
    return { name, schema: matches[0]!.schema, partition: matches[0]!.partition };
  });
}

/**
 * Writes each table with no rows, through the loaders' writer (schema check, column types, Parquet
 * metadata), into `dir`, and returns them as sources for the data layer's Database, which reads
 * them as the browser does (parquet-wasm → Arrow → duckdb-wasm).
 */
export async function writeEmptyTables(dir: string, tables: readonly PublishedTable[]): Promise<TableSource[]> {
  const provenance = { source: "tabel kosong untuk uji bentuk kueri", retrieved_at: "2026-01-01", loader: "tests/support/published-schemas.ts", synthetic: true };
  return withDuckDB(async (connection) => {
    const sources: TableSource[] = [];
    for (const table of tables) {
      const file = path.join(dir, `${table.name}.parquet`);
      const staged = await loadRows(connection, table.schema, []);
      await writeParquet(connection, `SELECT * FROM ${staged}`, { ...table.schema, name: table.name }, provenance, file);
      sources.push(fileSource(table.name, file));
    }
    return sources;
  });
}
