// What browser tests compare a page against: the published Parquet files of the built site, read
// with native DuckDB, and the page's own problems (external or failed requests, console errors).
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { queryRows, withDuckDB } from "../../loaders/lib/duck.js";
import { ROOT } from "../../loaders/lib/paths.js";
import type { PageProblems } from "./browser.js";

/** The published file of a table (dist/_file/data/<name>.<hash>.parquet). */
export function distTable(name: string): string {
  const dir = path.join(ROOT, "dist/_file/data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".parquet"));
  if (!file) throw new Error(`${name} is not in dist/`);
  return path.join(dir, file);
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
