// regions: province, kab/kota, kecamatan and every desa/kelurahan with Kemendagri codes as strings.
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { writeParquet } from "../lib/parquet.js";
import { REFERENCE_DIR } from "../lib/paths.js";
import type { TableSchema } from "../lib/schema.js";

export const REGIONS_SCHEMA: TableSchema = {
  name: "regions",
  version: 1,
  description: "Wilayah administratif Banten: provinsi, kabupaten/kota, kecamatan, dan setiap desa/kelurahan (kode Kemendagri).",
  key: ["kode"],
  columns: [
    { name: "kode", type: "VARCHAR", description: "Kode Kemendagri tanpa titik (mis. 367305)" },
    { name: "kode_kemendagri", type: "VARCHAR", description: "Kode Kemendagri dengan titik (mis. 36.73.05)" },
    { name: "nama", type: "VARCHAR", description: "Nama wilayah" },
    { name: "level", type: "VARCHAR", description: "provinsi, kabkota, kecamatan, atau kelurahan (desa dan kelurahan; lihat jenis)" },
    { name: "jenis", type: "VARCHAR", description: "provinsi, kabupaten, kota, kecamatan, kelurahan, atau desa" },
    { name: "parent_kode", type: "VARCHAR", nullable: true, description: "Kode wilayah induk" },
    { name: "population", type: "BIGINT", nullable: true, description: "Jumlah penduduk terdaftar (Dukcapil), jika dipublikasikan" },
    { name: "population_basis", type: "VARCHAR", nullable: true, description: "Dasar angka penduduk" },
    { name: "source", type: "VARCHAR", description: "Sumber kode dan nama wilayah" }
  ]
};

const POPULATION_REFERENCE = "Kepmendagri 300.2.2-2138/2025";

export async function buildRegions(connection: DuckDBConnection, out: string): Promise<void> {
  const regions = path.join(REFERENCE_DIR, "regions.csv");
  const population = path.join(REFERENCE_DIR, "published/population_kabkota.csv");
  await writeParquet(
    connection,
    `WITH r AS (SELECT * FROM read_csv($1, header=true, all_varchar=true)),
          p AS (SELECT region_kode, population::BIGINT AS population, reference || ' (' || basis || ')' AS basis
                FROM read_csv($2, header=true, all_varchar=true)
                WHERE reference = $3)
     SELECT r.kode, r.kode_kemendagri, r.nama, r.level, r.jenis, nullif(r.parent_kode, '') AS parent_kode,
            p.population, p.basis AS population_basis, r.source
     FROM r LEFT JOIN p ON p.region_kode = r.kode`,
    REGIONS_SCHEMA,
    {
      source: `Kode & nama: Kepmendagri 300.2.2-2138/2025 via cahyadsn/wilayah dan wilayah_boundaries (MIT). Penduduk: ${POPULATION_REFERENCE} (Dukcapil).`,
      retrieved_at: "2026-08-20",
      loader: "loaders/tables/regions.ts",
      synthetic: false
    },
    out,
    { orderBy: "kode", params: [regions, population, POPULATION_REFERENCE] }
  );
}
