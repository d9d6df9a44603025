// `npm run bench`: cold page load and named-query latency in headless Chromium against the built
// site, and the same SQL on native DuckDB in the same run, reported as ratios. Not a test: nothing
// here asserts a time. Results: bench/out/latest.json and a table on stdout.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Browser, Page } from "playwright-core";
import { writeFileAtomic } from "../loaders/lib/atomic.js";
import { ROOT } from "../loaders/lib/paths.js";
import { CHROMIUM_MISSING_MESSAGE, chromiumAvailable, launchChromium, waitForPageSettled } from "../tests/support/browser.js";
import { serveStatic } from "../scripts/serve.js";
import { FIXTURE_DIR, NAMED_QUERIES, SCALES, ensureFixture, type Scale } from "./fixtures.js";
import { summarise, type Summary } from "./stats.js";

const QUERY_RUNS = 20;
const WARMUP_RUNS = 3;
const PAGE_LOAD_RUNS = 20;
const LOAD_RUNS: Record<Scale, number> = { kota_serang: 5, banten: 3 };
const OUT = path.join(ROOT, "bench/out/latest.json");

const results: Record<string, Summary> = {};
const ratios: Record<string, number> = {};
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
    "page_load.data": ["/data", "#catalog > tbody > tr"]
  };
  for (const [metric, [route, selector]] of Object.entries(firstResult)) {
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

  const page = await browser.newPage();
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

function computeRatios(): void {
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
  log("\nratio (wasm p50 / native p50, same run):");
  for (const [k, v] of Object.entries(ratios)) log(`  ${k.padEnd(52)} ${v}×`);
}

async function main(): Promise<number> {
  if (!existsSync(path.join(ROOT, "dist/index.html"))) {
    log("dist/ belum ada: menjalankan `npm run build` terlebih dahulu…");
    execSync("npm run build", { cwd: ROOT, stdio: "inherit" });
  }
  for (const scale of Object.keys(SCALES) as Scale[]) {
    const file = await ensureFixture(scale);
    log(`native DuckDB, ${scale} (${SCALES[scale].toLocaleString("id-ID")} baris)…`);
    await benchNative(scale, file);
  }
  if (!chromiumAvailable()) {
    log(CHROMIUM_MISSING_MESSAGE);
  } else {
    const site = await serveStatic(path.join(ROOT, "dist"), { "/bench-data/": FIXTURE_DIR });
    const browser = await launchChromium();
    try {
      log("duckdb-wasm di Chromium…");
      await benchBrowser(browser, site.url);
    } finally {
      await browser.close();
      await site.close();
    }
  }
  computeRatios();
  printTable();
  const machine = { cpus: (await import("node:os")).cpus().length, node: process.version, date: new Date().toISOString() };
  await writeFileAtomic(OUT, JSON.stringify({ ...results, ratios, machine }, null, 2) + "\n");
  log(`\nDitulis: ${path.relative(ROOT, OUT)}`);
  return 0;
}

process.exitCode = await main();
