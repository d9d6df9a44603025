// The built site served on loopback and one Chromium, shared by the tests of a file.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { DIST_DIR } from "../../loaders/lib/paths.js";
import { serveStatic, type StaticSite } from "../../scripts/serve.js";
import { launchChromium } from "./browser.js";

export interface BuiltSite {
  site: StaticSite;
  browser: Browser;
}

/** Registers hooks that serve dist/ and start Chromium; read the fields inside tests only. */
export function useBuiltSite(): BuiltSite {
  const state = {} as BuiltSite;
  beforeAll(async () => {
    if (!existsSync(path.join(DIST_DIR, "index.html"))) throw new Error("dist/ is missing: run `npm run build` before the browser tests");
    state.site = await serveStatic(DIST_DIR);
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.site?.close();
  });
  return state;
}
