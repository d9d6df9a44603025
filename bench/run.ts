// `npm run bench`: cold page load and named-query latency in headless Chromium against the built
// site, and the same SQL on native DuckDB in the same run, reported as ratios. Not a test: nothing
// here asserts a time. Results: bench/out/latest.json and a table on stdout.
import { execFile, execSync } from "node:child_process";
import { promisify } from "node:util";
import { existsSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Browser, Page } from "playwright-core";
import { writeFileAtomic } from "../loaders/lib/atomic.js";
import { ROOT } from "../loaders/lib/paths.js";
import { queryRows, withDuckDB } from "../loaders/lib/duck.js";
import { DEFAULT_SEED, generateSynthetic } from "../loaders/synth/generate.js";
import { CHROMIUM_MISSING_MESSAGE, chromiumAvailable, launchChromium, waitForPageSettled } from "../tests/support/browser.js";
import { serveStatic } from "../scripts/serve.js";
import { FIXTURE_DIR, NAMED_QUERIES, SCALES, ensureFixture, type Scale } from "./fixtures.js";
import { benchPeriksa, ensurePeriksaFixtures } from "./periksa.js";
import { summarise, type Summary } from "./stats.js";
import { benchCells, type CellBenchRow } from "./cells.js";
import { SCENARIO_SCALES, areasOf, benchProgrammes, benchScenarioArquero, benchScenarioPageChange, benchScenarioNative, benchScenarioWasm, ensureScenarioFixture, scenarioFixture, scenarioWorkloads, type Workloads } from "./scenario.js";
import type { ProgrammeParams } from "../src/components/skenario/types.js";

const QUERY_RUNS = 20;
const WARMUP_RUNS = 3;
const PAGE_LOAD_RUNS = 20;
const LOAD_RUNS: Record<Scale, number> = { kota_serang: 5, banten: 3 };
const OUT = path.join(ROOT, "bench/out/latest.json");

const results: Record<string, Summary> = {};
/** `npm run bench -- --scenario-only`: the scenario planner's measurements alone (page load, recompute). */
const SCENARIO_ONLY = process.argv.includes("--scenario-only");
/** Loader throughput: rows per second and the peak memory of the process that did the work. */
const throughput: Record<string, { rows: number; rows_per_s: number; peak_rss_mb: number }> = {};
const INGEST_ROWS = 1_000_000;
const INGEST_RUNS = 3;
const SYNTH_RUNS = 3;
const ratios: Record<string, number> = {};
let cells: CellBenchRow[] = [];
const log = (line: string) => console.log(line);

async function repeat(runs: number, warmup: number, once: () => Promise<number>): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  return summarise(samples);
}

async function benchNative(scale: Scale, file: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  let run = 0;
  results[`native.load.${scale}`] = await repeat(LOAD_RUNS[scale], 0, async () => {
    const started = performance.now();
    await connection.run(`CREATE TABLE t${run} AS SELECT * FROM read_parquet('${file}')`);
    const elapsed = performance.now() - started;
    await connection.run(`DROP TABLE t${run++}`);
    return elapsed;
  });
  await connection.run(`CREATE TABLE households AS SELECT * FROM read_parquet('${file}')`);
  for (const [name, text] of Object.entries(NAMED_QUERIES)) {
    const statement = text.replaceAll("$T", "households");
    results[`native.query.${name}.${scale}`] = await repeat(QUERY_RUNS, WARMUP_RUNS, async () => {
      const started = performance.now();
      await connection.runAndReadAll(statement);
      return performance.now() - started;
    });
  }
  connection.closeSync();
  instance.closeSync();
}

/** The page's own data-layer module (hashed file name), found through Framework's modulepreload links. */
async function dataLayerUrl(page: Page): Promise<string> {
  const href = await page.evaluate(() => {
    const link = [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].find((l) => /\/components\/db\.[0-9a-f]+\.js$/.test(l.href));
    return link?.href ?? null;
  });
  if (!href) throw new Error("the /data page does not preload src/components/db.ts");
  return href;
}

