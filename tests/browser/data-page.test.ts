// /data: the list appears without duckdb-wasm, every table downloads as CSV and XLSX through the
// shared exporter, and a synthetic table's preview carries the badge.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CHROMIUM_MISSING_MESSAGE, chromiumAvailable, waitForPageSettled, watchPage } from "../support/browser.js";
import { useBuiltSite } from "../support/site.js";
import { exportFileName } from "../../src/components/core/export.js";
import { exportStem } from "../../src/components/sumber-data/table-export.js";

const hasChromium = chromiumAvailable();
/** Tables up to this many rows are downloaded in both formats by the test. */
const MAX_ROWS_DOWNLOADED = 50_000;
if (!hasChromium) console.log(CHROMIUM_MISSING_MESSAGE);

describe.skipIf(!hasChromium)("/data", () => {
  const built = useBuiltSite();

  it("lists the tables without fetching duckdb-wasm", async () => {
    const page = await built.browser.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    const problems = await watchPage(page, built.site.url);
    await page.goto(`${built.site.url}/data`);
    await waitForPageSettled(page);
    expect(await page.locator("#catalog > tbody > tr").count()).toBeGreaterThan(5);
    const rejections = await page.locator("#rejections").innerText();
    // Control: this holds only while the ingest report is empty (synthetic default); then DuckDB must not start.
    expect(rejections).toContain("data sintetis");
    expect(requested.filter((p) => /duckdb|parquet_wasm/.test(p))).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it("downloads every table up to 50 000 rows as CSV and XLSX with all its rows; larger tables offer both buttons", async () => {
    const page = await built.browser.newPage({ acceptDownloads: true });
    await page.goto(`${built.site.url}/data`);
    await waitForPageSettled(page);
    const tables = await page.locator("#catalog > tbody > tr").evaluateAll((rows) =>
      rows.map((r) => ({ name: r.getAttribute("data-table")!, rows: Number(r.querySelector("[data-rows]")?.getAttribute("data-rows")) }))
    );
    // Building an XLSX of a table of 100 000+ rows takes over a minute on a shared test machine;
    // such tables are checked for their buttons only (the household tables are leaving the site).
    const large = tables.filter((t) => t.rows > MAX_ROWS_DOWNLOADED);
    for (const table of large) {
      const buttons = page.locator(`#catalog tr[data-table="${table.name}"] button[data-format]`);
      expect(await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute("data-format")))).toEqual(["csv", "csv-analisis", "xlsx"]);
    }
    const small = tables.filter((t) => t.rows <= MAX_ROWS_DOWNLOADED);
    expect(small.length).toBeGreaterThan(5);
    for (const table of small) {
      // A fresh page per table: Chromium stops firing downloads after about ten from one page in quick succession.
      const tablePage = await built.browser.newPage({ acceptDownloads: true });
      await tablePage.goto(`${built.site.url}/data`);
      await waitForPageSettled(tablePage);
      const row = tablePage.locator(`#catalog tr[data-table="${table.name}"]`);
      const [csv] = await Promise.all([tablePage.waitForEvent("download", { timeout: 90_000 }), row.locator('button[data-format="csv"]').click()]);
      const synthetic = (await row.locator(".ts-synthetic").count()) > 0;
      expect(csv.suggestedFilename(), table.name).toBe(exportFileName(exportStem({ name: table.name, synthetic }), "csv"));
      const text = readFileSync((await csv.path())!, "utf8");
      const lines = text.replace(/^\uFEFF/, "").split("\r\n").filter((l) => l !== "");
      expect(lines.length - 1, `${table.name} CSV rows`).toBe(table.rows);
      // The analysis CSV: same rows, "," between fields, decimal points (the Excel CSV writes decimal commas).
      const [analysis] = await Promise.all([tablePage.waitForEvent("download", { timeout: 90_000 }), row.locator('button[data-format="csv-analisis"]').click()]);
      expect(analysis.suggestedFilename(), table.name).toBe(exportFileName(`${exportStem({ name: table.name, synthetic })}-analisis`, "csv"));
      const machine = readFileSync((await analysis.path())!, "utf8");
      expect(machine.startsWith("\uFEFF")).toBe(false);
      expect(machine.split("\r\n").filter((l) => l !== "").length - 1, `${table.name} analysis CSV rows`).toBe(table.rows);
      if (table.name === "bps_poverty") {
        expect(text).toMatch(/;\d+,\d+;/); // e.g. a P0 of 5,51 read as a number by Excel in Indonesian
        expect(machine).toMatch(/,\d+\.\d+,/);
      }

      const [xlsx] = await Promise.all([tablePage.waitForEvent("download", { timeout: 90_000 }), row.locator('button[data-format="xlsx"]').click()]);
      const book = new ExcelJS.Workbook();
      const file = readFileSync((await xlsx.path())!);
      await book.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name).slice(1), table.name).toEqual(["Kamus data", "Sumber"]);
      await tablePage.close();
    }
    await page.close();
  }, 600_000);

  it("marks the preview of a synthetic table with the badge, and not that of a published one", async () => {
    const page = await built.browser.newPage();
    await page.goto(`${built.site.url}/data`);
    await waitForPageSettled(page);
    const synthetic = await page.locator("#catalog > tbody > tr:has(.ts-synthetic)").first().getAttribute("data-table");
    expect(synthetic).not.toBeNull();
    await page.selectOption("#preview-table", synthetic!);
    await page.locator(`#preview[data-table="${synthetic}"]`).waitFor();
    expect(await page.locator("#preview").locator("xpath=../..").locator(".ts-synthetic").count()).toBe(1);
    await page.selectOption("#preview-table", "regions");
    await page.locator('#preview[data-table="regions"]').waitFor();
    expect(await page.locator("#preview").locator("xpath=../..").locator(".ts-synthetic").count()).toBe(0);
    await page.close();
  });
});
