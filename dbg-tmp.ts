import { serveStatic } from "./scripts/serve.js";
import { launchChromium, waitForPageSettled } from "./tests/support/browser.js";
import { englishWordsIn } from "./tests/support/english.js";
const site = await serveStatic("dist"); const browser = await launchChromium();
for (const route of process.argv.slice(2)) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(site.url + route); await waitForPageSettled(page);
  const chunks: string[] = await page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest("script, style, noscript, code, template")) continue;
      parts.push((node.parentElement?.tagName ?? "") + "|" + (node.textContent ?? ""));
    }
    for (const element of document.querySelectorAll("[title], [aria-label], [alt], [placeholder]")) for (const name of ["title", "aria-label", "alt", "placeholder"]) { const v = element.getAttribute(name); if (v) parts.push(element.tagName + "@" + name + "|" + v); }
    return parts;
  });
  console.log("=== " + route);
  for (const c of chunks) { const w = englishWordsIn(c); if (w.length) console.log(JSON.stringify(w), "::", c.slice(0, 160).replace(/\n/g, " ")); }
  await page.close();
}
await browser.close(); await site.close();
