// Debian Chromium driven by playwright-core, shared by browser tests and benchmarks.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_MISSING_MESSAGE = `Chromium tidak ditemukan di ${CHROMIUM_PATH}: uji peramban dilewati. Pasang dengan \`sudo apt-get install -y chromium\` (atau set CHROMIUM_PATH).`;

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"
    ]
  });
}

/** What a page did that a test should fail on. */
export interface PageProblems {
  consoleErrors: string[];
  externalRequests: string[];
  failedRequests: string[];
}

/**
 * Records what a test should fail on. Requests to any other host are recorded and aborted before
 * they leave the machine (the network here is closed, and tests must not depend on it anyway).
 */
export async function watchPage(page: Page, origin: string): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], externalRequests: [], failedRequests: [] };
  trackInFlight(page);
  const isLocal = (url: string) => url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:");
  await page.route((url) => !isLocal(url.href), (route) => route.abort("blockedbyclient"));
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(`pageerror: ${error.message}`));
  page.on("request", (request) => {
    if (!isLocal(request.url())) problems.externalRequests.push(request.url());
  });
  page.on("requestfailed", (request) => {
    // From the third load of the same WebAssembly module in one browser profile, Chromium takes the
    // compiled module from its code cache and cancels the network read, which it reports as
    // net::ERR_ABORTED although the module is instantiated (seen with duckdb-eh.wasm on the third
    // duckdb page of a run). A module that really failed breaks the page, which the tests check.
    if (request.url().endsWith(".wasm") && request.failure()?.errorText === "net::ERR_ABORTED") return;
    if (isLocal(request.url())) problems.failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ""}`);
  });
  return problems;
}

const inFlight = new WeakMap<Page, Set<unknown>>();

/** Counts the page's open requests, so "settled" can mean none is still running (a page closed early aborts them). */
function trackInFlight(page: Page): Set<unknown> {
  let open = inFlight.get(page);
  if (open) return open;
  const requests = new Set<unknown>();
  inFlight.set(page, requests);
  page.on("request", (r) => requests.add(r));
  page.on("requestfinished", (r) => requests.delete(r));
  page.on("requestfailed", (r) => requests.delete(r));
  return requests;
}

/**
 * Waits until Framework has no pending cells and the network is quiet. On a busy machine the
 * browser can be idle for half a second between a page's first files and duckdb-wasm's download, so
 * for pages watched with watchPage it also waits until no request has been open for a second.
 */
export async function waitForPageSettled(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout });
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, { timeout });
  await page.waitForLoadState("networkidle", { timeout });
  const open = inFlight.get(page);
  if (!open) return;
  const deadline = Date.now() + timeout;
  let quietSince = open.size === 0 ? Date.now() : 0;
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    if (open.size > 0) quietSince = 0;
    else if (quietSince === 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 1000) break;
  }
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, { timeout: Math.max(1000, deadline - Date.now()) });
}
