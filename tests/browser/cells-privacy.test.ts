// /data tells the reader how the registry is protected: one row per registry cell table with its k,
// cells and households as stored in the built files, and no household-level table anywhere.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { queryRows, withDuckDB } from "../../loaders/lib/duck.js";
import { CHROMIUM_MISSING_MESSAGE, chromiumAvailable, waitForPageSettled, watchPage } from "../support/browser.js";
import { useBuiltSite } from "../support/site.js";
import { distParquetFiles } from "../support/built-data.js";
const hasChromium = chromiumAvailable();
if (!hasChromium) console.log(CHROMIUM_MISSING_MESSAGE);

describe.skipIf(!hasChromium)("registry cells on /data", () => {
  const built = useBuiltSite();

  it("lists each cell table with its k, cells and households read from the Parquet files", async () => {
    const files = distParquetFiles().filter((f) => /^registry_cells_\d{4}\./.test(path.basename(f)));
    expect(files.length).toBeGreaterThanOrEqual(2);
    const expected = await withDuckDB(async (c) => {
      const out: { table: string; k: string; cells: string; smallest: number }[] = [];
      for (const f of files.sort()) {
        const file = f.replaceAll("'", "''");
        const [meta] = await queryRows(c, `SELECT decode(value) AS k FROM parquet_kv_metadata('${file}') WHERE decode(key) = 'min_cell'`);
        const [agg] = await queryRows(c, `SELECT count(*)::INTEGER AS cells, min(households)::INTEGER AS smallest FROM read_parquet('${file}')`);
        out.push({ table: path.basename(f).split(".")[0]!, k: String(meta!.k), cells: String(agg!.cells), smallest: Number(agg!.smallest) });
      }
      return out;
    });
    for (const e of expected) expect(e.smallest).toBeGreaterThanOrEqual(Number(e.k));

    const page = await built.browser.newPage();
    const problems = await watchPage(page, built.site.url);
    await page.goto(`${built.site.url}/data`);
    await waitForPageSettled(page);
    const shown = await page.locator("#cell-privacy tbody tr").evaluateAll((rows) =>
      rows.map((r) => ({
        table: r.getAttribute("data-table"),
        k: r.querySelector("[data-k]")?.getAttribute("data-k"),
        cells: r.querySelectorAll("td")[2]?.textContent?.replace(/\./g, "")
      }))
    );
    expect(shown.sort((a, b) => String(a.table).localeCompare(String(b.table)))).toEqual(expected.map(({ table, k, cells }) => ({ table, k, cells })));
    expect(await page.locator("#cell-privacy").innerText()).toContain("DATA SINTETIS");
    expect(problems.externalRequests).toEqual([]);
    await page.close();
  });

  it("publishes no household-level file and no pseudonym column", async () => {
    const files = distParquetFiles();
    expect(files.filter((n) => /registry_households|programme_receipts/.test(n))).toEqual([]);
    const columns = await withDuckDB(async (c) => {
      const all: string[] = [];
      for (const f of files) {
        const rows = await queryRows(c, `DESCRIBE SELECT * FROM read_parquet('${f.replaceAll("'", "''")}')`);
        all.push(...rows.map((r) => String(r.column_name)));
      }
      return all;
    });
    expect(columns).toContain("households");
    expect(columns.filter((c) => /^(hh_id|pce_month_rp|nik|no_kk)$/i.test(c))).toEqual([]);
  });
});
