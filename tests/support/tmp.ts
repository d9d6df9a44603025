// Per-test temporary directories under tests/.tmp (git-ignored), removed after the run.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../../loaders/lib/paths.js";

export function makeTempDir(prefix: string): { dir: string; remove(): void } {
  const base = path.join(ROOT, "tests/.tmp");
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, `${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
