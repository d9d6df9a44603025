// Screenshots of built pages for review:
// `npx tsx scripts/screenshot.ts '/kemajuan?wilayah=3673' out.png [width] [css selector|another]`.
import { serveStatic } from "./serve.js";
import { launchChromium, waitForPageSettled, watchPage } from "../tests/support/browser.js";

const [route = "/", out = "/tmp/shot.png", width = "1280", selector] = process.argv.slice(2);
const site = await serveStatic("dist");
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  const problems = await watchPage(page, site.url);
  await page.goto(site.url + route);
  await waitForPageSettled(page);
  await page.waitForTimeout(500);
  if (selector) {
    // Several elements: "a|b|c" writes out-0.png, out-1.png, …
    const selectors = selector.split("|");
    for (const [i, one] of selectors.entries()) {
      const file = selectors.length > 1 ? out.replace(/\.png$/, `-${i}.png`) : out;
      await page.locator(one).first().screenshot({ path: file });
    }
  }
  else await page.screenshot({ path: out, fullPage: true });
  console.log(JSON.stringify(problems));
} finally {
  await browser.close();
  await site.close();
}
