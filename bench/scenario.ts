// Scenario recompute benchmarks: the same model runs on the same cells in duckdb-wasm (Chromium),
// native DuckDB and the Arquero twin. Cells: Kota Serang = the built registry cells of its partition
// (data/build); Banten = the synthetic generator at --scale banten, coarsened into cells by the
// cell builder (loaders/registry/cells.ts), all eight kab/kota in one table (cell ids renumbered to
// be unique).
import { existsSync } from "node:fs";
import path from "node:path";
import * as aq from "arquero";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Page } from "playwright-core";
import { writeAtomically } from "../loaders/lib/atomic.js";
import { queryRows, withDuckDB } from "../loaders/lib/duck.js";
import { builtTablePath } from "../loaders/lib/paths.js";
import { readProgrammes } from "../loaders/programmes/reference.js";
import { CELL_PROGRAMMES_TABLE, CELLS_TABLE, buildCells } from "../loaders/registry/cells.js";
import { DEFAULT_SEED, generateSynthetic } from "../loaders/synth/generate.js";
import { KOTA_SERANG } from "../loaders/synth/plan.js";
import { partitionTable } from "../src/components/domain/wilayah.js";
import { ScenarioArquero } from "../src/components/skenario/arquero-model.js";
import { ScenarioSql, type SqlRunner } from "../src/components/skenario/sql-model.js";
import { programmeParams, type CatalogueRow } from "../src/components/skenario/spec.js";
import type { ModelRun, ProgrammeParams, ScenarioCell, ScenarioReceipt } from "../src/components/skenario/types.js";
import type { SqlQuery } from "../src/components/core/sql.js";
import type { BenchProfile, ScenarioScale } from "./profile.js";
import { builtModuleUrls } from "./site-modules.js";
import { summarise, type Summary } from "./stats.js";

export function scenarioFixture(profile: BenchProfile, scale: ScenarioScale): { cells: string; programmes: string } {
  const dir = profile.fixtureDir;
  return { cells: path.join(dir, `scenario_cells_${scale}.parquet`), programmes: path.join(dir, `scenario_cell_programmes_${scale}.parquet`) };
}

/** Writes the cell tables of a scale (Banten once; Kota Serang copied from the current build every run). */
export async function ensureScenarioFixture(profile: BenchProfile, scale: ScenarioScale, log: (line: string) => void): Promise<{ cells: string; programmes: string }> {
  const out = scenarioFixture(profile, scale);
  if (scale === "banten" && profile.reuseFixtures && existsSync(out.cells) && existsSync(out.programmes)) return out;
  await withDuckDB(async (c) => {
    let cells: string;
    let programmes: string;
    if (scale === "kota_serang") {
      const built = { cells: builtTablePath(partitionTable("registry_cells", KOTA_SERANG)), programmes: builtTablePath(partitionTable("registry_cell_programmes", KOTA_SERANG)) };
      for (const file of Object.values(built)) if (!existsSync(file)) throw new Error(`${file} is missing: build the data first (npm run data)`);
      cells = `read_parquet('${built.cells}')`;
      programmes = `read_parquet('${built.programmes}')`;
    } else {
      log(`  sel Banten: data sintetis --scale banten lalu pembentuk sel (sekali, disimpan di ${path.relative(process.cwd(), profile.fixtureDir)})…`);
      const { households, receipts } = await generateSynthetic(c, { scale: "banten", seed: DEFAULT_SEED });
      await buildCells(c, households, receipts, { k: 10 });
      // Unique cell ids across kab/kota.
      await c.run(`CREATE TABLE _ids AS SELECT kab_kode, cell_id, row_number() OVER (ORDER BY kab_kode, cell_id)::INTEGER AS id FROM ${CELLS_TABLE}`);
      await c.run(`CREATE TABLE _cells AS SELECT i.id AS cell_id, c.* EXCLUDE (cell_id) FROM ${CELLS_TABLE} c JOIN _ids i ON i.kab_kode = c.kab_kode AND i.cell_id = c.cell_id`);
      await c.run(`CREATE TABLE _progs AS SELECT i.id AS cell_id, p.* EXCLUDE (cell_id) FROM ${CELL_PROGRAMMES_TABLE} p JOIN _ids i ON i.kab_kode = p.kab_kode AND i.cell_id = p.cell_id`);
      cells = "_cells";
      programmes = "_progs";
    }
    await writeAtomically(out.cells, async (tmp) => void (await c.run(`COPY (SELECT * FROM ${cells} ORDER BY cell_id) TO '${tmp}' (FORMAT parquet, COMPRESSION zstd)`)));
    await writeAtomically(out.programmes, async (tmp) => void (await c.run(`COPY (SELECT * FROM ${programmes} ORDER BY cell_id) TO '${tmp}' (FORMAT parquet, COMPRESSION zstd)`)));
  });
  return out;
}

