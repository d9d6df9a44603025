// The reference list of regions (data/reference/regions.csv) as the shared wilayah module reads it:
// loaders and pages derive the kab/kota list from the same rows.
import { readFileSync } from "node:fs";
import path from "node:path";
import { kabkotaOf, type RegionRow, type Wilayah } from "../../src/components/domain/wilayah.js";
import { parseCsvObjects } from "../lib/csv.js";
import { REFERENCE_DIR } from "../lib/paths.js";

export const REGIONS_CSV = path.join(REFERENCE_DIR, "regions.csv");

let cached: RegionRow[] | undefined;

export function referenceRegions(file = REGIONS_CSV): RegionRow[] {
  if (file !== REGIONS_CSV) return read(file);
  return (cached ??= read(file));
}

function read(file: string): RegionRow[] {
  return parseCsvObjects(readFileSync(file, "utf8")).map(({ row }) => ({
    kode: row.kode!,
    nama: row.nama!,
    level: row.level!,
    jenis: row.jenis || null,
    parent_kode: row.parent_kode || null
  }));
}

/** Every kab/kota of the reference list. */
export function referenceKabkota(file?: string): Wilayah[] {
  return kabkotaOf(referenceRegions(file));
}
