// /rakor in Chromium: overlap and target figures equal those read from the published cells with
// native DuckDB, the region filter lives in the URL, XLSX export read back, an action survives a
// reload (and a corrupt store is reported), meeting mode in and out, no external request, no
// horizontal scroll at 390 px.
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ACTION_STORE_KEY } from "../../src/components/rakor/action-list.js";
import { formatCount } from "../../src/components/core/format.js";
import { chromiumAvailable, watchPage, type PageProblems } from "../support/browser.js";
import { distTable, expectClean, nativeRows as sql } from "../support/built-data.js";
import { useBuiltSite } from "../support/site.js";

async function ready(page: Page): Promise<void> {
  await page.waitForSelector("#rakor-kpis", { timeout: 60_000 });
  await page.waitForSelector("#matrix-table", { timeout: 60_000 });
  await page.waitForSelector("#action-panel", { timeout: 60_000 });
}

async function open(browser: Browser | BrowserContext, url: string, width = 1280, height = 900): Promise<{ page: Page; problems: PageProblems }> {
  const page = "newContext" in browser ? await browser.newPage({ viewport: { width, height }, acceptDownloads: true }) : await browser.newPage();
  const problems = await watchPage(page, new URL(url).origin);
  await page.goto(url);
  await ready(page);
  return { page, problems };
}

const kpi = (page: Page, kind: string) => page.locator(`#rakor-kpis [data-kpi="${kind}"] .ts-kpi-value`).innerText();

