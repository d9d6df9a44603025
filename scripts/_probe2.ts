import { serveStatic } from "./serve.js";
import { launchChromium } from "../tests/support/browser.js";
const site = await serveStatic("dist");
const browser = await launchChromium();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const t0 = Date.now();
  page.on("console", (m) => m.type() !== "log" && console.log(Date.now() - t0, "console", m.type(), m.text().slice(0, 300)));
  page.on("request", (r) => r.url().includes(".wasm") && console.log(Date.now() - t0, "req", r.url().split("/").pop()));
  page.on("requestfinished", (r) => r.url().includes(".wasm") && console.log(Date.now() - t0, "done", r.url().split("/").pop()));
  page.on("requestfailed", (r) => console.log(Date.now() - t0, "FAILED", r.url().split("/").pop(), r.failure()?.errorText));
  for (let i = 0; i < 3; i++) {
    if (i === 0) await page.goto(site.url + "/rakor"); else await page.reload();
    await page.waitForSelector("#matrix-table", { timeout: 60000 });
    console.log(Date.now() - t0, "ready", i);
    await page.waitForLoadState("networkidle");
  }
} finally { await browser.close(); await site.close(); }
