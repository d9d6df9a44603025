// The site must build and run with zero requests to other hosts: no CDN-resolved imports in src/.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../loaders/lib/paths.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name.startsWith(".")) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(md|ts|js|css)$/.test(name) ? [full] : [];
  });
}

const files = sourceFiles(path.join(ROOT, "src"));
const CDN = /from\s+["']npm:|import\(\s*["']npm:|resolve\(\s*["']npm:|cdn\.jsdelivr|unpkg\.com|fonts\.googleapis|esm\.sh/;
// Framework's implicit globals load from a CDN when a page uses them without importing them.
const IMPLICIT = /^(?!.*\bimport\b).*\b(Plot|Inputs|d3|htl|DuckDBClient)\.[a-zA-Z]/m;

describe("offline sources", () => {
  it("finds source files to check", () => {
    expect(files.some((f) => f.endsWith("data.md"))).toBe(true);
  });
  it.each(files.map((f) => [path.relative(ROOT, f), f]))("%s has no CDN import or sql block", (_name, file) => {
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(CDN);
    expect(text).not.toMatch(/^```sql/m);
    if (file.endsWith(".md")) expect(text).not.toMatch(IMPLICIT);
  });
});
