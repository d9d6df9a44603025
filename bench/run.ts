// `npm run bench`: cold page load and named-query latency in headless Chromium against the built
// site, and the same SQL on native DuckDB in the same run, reported as ratios; loader throughput;
// registry cells; scenario recompute; /periksa. Not a test: nothing here asserts a time. Results:
// bench/out/latest.json and a table on stdout.
//
//   npm run bench                      every group, full size
//   npm run bench -- --smoke           every group once on tiny data, no timings (CI: proves the harness runs)
//   npm run bench -- --scenario-only   the scenario planner's groups (bench/out/scenario.json)
//   npm run bench -- periksa           the /periksa group (bench/out/latest-periksa.json)
//
// Each group runs on its own: one that fails is reported and the others still run; the run then
// exits non-zero.
import { execFile, execSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Browser } from "playwright-core";
import { writeFileAtomic } from "../loaders/lib/atomic.js";
import { queryRows, withDuckDB } from "../loaders/lib/duck.js";
import { ROOT } from "../loaders/lib/paths.js";
import { DEFAULT_SEED, generateSynthetic } from "../loaders/synth/generate.js";
import { serveStatic } from "../scripts/serve.js";
import type { ProgrammeParams } from "../src/components/skenario/types.js";
import { CHROMIUM_MISSING_MESSAGE, chromiumAvailable, launchChromium, waitForPageSettled } from "../tests/support/browser.js";
import { benchCells, type CellBenchRow } from "./cells.js";
import { NAMED_QUERIES, ensureFixture } from "./fixtures.js";
import { benchPeriksa } from "./periksa.js";
import { FULL, SMOKE, sizeLabel, type BenchProfile, type ScenarioScale } from "./profile.js";
import { areasOf, benchProgrammes, benchScenarioArquero, benchScenarioNative, benchScenarioPageChange, benchScenarioWasm, ensureScenarioFixture, scenarioFixture, scenarioWorkloads, type Workloads } from "./scenario.js";
import { DIST_DIR, allowEvaluatedFunctions, builtModuleUrls } from "./site-modules.js";
import { summarise, type Summary } from "./stats.js";

const args = process.argv.slice(2);
const PROFILE: BenchProfile = args.includes("--smoke") ? SMOKE : FULL;
/** `--scenario-only`: the scenario planner's measurements alone (page load, recompute). */
const SCENARIO_ONLY = args.includes("--scenario-only");
const PERIKSA_ONLY = args.includes("periksa");
const OUT_DIR = path.join(ROOT, "bench/out");

const results: Record<string, Summary> = {};
/** Loader throughput: rows per second and the peak memory of the process that did the work. */
const throughput: Record<string, { rows: number; rows_per_s: number; peak_rss_mb: number }> = {};
const ratios: Record<string, number> = {};
/** Counts that show a benchmark did its work (rows parsed, pairs found). */
const counts: Record<string, number> = {};
let cells: CellBenchRow[] = [];
const log = (line: string) => console.log(line);

/** Where the browser groups run: the built site served on loopback, one Chromium. */
interface BrowserEnv {
  readonly browser: Browser;
  readonly siteUrl: string;
}

interface Group {
  readonly name: string;
  /** Browser groups need Chromium and the built site. */
  readonly browser: boolean;
  run(env: BrowserEnv | null): Promise<void>;
}

async function repeat(runs: number, warmup: number, once: () => Promise<number>): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  return summarise(samples);
}

