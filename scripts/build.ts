// `npm run build`: tables, then the static site, then the post-build checks, into a temporary
// directory that replaces the site only when every step succeeded. A failed build leaves the
// previous site untouched. Needs no network: Framework's client names npm packages (react-dom for
// JSX cells, Plot, Inputs, sample datasets, …) that no page uses, and asks the npm registry for the
// latest version of each while bundling; the version cache is seeded so it never asks.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DIST_DIR, ROOT } from "../loaders/lib/paths.js";
import { STAMP_FILE, inputFingerprint } from "./build-stamp.js";

const FRAMEWORK_CACHE = path.join(ROOT, "src/.observablehq/cache");
const FRAMEWORK_CLIENT = path.join(ROOT, "node_modules/@observablehq/framework/dist/client");
const BIN = path.join(ROOT, "node_modules/.bin");
/** Version recorded for a package Framework's client names but that is not installed (never served). */
export const ABSENT_PACKAGE_VERSION = "0.0.0-tidak-dipasang";

/** Package names in `npm:` specifiers of a source text (`npm:@scope/name/path` → `@scope/name`). */
export function npmSpecifierNames(text: string): string[] {
  const names = [...text.matchAll(/\bnpm:((?:@[\w.-]+\/)?[\w.-]+)/g)].map((m) => m[1]!);
  return [...new Set(names)].sort();
}

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesIn(full) : name.endsWith(".js") ? [full] : [];
  });
}

/**
 * The version to record for every package Framework's client names: the installed one when
 * node_modules has it (so builds follow the lockfile), otherwise a placeholder.
 */
export function pinnedNpmVersions(): Map<string, string> {
  const names = new Set(filesIn(FRAMEWORK_CLIENT).flatMap((file) => npmSpecifierNames(readFileSync(file, "utf8"))));
  const versions = new Map<string, string>();
  for (const name of [...names].sort()) {
    const manifest = path.join(ROOT, "node_modules", name, "package.json");
    const installed = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version : undefined;
    versions.set(name, installed ?? ABSENT_PACKAGE_VERSION);
  }
  return versions;
}

function step(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): void {
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${label} gagal (kode keluar ${result.status ?? result.signal}).`);
}

async function seedNpmVersions(): Promise<void> {
  await rm(FRAMEWORK_CACHE, { recursive: true, force: true });
  for (const [name, version] of pinnedNpmVersions()) {
    await mkdir(path.join(FRAMEWORK_CACHE, "_npm", `${name}@${version}`), { recursive: true });
  }
}

/** One build at a time: both would share Framework's cache under src/. */
const LOCK_DIR = path.join(ROOT, ".observablehq", "build.lock");

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the build lock, or returns the pid of the build that holds it. A dead holder's lock is taken over. */
export function acquireBuildLock(lockDir = LOCK_DIR): number | null {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, "pid"), String(process.pid));
      return null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(path.join(lockDir, "pid"), { encoding: "utf8", flag: "a+" }));
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) return holder;
      rmSync(lockDir, { recursive: true, force: true }); // left behind by a build that died
    }
  }
  throw new Error(`kunci pembangunan ${lockDir} tidak dapat diambil`);
}

export function releaseBuildLock(lockDir = LOCK_DIR): void {
  rmSync(lockDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const holder = acquireBuildLock();
  if (holder !== null) {
    console.error(`Pembangunan lain sedang berjalan (proses ${holder}); tunggu sampai selesai lalu coba lagi.`);
    process.exit(1);
  }
  try {
    await buildSite();
  } finally {
    releaseBuildLock();
  }
}

async function buildSite(): Promise<void> {
  const target = DIST_DIR;
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.building-${process.pid}`);
  const fingerprint = inputFingerprint(); // of the inputs as they were when the build started
  const env = { ...process.env, TS_DIST_DIR: staging };
  const started = performance.now();
  try {
    step("Tabel data", path.join(BIN, "tsx"), ["loaders/cli.ts", "build"], env);
    await seedNpmVersions();
    step("Situs (Observable Framework)", path.join(BIN, "tsx"), ["scripts/framework-build.ts"], env);
    step("Pemeriksaan setelah pembangunan", path.join(BIN, "tsx"), ["scripts/postbuild.ts"], env);
    await writeFile(path.join(staging, STAMP_FILE), `${JSON.stringify({ inputs: fingerprint, builtAt: new Date().toISOString() })}\n`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    console.error(`\nPembangunan situs gagal: ${error instanceof Error ? error.message : String(error)}`);
    console.error(existsSync(target) ? `Situs sebelumnya di ${path.relative(ROOT, target) || target} tidak diubah.` : "Belum ada situs yang dibangun.");
    process.exitCode = 1;
    return;
  }
  const previous = `${staging}.old`;
  if (existsSync(target)) await rename(target, previous);
  await rename(staging, target);
  await rm(previous, { recursive: true, force: true });
  console.log(`\nSitus dibangun di ${path.relative(ROOT, target) || target} dalam ${((performance.now() - started) / 1000).toFixed(0)} detik.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  // `--seed-only`: prepare Framework's version cache for `observable preview` (npm run dev) and stop.
  if (process.argv.includes("--seed-only")) await seedNpmVersions();
  else await main();
}