/** Programme parameters from the catalogue CSV (programmes with a published or derived cost). */
export async function benchProgrammes(): Promise<ProgrammeParams[]> {
  const rows = await readProgrammes();
  return rows.flatMap((r) => {
    const p = programmeParams(r as unknown as CatalogueRow, undefined, null);
    return p ? [p] : [];
  });
}

/** A planner's control changes: budgets that differ run to run (the status quo stays cached, as on the page). */
export function benchRuns(params: readonly ProgrammeParams[], kabs: readonly string[], kecs: readonly string[], count: number): ModelRun[] {
  const by = new Map(params.map((p) => [p.code, p]));
  const sembako = by.get("sembako_kota")!;
  const bpnt = by.get("bpnt")!;
  const pkh = by.get("pkh")!;
  return Array.from({ length: count }, (_, i) => ({
    base_year: 2025,
    horizon: 2026,
    regions: kabs.map((k) => ({ kab_kode: k, poverty_line_rp: 573_960, extreme_ratio: 0.657, trend_per_year: -0.025 })),
    programmes: [
      { params: sembako, rule: "daftar", leakage: 0, pools: kecs.slice(0, 3).map((k, j) => ({ area_kode: k, baseline_rp: 0, budget_rp: (1 + ((i + j) % 5)) * 400_000_000 })) },
      { params: bpnt, rule: "desil", leakage: 0.1, pools: kabs.map((k) => ({ area_kode: k, baseline_rp: 0, budget_rp: (5 + (i % 7)) * 1_000_000_000 })) },
      { params: pkh, rule: "pengeluaran", leakage: 0.05, pools: kabs.map((k) => ({ area_kode: k, baseline_rp: 0, budget_rp: (2 + (i % 3)) * 1_000_000_000 })) }
    ],
    duplicate_pairs: [["sembako_kota", "sembako_provinsi"]]
  }));
}

export async function areasOf(file: string): Promise<{ kabs: string[]; kecs: string[] }> {
  return withDuckDB(async (c) => {
    const kabs = (await queryRows(c, `SELECT DISTINCT kab_kode FROM read_parquet('${file}') ORDER BY 1`)).map((r) => String(r["kab_kode"]));
    const kecs = (await queryRows(c, `SELECT kec_kode, sum(households) AS n FROM read_parquet('${file}') WHERE kec_kode IS NOT NULL GROUP BY 1 ORDER BY n DESC LIMIT 3`)).map((r) => String(r["kec_kode"]));
    return { kabs, kecs };
  });
}

function nodeRunner(c: DuckDBConnection): SqlRunner {
  return {
    async rows<T extends Record<string, unknown>>(statement: SqlQuery): Promise<T[]> {
      return (await queryRows(c, statement.text, [...statement.params] as never[])) as unknown as T[];
    }
  };
}

/** Named sets of runs timed on one prepared model (see scenarioWorkloads). */
export type Workloads = Readonly<Record<string, readonly ModelRun[]>>;

export interface RecomputeTiming {
  /** Cells, then targeting orders (prepare() + prepareOrders()). */
  prepare_ms: number;
  recompute: Record<string, Summary>;
}

/**
 * The workloads: "recompute" = three programmes with kab/kota-wide and kecamatan budgets that differ
 * run to run (most cells change); "recompute_kecamatan" = the planner's case of the issue, one
 * kecamatan's sembako budget raised step by step (only that kecamatan's cells change).
 */
