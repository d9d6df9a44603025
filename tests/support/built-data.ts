// What browser tests compare a page against: the published Parquet files of the built site, read
// with native DuckDB, and the page's own problems (external or failed requests, console errors).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { queryRows, withDuckDB } from "../../loaders/lib/duck.js";
import { ROOT } from "../../loaders/lib/paths.js";
import type { PageProblems } from "./browser.js";

/** Where the built site keeps fixed tables (content-hashed names) and registry partitions (plain names). */
export const DIST_HASHED_DATA = path.join(ROOT, "dist/_file/data");
export const DIST_PARTITION_DATA = path.join(ROOT, "dist/data");

/** Every published Parquet file of the built site. */
export function distParquetFiles(): string[] {
  return [DIST_HASHED_DATA, DIST_PARTITION_DATA].flatMap((dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".parquet")).map((f) => path.join(dir, f)) : []));
}

/** The published file of a table: dist/_file/data/<name>.<hash>.parquet, or dist/data/<name>.parquet for a registry partition. */
export function distTable(name: string): string {
  const file = distParquetFiles().find((f) => path.basename(f) === `${name}.parquet` || (path.basename(f).startsWith(`${name}.`) && path.dirname(f) === DIST_HASHED_DATA));
  if (!file) throw new Error(`${name} is not in dist/`);
  return file;
}

/** Rows of a query run with native DuckDB (independently of the page's duckdb-wasm). */
export function nativeRows<T extends Record<string, unknown>>(query: string): Promise<T[]> {
  return withDuckDB((c) => queryRows(c, query)) as Promise<T[]>;
}

/** No request left the site, none failed (watchPage already tolerates the known wasm abort), no console error. */
export function expectClean(problems: PageProblems): void {
  expect(problems.externalRequests).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
}
