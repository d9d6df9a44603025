// The benchmark finds the site's modules in the built files, whichever page imports them.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtModulePath, builtModuleUrls } from "../../../bench/site-modules.js";
import { makeTempDir } from "../../support/tmp.js";

const tmp = makeTempDir("site-modules");
afterAll(() => tmp.remove());

function builtFile(relative: string): void {
  const file = path.join(tmp.dir, "_import/components", relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "export {};\n");
}

builtFile("core/db.2031e757.js");
builtFile("core/database.318231f6.js");
builtFile("skenario/sql-model.fbbe77fa.js");
builtFile("twice/x.aaaaaaaa.js");
builtFile("twice/x.bbbbbbbb.js");

describe("built module URLs", () => {
  it("maps a source path to its hashed file, not to a module whose name merely starts the same", () => {
    expect(builtModulePath("core/db.ts", tmp.dir)).toBe("/_import/components/core/db.2031e757.js");
    expect(builtModulePath("core/database.ts", tmp.dir)).toBe("/_import/components/core/database.318231f6.js");
  });

  it("gives absolute URLs on the served site", () => {
    expect(builtModuleUrls("http://127.0.0.1:4000", { model: "skenario/sql-model.ts" }, tmp.dir)).toEqual({
      model: "http://127.0.0.1:4000/_import/components/skenario/sql-model.fbbe77fa.js"
    });
  });

  it("names the source file when the build has no module for it, or two", () => {
    expect(() => builtModulePath("core/moved.ts", tmp.dir)).toThrow(/src\/components\/core\/moved\.ts is not in/);
    expect(() => builtModulePath("gone/db.ts", tmp.dir)).toThrow(/src\/components\/gone\/db\.ts is not in/);
    expect(() => builtModulePath("twice/x.ts", tmp.dir)).toThrow(/has 2 copies/);
  });
});