export function scenarioWorkloads(params: readonly ProgrammeParams[], kabs: readonly string[], kecs: readonly string[], count: number): Record<string, ModelRun[]> {
  const broad = benchRuns(params, kabs, kecs, count);
  const sembako = params.find((p) => p.code === "sembako_kota")!;
  const kecamatan = Array.from({ length: count }, (_, i) => ({
    ...broad[0]!,
    programmes: [{ params: sembako, rule: "daftar" as const, leakage: 0, pools: [{ area_kode: kecs[0]!, baseline_rp: 0, budget_rp: (1 + i) * 100_000_000 }] }]
  }));
  return { recompute: broad, recompute_kecamatan: kecamatan };
}

/** Times each run; a callback that returns a number reports its own duration (measured inside the page). */
/** A run measured inside the page: its own duration and how many result rows the model returned. */
interface TimedInPage {
  readonly ms: number;
  readonly rows: number;
}

/**
 * Times each run; a callback that returns a TimedInPage reports its own duration. A run whose model
 * returns no result rows fails the benchmark (it would time nothing).
 */
async function timeRuns(runs: readonly ModelRun[], warmup: number, once: (run: ModelRun) => Promise<TimedInPage | readonly unknown[]> | readonly unknown[]): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await once(runs[i % runs.length]!);
  const samples: number[] = [];
  for (const run of runs) {
    const started = performance.now();
    const inner = await once(run);
    const elapsed = performance.now() - started;
    const timed: TimedInPage = Array.isArray(inner) ? { ms: elapsed, rows: inner.length } : (inner as TimedInPage);
    if (timed.rows === 0) throw new Error("the scenario model returned no result rows");
    samples.push(timed.ms);
  }
  return summarise(samples);
}

export async function benchScenarioNative(profile: BenchProfile, scale: ScenarioScale, workloads: Workloads, params: readonly ProgrammeParams[]): Promise<RecomputeTiming> {
  const files = scenarioFixture(profile, scale);
  return withDuckDB(async (c) => {
    await c.run(`CREATE TABLE cells AS SELECT * FROM read_parquet('${files.cells}')`);
    await c.run(`CREATE TABLE cellprog AS SELECT * FROM read_parquet('${files.programmes}')`);
    const model = new ScenarioSql(nodeRunner(c), "bench");
    const started = performance.now();
    await model.prepare([{ cells: "cells", programmes: "cellprog" }], params);
    await model.prepareOrders();
    const prepare_ms = performance.now() - started;
    const recompute: Record<string, Summary> = {};
    for (const [name, runs] of Object.entries(workloads)) recompute[name] = await timeRuns(runs, 3, (run) => model.run(run));
    return { prepare_ms, recompute };
  });
}

export async function benchScenarioArquero(profile: BenchProfile, scale: ScenarioScale, workloads: Workloads, params: readonly ProgrammeParams[]): Promise<RecomputeTiming> {
  const files = scenarioFixture(profile, scale);
  const { cells, receipts } = await withDuckDB(async (c) => ({
    cells: (await queryRows(c, `SELECT cell_id, kab_kode, kec_kode, kel_kode, desil_min::INTEGER AS desil_min, desil_max::INTEGER AS desil_max, on_target_list,
        pce_lo_rp, pce_hi_rp, households::INTEGER AS households, persons::INTEGER AS persons FROM read_parquet('${files.cells}')`)) as unknown as ScenarioCell[],
    receipts: (await queryRows(c, `SELECT cell_id, programme_code, sum(households)::INTEGER AS households FROM read_parquet('${files.programmes}') GROUP BY ALL`)) as unknown as ScenarioReceipt[]
  }));
  const model = new ScenarioArquero(aq);
  const started = performance.now();
  model.prepare(cells, receipts, params);
  const prepare_ms = performance.now() - started;
  const recompute: Record<string, Summary> = {};
  for (const [name, runs] of Object.entries(workloads)) recompute[name] = await timeRuns(runs, 1, (run) => model.run(run));
  return { prepare_ms, recompute };
}

type DbModule = typeof import("../src/components/core/db.js");
type ModelModule = typeof import("../src/components/skenario/sql-model.js");

