// Where the BPS data path reads and writes, relative to the repository root.
import path from "node:path";
import { REFERENCE_DIR, ROOT } from "../lib/paths.js";

/** The committed snapshot of published figures (tidy CSV, one source per row). */
export const BPS_SNAPSHOT_DIR = path.join(REFERENCE_DIR, "bps");
/** The published reference files the snapshot is derived from. */
export const PUBLISHED_DIR = path.join(REFERENCE_DIR, "published");
/** Variable ids found through `model=var`, committed so a refresh is reproducible. */
export const VARIABLES_PATH = path.join(BPS_SNAPSHOT_DIR, "variables.json");
/** Raw API responses and the API-derived rows (git-ignored). */
export const BPS_CACHE_DIR = path.join(ROOT, "data/cache/bps");
export const API_ROWS_FILE = "api-rows.json";

/**
 * The date the snapshot stands for. The reference files were compiled in 2026; the latest dated
 * item in them is the BPS Web API reference condensed on 2026-10-05 (see published/bps-api.md).
 */
export const SNAPSHOT_RETRIEVED_AT = "2026-10-05";
