// The build's catalogue of published tables (one row per table, read from each Parquet footer:
// source, snapshot date, synthetic flag, k) and what pages derive from it with the regions list:
// every source line, synthetic badge and kab/kota list on a page. Pure; the two small tables are
// read once per page by loadCatalog()/loadWilayah() in tables.ts.
import { kabkotaOf, provinceOf, registryKabs, type RegionRow, type Wilayah } from "../domain/wilayah.js";

export interface CatalogRow {
  name: string;
  description: string;
  rows: number;
  bytes: number;
  columns: string;
  source: string;
  retrieved_at: string;
  loader: string;
  schema_version: number;
  synthetic: boolean;
  /** Registry cell tables only: k, households described, households in coarsened cells. */
  min_cell: number | null;
  households: number | null;
  coarsened_households: number | null;
}

/** What a source line or an export's "Sumber" sheet needs of a table. */
export type CatalogSource = Pick<CatalogRow, "name" | "source" | "retrieved_at" | "synthetic">;

/** The catalogue rows of the named tables that exist, in name order. Pure. */
export function sourcesOf(rows: readonly CatalogRow[], names: readonly string[]): CatalogSource[] {
  const wanted = new Set(names);
  return rows
    .filter((r) => wanted.has(r.name))
    .map(({ name, source, retrieved_at, synthetic }) => ({ name, source, retrieved_at: String(retrieved_at), synthetic }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface WilayahContext {
  readonly regions: readonly RegionRow[];
  readonly province: RegionRow;
  /** Every kab/kota of the reference list. */
  readonly kabkota: readonly Wilayah[];
  /** The kab/kota whose registry cells the build published. */
  readonly registry: readonly Wilayah[];
}

/** Regions and the registry's kab/kota, derived from the two small tables. Pure. */
export function wilayahContext(regionRows: readonly RegionRow[], catalogRows: readonly CatalogRow[]): WilayahContext {
  return {
    regions: regionRows,
    province: provinceOf(regionRows),
    kabkota: kabkotaOf(regionRows),
    registry: registryKabs(regionRows, catalogRows.map((r) => r.name))
  };
}
