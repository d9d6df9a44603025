// Numbers reach users only through src/components/core/format.ts: a scan of src/ and loaders/ for
// the ways JavaScript writes numbers as text by itself (toFixed writes "0.5" and "-1", toLocaleString
// depends on the runtime's ICU data). Each exception below is machine text, never shown as a figure.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../loaders/lib/paths.js";

const NUMBER_TO_TEXT = /\.toFixed\(|\.toLocaleString\(|\.toPrecision\(|Intl\.NumberFormat/;

/** file → the only lines allowed to match, and why. */
const EXCEPTIONS: Readonly<Record<string, { readonly line: RegExp; readonly why: string }[]>> = {
  "src/components/core/format.ts": [{ line: /const fixed = Math\.abs\(value\)\.toFixed\(digits\);/, why: "the home of every number format" }],
  "src/components/domain/registry-rules/values.ts": [{ line: /cell\.toFixed\(0\)/, why: "a spreadsheet number cell back to the digits of an identifier (NIK, NO_KK)" }],
  "src/components/domain/registry-rules/identity.ts": [{ line: /text = cell\.toFixed\(0\);/, why: "a spreadsheet number cell back to the digits of an identifier (NIK, NO_KK)" }],
  "src/components/core/number-read.ts": [{ line: /Number\(\(.+\)\.toPrecision\(15\)\)/, why: "rounds a typed figure times its scale word to a float; no text" }]
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name.startsWith(".") || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|md|js)$/.test(name) ? [full] : [];
  });
}

const files = ["src", "loaders"].flatMap((dir) => sourceFiles(path.join(ROOT, dir))).map((f) => path.relative(ROOT, f).split(path.sep).join("/"));

describe("numbers are written as text by core/format.ts only", () => {
  it("scans the pages, components and loaders", () => {
    expect(files).toContain("src/components/core/format.ts");
    expect(files.some((f) => f.startsWith("loaders/"))).toBe(true);
  });

  it.each(files)("%s formats no number by itself", (file) => {
    const allowed = EXCEPTIONS[file] ?? [];
    const offending = readFileSync(path.join(ROOT, file), "utf8")
      .split("\n")
      .map((text, i) => ({ text: text.trim(), line: i + 1 }))
      .filter(({ text }) => NUMBER_TO_TEXT.test(text) && !allowed.some((a) => a.line.test(text)));
    expect(offending.map(({ line, text }) => `${file}:${line}: ${text}`)).toEqual([]);
  });

  it("keeps every exception in use (a stale one would hide a new call)", () => {
    for (const [file, allowed] of Object.entries(EXCEPTIONS)) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      for (const a of allowed) expect(a.line.test(text), `${file}: ${a.why}`).toBe(true);
    }
  });
});