/** A BNBA CSV → validated, pseudonymised Parquet, each run in its own process so peak RSS is the ingest's own. */
async function benchIngest(): Promise<void> {
  const { rows, runs: count } = PROFILE.ingest;
  log(`ingest BNBA ${rows.toLocaleString("id-ID")} baris ×${count} (proses terpisah)…`);
  const runs: { seconds: number; rows_per_s: number; peak_rss_mb: number }[] = [];
  for (let i = 0; i < count; i++) {
    const { stdout } = await promisify(execFile)("npx", ["tsx", "bench/registry-ingest.ts", String(rows)], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    runs.push(JSON.parse(stdout.trim().split("\n").pop()!));
  }
  const key = `ingest.registry_${sizeLabel(rows)}`;
  results[`native.${key}`] = summarise(runs.map((r) => r.seconds * 1000));
  const median = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
  throughput[key] = { rows, rows_per_s: median.rows_per_s, peak_rss_mb: Math.max(...runs.map((r) => r.peak_rss_mb)) };
}

/** The synthetic registry as `npm run data` makes it (full run: the default, ≈707k households + receipts). */
async function benchSynthetic(): Promise<void> {
  const { scale, runs } = PROFILE.synthetic;
  log(`data sintetis ${scale} ×${runs}…`);
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    await withDuckDB(async (c) => {
      const started = performance.now();
      const { households } = await generateSynthetic(c, { scale, seed: DEFAULT_SEED });
      samples.push(performance.now() - started);
      rows = Number((await queryRows(c, `SELECT count(*) AS n FROM ${households}`))[0]!["n"]);
    });
  }
  if (rows === 0) throw new Error(`the synthetic ${scale} registry has no households`);
  results[`native.synthetic.${scale}`] = summarise(samples);
  throughput[`synthetic.${scale}`] = { rows, rows_per_s: Math.round(rows / (summarise(samples).p50_ms / 1000)), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/** Load and named queries on native DuckDB, the baseline of the duckdb-wasm figures. */
async function benchNative(): Promise<void> {
  for (const [scale, size] of Object.entries(PROFILE.households)) {
    const file = await ensureFixture(PROFILE, scale);
    log(`native DuckDB, ${scale} (${size.rows.toLocaleString("id-ID")} baris)…`);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      let run = 0;
      results[`native.load.${scale}`] = await repeat(size.loadRuns, 0, async () => {
        const started = performance.now();
        await connection.run(`CREATE TABLE t${run} AS SELECT * FROM read_parquet('${file}')`);
        const elapsed = performance.now() - started;
        await connection.run(`DROP TABLE t${run++}`);
        return elapsed;
      });
      await connection.run(`CREATE TABLE households AS SELECT * FROM read_parquet('${file}')`);
      for (const [name, text] of Object.entries(NAMED_QUERIES)) {
        const statement = text.replaceAll("$T", "households");
        if ((await connection.runAndReadAll(statement)).currentRowCount === 0) throw new Error(`${name} returned no rows on ${scale}`);
        results[`native.query.${name}.${scale}`] = await repeat(PROFILE.queryRuns, PROFILE.warmupRuns, async () => {
          const started = performance.now();
          await connection.runAndReadAll(statement);
          return performance.now() - started;
        });
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }
}

type DbModule = typeof import("../src/components/core/db.js");

/** The same load and named queries in duckdb-wasm, through the site's own data layer (core/db.ts). */
async function benchDataLayer({ browser, siteUrl }: BrowserEnv): Promise<void> {
  const { db: moduleUrl } = builtModuleUrls(siteUrl, { db: "core/db.ts" });
  const page = await browser.newPage();
  await allowEvaluatedFunctions(page);
  try {
    // Any page of the site can host the module; /data itself starts no DuckDB.
    await page.goto(`${siteUrl}/data`);
    await waitForPageSettled(page);
    for (const [scale, size] of Object.entries(PROFILE.households)) {
      const url = `${siteUrl}/bench-data/${path.basename(await ensureFixture(PROFILE, scale))}`;
      let run = 0;
      results[`wasm.load.${scale}`] = await repeat(size.loadRuns, 0, () =>
        page.evaluate(
          async ({ moduleUrl, name, url, keep }) => {
            const m: DbModule = await import(moduleUrl);
            const db = await m.getDatabase();
            db.register(m.urlSource(name, url));
            const started = performance.now();
            await db.ensureTable(name);
            const elapsed = performance.now() - started;
            if (!keep) await db.query(m.sql(Object.assign([`DROP TABLE ${name}`], { raw: [`DROP TABLE ${name}`] })));
            return elapsed;
          },
          { moduleUrl, name: `${scale}_${run}`, url, keep: ++run === size.loadRuns }
        )
      );
      const table = `${scale}_${size.loadRuns - 1}`;
      for (const [name, text] of Object.entries(NAMED_QUERIES)) {
        const statement = text.replaceAll("$T", table);
        const once = () =>
          page.evaluate(
            async ({ moduleUrl, statement }) => {
              const m: DbModule = await import(moduleUrl);
              const db = await m.getDatabase();
              const started = performance.now();
              const result = await db.query(m.sql(Object.assign([statement], { raw: [statement] })));
              return { ms: performance.now() - started, rows: result.numRows };
            },
            { moduleUrl, statement }
          );
        if ((await once()).rows === 0) throw new Error(`${name} returned no rows on ${scale} in duckdb-wasm`);
        results[`wasm.query.${name}.${scale}`] = await repeat(PROFILE.queryRuns, PROFILE.warmupRuns, async () => (await once()).ms);
      }
      await page.evaluate(
        async ({ moduleUrl, table }) => {
          const m: DbModule = await import(moduleUrl);
          await (await m.getDatabase()).query(m.sql(Object.assign([`DROP TABLE ${table}`], { raw: [`DROP TABLE ${table}`] })));
        },
        { moduleUrl, table }
      );
    }
  } finally {
    await page.close();
  }
}

/** Cold loads (fresh context, empty cache) until each page's first real result is on screen. */
const FIRST_RESULT: Record<string, [route: string, selector: string]> = {
  "page_load.ringkasan": ["/", ".ts-kpi[data-value]"],
  "page_load.kemajuan": ["/kemajuan", "#extreme-chart svg, #extreme-chart .ts-empty"],
  "page_load.data": ["/data", "#catalog > tbody > tr"],
  "page_load.skenario": ["/skenario", "#scenario-compare td[data-metric]"]
};

async function benchPageLoads({ browser, siteUrl }: BrowserEnv): Promise<void> {
  const loaded = async (route: string, selector: string) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${siteUrl}${route}`);
      await page.locator(selector).first().waitFor({ timeout: 60_000 });
      return performance.now() - started;
    } finally {
      await context.close();
    }
  };
  for (const [metric, [route, selector]] of Object.entries(FIRST_RESULT)) {
    if (SCENARIO_ONLY && metric !== "page_load.skenario") continue;
    results[`wasm.${metric}`] = await repeat(PROFILE.pageLoadRuns, PROFILE.pageLoadWarmup, () => loaded(route, selector));
  }

  // Where a cold load of /skenario spends its time: the page's own marks (navigation start = 0).
  const phases: Record<string, number[]> = {};
  for (let i = 0; i < PROFILE.phaseRuns; i++) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${siteUrl}/skenario`);
      await page.waitForFunction(() => performance.getEntriesByName("skenario:charts").length > 0, undefined, { timeout: 60_000 });
      const marks = await page.evaluate(() => performance.getEntriesByType("mark").map((m) => [m.name, m.startTime] as const));
      for (const [name, at] of marks) (phases[name] ??= []).push(at);
    } finally {
      await context.close();
    }
  }
  for (const [name, samples] of Object.entries(phases)) results[`wasm.page_load_phase.skenario.${name.replace(":", "_")}`] = summarise(samples);

  // A return visit (same browser profile: HTTP cache and compiled WebAssembly kept), /skenario only.
  const [route, selector] = FIRST_RESULT["page_load.skenario"]!;
  results["wasm.page_load_warm.skenario"] = await repeat(PROFILE.pageLoadRuns, 0, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${siteUrl}${route}`);
      await page.locator(selector).first().waitFor({ timeout: 60_000 });
      await page.goto("about:blank");
      const started = performance.now();
      await page.goto(`${siteUrl}${route}`);
      await page.locator(selector).first().waitFor({ timeout: 60_000 });
      return performance.now() - started;
    } finally {
      await context.close();
    }
  });
}

/** The scenario inputs of a scale (cells fixture, programmes, workloads), made once for the native and browser groups. */
const scenarioInputs = new Map<ScenarioScale, Promise<{ workloads: Workloads; params: ProgrammeParams[] }>>();
function scenarioInputsOf(scale: ScenarioScale): Promise<{ workloads: Workloads; params: ProgrammeParams[] }> {
  let pending = scenarioInputs.get(scale);
  if (!pending) {
    pending = (async () => {
      const params = await benchProgrammes();
      await ensureScenarioFixture(PROFILE, scale, log);
      const { kabs, kecs } = await areasOf(scenarioFixture(PROFILE, scale).cells);
      return { workloads: scenarioWorkloads(params, kabs, kecs, PROFILE.queryRuns), params };
    })();
    scenarioInputs.set(scale, pending);
  }
  return pending;
}

async function benchScenarioNode(): Promise<void> {
  for (const scale of PROFILE.scenarioScales) {
    const { workloads, params } = await scenarioInputsOf(scale);
    log(`skenario ${scale}: DuckDB native dan Arquero…`);
    const native = await benchScenarioNative(PROFILE, scale, workloads, params);
    for (const [name, summary] of Object.entries(native.recompute)) results[`native.scenario.${name}.${scale}`] = summary;
    results[`native.scenario.prepare.${scale}`] = summarise([native.prepare_ms]);
    const arquero = await benchScenarioArquero(PROFILE, scale, workloads, params);
    for (const [name, summary] of Object.entries(arquero.recompute)) results[`arquero.scenario.${name}.${scale}`] = summary;
    results[`arquero.scenario.prepare.${scale}`] = summarise([arquero.prepare_ms]);
  }
}

/** Scenario recompute through the /skenario page's own modules, on the same cells as native and Arquero; then the planner's input on the page. */
async function benchScenarioBrowser({ browser, siteUrl }: BrowserEnv): Promise<void> {
  const scenarioPage = await browser.newPage();
  await allowEvaluatedFunctions(scenarioPage);
  try {
    await scenarioPage.goto(`${siteUrl}/skenario`);
    await waitForPageSettled(scenarioPage);
    for (const scale of PROFILE.scenarioScales) {
      const { workloads, params } = await scenarioInputsOf(scale);
      log(`skenario ${scale}: duckdb-wasm…`);
      const timing = await benchScenarioWasm(scenarioPage, siteUrl, PROFILE, scale, workloads, params);
      for (const [name, summary] of Object.entries(timing.recompute)) results[`wasm.scenario.${name}.${scale}`] = summary;
      results[`wasm.scenario.prepare.${scale}`] = summarise([timing.prepare_ms]);
    }
  } finally {
    await scenarioPage.close();
  }
  const plannerPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const change = await benchScenarioPageChange(plannerPage, siteUrl, PROFILE.pageChanges);
    results["wasm.page.skenario.kasemen_input_to_results"] = change.input_to_results;
    results["wasm.page.skenario.kasemen_recompute_render"] = change.recompute_render;
  } finally {
    await plannerPage.close();
  }
}

async function runPeriksa({ browser, siteUrl }: BrowserEnv): Promise<void> {
  const { parseRows, matchRows } = PROFILE.periksa;
  log(`/periksa: baca CSV/XLSX ${parseRows.toLocaleString("id-ID")} baris dan cocokkan 2 × ${matchRows.toLocaleString("id-ID")} baris di Chromium…`);
  const periksa = await benchPeriksa(browser, siteUrl, PROFILE);
  Object.assign(results, periksa.results);
  Object.assign(counts, periksa.counts);
}

const GROUPS: readonly Group[] = [
  { name: "ingest", browser: false, run: benchIngest },
  { name: "synthetic", browser: false, run: benchSynthetic },
  { name: "cells", browser: false, run: async () => void (cells = await benchCells(PROFILE.cellScales, log)) },
  { name: "native", browser: false, run: benchNative },
  { name: "scenario_native", browser: false, run: benchScenarioNode },
  { name: "page_load", browser: true, run: (env) => benchPageLoads(env!) },
  { name: "data_layer", browser: true, run: (env) => benchDataLayer(env!) },
  { name: "scenario_wasm", browser: true, run: (env) => benchScenarioBrowser(env!) },
  { name: "periksa", browser: true, run: (env) => runPeriksa(env!) }
];

function selectedGroups(): readonly Group[] {
  if (PERIKSA_ONLY) return GROUPS.filter((g) => g.name === "periksa");
  if (SCENARIO_ONLY) return GROUPS.filter((g) => ["page_load", "scenario_native", "scenario_wasm"].includes(g.name));
  return GROUPS;
}

function computeRatios(): void {
  for (const scale of PROFILE.scenarioScales) {
    for (const workload of ["recompute", "recompute_kecamatan"]) {
      const wasm = results[`wasm.scenario.${workload}.${scale}`];
      const arquero = results[`arquero.scenario.${workload}.${scale}`];
      const native = results[`native.scenario.${workload}.${scale}`];
      if (wasm && arquero && wasm.p50_ms > 0) ratios[`scenario.${workload}.${scale}.arquero_over_wasm_p50`] = Math.round((arquero.p50_ms / wasm.p50_ms) * 10) / 10;
      if (wasm && native && native.p50_ms > 0) ratios[`scenario.${workload}.${scale}.wasm_over_native_p50`] = Math.round((wasm.p50_ms / native.p50_ms) * 10) / 10;
    }
  }
  for (const key of Object.keys(results)) {
    if (!key.startsWith("wasm.load.") && !key.startsWith("wasm.query.")) continue;
    const native = results[key.replace(/^wasm\./, "native.")];
    const wasm = results[key]!;
    if (native && native.p50_ms > 0) ratios[`${key.replace(/^wasm\./, "")}.wasm_over_native_p50`] = Math.round((wasm.p50_ms / native.p50_ms) * 10) / 10;
  }
}

function printTable(): void {
  const rows = Object.entries(results).map(([metric, s]) => `${metric.padEnd(44)} ${String(s.p50_ms).padStart(10)} ${String(s.p95_ms).padStart(10)} ${String(s.n).padStart(4)}`);
  log(`\n${"metric".padEnd(44)} ${"p50 ms".padStart(10)} ${"p95 ms".padStart(10)} ${"n".padStart(4)}`);
  rows.forEach((r) => log(r));
  log("\nthroughput:");
  for (const [k, v] of Object.entries(throughput)) log(`  ${k.padEnd(30)} ${v.rows.toLocaleString("id-ID")} baris, ${v.rows_per_s.toLocaleString("id-ID")} baris/s, puncak RSS ${v.peak_rss_mb} MB`);
  log("\nregistry cells (k = 10) vs household tables:");
  for (const c of cells) {
    log(`  ${c.scale.padEnd(8)} ${c.households.toLocaleString("id-ID")} RT: ${c.cell_rows.toLocaleString("id-ID")} sel (${c.cell_bytes.toLocaleString("id-ID")} B) + ${c.cell_programme_rows.toLocaleString("id-ID")} baris program + ${c.cell_pair_rows.toLocaleString("id-ID")} baris pasangan (${c.cell_side_bytes.toLocaleString("id-ID")} B) menggantikan ${c.household_rows.toLocaleString("id-ID")} baris RT (${c.household_bytes.toLocaleString("id-ID")} B) + ${c.receipt_rows.toLocaleString("id-ID")} baris penerimaan (${c.receipt_bytes.toLocaleString("id-ID")} B); dibangun dalam ${c.build_ms} ms`);
    if (c.fidelity) for (const [k, v] of Object.entries(c.fidelity)) log(`    ${k.padEnd(48)} ${(v * 100).toFixed(2)}%`);
  }
  log("\nratio (same run; wasm p50 / native p50 unless named):");
  for (const [k, v] of Object.entries(ratios)) log(`  ${k.padEnd(52)} ${v}×`);
  log("\ncounts:");
  for (const [k, v] of Object.entries(counts)) log(`  ${k.padEnd(44)} ${v.toLocaleString("id-ID")}`);
}

/** Runs the groups one by one; a failing group is recorded and the rest still run. */
async function runGroups(groups: readonly Group[]): Promise<Record<string, string>> {
  const status: Record<string, string> = {};
  const record = (name: string, outcome: string) => {
    status[name] = outcome;
    log(`[${name}] ${outcome}`);
  };
  const runOne = async (group: Group, env: BrowserEnv | null) => {
    const started = performance.now();
    try {
      await group.run(env);
      record(group.name, PROFILE.smoke ? "ok" : `ok (${Math.round((performance.now() - started) / 1000)} s)`);
    } catch (error) {
      console.error(error);
      record(group.name, `failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
  };
  for (const group of groups.filter((g) => !g.browser)) await runOne(group, null);
  const browserGroups = groups.filter((g) => g.browser);
  if (browserGroups.length === 0) return status;
  if (!chromiumAvailable()) {
    log(CHROMIUM_MISSING_MESSAGE);
    // The smoke run exists to prove every group runs, so there a skipped group fails it.
    for (const group of browserGroups) record(group.name, PROFILE.smoke ? "failed: Chromium tidak ditemukan" : "skipped: Chromium tidak ditemukan");
    return status;
  }
  const site = await serveStatic(DIST_DIR, { "/bench-data/": PROFILE.fixtureDir });
  const browser = await launchChromium();
  try {
    const env: BrowserEnv = { browser, siteUrl: site.url };
    for (const group of browserGroups) await runOne(group, env);
  } finally {
    await browser.close();
    await site.close();
  }
  return status;
}

