// The synth CLI refuses bad arguments in Indonesian before doing any work.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../../loaders/lib/paths.js";

function runCli(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "loaders/synth/cli.ts"), ...args], { cwd: ROOT, encoding: "utf8" });
}

describe("synth CLI", () => {
  it("rejects an unknown scale with the list of scales", () => {
    const result = runCli(["--scale", "mars"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Skala tidak dikenal: mars\. Pilihan: default, banten, kota_serang/);
  });

  it("rejects an unknown argument with the usage line", () => {
    const result = runCli(["--fast"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Argumen tidak dikenal: --fast\. Pemakaian:/);
  });

  it("rejects a seed that is not an integer", () => {
    const result = runCli(["--scale", "kota_serang", "--seed", "abc"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/seed harus bilangan bulat/);
  });
});