describe.skipIf(!chromiumAvailable())("/rakor", () => {
  const built = useBuiltSite();

  it("shows the disallowed pairs from the cells and follows the region in the URL", async () => {
    const [overlap] = await sql<{ households: bigint }>(
      `SELECT sum(p.households) AS households FROM '${distTable("registry_cell_pairs_3673")}' p
       JOIN '${distTable("overlap_rules")}' r ON r.programme_a = p.programme_a AND r.programme_b = p.programme_b AND r.rule = 'duplicate'`
    );
    const { page, problems } = await open(built.browser, `${built.site.url}/rakor?wilayah=3673`);
    expect(await kpi(page, "overlap")).toBe(formatCount(Number(overlap!.households), "KK"));
    const rows = await page.locator("#overlap-table tbody tr").count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.locator("#overlap-table").innerText()).toContain("Kota – Provinsi");

    const [kab] = await sql<{ target: bigint }>(`SELECT sum(households) FILTER (on_target_list) AS target FROM '${distTable("registry_cells_3604")}'`);
    await page.selectOption("#f-wilayah", "3604");
    await page.waitForFunction(() => document.querySelector("#rakor-kpis")?.closest("section")?.querySelector("h2")?.textContent?.includes("Kabupaten Serang"), undefined, { timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get("wilayah")).toBe("3604");
    expect(await kpi(page, "target")).toBe(formatCount(Number(kab!.target), "KK"));
    expectClean(problems);
    await page.close();
  });

  it("exports an XLSX with every table, the action list and the sources", async () => {
    const { page, problems } = await open(built.browser, `${built.site.url}/rakor?wilayah=3673`);
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.click('[data-export="xlsx"]')]);
    expect(download.suggestedFilename()).toMatch(/^rakor-3673-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Tumpang tindih", "Belum terlayani", "Matriks program", "Cakupan per kecamatan", "Tindak lanjut", "Sumber"]);
    const overlaps = book.getWorksheet("Tumpang tindih")!;
    expect(overlaps.getCell("A2").value).toBe("Pasangan penyandang dana");
    const onScreen = await page.locator("#overlap-table tbody tr").first().locator("td").first().innerText();
    expect(overlaps.getCell("A3").value).toBe(onScreen);
    expect(typeof overlaps.getCell("C3").value).toBe("number");
    expect(book.getWorksheet("Sumber")!.getColumn(1).values).toContain("registry_cell_pairs_3673");
    expectClean(problems);
    await page.close();
  });

  it("keeps an action across a reload and reports a corrupt store without dropping it", async () => {
    const context = await built.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await open(context, `${built.site.url}/rakor?wilayah=3673`);
    await page.locator("#overlap-table tbody tr").first().getByRole("button", { name: "+ Tindak lanjut" }).click();
    expect(await page.inputValue('#action-form [name="subject"]')).toContain("Tumpang tindih");
    expect(await page.inputValue('#action-form [name="area"]')).toBe("Kota Serang"); // the wilayah comes with the subject
    await page.fill('#action-form [name="assignee"]', "Dinsos Kota Serang");
    // A five-digit year typed into the date field is refused with a sentence, and nothing is added.
    await page.$eval('#action-form [name="due"]', (input) => {
      (input as HTMLInputElement).value = "20266-01-05"; // what Chromium keeps when a sixth year digit is typed
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect(await page.inputValue('#action-form [name="due"]')).toBe("20266-01-05");
    await page.click('#action-form button[type="submit"]');
    expect(await page.locator("#action-form-problem").innerText()).toContain("tenggat");
    expect(await page.locator("#action-table").count()).toBe(0);
    await page.fill('#action-form [name="due"]', "2026-12-31");
    await page.click('#action-form button[type="submit"]');
    await page.waitForSelector("#action-table tbody tr");
    await page.reload();
    await ready(page);
    expect(await page.locator("#action-table tbody tr").count()).toBe(1);
    expectClean(problems);
    await page.close();

    // Reopened in a new tab of the same browser profile.
    const again = await open(context, `${built.site.url}/rakor?wilayah=3673`);
    const row = again.page.locator("#action-table tbody tr");
    expect(await row.count()).toBe(1);
    expect(await row.first().innerText()).toContain("Dinsos Kota Serang");
    expect(await row.first().innerText()).toContain("31 Des 2026");
    expectClean(again.problems);

    // One bad item in the store (a five-digit year): the good item stays, the bad one is set aside and offered for download.
    await again.page.evaluate((key) => {
      const stored = JSON.parse(localStorage.getItem(key)!) as { items: Record<string, unknown>[] };
      stored.items.push({ ...stored.items[0], id: "a-rusak", subject: "Butir rusak", due: "20266-01-05" });
      localStorage.setItem(key, JSON.stringify(stored));
    }, ACTION_STORE_KEY);
    await again.page.reload();
    await ready(again.page);
    expect(await again.page.locator("#action-table tbody tr").count()).toBe(1);
    expect(await again.page.locator("#action-table").innerText()).toContain("Dinsos Kota Serang");
    expect(await again.page.locator("#action-set-aside").innerText()).toContain("1 butir tindak lanjut tersimpan disisihkan");
    const [setAside] = await Promise.all([again.page.waitForEvent("download"), again.page.click("#action-set-aside-download")]);
    expect(setAside.suggestedFilename()).toBe("tindak-lanjut-disisihkan.json");

    await again.page.evaluate((key) => localStorage.setItem(key, "{rusak"), ACTION_STORE_KEY);
    await again.page.close();
    const corrupt = await open(context, `${built.site.url}/rakor?wilayah=3673`);
    expect(await corrupt.page.locator("#action-store-corrupt").innerText()).toContain("tidak dapat dibaca");
    expect(await corrupt.page.evaluate((key) => localStorage.getItem(key), ACTION_STORE_KEY)).toBe("{rusak");
    expectClean(corrupt.problems);
    await context.close();
  });

  it("enters and leaves meeting mode with one topic per screen and keyboard navigation", async () => {
    const { page, problems } = await open(built.browser, `${built.site.url}/rakor?wilayah=3673`, 1280, 720);
    await page.click("#meeting-enter");
    expect(await page.evaluate(() => document.body.classList.contains("ts-meeting"))).toBe(true);
    const visible = () => page.evaluate(() => [...document.querySelectorAll("section.ts-topic")].filter((s) => (s as HTMLElement).offsetParent !== null).map((s) => s.id));
    expect(await visible()).toEqual(["topik-ringkasan"]);
    expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(false);
    await page.keyboard.press("ArrowRight");
    expect(await visible()).toEqual(["topik-tumpang-tindih"]);
    expect(await page.locator("#meeting-counter").innerText()).toBe("Topik 2 dari 5");
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("#topik-tumpang-tindih td")!).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    await page.keyboard.press("End");
    expect(await visible()).toEqual(["topik-tindak-lanjut"]);
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.body.classList.contains("ts-meeting"))).toBe(false);
    expect((await visible()).length).toBe(5);
    expectClean(problems);
    await page.close();
  });

  it("has no horizontal scroll at 390 px", async () => {
    const { page, problems } = await open(built.browser, `${built.site.url}/rakor?wilayah=3673`, 390, 844);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll).toBeLessThanOrEqual(inner!);
    expectClean(problems);
    await page.close();
  });
});
