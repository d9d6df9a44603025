// Ringkasan (/) and Kemajuan (/kemajuan) in Chromium: the figures on screen are the ones in the
// published Parquet files (read here with native DuckDB, independently of the page's reader).
import { readdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatPercent } from "../../src/components/core/format.js";
import { chromiumAvailable, waitForPageSettled, watchPage, type PageProblems } from "../support/browser.js";
import { DIST_PARTITION_DATA, distTable, expectClean, nativeRows as sql } from "../support/built-data.js";
import { useBuiltSite } from "../support/site.js";

const KABKOTA = ["3601", "3602", "3603", "3604", "3671", "3672", "3673", "3674"];

async function open(browser: Browser, url: string): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = await watchPage(page, new URL(url).origin);
  await page.goto(url);
  await waitForPageSettled(page);
  return { page, problems };
}

describe.skipIf(!chromiumAvailable())("progress pages show the published figures", () => {
  const built = useBuiltSite();

  it("Ringkasan: every headline card shows a figure with its year and kind, a status on ≥ 3 points and the people remaining in 2026", async () => {
    const { page, problems } = await open(built.browser, `${built.site.url}/`);
    for (const region of ["36", "3673", "3604"]) {
      for (const field of ["p0_pct", "poor_count"] as const) {
        const [latest] = await sql<{ year: number; value: number }>(
          `SELECT year, ${field} AS value FROM '${distTable("bps_poverty")}'
           WHERE region_kode = '${region}' AND month = 3 AND ${field} IS NOT NULL ORDER BY year DESC LIMIT 1`
        );
        const line = page.locator(`[data-region="${region}"][data-kpi="${field === "p0_pct" ? "p0" : "poor_count"}"]`);
        expect(Number(await line.getAttribute("data-value")), `${region} ${field}`).toBe(Number(latest!.value));
        expect(Number(await line.getAttribute("data-year"))).toBe(Number(latest!.year));
        if (field === "p0_pct") expect(await line.locator("strong").innerText()).toBe(formatPercent(Number(latest!.value)));
      }
      // The latest extreme figure: the newer of the BPS survey rate and the model estimate on the current line (survey on a tie).
      const [survey] = await sql<{ year: number; value: number }>(
        `SELECT year, extreme_pct AS value FROM '${distTable("bps_extreme_poverty")}'
         WHERE region_kode = '${region}' AND kind = 'survey' AND extreme_pct IS NOT NULL ORDER BY year DESC, coalesce(month, 0) DESC LIMIT 1`
      );
      const [estimate] = await sql<{ year: number; value: number }>(
        `SELECT year, value_pct AS value FROM '${distTable("extreme_estimates")}'
         WHERE region_kode = '${region}' AND series = 'usd215_ppp2017' AND month = 3 ORDER BY year DESC LIMIT 1`
      );
      const surveyWins = survey !== undefined && (estimate === undefined || Number(survey.year) >= Number(estimate.year));
      const expected = surveyWins ? survey! : estimate!;
      const kpi = page.locator(`.ts-kpi[data-region="${region}"][data-kpi="extreme"]`);
      expect(await kpi.getAttribute("data-kind")).toBe(surveyWins ? "survey" : "estimate");
      expect(Number(await kpi.getAttribute("data-year"))).toBe(Number(expected.year));
      expect(Number(await kpi.getAttribute("data-value"))).toBeCloseTo(Number(expected.value), 9);
      expect(await kpi.locator(".ts-kpi-value").innerText()).toBe(formatPercent(Number(expected.value)));
      const detail = await kpi.locator(".ts-kpi-detail").innerText();
      expect(detail).toContain(String(expected.year));
      expect(detail).toMatch(surveyWins ? /angka survei BPS/ : /perkiraan model, bukan angka resmi BPS/);
      // Status from at least three current-line estimates, with the people remaining in 2026.
      const [points] = await sql<{ n: bigint }>(
        `SELECT count(*) AS n FROM '${distTable("extreme_estimates")}' WHERE region_kode = '${region}' AND series = 'usd215_ppp2017' AND month = 3`
      );
      expect(Number(points!.n), region).toBeGreaterThanOrEqual(3);
      const card = page.locator(`.ts-region-card[data-region="${region}"]`);
      expect(await card.getAttribute("data-status"), region).not.toBe("insufficient_data");
      expect(await card.locator(".ts-status-line").innerText()).toMatch(/peluang ≤0,5% pada 2026: \d+%/);
      expect(await card.locator('[data-kpi="remaining_2026"] .ts-kpi-value').innerText()).toMatch(/^[\d.]+ jiwa$/);
      expect(await card.locator(".ts-source").count()).toBe(1);
      // One unit of persons per card: jiwa only (registry counts in KK or keluarga have their own card).
      expect(await card.innerText()).not.toMatch(/\b(KK|keluarga)\b/);
    }
    const registry = page.locator("#registry-counts");
    expect(await registry.locator("[data-kpi='registry']").count()).toBeGreaterThan(0);
    for (const line of await registry.locator("[data-kpi='registry']").all()) {
      const unit = await line.getAttribute("data-unit");
      expect(["KK", "keluarga", "jiwa"]).toContain(unit);
      expect(await line.innerText()).toContain(unit!);
    }
    const rows = page.locator("#status-table tbody tr");
    expect(await rows.count()).toBe(9);
    for (const row of await rows.all()) {
      const status = await row.locator("[data-status]").getAttribute("data-status");
      if (status !== "insufficient_data") expect(Number(await row.getAttribute("data-points"))).toBeGreaterThanOrEqual(3);
    }
    expectClean(problems);
    await page.close();
  });

  it("Ringkasan at 1280×720: a card for the province and every kab/kota of the registry, the first row visible without scrolling", async () => {
    const page = await built.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems = await watchPage(page, built.site.url);
    await page.goto(`${built.site.url}/`);
    await waitForPageSettled(page);
    // The kab/kota the build published (dist/data/registry_cells_<kode>.parquet), after the province.
    const registry = readdirSync(DIST_PARTITION_DATA).map((f) => /^registry_cells_(\d{4})\.parquet$/.exec(f)?.[1]).filter((k): k is string => k !== undefined).sort();
    expect(registry.length).toBeGreaterThan(0);
    const regions = ["36", ...registry];
    const cards = await page.locator("#headlines .ts-region-card").evaluateAll((els) => els.map((e) => e.getAttribute("data-region")));
    expect(cards).toEqual(regions);
    // The first row (three cards at this width) sits above the fold; further kab/kota follow below it.
    const top = await page.locator(`.ts-region-card[data-region="36"]`).boundingBox();
    for (const region of regions.slice(0, 3)) {
      const box = await page.locator(`.ts-region-card[data-region="${region}"]`).boundingBox();
      expect(box, region).not.toBeNull();
      expect(box!.y, region).toBeCloseTo(top!.y, 0);
      expect(box!.y + box!.height, region).toBeLessThanOrEqual(720);
    }
    expectClean(problems);
    await page.close();
  });

  it("Kemajuan: region from the URL, year table with unpublished years marked, charts drawn", async () => {
    const { page, problems } = await open(built.browser, `${built.site.url}/kemajuan?wilayah=3673`);
    expect(await page.locator("#region-picker").inputValue()).toBe("3673");
    const published = await sql<{ year: number; p0_pct: number | null }>(
      `SELECT year, p0_pct FROM '${distTable("bps_poverty")}' WHERE region_kode = '3673' AND month = 3 ORDER BY year`
    );
    const years = published.map((r) => Number(r.year));
    const first = Math.min(...years);
    const last = Math.max(...years);
    const table = page.locator("#coverage-table tbody tr");
    expect(await table.count()).toBe(last - first + 1);
    const counts = await sql<{ year: number; poor_count: number | null; p1: number | null }>(
      `SELECT year, poor_count, p1 FROM '${distTable("bps_poverty")}' WHERE region_kode = '3673' AND month = 3 ORDER BY year`
    );
    for (let year = first; year <= last; year++) {
      const row = page.locator(`#coverage-table tr[data-year="${year}"]`);
      const figure = published.find((r) => Number(r.year) === year);
      if (!figure) expect(await row.getAttribute("class"), `${year}`).toBe("ts-gap");
      else if (figure.p0_pct !== null) expect(await row.locator('[data-field="p0_pct"]').innerText()).toBe(formatPercent(Number(figure.p0_pct)));
      // A cell BPS did not publish says so ("–"); P1 is published for every year since the BPS tables were imported.
      const count = counts.find((r) => Number(r.year) === year);
      if (count && count.poor_count === null) expect(await row.locator('[data-field="poor_count"]').innerText(), `${year}`).toBe("–");
      if (count) expect(count.p1, `P1 ${year}`).not.toBeNull();
    }
    expect(counts.some((r) => r.poor_count === null), "the snapshot should have at least one unpublished cell to show").toBe(true);

    const indicators = page.locator(".ts-indicator");
    expect(await indicators.count()).toBe(5);
    for (const indicator of await indicators.all()) {
      expect(await indicator.locator("svg, .ts-empty").count()).toBeGreaterThan(0);
    }
    const [survey] = await sql<{ n: bigint }>(
      `SELECT count(*) AS n FROM '${distTable("bps_extreme_poverty")}' WHERE region_kode = '3673' AND kind = 'survey' AND extreme_pct IS NOT NULL`
    );
    const [estimates] = await sql<{ n: bigint }>(
      `SELECT count(*) AS n FROM '${distTable("extreme_estimates")}' WHERE region_kode = '3673' AND series = 'usd215_ppp2017' AND month = 3`
    );
    expect(Number(await page.locator("#extreme-chart").getAttribute("data-survey-points"))).toBe(Number(survey!.n));
    expect(Number(await page.locator("#extreme-chart").getAttribute("data-points"))).toBe(Number(estimates!.n));
    // Validation table: one row per published point, the error as leave-one-out estimate − published from the built table.
    const validation = await sql<{ region_kode: string; year: number; month: number; series: string; role: string; estimate_pct: number | null; published_pct: number; error_relative: number | null; in_interval: boolean | null }>(
      `SELECT region_kode, year, month, series, role, estimate_pct, published_pct, error_relative, in_interval FROM '${distTable("extreme_validation")}'`
    );
    expect(await page.locator("#validation-table tbody tr").count()).toBe(validation.length);
    for (const v of validation.filter((r) => r.estimate_pct !== null)) {
      const cell = page.locator(`#validation-table tr[data-region="${v.region_kode}"][data-year="${v.year}"][data-month="${v.month}"][data-series="${v.series}"] [data-error]`);
      expect(Number(await cell.getAttribute("data-error"))).toBeCloseTo(Number(v.estimate_pct) - Number(v.published_pct), 9);
    }
    // The verdict quotes the median |relative error| and the coverage of the scored rows, computed here.
    const scored = validation.filter((r) => r.role === "scored");
    const abs = scored.map((r) => Math.abs(Number(r.error_relative))).sort((a, b) => a - b);
    const median = abs.length % 2 ? abs[(abs.length - 1) / 2]! : (abs[abs.length / 2 - 1]! + abs[abs.length / 2]!) / 2;
    const coverage = scored.filter((r) => r.in_interval).length / scored.length;
    const verdict = await page.locator("#validation-verdict").innerText();
    expect(verdict).toContain(`galat relatif median ${Math.round(median * 100)}%`);
    expect(verdict).toContain(`${Math.round(coverage * 100)}% angka terbitan`);
    // The signed error by year and line: one row per year and line among the scored points.
    const groups = new Set(scored.map((r) => `${r.year}|${r.series}`));
    expect(await page.locator("#validation-by-year tbody tr").count()).toBe(groups.size);
    // The model comparison lists the published model first.
    const [chosen] = await sql<{ tail_model: string }>(`SELECT tail_model FROM '${distTable("extreme_model_comparison")}' WHERE chosen`);
    expect(await page.locator("#model-comparison tbody tr").first().getAttribute("data-model")).toBe(chosen!.tail_model);
    expectClean(problems);
    await page.close();
  });

  it("Kemajuan: picking a region updates the page and the URL", async () => {
    const { page, problems } = await open(built.browser, `${built.site.url}/kemajuan`);
    expect(await page.locator("#projection-summary").getAttribute("data-region")).toBe("36");
    await page.selectOption("#region-picker", "3604");
    await page.waitForFunction(() => document.querySelector("#projection-summary")?.getAttribute("data-region") === "3604");
    await waitForPageSettled(page);
    expect(new URL(page.url()).searchParams.get("wilayah")).toBe("3604");
    expect(await page.locator("#projection-summary").innerText()).toContain("Kabupaten Serang");
    expectClean(problems);
    await page.close();
  });

  it("Kemajuan: the map shows the latest year with a P0 for every kab/kota, and small multiples for all eight", async () => {
    const { page, problems } = await open(built.browser, `${built.site.url}/kemajuan`);
    const [complete] = await sql<{ year: number }>(
      `SELECT year FROM '${distTable("bps_poverty")}' WHERE month = 3 AND p0_pct IS NOT NULL AND region_kode IN (${KABKOTA.map((k) => `'${k}'`).join(",")})
       GROUP BY year HAVING count(DISTINCT region_kode) = ${KABKOTA.length} ORDER BY year DESC LIMIT 1`
    );
    expect(Number(await page.locator("#p0-map").getAttribute("data-year"))).toBe(Number(complete!.year));
    expect(await page.locator("#p0-map path").count()).toBeGreaterThanOrEqual(KABKOTA.length);
    const panels = await page.locator("#small-multiples svg text").evaluateAll((texts) => texts.map((t) => t.textContent));
    for (const name of ["Kota Serang", "Kabupaten Serang", "Kabupaten Lebak", "Kota Tangerang Selatan"]) expect(panels).toContain(name);
    expect(await page.locator("#p0-map").innerText()).toContain("cahyadsn/wilayah_boundaries");
    const names = await page.locator("#extreme-map svg text").evaluateAll((texts) => texts.map((t) => t.textContent));
    for (const name of ["Kota Serang", "Kab. Serang", "Kab. Lebak"]) expect(names).toContain(name);
    expectClean(problems);
    await page.close();
  });
});
