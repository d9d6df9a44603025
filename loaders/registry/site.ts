// Site settings that live beside the private files: extra column spellings and region aliases.
import path from "node:path";
import { loadColumnMap, makeColumnResolver, type ColumnResolver } from "./columns.js";
import { loadRegionIndex, type RegionIndex } from "./region-match.js";

export const COLUMN_MAP_FILE = "column-map.csv";
export const REGION_ALIASES_FILE = "region-aliases.csv";
export const REGISTRY_SUBDIR = "registry";
export const RECEIPTS_SUBDIR = "receipts";
export const MANIFEST_FILE = "manifest.csv";

export interface SiteSettings {
  readonly resolver: ColumnResolver;
  readonly regions: RegionIndex;
}

export async function loadSiteSettings(privateDir: string, regionsFile?: string): Promise<SiteSettings> {
  const [columnMap, regions] = await Promise.all([
    loadColumnMap(path.join(privateDir, COLUMN_MAP_FILE)),
    loadRegionIndex({ aliasesFile: path.join(privateDir, REGION_ALIASES_FILE), ...(regionsFile ? { regionsFile } : {}) })
  ]);
  return { resolver: makeColumnResolver(columnMap), regions };
}
