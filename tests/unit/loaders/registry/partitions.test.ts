// The registry build records which kab/kota it published; Framework's config turns that record into
// one path per partition table, so a new kab/kota needs no new entry point or config line.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { partitionTableNames, readPartitions, writePartitions } from "../../../../loaders/registry/partitions.js";
import { makeTempDir } from "../../../support/tmp.js";

const temps: { remove(): void }[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("registry partitions", () => {
  it("round-trips the list and names every partition table", async () => {
    const tmp = makeTempDir("partitions");
    temps.push(tmp);
    const file = path.join(tmp.dir, "registry_partitions.json");
    expect(readPartitions(file)).toBeNull();
    await writePartitions(["3699", "3673"], file);
    expect(readPartitions(file)).toEqual(["3673", "3699"]);
    expect(partitionTableNames(["3699"])).toEqual(["registry_cells_3699", "registry_cell_programmes_3699", "registry_cell_pairs_3699"]);
  });

  it("refuses a record that is not a list of kab/kota codes", () => {
    const tmp = makeTempDir("partitions");
    temps.push(tmp);
    const file = path.join(tmp.dir, "registry_partitions.json");
    writeFileSync(file, JSON.stringify(["3673", "../etc"]));
    expect(() => readPartitions(file)).toThrow(/not a list of kab\/kota codes/);
  });

  it("gives Framework one path per partition table of a throw-away kab/kota", async () => {
    const tmp = makeTempDir("partitions");
    temps.push(tmp);
    writeFileSync(path.join(tmp.dir, "registry_partitions.json"), JSON.stringify(["3699"]));
    vi.stubEnv("TS_BUILD_DIR", tmp.dir);
    vi.resetModules();
    const config = (await import("../../../../observablehq.config.js")).default as { dynamicPaths(): AsyncIterable<string> };
    const paths: string[] = [];
    for await (const p of config.dynamicPaths()) paths.push(p);
    expect(paths).toEqual(["/data/registry_cells_3699.parquet", "/data/registry_cell_programmes_3699.parquet", "/data/registry_cell_pairs_3699.parquet"]);
  });
});
