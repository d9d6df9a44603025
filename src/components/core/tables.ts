// Every Parquet table the build publishes, by name → URL. Pages query tables by name; the data
// layer fetches a file only when a query first names its table.
import { FileAttachment } from "observablehq:stdlib";
import type { TableSource } from "./database.js";
import { partitionOf, type RegionRow } from "../domain/wilayah.js";
import { wilayahContext, type CatalogRow, type WilayahContext } from "./catalog.js";
import { loadSmallTable } from "./small-table.js";

// Literal paths let Framework find and copy the files. Reading `.href` (not `.parquet()`) also keeps
// Framework from adding its CDN-hosted Parquet reader to the page.
export const TABLE_URLS: Readonly<Record<string, string>> = {
  catalog: FileAttachment("../../data/catalog.parquet").href,
  regions: FileAttachment("../../data/regions.parquet").href,
  bps_poverty: FileAttachment("../../data/bps_poverty.parquet").href,
  bps_extreme_poverty: FileAttachment("../../data/bps_extreme_poverty.parquet").href,
  targets: FileAttachment("../../data/targets.parquet").href,
  poverty_lines: FileAttachment("../../data/poverty_lines.parquet").href,
  extreme_estimates: FileAttachment("../../data/extreme_estimates.parquet").href,
  extreme_validation: FileAttachment("../../data/extreme_validation.parquet").href,
  extreme_calibration: FileAttachment("../../data/extreme_calibration.parquet").href,
  extreme_model_comparison: FileAttachment("../../data/extreme_model_comparison.parquet").href,
  programmes: FileAttachment("../../data/programmes.parquet").href,
  overlap_rules: FileAttachment("../../data/overlap_rules.parquet").href,
  programme_allocations: FileAttachment("../../data/programme_allocations.parquet").href,
  ingest_rejections: FileAttachment("../../data/ingest_rejections.parquet").href
};

/**
 * The URL of any published table: a fixed one above (content-hashed by Framework), or a registry
 * partition (`registry_cells_<kab>`, …), which the build writes to data/<name>.parquet for each
 * kab/kota the registry holds (dynamicPaths in observablehq.config.ts). Pages sit at the site root,
 * so the path is resolved against the page.
 */
export function tableUrl(name: string): string | undefined {
  const fixed = TABLE_URLS[name];
  if (fixed !== undefined) return fixed;
  return partitionOf(name) ? new URL(`./data/${name}.parquet`, document.baseURI).href : undefined;
}

/** A published table the fixed list does not name: a registry partition, fetched on first use. */
export function partitionSource(name: string): TableSource | undefined {
  return partitionOf(name) ? urlSource(name, tableUrl(name)!) : undefined;
}

export function urlSource(name: string, url: string): TableSource {
  return {
    name,
    async load() {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
      return new Uint8Array(await response.arrayBuffer());
    }
  };
}

export function publishedTables(): TableSource[] {
  return Object.entries(TABLE_URLS).map(([name, url]) => urlSource(name, url));
}

let catalog: Promise<CatalogRow[]> | undefined;
let regions: Promise<RegionRow[]> | undefined;

/** Every published table (the catalogue), read once per page without DuckDB. */
export function loadCatalog(): Promise<CatalogRow[]> {
  catalog ??= loadSmallTable<CatalogRow & Record<string, unknown>>("catalog", TABLE_URLS.catalog!).then((t) => t.rows);
  catalog.catch(() => (catalog = undefined)); // a failed download may be retried
  return catalog;
}

/** The reference list of regions (province, kab/kota, kecamatan, desa/kelurahan), once per page. */
export function loadRegions(): Promise<RegionRow[]> {
  regions ??= loadSmallTable<RegionRow & Record<string, unknown>>("regions", TABLE_URLS.regions!).then((t) => t.rows);
  regions.catch(() => (regions = undefined));
  return regions;
}

/** The province, its kab/kota and those whose registry cells the build published. */
export async function loadWilayah(): Promise<WilayahContext> {
  const [r, c] = await Promise.all([loadRegions(), loadCatalog()]);
  return wilayahContext(r, c);
}
