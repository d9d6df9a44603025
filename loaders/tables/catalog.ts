// catalog: one row per published table, read back from each Parquet file's own footer,
// so /data shows what the files really hold rather than what a loader meant to write.
import { statSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadRows, writeParquet } from "../lib/parquet.js";
import { queryRows } from "../lib/duck.js";
import type { TableSchema } from "../lib/schema.js";

export const CATALOG_SCHEMA: TableSchema = {
  name: "catalog",
  version: 2,
  description: "Daftar tabel data yang diterbitkan oleh build ini, dibaca dari metadata tiap berkas Parquet.",
  key: ["name"],
  columns: [
    { name: "name", type: "VARCHAR", description: "Nama tabel" },
    { name: "description", type: "VARCHAR", description: "Isi tabel" },
    { name: "rows", type: "BIGINT", description: "Jumlah baris" },
    { name: "bytes", type: "BIGINT", description: "Ukuran berkas Parquet (byte)" },
    { name: "columns", type: "VARCHAR", description: "Kamus data: kolom, tipe, dan arti (JSON)" },
    { name: "source", type: "VARCHAR", description: "Sumber data" },
    { name: "retrieved_at", type: "VARCHAR", description: "Tanggal pengambilan atau snapshot sumber" },
    { name: "loader", type: "VARCHAR", description: "Modul pemuat yang menghasilkan tabel" },
    { name: "schema_version", type: "INTEGER", description: "Versi skema tabel" },
    { name: "synthetic", type: "BOOLEAN", description: "Benar jika data dibangkitkan (sintetis), bukan hasil pengamatan" },
    { name: "min_cell", type: "INTEGER", nullable: true, description: "Sel registri: jumlah rumah tangga terkecil yang boleh digambarkan satu baris (k)" },
    { name: "coarsened_households", type: "BIGINT", nullable: true, description: "Sel registri: rumah tangga dalam sel yang digabung ke rincian lebih kasar" },
    { name: "households", type: "BIGINT", nullable: true, description: "Sel registri: jumlah rumah tangga yang digambarkan tabel" }
  ]
};

export interface CatalogEntry { name: string; path: string }

export async function readTableMetadata(connection: DuckDBConnection, file: string): Promise<Record<string, string>> {
  const kv = await queryRows(connection, "SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata($1)", [file]);
  return Object.fromEntries(kv.map((r) => [String(r.key), String(r.value)]));
}

export async function buildCatalog(connection: DuckDBConnection, tables: readonly CatalogEntry[], out: string): Promise<void> {
  const rows = [];
  for (const table of tables) {
    const meta = await readTableMetadata(connection, table.path);
    const [info] = await queryRows(connection, "SELECT num_rows FROM parquet_file_metadata($1)", [table.path]);
    rows.push({
      name: table.name,
      description: meta.description ?? "",
      rows: Number(info?.num_rows ?? 0),
      bytes: statSync(table.path).size,
      columns: meta.columns ?? "[]",
      source: meta.source ?? "",
      retrieved_at: meta.retrieved_at ?? "",
      loader: meta.loader ?? "",
      schema_version: Number(meta.schema_version ?? 0),
      synthetic: meta.synthetic === "true",
      min_cell: meta.min_cell === undefined ? null : Number(meta.min_cell),
      coarsened_households: meta.coarsened_households === undefined ? null : Number(meta.coarsened_households),
      households: meta.households === undefined ? null : Number(meta.households)
    });
  }
  const staged = await loadRows(connection, CATALOG_SCHEMA, rows);
  await writeParquet(connection, `SELECT * FROM ${staged}`, CATALOG_SCHEMA, {
    source: "Metadata berkas Parquet hasil build (dibaca dari footer tiap berkas)",
    retrieved_at: new Date().toISOString().slice(0, 10),
    loader: "loaders/tables/catalog.ts",
    synthetic: false
  }, out, { orderBy: "name" });
}
