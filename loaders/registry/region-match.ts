// Region matching lives in src/components/domain/registry-rules/region-index.ts (shared with /periksa);
// this module reads the reference list and the site's alias file from disk.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseCsv, parseCsvObjects } from "../lib/csv.js";
import { REFERENCE_DIR } from "../lib/paths.js";
import { SiteSettingsError } from "./columns.js";
import { REGION_ALIASES, RegionIndex, type Region, type RegionAlias, type RegionLevel } from "../../src/components/domain/registry-rules/region-index.js";

export * from "../../src/components/domain/registry-rules/region-index.js";

const CODE_SEPARATORS = /[.\s]/g;

/** Loads data/reference/regions.csv (or another file with the same columns). */
export async function loadRegions(file = path.join(REFERENCE_DIR, "regions.csv")): Promise<Region[]> {
  const rows = parseCsvObjects(await readFile(file, "utf8"));
  return rows.map(({ row }) => ({
    kode: row.kode!,
    nama: row.nama!,
    level: row.level as RegionLevel,
    parent: row.parent_kode ? row.parent_kode : null
  }));
}

/** Reads data/private/region-aliases.csv (`level,alias,kode`); missing file = no site aliases. */
export async function loadRegionAliases(file: string): Promise<RegionAlias[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const [header, ...rows] = parseCsv(text, text.split("\n", 1)[0]!.includes(";") ? ";" : ",");
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const at = (name: string) => names.indexOf(name);
  if (at("level") < 0 || at("alias") < 0 || at("kode") < 0) {
    throw new SiteSettingsError(`Berkas ${file} harus memiliki kolom "level", "alias", dan "kode".`);
  }
  const aliases: RegionAlias[] = [];
  for (const row of rows) {
    const level = row.fields[at("level")]?.trim().toLowerCase() ?? "";
    if (level !== "kabkota" && level !== "kecamatan" && level !== "kelurahan") {
      throw new SiteSettingsError(`Berkas ${file} baris ${row.line}: level harus kabkota, kecamatan, atau kelurahan.`);
    }
    aliases.push({ level, alias: row.fields[at("alias")] ?? "", kode: (row.fields[at("kode")] ?? "").replace(CODE_SEPARATORS, "") });
  }
  return aliases;
}

export async function loadRegionIndex(options: { regionsFile?: string; aliasesFile?: string } = {}): Promise<RegionIndex> {
  const [regions, siteAliases] = await Promise.all([
    loadRegions(options.regionsFile),
    options.aliasesFile ? loadRegionAliases(options.aliasesFile) : Promise.resolve([])
  ]);
  return new RegionIndex(regions, [...REGION_ALIASES, ...siteAliases]);
}
