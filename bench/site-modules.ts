// The built site's own modules, for benchmarks that call page code inside Chromium. Their URLs are
// read from dist/ itself (Framework writes src/components/<dir>/<name>.ts as
// _import/components/<dir>/<name>.<hash>.js), not from a page's modulepreload links: which page
// preloads which module changes whenever a page is reorganised, and a module imported on any page
// can be imported on every page (its file attachments carry their own paths).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "../loaders/lib/paths.js";

export const DIST_DIR = path.join(ROOT, "dist");

/** A source module under src/components, e.g. "core/db.ts". */
export type ComponentSource = `${string}.ts`;

/**
 * Site-absolute URL path of the built module of `source` (e.g. "/_import/components/core/db.2031e757.js").
 * Throws, naming the source file, when the built site has none or more than one: the module was
 * moved or renamed (then tsc also fails on the benchmark's `typeof import(...)`), no page imports it
 * any more, or dist/ is older than the sources.
 */
export function builtModulePath(source: ComponentSource, dist: string = DIST_DIR): string {
  const dir = path.posix.dirname(source);
  const base = path.posix.basename(source, ".ts");
  const folder = path.join(dist, "_import/components", dir);
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.[0-9a-f]{6,}\\.js$`);
  const files = existsSync(folder) ? readdirSync(folder).filter((f) => pattern.test(f)) : [];
  if (files.length !== 1) {
    const found = files.length === 0 ? "is not in" : `has ${files.length} copies in`;
    throw new Error(`src/components/${source} ${found} ${path.relative(ROOT, folder) || folder}: rebuild the site (npm run build), or update the benchmark if the module moved`);
  }
  return `/_import/components/${dir === "." ? "" : `${dir}/`}${files[0]}`;
}

/** Absolute URLs of several built modules on a served site, by the keys the caller chooses. */
export function builtModuleUrls<K extends string>(siteUrl: string, sources: Readonly<Record<K, ComponentSource>>, dist: string = DIST_DIR): Record<K, string> {
  const urls = {} as Record<K, string>;
  for (const key of Object.keys(sources) as K[]) urls[key] = `${siteUrl}${builtModulePath(sources[key], dist)}`;
  return urls;
}

/**
 * tsx compiles the benchmark with esbuild's keepNames: functions defined inside callbacks passed to
 * page.evaluate call a __name helper the page does not have. Installed before any page script runs.
 */
export async function allowEvaluatedFunctions(page: Page): Promise<void> {
  await page.addInitScript("globalThis.__name = (fn) => fn");
}