async function benchBrowser(browser: Browser, siteUrl: string): Promise<void> {
  // Cold load (fresh context, empty cache) until the page's first real result is on screen.
  const firstResult: Record<string, [string, string]> = {
    "page_load.ringkasan": ["/", ".ts-kpi[data-value]"],
    "page_load.kemajuan": ["/kemajuan", "#extreme-chart svg, #extreme-chart .ts-empty"],
    "page_load.data": ["/data", "#catalog > tbody > tr"],
    "page_load.skenario": ["/skenario", "#scenario-compare td[data-metric]"]
  };
  for (const [metric, [route, selector]] of Object.entries(firstResult)) {
    if (SCENARIO_ONLY && metric !== "page_load.skenario") continue;
    results[`wasm.${metric}`] = await repeat(PAGE_LOAD_RUNS, 2, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${siteUrl}${route}`);
      await page.locator(selector).first().waitFor({ timeout: 60_000 });
      const elapsed = performance.now() - started;
      await context.close();
      return elapsed;
    });
  }

  // Where a cold load of /skenario spends its time: the page's own marks (navigation start = 0).
  const phases: Record<string, number[]> = {};
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}/skenario`);
    await page.waitForFunction(() => performance.getEntriesByName("skenario:charts").length > 0, undefined, { timeout: 60_000 });
    const marks = await page.evaluate(() => performance.getEntriesByType("mark").map((m) => [m.name, m.startTime] as const));
    for (const [name, at] of marks) (phases[name] ??= []).push(at);
    await context.close();
  }
  for (const [name, samples] of Object.entries(phases)) results[`wasm.page_load_phase.skenario.${name.replace(":", "_")}`] = summarise(samples);

  // A return visit (same browser profile: HTTP cache and compiled WebAssembly kept), /skenario only.
  results["wasm.page_load_warm.skenario"] = await repeat(PAGE_LOAD_RUNS, 0, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}/skenario`);
    await page.locator(firstResult["page_load.skenario"]![1]).first().waitFor({ timeout: 60_000 });
    await page.goto("about:blank");
    const started = performance.now();
    await page.goto(`${siteUrl}/skenario`);
    await page.locator(firstResult["page_load.skenario"]![1]).first().waitFor({ timeout: 60_000 });
    const elapsed = performance.now() - started;
    await context.close();
    return elapsed;
  });

  const page = await browser.newPage();
  if (SCENARIO_ONLY) await page.close();
  else await benchDataLayer(page, siteUrl);
  await benchScenarioBrowser(browser, siteUrl);
}

async function benchDataLayer(page: Page, siteUrl: string): Promise<void> {
  await page.goto(`${siteUrl}/data`);
  await waitForPageSettled(page);
  const moduleUrl = await dataLayerUrl(page);
  for (const scale of Object.keys(SCALES) as Scale[]) {
    const url = `${siteUrl}/bench-data/${path.basename(await ensureFixture(scale))}`;
    let run = 0;
    results[`wasm.load.${scale}`] = await repeat(LOAD_RUNS[scale], 0, () =>
      page.evaluate(
        async ({ moduleUrl, name, url, keep }) => {
          const m = await import(moduleUrl);
          const db = await m.getDatabase();
          db.register(m.urlSource(name, url));
          const started = performance.now();
          await db.ensureTable(name);
          const elapsed = performance.now() - started;
          if (!keep) await db.query(m.sql(Object.assign([`DROP TABLE ${name}`], { raw: [`DROP TABLE ${name}`] })));
          return elapsed;
        },
        { moduleUrl, name: `${scale}_${run}`, url, keep: ++run === LOAD_RUNS[scale] }
      )
    );
    const table = `${scale}_${LOAD_RUNS[scale] - 1}`;
    for (const [name, text] of Object.entries(NAMED_QUERIES)) {
      const statement = text.replaceAll("$T", table);
      results[`wasm.query.${name}.${scale}`] = await repeat(QUERY_RUNS, WARMUP_RUNS, () =>
        page.evaluate(
          async ({ moduleUrl, statement }) => {
            const m = await import(moduleUrl);
            const db = await m.getDatabase();
            const started = performance.now();
            await db.query(m.sql(Object.assign([statement], { raw: [statement] })));
            return performance.now() - started;
          },
          { moduleUrl, statement }
        )
      );
    }
    await page.evaluate(
      async ({ moduleUrl, table }) => {
        const m = await import(moduleUrl);
        await (await m.getDatabase()).query(m.sql(Object.assign([`DROP TABLE ${table}`], { raw: [`DROP TABLE ${table}`] })));
      },
      { moduleUrl, table }
    );
  }
  await page.close();
}

async function benchScenarioBrowser(browser: Browser, siteUrl: string): Promise<void> {
  // Scenario recompute through the /skenario page's own modules, on the same cells as native and Arquero.
  const scenarioPage = await browser.newPage();
  await scenarioPage.goto(`${siteUrl}/skenario`);
  await waitForPageSettled(scenarioPage);
  for (const scale of SCENARIO_SCALES) {
    const { workloads, params } = scenarioInputs[scale]!;
    const timing = await benchScenarioWasm(scenarioPage, siteUrl, scale, workloads, params);
    for (const [name, summary] of Object.entries(timing.recompute)) results[`wasm.scenario.${name}.${scale}`] = summary;
    results[`wasm.scenario.prepare.${scale}`] = summarise([timing.prepare_ms]);
  }
  await scenarioPage.close();
  const plannerPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const change = await benchScenarioPageChange(plannerPage, siteUrl, QUERY_RUNS);
  results["wasm.page.skenario.kasemen_input_to_results"] = change.input_to_results;
  results["wasm.page.skenario.kasemen_recompute_render"] = change.recompute_render;
  await plannerPage.close();
}

const scenarioInputs: Partial<Record<(typeof SCENARIO_SCALES)[number], { workloads: Workloads; params: ProgrammeParams[] }>> = {};

async function benchScenarioNode(): Promise<void> {
  const params = await benchProgrammes();
  for (const scale of SCENARIO_SCALES) {
    await ensureScenarioFixture(scale, log);
    const { kabs, kecs } = await areasOf(scenarioFixture(scale).cells);
    const workloads = scenarioWorkloads(params, kabs, kecs, QUERY_RUNS);
    scenarioInputs[scale] = { workloads, params };
    log(`skenario ${scale}: DuckDB native dan Arquero…`);
    const native = await benchScenarioNative(scale, workloads, params);
    for (const [name, summary] of Object.entries(native.recompute)) results[`native.scenario.${name}.${scale}`] = summary;
    results[`native.scenario.prepare.${scale}`] = summarise([native.prepare_ms]);
    const arquero = await benchScenarioArquero(scale, workloads, params);
    for (const [name, summary] of Object.entries(arquero.recompute)) results[`arquero.scenario.${name}.${scale}`] = summary;
    results[`arquero.scenario.prepare.${scale}`] = summarise([arquero.prepare_ms]);
  }
}

/** 1,000,000-row BNBA CSV → validated, pseudonymised Parquet, each run in its own process so peak RSS is the ingest's own. */
async function benchIngest(): Promise<void> {
  const runs: { seconds: number; rows_per_s: number; peak_rss_mb: number }[] = [];
  for (let i = 0; i < INGEST_RUNS; i++) {
    const { stdout } = await promisify(execFile)("npx", ["tsx", "bench/registry-ingest.ts", String(INGEST_ROWS)], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    runs.push(JSON.parse(stdout.trim().split("\n").pop()!));
  }
  results["native.ingest.registry_1m"] = summarise(runs.map((r) => r.seconds * 1000));
  const median = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
  throughput["ingest.registry_1m"] = { rows: INGEST_ROWS, rows_per_s: median.rows_per_s, peak_rss_mb: Math.max(...runs.map((r) => r.peak_rss_mb)) };
}

/** The synthetic default (≈707k households + receipts) as `npm run data` makes it. */
async function benchSynthetic(): Promise<void> {
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < SYNTH_RUNS; i++) {
    await withDuckDB(async (c) => {
      const started = performance.now();
      const { households } = await generateSynthetic(c, { scale: "default", seed: DEFAULT_SEED });
      samples.push(performance.now() - started);
      rows = Number((await queryRows(c, `SELECT count(*) AS n FROM ${households}`))[0]!["n"]);
    });
  }
  results["native.synthetic.default"] = summarise(samples);
  throughput["synthetic.default"] = { rows, rows_per_s: Math.round(rows / (summarise(samples).p50_ms / 1000)), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

function computeRatios(): void {
  for (const scale of SCENARIO_SCALES) {
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
  log("\nratio (wasm p50 / native p50, same run):");
  for (const [k, v] of Object.entries(ratios)) log(`  ${k.padEnd(52)} ${v}×`);
}

/** Counts that show a benchmark did its work (rows parsed, pairs found). */
const counts: Record<string, number> = {};

async function runPeriksa(browser: Browser, siteUrl: string): Promise<void> {
  log("/periksa: baca CSV/XLSX 100.000 baris dan cocokkan 2 × 50.000 baris di Chromium…");
  const periksa = await benchPeriksa(browser, siteUrl);
  Object.assign(results, periksa.results);
  Object.assign(counts, periksa.counts);
}

/** `npm run bench -- periksa`: only the /periksa group (written to bench/out/latest-periksa.json). */
async function mainPeriksa(): Promise<number> {
  if (!chromiumAvailable()) {
    log(CHROMIUM_MISSING_MESSAGE);
    return 0;
  }
  await ensurePeriksaFixtures();
  const site = await serveStatic(path.join(ROOT, "dist"), { "/bench-data/": FIXTURE_DIR });
  const browser = await launchChromium();
  try {
    await runPeriksa(browser, site.url);
  } finally {
    await browser.close();
    await site.close();
  }
  printTable();
  for (const [k, v] of Object.entries(counts)) log(`  ${k.padEnd(44)} ${v.toLocaleString("id-ID")}`);
  const out = path.join(ROOT, "bench/out/latest-periksa.json");
  const machine = { cpus: (await import("node:os")).cpus().length, node: process.version, date: new Date().toISOString() };
  await writeFileAtomic(out, JSON.stringify({ ...results, counts, machine }, null, 2) + "\n");
  log(`\nDitulis: ${path.relative(ROOT, out)}`);
  return 0;
}

async function main(): Promise<number> {
  if (!existsSync(path.join(ROOT, "dist/index.html"))) {
    log("dist/ belum ada: menjalankan `npm run build` terlebih dahulu…");
    execSync("npm run build", { cwd: ROOT, stdio: "inherit" });
  }
  if (process.argv.includes("periksa")) return mainPeriksa();
  if (!SCENARIO_ONLY) {
    await ensurePeriksaFixtures();
    log(`ingest BNBA ${INGEST_ROWS.toLocaleString("id-ID")} baris ×${INGEST_RUNS} (proses terpisah)…`);
    await benchIngest();
    log(`data sintetis bawaan ×${SYNTH_RUNS}…`);
    await benchSynthetic();
    cells = await benchCells(log);
    for (const scale of Object.keys(SCALES) as Scale[]) {
      const file = await ensureFixture(scale);
      log(`native DuckDB, ${scale} (${SCALES[scale].toLocaleString("id-ID")} baris)…`);
      await benchNative(scale, file);
    }
  }
  await benchScenarioNode();
  if (!chromiumAvailable()) {
    log(CHROMIUM_MISSING_MESSAGE);
  } else {
    const site = await serveStatic(path.join(ROOT, "dist"), { "/bench-data/": FIXTURE_DIR });
    const browser = await launchChromium();
    try {
      log("duckdb-wasm di Chromium…");
      await benchBrowser(browser, site.url);
      await runPeriksa(browser, site.url);
    } finally {
      await browser.close();
      await site.close();
    }
  }
  computeRatios();
  printTable();
  const os = await import("node:os");
  const machine = { cpus: os.cpus().length, load_average_1m: os.loadavg()[0], node: process.version, date: new Date().toISOString() };
  const out = SCENARIO_ONLY ? OUT.replace(/latest\.json$/, "scenario.json") : OUT;
  await writeFileAtomic(out, JSON.stringify({ ...results, ratios, throughput, counts, cells, machine }, null, 2) + "\n");
  log(`\nDitulis: ${path.relative(ROOT, out)}`);
  return 0;
}

process.exitCode = await main();
