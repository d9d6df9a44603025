// The BPS website tables copied into data/reference/published/bps-tables/ (see its README) and the
// import that put their figures into data/reference/bps/imports/. Run `npx tsx
// loaders/bps/reference-tables.ts` to repeat it: it is `npm run data -- bps import` on exactly these
// files with this origin (then `npm run data` rebuilds the tables). A unit test checks that the
// committed imports are what this produces.
import { readdirSync } from "node:fs";
import path from "node:path";
import { runBpsImport, type ImportIO } from "./import.js";
import { BPS_SNAPSHOT_DIR, PUBLISHED_DIR } from "./paths.js";

export const REFERENCE_TABLES_DIR = path.join(PUBLISHED_DIR, "bps-tables");

/**
 * Folders imported: kab/kota tables (Banten and its kab/kota, March), province tables (Banten, March
 * and September) and national tables (Indonesia by round). gk-provinsi is not: BPS's province table
 * of poverty lines has urban and rural columns only, no total (the import refuses it and says so).
 */
export const REFERENCE_TABLE_FOLDERS = [
  "p0-kabkota", "p1-kabkota", "p2-kabkota", "gk-kabkota",
  "p0-provinsi", "p1-provinsi", "p2-provinsi",
  "p0-daerah", "p1-daerah", "p2-daerah", "gk-daerah"
] as const;

/** Where the copies came from, recorded with every imported figure. */
export const REFERENCE_TABLES_ORIGIN = "salinan ekspor CSV situs BPS: github:ArdWind/bigdataTPTvsP0@d8647eeb2bd5";

export function referenceTableFiles(dir = REFERENCE_TABLES_DIR): string[] {
  return REFERENCE_TABLE_FOLDERS.flatMap((folder) =>
    readdirSync(path.join(dir, folder))
      .filter((f) => f.endsWith(".csv"))
      .sort()
      .map((f) => path.join(dir, folder, f))
  );
}

export function importReferenceTables(io?: ImportIO, options: { snapshotDir?: string; now?: () => Date } = {}): Promise<number> {
  return runBpsImport([...referenceTableFiles(), "--source", REFERENCE_TABLES_ORIGIN], io, { snapshotDir: options.snapshotDir ?? BPS_SNAPSHOT_DIR, ...(options.now ? { now: options.now } : {}) });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await importReferenceTables();
}