function outputFile(): string {
  if (PERIKSA_ONLY) return path.join(OUT_DIR, "latest-periksa.json");
  if (SCENARIO_ONLY) return path.join(OUT_DIR, "scenario.json");
  return path.join(OUT_DIR, "latest.json");
}

async function main(): Promise<number> {
  const started = performance.now();
  if (!existsSync(path.join(DIST_DIR, "index.html"))) {
    log("dist/ belum ada: menjalankan `npm run build` terlebih dahulu…");
    execSync("npm run build", { cwd: ROOT, stdio: "inherit" });
  }
  // The smoke run generates its small inputs afresh, so it checks today's generators, not a cache.
  if (!PROFILE.reuseFixtures) rmSync(PROFILE.fixtureDir, { recursive: true, force: true });
  const groups = selectedGroups();
  const status = await runGroups(groups);
  const failed = Object.entries(status).filter(([, s]) => s.startsWith("failed"));
  const wall_s = Math.round((performance.now() - started) / 100) / 10;

  if (PROFILE.smoke) {
    // No timing is reported: tiny data on a shared machine says nothing about speed.
    log(`\nUji asap benchmark: ${groups.length - failed.length} dari ${groups.length} kelompok berjalan${failed.length > 0 ? `; gagal: ${failed.map(([name]) => name).join(", ")}` : "."}`);
    return failed.length > 0 ? 1 : 0;
  }
  computeRatios();
  printTable();
  const machine = { cpus: os.cpus().length, load_average_1m: os.loadavg()[0], node: process.version, date: new Date().toISOString(), wall_s };
  const out = outputFile();
  await writeFileAtomic(out, JSON.stringify({ ...results, ratios, throughput, counts, cells, groups: status, machine }, null, 2) + "\n");
  log(`\nDitulis: ${path.relative(ROOT, out)} (${wall_s} s)${failed.length > 0 ? `; kelompok gagal: ${failed.map(([name]) => name).join(", ")}` : ""}`);
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
