// /periksa in Chromium: the fixture lists (tests/fixtures/periksa/README.md) opened through the file
// picker give exactly the planted overlaps, duplicates, invalid NIKs and unserved target families;
// no request of any kind is made while files are opened and matched; bad files give their messages.
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../loaders/lib/paths.js";
import { chromiumAvailable, waitForPageSettled, watchPage, type PageProblems } from "../support/browser.js";
import { useBuiltSite } from "../support/site.js";

const FIXTURES = path.join(ROOT, "tests/fixtures/periksa");
const fixture = (name: string) => path.join(FIXTURES, name);

describe.skipIf(!chromiumAvailable())("/periksa compares lists inside the browser", () => {
  const built = useBuiltSite();

  async function open(): Promise<{ page: Page; problems: PageProblems; requests: string[] }> {
    const page = await built.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = await watchPage(page, built.site.url);
    await page.goto(`${built.site.url}/periksa`);
    await waitForPageSettled(page);
    await page.locator("[data-testid=privacy]").waitFor();
    // From here on every request is recorded: opening and matching files must make none.
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    return { page, problems, requests };
  }

  /**
   * Failed same-site requests, except Chromium cancelling the body of duckdb-eh.wasm once its
   * streaming compile is served from the code cache (intermittent, seen on /data as well, before
   * any file is opened; the file requests themselves are checked separately and must be none).
   */
  const failed = (problems: PageProblems) => problems.failedRequests.filter((r) => !/\/duckdb-eh\.wasm net::ERR_ABORTED$/.test(r));

  /** Text of every body row of a result table, cells joined by " | ". */
  async function rows(page: Page, testid: string): Promise<string[]> {
    return page.locator(`[data-testid=${testid}] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent).join(" | ")));
  }

  it("finds exactly the planted cases, with no network request", async () => {
    const { page, problems, requests } = await open();
    await page.locator("[data-testid=file-input]").setInputFiles(["sasaran-p3ke.csv", "sembako-kota.csv", "sembako-provinsi.xlsx", "pkh-pusat.csv"].map(fixture));
    const card = (file: string) => page.locator(`[data-testid=list-card][data-file="${file}"]`);
    await expect.poll(() => page.locator("[data-testid=list-status][data-rows]").count(), { timeout: 30_000 }).toBe(4);
    // Labels guessed from the file names; PKH is chosen by hand.
    expect(await card("sasaran-p3ke.csv").locator("[data-testid=programme]").inputValue()).toBe("__sasaran__");
    expect(await card("sembako-kota.csv").locator("[data-testid=programme]").inputValue()).toBe("sembako_kota");
    expect(await card("sembako-kota.csv").locator("[data-testid=funder]").inputValue()).toBe("kota");
    await card("pkh-pusat.csv").locator("[data-testid=programme]").selectOption("pkh");
    expect(await card("pkh-pusat.csv").locator("[data-testid=funder]").inputValue()).toBe("pusat");
    const status = card("sembako-kota.csv").locator("[data-testid=list-status]");
    expect([await status.getAttribute("data-rows"), await status.getAttribute("data-accepted"), await status.getAttribute("data-rejected")]).toEqual(["8", "5", "3"]);

    await page.locator("[data-testid=run]").click();
    await page.locator("[data-testid=table-overlaps]").waitFor({ timeout: 30_000 });
    const overlaps = await rows(page, "table-overlaps");
    expect(overlaps).toEqual([
      "sembako_kota (kota)\nsembako-kota.csv · baris 3 | MOCH. RIDWAN SINTETIS | 3673020203759902 | sembako_provinsi (provinsi)\nsembako-provinsi.xlsx · baris 4 | MUHAMAD RIDWAN SINTETIS | 3673020203759902 | NIK sama |  |  | duplikasi | Tidak",
      expect.stringMatching(/^sembako_kota \(kota\)\nsembako-kota\.csv · baris 4 \| SITI AMINA CONTOH \| 367302510782990 \| sembako_provinsi \(provinsi\)\nsembako-provinsi\.xlsx · baris 5 \| Hj\. Siti Aminah Contoh \| 3673025107829903 \| Nama dan alamat mirip \| 0,9\d\d \| 1 \| duplikasi \| Tidak$/),
      "sembako_provinsi (provinsi)\nsembako-provinsi.xlsx · baris 6 | EUIS PERCONTOHAN | 3673064812889906 | pkh (pusat)\npkh-pusat.csv · baris 2 | Euis Percontohan | 3673064812889906 | NIK sama |  |  | tidak diatur | Ya"
    ]);
    expect(await rows(page, "table-duplicates")).toEqual([expect.stringMatching(/^sembako-kota\.csv \| 5 \| DADANG CONTOH \| 3673061010909904 \| 6 \| DADANG CONTOH \| 3673061010909904 \| NIK sama/)]);
    expect((await rows(page, "table-invalid")).map((r) => r.split(" | ").slice(0, 5).join(" | "))).toEqual([
      "sembako-kota.csv | 4 | SITI AMINA CONTOH | 367302510782990 | NIK_LENGTH",
      "sembako-kota.csv | 7 | DEDI PERCOBAAN | 3.67302E+15 | NIK_SCIENTIFIC",
      "pkh-pusat.csv | 3 | NENENG SINTETIS | 3673023202809951 | NIK_BIRTHDATE"
    ]);
    expect(await rows(page, "table-unserved-area")).toEqual(["Cilowong | 2 | 2", "Banten | 2 | 1", "Kasemen | 3 | 1", "Drangong | 1 | 0", "Taktakan | 1 | 0"]);
    expect((await rows(page, "table-unserved")).map((r) => r.split(" | ").slice(0, 3).join(" | "))).toEqual([
      "Banten | sasaran-p3ke.csv | 7",
      "Cilowong | sasaran-p3ke.csv | 9",
      "Cilowong | sasaran-p3ke.csv | 10",
      "Kasemen | sasaran-p3ke.csv | 13"
    ]);
    expect(await page.locator("[data-testid=kpi-disallowed]").getAttribute("data-value")).toBe("2");

    // A stricter threshold drops the spelling variant; NIK matches stay.
    await page.locator("[data-testid=threshold]").fill("1");
    await expect.poll(async () => (await rows(page, "table-overlaps")).length, { timeout: 15_000 }).toBe(2);

    // An export is built in the page and handed over as a download (no request either).
    const download = page.waitForEvent("download");
    await page.locator("[data-testid=export-xlsx-overlaps]").click();
    const xlsx = await download;
    expect(xlsx.suggestedFilename()).toMatch(/^periksa-tumpang-tindih-\d{4}-\d\d-\d\d\.xlsx$/);
    // The file opens as a workbook: the table (caption, header, 2 pairs at threshold 1) and its sources.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Di lebih dari satu daftar", "Sumber"]);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(1).value).toBe("Program A");
    expect(sheet.getRow(3).getCell(5).value).toBe("MOCH. RIDWAN SINTETIS");
    const csvDownload = page.waitForEvent("download");
    await page.locator("[data-testid=export-csv-invalid]").click();
    const csvPath = await (await csvDownload).path();
    expect(readFileSync(csvPath!, "utf8")).toContain("DEDI PERCOBAAN");

    expect(requests.filter((url) => !url.startsWith("blob:"))).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    expect(problems.externalRequests).toEqual([]);
    expect(failed(problems)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it("gives each bad file its own message", async () => {
    const { page, problems, requests } = await open();
    const bad: [string, RegExp][] = [
      ["kosong.csv", /kosong \(0 byte\)/],
      ["gambar.png", /bukan tabel \(CSV atau XLSX\)/],
      ["rusak.xlsx", /rusak: bentuknya arsip ZIP/],
      ["terkunci.xlsx", /dilindungi kata sandi/],
      ["baris-raksasa.csv", /isian sepanjang 6\.000 karakter/],
      ["bukan-tabel.csv", /tidak berbentuk tabel daftar penerima/]
    ];
    await page.locator("[data-testid=file-input]").setInputFiles(bad.map(([name]) => fixture(name)));
    await expect.poll(() => page.locator("[data-testid=list-error]").count(), { timeout: 30_000 }).toBe(bad.length);
    for (const [name, message] of bad) {
      expect(await page.locator(`[data-testid=list-card][data-file="${name}"] [data-testid=list-error]`).innerText(), name).toMatch(message);
    }
    expect(await page.locator("[data-testid=run]").isDisabled()).toBe(true);
    expect(requests.filter((url) => !url.startsWith("blob:"))).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });
});
