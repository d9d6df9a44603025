// /skenario in Chromium: the 2025 figure on screen is the one computed here with native DuckDB from
// the published cells and lines; moving a control (Kasemen's sembako budget) changes the figures and
// the URL; the URL restores the scenario; a broken link is refused; no request leaves the site.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { URL_PARAM, decodeState } from "../../src/components/skenario/spec.js";
import { chromiumAvailable, waitForPageSettled, watchPage } from "../support/browser.js";
import { distTable, expectClean, nativeRows as sql } from "../support/built-data.js";
import { useBuiltSite } from "../support/site.js";

const metric = (page: Page, key: string, scenario: number) => page.locator(`#scenario-compare td[data-metric="${key}"][data-scenario="${scenario}"]`);
const value = async (page: Page, key: string, scenario: number) => Number(await metric(page, key, scenario).getAttribute("data-value"));

async function generation(page: Page): Promise<number> {
  return Number((await page.locator("#scenario-results").getAttribute("data-generation")) ?? 0);
}
/** Waits until the figures and charts are drawn for the latest recompute and nothing changes for 400 ms. */
async function waitForQuiet(page: Page): Promise<void> {
  let last = -1;
  for (let stable = 0; stable < 4; ) {
    await page.waitForTimeout(100);
    const [g, charts] = await page.evaluate(() => [document.querySelector("#scenario-results")?.getAttribute("data-generation"), document.querySelector("#scenario-results")?.getAttribute("data-charts-generation")]);
    const now = Number(g ?? 0);
    stable = now === last && g === charts ? stable + 1 : 0;
    last = now;
  }
}

async function waitForNewResults(page: Page, after: number): Promise<void> {
  await page.waitForFunction((g) => Number(document.querySelector("#scenario-results")?.getAttribute("data-generation") ?? 0) > g, after, { timeout: 60_000 });
}

