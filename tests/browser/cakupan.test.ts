// /cakupan in Chromium: figures equal those read from the published cells with native DuckDB, the
// filter lives in the URL, drill-down to kelurahan, XLSX export read back, no external request, no
// horizontal scroll at 390 px.
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatCount } from "../../src/components/core/format.js";
import { chromiumAvailable, watchPage, type PageProblems } from "../support/browser.js";
import { distTable, expectClean, nativeRows as sql } from "../support/built-data.js";
import { useBuiltSite } from "../support/site.js";

async function open(browser: Browser, url: string, width = 1280, height = 900): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  const problems = await watchPage(page, new URL(url).origin);
  await page.goto(url);
  await page.waitForSelector("#coverage-kpis", { timeout: 60_000 });
  await page.waitForSelector("#error-table", { timeout: 60_000 });
  return { page, problems };
}

const kpi = (page: Page, kind: string) => page.locator(`#coverage-kpis [data-kpi="${kind}"] .ts-kpi-value`).innerText();

describe.skipIf(!chromiumAvailable())("/cakupan", () => {
  const built = useBuiltSite();

  it("shows the registry's target and untouched households, follows the filter in the URL and drills down", async () => {
    const cells = distTable("registry_cells_3673");
    const [all] = await sql<{ target: bigint; untouched: bigint }>(
      `SELECT sum(households) FILTER (on_target_list) AS target, sum(households - hh_any_programme) FILTER (on_target_list) AS untouched FROM '${cells}'`
    );
    const { page, problems } = await open(built.browser, `${built.site.url}/cakupan?wilayah=3673`);
    expect(await kpi(page, "target")).toBe(formatCount(Number(all!.target), "KK"));
    expect(await kpi(page, "untouched")).toBe(formatCount(Number(all!.untouched), "KK"));
    // The source line names the cells and says they are synthetic.
    expect(await page.locator(".ts-source .ts-synthetic").first().innerText()).toBe("DATA SINTETIS");
    // Both maps drawn, with the kecamatan names written on them.
    expect(await page.locator("#coverage-maps .chart").count()).toBe(2);
    expect(await page.locator("#coverage-maps").innerText()).toContain("Kasemen");

    // Drill down: the kecamatan select rewrites the URL and the figures.
    await page.selectOption("#f-kec", "367302");
    await page.waitForFunction(() => document.querySelector("#area-table table")?.getAttribute("data-level") === "kelurahan", undefined, { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get("kec")).toBe("367302");
    const [kasemen] = await sql<{ target: bigint }>(`SELECT sum(households) FILTER (on_target_list) AS target FROM '${cells}' WHERE kec_kode = '367302'`);
    expect(await kpi(page, "target")).toBe(formatCount(Number(kasemen!.target), "KK"));
    const kelurahan = await sql<{ n: bigint }>(`SELECT count(*) AS n FROM '${distTable("regions")}' WHERE parent_kode = '367302'`);
    expect(await page.locator("#area-table tbody tr").count()).toBeGreaterThanOrEqual(Number(kelurahan[0]!.n));

    // A programme filter: the URL carries it and coverage changes.
    const before = await kpi(page, "coverage");
    await page.selectOption("#f-program", "sembako_kota");
    await page.waitForFunction((b) => document.querySelector('#coverage-kpis [data-kpi="coverage"] .ts-kpi-value')?.textContent !== b, before, { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get("program")).toBe("sembako_kota");

    // Back to all kecamatan through the link above the table.
    await page.click("#area-table a.ts-back");
    await page.waitForFunction(() => document.querySelector("#area-table table")?.getAttribute("data-level") === "kecamatan", undefined, { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get("kec")).toBeNull();
    expectClean(problems);
    await page.close();
  });

  it("exports an XLSX with a sheet per table and the sources", async () => {
    const { page, problems } = await open(built.browser, `${built.site.url}/cakupan?wilayah=3673`);
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.click('[data-export="xlsx"]')]);
    expect(download.suggestedFilename()).toMatch(/^cakupan-3673-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Cakupan per wilayah", "Cakupan per strategi", "Belum tersentuh", "Ketepatan sasaran", "Sumber"]);
    const sheet = book.getWorksheet("Cakupan per wilayah")!;
    expect(String(sheet.getCell("A1").value)).toContain("DATA SINTETIS");
    expect(sheet.getCell("B3").value).toBe("Serang");
    const [serang] = await sql<{ target: bigint }>(`SELECT sum(households) FILTER (on_target_list) AS target FROM '${distTable("registry_cells_3673")}' WHERE kec_kode = '367301'`);
    expect(sheet.getCell("D3").value).toBe(Number(serang!.target));
    const sources = book.getWorksheet("Sumber")!;
    expect(sources.getColumn(1).values).toContain("registry_cells_3673");
    expectClean(problems);
    await page.close();
  });

  it("has no horizontal scroll at 390 px", async () => {
    const { page, problems } = await open(built.browser, `${built.site.url}/cakupan?wilayah=3673&kec=367306`, 390, 844);
    await page.waitForSelector("#coverage-maps .chart");
    await page.waitForSelector("#allocation .chart");
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll).toBeLessThanOrEqual(inner!);
    expectClean(problems);
    await page.close();
  });
});
