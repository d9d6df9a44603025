// Every Parquet table the build publishes, by name → URL. Pages query tables by name; the data
// layer fetches a file only when a query first names its table.
import { FileAttachment } from "observablehq:stdlib";
import type { TableSource } from "./database.js";

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
  registry_cells_3673: FileAttachment("../../data/registry_cells_3673.parquet").href,
  registry_cells_3604: FileAttachment("../../data/registry_cells_3604.parquet").href,
  registry_cell_programmes_3673: FileAttachment("../../data/registry_cell_programmes_3673.parquet").href,
  registry_cell_programmes_3604: FileAttachment("../../data/registry_cell_programmes_3604.parquet").href,
  registry_cell_pairs_3673: FileAttachment("../../data/registry_cell_pairs_3673.parquet").href,
  registry_cell_pairs_3604: FileAttachment("../../data/registry_cell_pairs_3604.parquet").href,
  ingest_rejections: FileAttachment("../../data/ingest_rejections.parquet").href
};

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
