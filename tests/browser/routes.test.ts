// Generic checks over EVERY route in observablehq.config.ts (new pages are checked as soon as they
// are listed there): no sideways scroll on a 390 px phone, readable type on a 1280×720 projector,
// no English words or internal paths in the rendered text, named chart menus, no request to another
// host and no console error. Plus the site-wide pieces: skip link, 404 page, unknown ?wilayah=.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import config from "../../observablehq.config.js";
import { CHROMIUM_MISSING_MESSAGE, chromiumAvailable, waitForPageSettled, watchPage } from "../support/browser.js";
import { englishWordsIn, internalTextIn } from "../support/english.js";
import { useBuiltSite } from "../support/site.js";

const ROUTES = ["/", ...config.pages.map((p) => p.path)];
/** Smallest computed font size, in CSS pixels, of any visible text at 1280×720. */
const MIN_PROJECTOR_FONT_PX = 12;
const hasChromium = chromiumAvailable();
if (!hasChromium) console.log(CHROMIUM_MISSING_MESSAGE);

/** Elements whose right edge passes the viewport (to say what causes a sideways scroll). */
function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const element of document.querySelectorAll("body *")) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1) {
        const id = element.id ? `#${element.id}` : "";
        const cls = typeof element.className === "string" && element.className ? `.${element.className.split(/\s+/).join(".")}` : "";
        found.push(`${element.tagName.toLowerCase()}${id}${cls} (${Math.round(box.right)} px)`);
      }
    }
    return found.slice(0, 8);
  });
}

/** Visible text nodes whose font is smaller than `min` px, with their size. */
function smallText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((minPx) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest("script, style, noscript, details:not([open]) > :not(summary), [hidden], .ts-skip-link")) continue;
      const rects = parent.getClientRects();
      if (rects.length === 0 || [...rects].every((r) => r.width === 0 || r.height === 0)) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === "hidden" || style.display === "none") continue;
      const size = parseFloat(style.fontSize);
      if (size < minPx) found.push(`${size}px «${text.slice(0, 40)}»`);
    }
    return [...new Set(found)].slice(0, 10);
  }, min);
}

/** All text a reader or a screen reader can meet, <code> (identifiers) excluded. */
function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest("script, style, noscript, code, template")) continue;
      parts.push(node.textContent ?? "");
    }
    for (const element of document.querySelectorAll("[title], [aria-label], [alt], [placeholder]")) {
      for (const name of ["title", "aria-label", "alt", "placeholder"]) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
    }
    return parts.join("\n");
  });
}

describe.skipIf(!hasChromium)("every route, on a phone and on a projector", () => {
  const built = useBuiltSite();

  for (const route of ROUTES) {
    it(`${route}: no sideways scroll at 390 px`, async () => {
      const page = await built.browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(built.site.url + route);
      await waitForPageSettled(page);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth
      }));
      expect(scrollWidth, `page is ${scrollWidth} px wide: ${(await overflowingElements(page)).join(", ")}`).toBeLessThanOrEqual(clientWidth);
      await page.close();
    });

    it(`${route}: readable, Indonesian, offline and error-free at 1280×720`, async () => {
      const page = await built.browser.newPage({ viewport: { width: 1280, height: 720 } });
      const problems = await watchPage(page, built.site.url);
      await page.goto(built.site.url + route);
      await waitForPageSettled(page);
      expect(await smallText(page, MIN_PROJECTOR_FONT_PX), "text smaller than 12 px").toEqual([]);
      // Wide tables scroll inside their own box; the page itself never scrolls sideways on a projector.
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth, `page is ${scrollWidth} px wide: ${(await overflowingElements(page)).join(", ")}`).toBeLessThanOrEqual(clientWidth);
      const text = await readableText(page);
      // Published table names are identifiers even where they cannot be set as <code> (options, labels).
      const tableNames = await page.locator("[data-table]").evaluateAll((els) => els.map((e) => e.getAttribute("data-table") ?? ""));
      expect(englishWordsIn(text, tableNames), "English words").toEqual([]);
      expect(internalTextIn(text), "internal paths or file names").toEqual([]);
      const unnamedMenus = await page.locator(".vega-embed details > summary:not([aria-label])").count();
      expect(unnamedMenus, "chart menus without an accessible name").toBe(0);
      expect(problems.externalRequests, "requests to other hosts").toEqual([]);
      expect(problems.consoleErrors, "console errors").toEqual([]);
      await page.close();
    });
  }
});

describe.skipIf(!hasChromium)("site-wide navigation aids", () => {
  const built = useBuiltSite();

  it("has a skip link as the first stop of the keyboard, leading to the main content", async () => {
    const page = await built.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${built.site.url}/data`);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute("href") }));
    expect(focused).toEqual({ text: "Langsung ke isi halaman", href: "#observablehq-main" });
    await page.close();
  });

  it("answers an unknown address with an Indonesian 404 page that links to every route", async () => {
    const page = await built.browser.newPage();
    const problems = await watchPage(page, built.site.url);
    const response = await page.goto(`${built.site.url}/tidak/ada/halaman-ini`);
    expect(response?.status()).toBe(404);
    await waitForPageSettled(page);
    expect(await page.locator("h1").first().innerText()).toBe("Halaman tidak ditemukan");
    const links = await page.locator("#observablehq-main a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const route of ROUTES) expect(links, route).toContain(route);
    // The links work from a nested unknown path (Framework gives the 404 page a <base href="/">).
    await page.locator("#observablehq-main a", { hasText: "Sumber data" }).click();
    await page.waitForURL(`${built.site.url}/data`);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.consoleErrors.filter((e) => !e.includes("404"))).toEqual([]);
    await page.close();
  });

  it("says when ?wilayah= names no known region, and removes the bad value from the address", async () => {
    const page = await built.browser.newPage();
    await page.goto(`${built.site.url}/kemajuan?wilayah=9999`);
    await waitForPageSettled(page);
    await expect(page.locator(".ts-notice").innerText()).resolves.toContain('Kode wilayah "9999" pada alamat halaman tidak dikenal');
    expect(new URL(page.url()).searchParams.get("wilayah")).toBe("36");
    await page.close();
  });
});
