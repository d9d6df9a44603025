// Local helper (not committed): wait for a selector, then screenshot.
import { serveStatic } from "./serve.js";
import { launchChromium, watchPage } from "../tests/support/browser.js";
const [route = "/cakupan", wait = "#coverage-kpis", out = "/tmp/p.png", width = "1280", height = "900", full = "1", extra = ""] = process.argv.slice(2);
const site = await serveStatic("dist");
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  page.on("pageerror", (e) => console.log("pageerror", e.message));
  const problems = await watchPage(page, site.url);
  await page.goto(site.url + route);
  await page.waitForSelector(wait, { timeout: 30000 }).catch((e) => console.log("timeout", e.message.slice(0, 200)));
  await page.waitForTimeout(1500);
  if (extra) { console.log(await page.evaluate(extra)); await page.waitForTimeout(1000); }
  if (full.startsWith("#") || full.startsWith(".")) await page.locator(full).first().screenshot({ path: out });
  else await page.screenshot({ path: out, fullPage: full === "1" });
  const sw = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  console.log("scrollWidth", sw, JSON.stringify(problems));
} finally { await browser.close(); await site.close(); }
