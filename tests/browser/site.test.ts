// Every page of the built site in Chromium: no console errors, no failed cells, no Indonesian
// error boxes, and no request to any host but the local server.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import config from "../../observablehq.config.js";
import { queryRows, withDuckDB } from "../../loaders/lib/duck.js";
import { ROOT } from "../../loaders/lib/paths.js";
import { CHROMIUM_MISSING_MESSAGE, chromiumAvailable, waitForPageSettled, watchPage } from "../support/browser.js";
import { useBuiltSite } from "../support/site.js";

const DIST = path.join(ROOT, "dist");
const ROUTES = ["/", ...config.pages.map((p) => p.path)];
const hasChromium = chromiumAvailable();
if (!hasChromium) console.log(CHROMIUM_MISSING_MESSAGE);

describe.skipIf(!hasChromium)("built site in Chromium", () => {
  const built = useBuiltSite();

  for (const route of ROUTES) {
    it(`renders ${route} cleanly and offline`, async () => {
      const page = await built.browser.newPage();
      const problems = await watchPage(page, built.site.url);
      const response = await page.goto(built.site.url + route);
      expect(response?.status()).toBe(200);
      await waitForPageSettled(page);
      expect(await page.locator(".observablehq--error").count(), "failed cells").toBe(0);
      expect(await page.locator(".ts-error").allInnerTexts(), "error boxes").toEqual([]);
      expect(problems.externalRequests, "requests to other hosts").toEqual([]);
      expect(problems.failedRequests, "failed requests").toEqual([]);
      expect(problems.consoleErrors, "console errors").toEqual([]);
      expect(await page.locator("html").getAttribute("lang")).toBe("id");
      await page.close();
    });
  }

  it("notices (and blocks) a request to another host, so the offline checks above can fail", async () => {
    const page = await built.browser.newPage();
    const problems = await watchPage(page, built.site.url);
    await page.goto(`${built.site.url}/data`);
    await page.evaluate(() => fetch("http://cdn.example.invalid/lib.js").catch(() => null));
    expect(problems.externalRequests).toEqual(["http://cdn.example.invalid/lib.js"]);
    await page.close();
  });

  it("lists every published table on /data with the row counts stored in the files", async () => {
    const catalogFile = readdirSync(path.join(DIST, "_file/data")).find((f) => f.startsWith("catalog."));
    const expected = await withDuckDB((c) =>
      queryRows(c, `SELECT name, rows FROM '${path.join(DIST, "_file/data", catalogFile!)}' ORDER BY name`)
    );
    expect(expected.length).toBeGreaterThan(0);
    const page = await built.browser.newPage();
    await page.goto(`${built.site.url}/data`);
    await waitForPageSettled(page);
    const shown = await page.locator("#catalog > tbody > tr").evaluateAll((rows) =>
      rows.map((r) => ({ name: r.getAttribute("data-table"), rows: Number(r.querySelector("[data-rows]")?.getAttribute("data-rows")) }))
    );
    expect(shown).toEqual(expected);
    for (const { name } of expected) {
      const href = await page.locator(`#catalog tr[data-table="${name}"] a[download]`).getAttribute("href");
      const download = await page.request.get(new URL(href!, `${built.site.url}/data`).href);
      expect(download.status()).toBe(200);
      expect((await download.body()).subarray(0, 4).toString()).toBe("PAR1");
    }
    await page.close();
  });

  it("previews the first rows of the chosen table", async () => {
    const page = await built.browser.newPage();
    await page.goto(`${built.site.url}/data`);
    await waitForPageSettled(page);
    await page.selectOption("#preview-table", "regions");
    const preview = page.locator('#preview[data-table="regions"]');
    await preview.waitFor({ timeout: 60_000 });
    const firstCells = await preview.locator("tbody tr td:first-child").allInnerTexts();
    expect(firstCells.slice(0, 3)).toEqual(["36", "3601", "360101"]);
    await page.close();
  });

  it("shows a readable Indonesian message, not a failed cell, when a table cannot be loaded", async () => {
    const page = await built.browser.newPage();
    await page.route(/catalog\.[0-9a-f]+\.parquet$/, (route) => route.fulfill({ status: 503, body: "unavailable" }));
    await page.goto(`${built.site.url}/data`);
    // duckdb-wasm starts before the fetch fails; on a slow machine that outlasts "network idle".
    await page.locator(".ts-error").first().waitFor({ timeout: 60_000 });
    await waitForPageSettled(page);
    const messages = await page.locator(".ts-error").allInnerTexts();
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toContain('Tabel "catalog" tidak dapat diunduh.');
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await page.close();
  });
});
