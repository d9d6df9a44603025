// One list of published tables: the loaders' registry (loaders/build.ts), the site's URL map
// (src/components/core/tables.ts) and the Framework entry points (src/data/*.parquet.ts) must agree, and
// no household-level table may appear in any of them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TABLES } from "../../../loaders/build.js";
import { ROOT } from "../../../loaders/lib/paths.js";
import { REGISTRY_FAMILIES } from "../../../src/components/domain/wilayah.js";

const loaderNames = [...TABLES.map((t) => t.name), "catalog"].sort();
const parquetEntries = readdirSync(path.join(ROOT, "src/data")).filter((f) => f.endsWith(".parquet.ts"));
const entryPoints = parquetEntries.filter((f) => !f.includes("[")).map((f) => f.replace(/\.parquet\.ts$/, "")).sort();
const partitionEntries = parquetEntries.filter((f) => f.includes("[")).sort();
const tablesTs = readFileSync(path.join(ROOT, "src/components/core/tables.ts"), "utf8");
const urlEntries = [...tablesTs.matchAll(/^\s+(\w+): FileAttachment\("\.\.\/\.\.\/data\/(\w+)\.parquet"\)\.href,?$/gm)];

describe("published tables", () => {
  it("every loader table has an entry point and a URL, and nothing else is published", () => {
    expect(entryPoints).toEqual(loaderNames);
    expect(urlEntries.map((m) => m[1]).sort()).toEqual(loaderNames);
  });
  it("each URL key names its own file", () => {
    for (const m of urlEntries) expect(m[2]).toBe(m[1]);
  });
  it("each registry family has one parameterised entry point per kab/kota, and nothing else is parameterised", () => {
    expect(partitionEntries).toEqual(REGISTRY_FAMILIES.map((f) => `${f}_[kab].parquet.ts`).sort());
    for (const family of REGISTRY_FAMILIES) {
      const text = readFileSync(path.join(ROOT, "src/data", `${family}_[kab].parquet.ts`), "utf8");
      expect(text).toContain(`emitPartition("${family}")`);
    }
    // The fixed URL map names no partition: those URLs are derived from the name (core/tables.ts tableUrl).
    expect(urlEntries.map((m) => m[1]!).filter((n) => REGISTRY_FAMILIES.some((f) => n.startsWith(`${f}_`)))).toEqual([]);
  });
  it("each entry point emits the table it is named after", () => {
    for (const name of entryPoints) {
      const text = readFileSync(path.join(ROOT, "src/data", `${name}.parquet.ts`), "utf8");
      expect(text).toContain(`emitTable("${name}")`);
    }
  });
  it("publishes no household-level table", () => {
    for (const name of loaderNames) expect(name).not.toMatch(/^(registry_households|programme_receipts)/);
  });
});