describe.skipIf(!chromiumAvailable())("scenario planner in the browser", () => {
  const built = useBuiltSite();

  it("shows the registry figure, reacts to a Kasemen sembako budget, and keeps the scenario in the URL", { timeout: 240_000 }, async () => {
    const page = await built.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = await watchPage(page, built.site.url);
    await page.goto(`${built.site.url}/skenario?kab=3673`);
    await metric(page, "poor_persons", 0).waitFor({ timeout: 120_000 });

    // 2025 extreme-poor persons: Σ persons × share of the band below the line, independently in native DuckDB.
    const [line] = await sql<{ line: number }>(
      `SELECT extreme_ratio * poverty_line_rp AS line FROM '${distTable("poverty_lines")}'
       WHERE region_kode = '3673' AND year <= 2025 AND poverty_line_rp IS NOT NULL AND extreme_line_rp IS NOT NULL
       ORDER BY year DESC, month DESC NULLS LAST, series DESC LIMIT 1`
    );
    const [expected] = await sql<{ poor: number }>(
      `SELECT sum(persons * greatest(0, least(1, (${line!.line} - pce_lo_rp) /
         (coalesce(pce_hi_rp, greatest(2 * pce_lo_rp, pce_lo_rp + 1)) - pce_lo_rp)))) AS poor
       FROM '${distTable("registry_cells_3673")}'`
    );
    expect(await value(page, "base_poor_persons", 0)).toBeCloseTo(Number(expected!.poor), 3);
    expect(await value(page, "exits_persons", 0)).toBeCloseTo(0, 6); // the baseline changes nothing

    // A second scenario: raise sembako kota in Kasemen (367302) to Rp2 miliar.
    let g = await generation(page);
    await page.locator('[data-action="add-scenario"]').click();
    await waitForNewResults(page, g);
    const card = page.locator('[data-programme-card="sembako_kota"]');
    await card.locator("details.scn-kec summary").click();
    g = await generation(page);
    // Typed key by key, slower than the input's pause: the page recomputes between keys, and the
    // field keeps its focus (the whole figure reaches the state, not just its first digit).
    const kasemenInput = card.locator('input[data-field="budget-kec"][data-kec="367302"]');
    await kasemenInput.click();
    await kasemenInput.pressSequentially("2000", { delay: 120 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get("s") !== null);
    await page.waitForFunction(
      () => document.activeElement?.getAttribute("data-kec") === "367302" && (document.activeElement as HTMLInputElement).value === "2000"
    );
    await waitForNewResults(page, g);
    await waitForQuiet(page); // the last key's recompute

    const before = await value(page, "poor_persons", 0);
    const after = await value(page, "poor_persons", 1);
    expect(after).toBeLessThan(before);
    expect(await value(page, "exits_persons", 1)).toBeGreaterThan(0);
    expect(await value(page, "extra_rp", 1)).toBeGreaterThan(0);
    // Only Kasemen changes in the kecamatan table of the active scenario.
    const kasemen = Number(await page.locator('#scenario-kecamatan tr[data-kec="367302"] td[data-metric="exits_persons"]').getAttribute("data-value"));
    const taktakan = Number(await page.locator('#scenario-kecamatan tr[data-kec="367306"] td[data-metric="exits_persons"]').getAttribute("data-value"));
    expect(kasemen).toBeGreaterThan(0);
    expect(taktakan).toBeCloseTo(0, 6);

    // The URL carries the scenario; opening it again restores the figures.
    const url = new URL(page.url());
    const state = decodeState(url.searchParams.get(URL_PARAM)!, { kabs: ["3673", "3604"] });
    expect(state.scenarios).toHaveLength(2);
    expect(state.scenarios[1]!.changes["sembako_kota"]?.budgets).toEqual({ "367302": 2_000_000_000 });
    const reopened = await built.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems2 = await watchPage(reopened, built.site.url);
    await reopened.goto(url.toString());
    await metric(reopened, "poor_persons", 1).waitFor({ timeout: 120_000 });
    expect(await value(reopened, "poor_persons", 1)).toBeCloseTo(after, 6);

    expectClean(problems);
    expectClean(problems2);
    await page.close();
    await reopened.close();
  });

  it("shows the no-change 2026 figure Ringkasan shows for Kota Serang and Kab. Serang, beside the registry's, with why they differ", { timeout: 240_000 }, async () => {
    const home = await built.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = [await watchPage(home, built.site.url)];
    await home.goto(`${built.site.url}/`);
    await waitForPageSettled(home);
    for (const kab of ["3673", "3604"]) {
      const card = home.locator(`.ts-kpi[data-region="${kab}"][data-kpi="remaining_2026"]`);
      const ringkasanValue = Number(await card.getAttribute("data-value"));
      const ringkasanText = await card.locator(".ts-kpi-value").innerText();
      expect(ringkasanValue, kab).toBeGreaterThan(0);

      const page = await built.browser.newPage({ viewport: { width: 1280, height: 900 } });
      problems.push(await watchPage(page, built.site.url));
      await page.goto(`${built.site.url}/skenario?kab=${kab}`);
      await metric(page, "survey_no_change", 0).waitFor({ timeout: 120_000 });
      expect(await value(page, "survey_no_change", 0), kab).toBe(ringkasanValue);
      expect(await metric(page, "survey_no_change", 0).innerText(), kab).toBe(ringkasanText);
      // The registry's own no-change count stays, and one line names both figures and why they differ.
      const registry = await value(page, "status_quo_poor_persons", 0);
      const note = await page.locator("#baseline-note").innerText();
      expect(note).toContain(ringkasanText);
      expect(note).toContain(`${await metric(page, "status_quo_poor_persons", 0).innerText()}`);
      expect(note).toMatch(/tren yang sama/);
      expect(registry).toBeGreaterThan(0);
      await page.close();
    }
    for (const p of problems) expectClean(p);
    await home.close();
  });

  it("refuses a broken link with a clear message and shows the baseline", { timeout: 180_000 }, async () => {
    const page = await built.browser.newPage({ viewport: { width: 390, height: 800 } });
    const problems = await watchPage(page, built.site.url);
    await page.goto(`${built.site.url}/skenario?${URL_PARAM}=bm90IGpzb24`);
    await metric(page, "poor_persons", 0).waitFor({ timeout: 120_000 });
    expect(await page.locator(".ts-error").first().innerText()).toMatch(/Tautan skenario tidak dapat dipakai/);
    expect(await page.locator("#scenario-compare thead th").count()).toBe(2); // "Ukuran" + the baseline
    // 390 px: no horizontal scroll of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expectClean(problems);
    await page.close();
  });
});