/** duckdb-wasm in Chromium, through the page's own modules (their built URLs read from dist/, see site-modules.ts). */
export async function benchScenarioWasm(page: Page, siteUrl: string, profile: BenchProfile, scale: ScenarioScale, workloads: Workloads, params: readonly ProgrammeParams[]): Promise<RecomputeTiming> {
  const urls = builtModuleUrls(siteUrl, { db: "core/db.ts", model: "skenario/sql-model.ts" });
  const cellsUrl = `${siteUrl}/bench-data/${path.basename(scenarioFixture(profile, scale).cells)}`;
  const progUrl = `${siteUrl}/bench-data/${path.basename(scenarioFixture(profile, scale).programmes)}`;
  const prepare_ms = await page.evaluate(
    async ({ urls, cellsUrl, progUrl, params, scale }) => {
      const dbm: DbModule = await import(urls.db);
      const mm: ModelModule = await import(urls.model);
      const db = await dbm.getDatabase();
      const cells = `bench_cells_${scale}`;
      const progs = `bench_prog_${scale}`;
      db.register(dbm.urlSource(cells, cellsUrl));
      db.register(dbm.urlSource(progs, progUrl));
      await db.ensureTable(cells);
      await db.ensureTable(progs);
      const model = new mm.ScenarioSql(db, `bench_${scale}`);
      const started = performance.now();
      await model.prepare([{ cells, programmes: progs }], params);
      await model.prepareOrders();
      (globalThis as unknown as Record<string, unknown>)[`__benchScenario_${scale}`] = model;
      return performance.now() - started;
    },
    { urls, cellsUrl, progUrl, params, scale }
  );
  const recompute: Record<string, Summary> = {};
  for (const [name, runs] of Object.entries(workloads)) {
    recompute[name] = await timeRuns(runs, 3, (run) =>
      page.evaluate(
        async ({ run, scale }) => {
          const model = (globalThis as unknown as Record<string, InstanceType<ModelModule["ScenarioSql"]>>)[`__benchScenario_${scale}`]!;
          const started = performance.now();
          const rows = await model.run(run);
          return { ms: performance.now() - started, rows: rows.length };
        },
        { run, scale }
      )
    );
  }
  return { prepare_ms, recompute };
}

/**
 * The planner's interaction on the built /skenario page (Kota Serang, synthetic default): a second
 * scenario, then Kasemen's sembako budget typed again and again, each change once the previous
 * one's charts are drawn. Per change: from the input event to the new figures on screen (including
 * the input's debounce), and the page's own recompute and render time (data-recompute-ms).
 */
export async function benchScenarioPageChange(page: Page, siteUrl: string, changes: number): Promise<{ input_to_results: Summary; recompute_render: Summary }> {
  // Kota Serang named in the URL: the page opens on the first kab/kota of the registry by code.
  await page.goto(`${siteUrl}/skenario?kab=${KOTA_SERANG}`);
  await page.locator('#scenario-compare td[data-metric="poor_persons"][data-scenario="0"]').waitFor({ timeout: 120_000 });
  const generation = () => page.evaluate(() => Number(document.querySelector("#scenario-results")?.getAttribute("data-generation") ?? 0));
  const g = await generation();
  await page.locator('[data-action="add-scenario"]').click();
  await page.waitForFunction((g) => Number(document.querySelector("#scenario-results")?.getAttribute("data-generation") ?? 0) > g, g);
  await page.locator('[data-programme-card="sembako_kota"] details.scn-kec summary').click();
  const toResults: number[] = [];
  const recompute: number[] = [];
  for (let i = 0; i < changes + 2; i++) {
    const timing = await page.evaluate(async (value) => {
      const input = document.querySelector<HTMLInputElement>('[data-programme-card="sembako_kota"] input[data-field="budget-kec"][data-kec="367302"]')!;
      const results = document.querySelector<HTMLElement>("#scenario-results")!;
      const before = Number(results.dataset["generation"] ?? 0);
      const done = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (Number(results.dataset["generation"] ?? 0) > before) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(results, { attributes: true, attributeFilter: ["data-generation"] });
      });
      const started = performance.now();
      input.value = String(value);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const ended = await done;
      // The planner reads the figures before the next change: let the charts finish drawing.
      while (results.dataset["chartsGeneration"] !== results.dataset["generation"]) await new Promise((resolve) => setTimeout(resolve, 10));
      return { total: ended - started, recompute: Number(results.dataset["recomputeMs"]) };
    }, 1000 + 100 * i);
    if (i < 2) continue; // the first change also waits for the targeting orders
    toResults.push(timing.total);
    recompute.push(timing.recompute);
  }
  return { input_to_results: summarise(toResults), recompute_render: summarise(recompute) };
}
