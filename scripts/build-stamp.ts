// A fingerprint of everything a build reads, so `npm start` can serve an up-to-date dist/ without
// rebuilding it. Written into the built site as a dotfile (the server never serves dotfiles).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../loaders/lib/paths.js";

/** Where a build records the fingerprint of its inputs, inside the built site. */
export const STAMP_FILE = ".tepat-build.json";

/** Directories and files (relative to the repository root) whose content a build depends on. */
export const BUILD_INPUTS = [
  "src", "loaders", "scripts", "types", "data/reference", "data/geo", "observablehq.config.ts", "package-lock.json", "tsconfig.json"
] as const;

/** Paths under the inputs that are outputs or caches, not inputs. */
const IGNORED = new Set(["src/.observablehq"]);

/** Environment variables that change what a build produces (their values are hashed, never stored). */
const BUILD_ENV = ["TS_PRIVATE_DIR", "TS_BUILD_DIR", "TS_SYNTH_SCALE"] as const;
/** Secrets: only whether they are set enters the fingerprint. */
const BUILD_SECRETS = ["TS_PSEUDONYM_KEY"] as const;

function filesUnder(root: string, relative: string): string[] {
  const full = path.join(root, relative);
  if (IGNORED.has(relative) || !existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(root, path.posix.join(relative, name)));
}

/**
 * SHA-256 over the path and content of every build input, the private data directory and the
 * build-relevant environment. Two calls on unchanged inputs give the same value.
 */
export function inputFingerprint(root: string = ROOT, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash("sha256");
  const privateDir = env.TS_PRIVATE_DIR ? path.resolve(env.TS_PRIVATE_DIR) : path.join(root, "data/private");
  const groups: [string, string[]][] = [
    [root, BUILD_INPUTS.flatMap((input) => filesUnder(root, input))],
    [privateDir, filesUnder(privateDir, ".").map((f) => path.posix.normalize(f))]
  ];
  for (const [base, files] of groups) {
    hash.update(`\0root:${base === root ? "." : "private"}\0`);
    for (const file of files) {
      hash.update(`${file}\0`);
      hash.update(readFileSync(path.join(base, file)));
      hash.update("\0");
    }
  }
  for (const name of BUILD_ENV) hash.update(`${name}=${env[name] ?? ""}\0`);
  for (const name of BUILD_SECRETS) hash.update(`${name}:${env[name] ? "set" : "unset"}\0`);
  return hash.digest("hex");
}

export interface BuildStamp {
  inputs: string;
  builtAt: string;
}

/** The stamp of a built site, or null when there is none (or it is unreadable). */
export function readStamp(distDir: string): BuildStamp | null {
  try {
    const parsed = JSON.parse(readFileSync(path.join(distDir, STAMP_FILE), "utf8")) as Partial<BuildStamp>;
    return typeof parsed.inputs === "string" ? { inputs: parsed.inputs, builtAt: String(parsed.builtAt ?? "") } : null;
  } catch {
    return null;
  }
}

/** True when distDir holds a complete build of exactly the current inputs. */
export function isUpToDate(distDir: string, fingerprint: string): boolean {
  return existsSync(path.join(distDir, "index.html")) && readStamp(distDir)?.inputs === fingerprint;
}
