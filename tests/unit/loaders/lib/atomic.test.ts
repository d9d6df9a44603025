import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeAtomically, writeFileAtomic } from "../../../../loaders/lib/atomic.js";
import { makeTempDir } from "../../../support/tmp.js";

const temps: { remove(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

describe("atomic writes", () => {
  it("replaces the target only when the write succeeds", async () => {
    const t = makeTempDir("atomic");
    temps.push(t);
    const target = path.join(t.dir, "out.txt");
    writeFileSync(target, "old");
    await expect(
      writeAtomically(target, async (tmp) => {
        writeFileSync(tmp, "half");
        throw new Error("disk full");
      })
    ).rejects.toThrow("disk full");
    expect(readFileSync(target, "utf8")).toBe("old");
    expect(readdirSync(t.dir)).toEqual(["out.txt"]); // the temporary file was removed
    await writeFileAtomic(target, "new");
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readdirSync(t.dir)).toEqual(["out.txt"]);
  });

  it("creates missing directories", async () => {
    const t = makeTempDir("atomic");
    temps.push(t);
    const target = path.join(t.dir, "a/b/c.txt");
    await writeFileAtomic(target, "x");
    expect(existsSync(target)).toBe(true);
  });
});
