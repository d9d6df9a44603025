// The sizes of a benchmark run. The full run (`npm run bench`) reports timings; the smoke run
// (`npm run bench -- --smoke`) runs every group once on tiny data to prove the harness still works
// (CI runs it after the tests): it reports no timing and fails when any group fails.
import path from "node:path";
import { ROOT } from "../loaders/lib/paths.js";

export type SynthScale = "default" | "banten" | "kota_serang";
export type ScenarioScale = "kota_serang" | "banten";

export interface BenchProfile {
  readonly smoke: boolean;
  /** Generated inputs, served to the browser under /bench-data/. */
  readonly fixtureDir: string;
  /** Reuse fixtures already generated in fixtureDir (the full run's are slow to make). */
  readonly reuseFixtures: boolean;
  readonly queryRuns: number;
  readonly warmupRuns: number;
  readonly pageLoadRuns: number;
  readonly pageLoadWarmup: number;
  /** Cold loads of /skenario whose performance marks are collected. */
  readonly phaseRuns: number;
  /** Household tables for the named queries (native DuckDB and duckdb-wasm): rows and load repetitions. */
  readonly households: Readonly<Record<string, { readonly rows: number; readonly loadRuns: number }>>;
  readonly ingest: { readonly rows: number; readonly runs: number };
  readonly synthetic: { readonly scale: SynthScale; readonly runs: number };
  readonly cellScales: readonly SynthScale[];
  readonly scenarioScales: readonly ScenarioScale[];
  /** Planner input changes timed on the built /skenario page (after two untimed ones). */
  readonly pageChanges: number;
  readonly periksa: { readonly matchRows: number; readonly parseRows: number; readonly matchRuns: number; readonly parseRuns: number };
}

export const FULL: BenchProfile = {
  smoke: false,
  fixtureDir: path.join(ROOT, "bench/out/fixtures"),
  reuseFixtures: true,
  queryRuns: 20,
  warmupRuns: 3,
  pageLoadRuns: 20,
  pageLoadWarmup: 2,
  phaseRuns: 5,
  households: { kota_serang: { rows: 210_000, loadRuns: 5 }, banten: { rows: 3_300_000, loadRuns: 3 } },
  ingest: { rows: 1_000_000, runs: 3 },
  synthetic: { scale: "default", runs: 3 },
  cellScales: ["default", "banten"],
  scenarioScales: ["kota_serang", "banten"],
  pageChanges: 20,
  periksa: { matchRows: 50_000, parseRows: 100_000, matchRuns: 5, parseRuns: 3 }
};

/** Every group once, on data small enough for a couple of minutes on two shared cores. */
export const SMOKE: BenchProfile = {
  smoke: true,
  fixtureDir: path.join(ROOT, "bench/out/smoke-fixtures"),
  reuseFixtures: false,
  queryRuns: 2,
  warmupRuns: 0,
  pageLoadRuns: 1,
  pageLoadWarmup: 0,
  phaseRuns: 1,
  households: { smoke: { rows: 2_000, loadRuns: 1 } },
  ingest: { rows: 2_000, runs: 1 },
  synthetic: { scale: "kota_serang", runs: 1 },
  cellScales: ["kota_serang"],
  // Kota Serang's cells are the built site's own (data/build), so no generation is needed.
  scenarioScales: ["kota_serang"],
  pageChanges: 1,
  periksa: { matchRows: 1_000, parseRows: 1_000, matchRuns: 1, parseRuns: 1 }
};

/** A row count as file and metric names write it: 1000000 → "1m", 100000 → "100k", 2500 → "2500". */
export function sizeLabel(rows: number): string {
  if (rows >= 1_000_000 && rows % 1_000_000 === 0) return `${rows / 1_000_000}m`;
  if (rows >= 1000 && rows % 1000 === 0) return `${rows / 1000}k`;
  return String(rows);
}
