// Where loaders read inputs and write outputs, relative to the repository root.
import { fileURLToPath } from "node:url";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const REFERENCE_DIR = path.join(ROOT, "data/reference");
export const GEO_DIR = path.join(ROOT, "data/geo");
/** Real registry and receipt files (git-ignored). TS_PRIVATE_DIR moves it (the canary test uses a temp dir). */
export const PRIVATE_DIR = process.env.TS_PRIVATE_DIR ? path.resolve(process.env.TS_PRIVATE_DIR) : path.join(ROOT, "data/private");
/** Built Parquet tables (git-ignored); Framework entry points stream them from here. */
export const BUILD_DIR = process.env.TS_BUILD_DIR ? path.resolve(process.env.TS_BUILD_DIR) : path.join(ROOT, "data/build");

export function builtTablePath(name: string): string {
  return path.join(BUILD_DIR, `${name}.parquet`);
}
/**
 * Household-level tables (pseudonymised, still personal data): loader-side only, for the cell builder's
 * checks and the benchmarks. No Framework entry point reads this folder, so nothing in it reaches dist/.
 */
export function microdataPath(name: string): string {
  return path.join(BUILD_DIR, "microdata", `${name}.parquet`);
}
/** The built site. TS_DIST_DIR moves it (observablehq.config.ts reads the same variable). */
export const DIST_DIR = process.env.TS_DIST_DIR ? path.resolve(process.env.TS_DIST_DIR) : path.join(ROOT, "dist");
