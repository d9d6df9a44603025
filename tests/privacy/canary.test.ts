// Privacy canary: plant recognisable NIKs, NO_KKs, names and addresses in private registry and
// receipt files, build the whole site from them into a separate folder, and prove that none of
// them appears in any built file: not in HTML/JS/JSON, not in any Parquet value or metadata.
// The positive controls show that the private path was really taken and the scan can find things.
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, withDuckDB } from "../../loaders/lib/duck.js";
import { ROOT } from "../../loaders/lib/paths.js";
import { pseudonymise } from "../../loaders/lib/pseudonym.js";
import { makeTempDir } from "../support/tmp.js";

const run = promisify(execFile);
const KEY = "5f0c3a9e8b7d6c5b4a392817161514131211100f0e0d0c0b0a09080706050403";

// Structurally valid (Kota Serang, Cipocok Jaya 367305, real birth dates), serials 77xx.
const NIK_MAN = "3673051505807771";
const NIK_WOMAN = "3673055505827772"; // day 15 + 40
const NIK_CHILD = "3673052012107773";
const NO_KK = "3673050101207774";
const NO_KK_2 = "3673050202217775";
const NIK_OTHER = "3673051111857776";
const NIK_BROKEN = "36730515058077719"; // 17 digits: rejected, and the value must not leak via the report
const NAMES = ["KANARI SUTISNA ZQX", "KANARI MAEMUNAH ZQX", "KANARI ANAK ZQX", "KANARI TETANGGA ZQX"];
const ADDRESSES = ["JL. KANARI RAYA NO. 77 RT 001/RW 009", "KP. KANARI HILIR 88"];
const CANARIES = [NIK_MAN, NIK_WOMAN, NIK_CHILD, NO_KK, NO_KK_2, NIK_OTHER, NIK_BROKEN, ...NAMES, ...ADDRESSES, "KANARI"];

function plantPrivateFiles(privateDir: string): void {
  mkdirSync(path.join(privateDir, "registry"), { recursive: true });
  mkdirSync(path.join(privateDir, "receipts"), { recursive: true });
  const header = "NIK;NO_KK;NAMA;ALAMAT;KODE_KELURAHAN;DESIL;SASARAN_PKE;LANSIA";
  const rows = [
    `${NIK_MAN};${NO_KK};${NAMES[0]};${ADDRESSES[0]};3673051001;1;Y;N`,
    `${NIK_WOMAN};${NO_KK};${NAMES[1]};${ADDRESSES[0]};3673051001;1;Y;N`,
    `${NIK_CHILD};${NO_KK};${NAMES[2]};${ADDRESSES[0]};3673051001;1;Y;N`,
    `${NIK_OTHER};${NO_KK_2};${NAMES[3]};${ADDRESSES[1]};3673051002;2;N;Y`,
    `${NIK_BROKEN};${NO_KK_2};${NAMES[3]};${ADDRESSES[1]};3673051002;2;N;Y`
  ];
  writeFileSync(path.join(privateDir, "registry/bnba-kanari.csv"), [header, ...rows].join("\r\n") + "\r\n");
  writeFileSync(path.join(privateDir, "receipts/manifest.csv"), "file,programme_code,funder,period\nsembako-kanari.csv,sembako_kota,kota,2025\n");
  writeFileSync(
    path.join(privateDir, "receipts/sembako-kanari.csv"),
    `NIK;NAMA;ALAMAT;JUMLAH\n${NIK_MAN};${NAMES[0]};${ADDRESSES[0]};1\n${NIK_OTHER};${NAMES[3]};${ADDRESSES[1]};1\n`
  );
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });
}

/** Every value and every metadata entry of a Parquet file, as one searchable text. */
async function parquetText(file: string): Promise<string> {
  return withDuckDB(async (c) => {
    const rows = await queryRows(c, "SELECT * FROM read_parquet($1)", [file]);
    const metadata = await queryRows(c, "SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata($1)", [file]);
    return JSON.stringify([rows, metadata], (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  });
}

describe("no personal data reaches the built site", () => {
  const tmp = makeTempDir("canary");
  const privateDir = path.join(tmp.dir, "private");
  const buildDir = path.join(tmp.dir, "build");
  const distDir = path.join(tmp.dir, "dist");
  const env = { ...process.env, TS_PRIVATE_DIR: privateDir, TS_BUILD_DIR: buildDir, TS_DIST_DIR: distDir };
  let texts: { file: string; text: string }[] = [];

  beforeAll(async () => {
    plantPrivateFiles(privateDir);
    await run("npm", ["run", "build"], { cwd: ROOT, env: { ...env, TS_PSEUDONYM_KEY: KEY }, maxBuffer: 64 * 1024 * 1024 });
    const files = [...allFiles(distDir), ...allFiles(buildDir)];
    texts = await Promise.all(
      files.map(async (file) => ({ file, text: file.endsWith(".parquet") ? await parquetText(file) : readFileSync(file, "latin1") }))
    );
  }, 900_000);

  afterAll(() => {
    tmp.remove();
    // The canary build left its (pseudonymised) tables in Framework's loader cache; the next build rebuilds it anyway.
    rmSync(path.join(ROOT, "src/.observablehq/cache"), { recursive: true, force: true });
  });

  it("built the registry from the planted files, not from the synthetic default", () => {
    const households = texts.find((t) => /registry_households_3673\.[0-9a-f]+\.parquet$/.test(t.file));
    expect(households, "registry_households_3673 in the canary dist").toBeDefined();
    // Positive control: the keyed hashes of the planted households are there, so the scan can see values.
    expect(households!.text).toContain(pseudonymise(NO_KK, KEY));
    expect(households!.text).toContain(pseudonymise(NO_KK_2, KEY));
    expect(households!.text).toContain('"synthetic","v":"false"');
    const receipts = texts.find((t) => /programme_receipts_3673\.[0-9a-f]+\.parquet$/.test(t.file));
    expect(receipts!.text).toContain(pseudonymise(NO_KK, KEY)); // the receipt joined its household
    const rejections = texts.find((t) => /ingest_rejections\.[0-9a-f]+\.parquet$/.test(t.file));
    expect(rejections!.text).toContain("NIK_LENGTH");
  });

  it("contains none of the planted NIKs, NO_KKs, names or addresses in any file", () => {
    expect(texts.length).toBeGreaterThan(20);
    // Control: the scan reads the pages themselves.
    expect(texts.some(({ file, text }) => file.endsWith("index.html") && text.includes("Ringkasan"))).toBe(true);
    const leaks = texts.flatMap(({ file, text }) => CANARIES.filter((c) => text.includes(c)).map((c) => `${path.relative(tmp.dir, file)}: ${c}`));
    expect(leaks).toEqual([]);
  });

  it("refuses real files without a key, in one sentence that says how to set it", async () => {
    const env2: NodeJS.ProcessEnv = { ...env, TS_BUILD_DIR: path.join(tmp.dir, "build-nokey") };
    delete env2.TS_PSEUDONYM_KEY;
    const failure = await run("npx", ["tsx", "loaders/cli.ts", "ingest"], { cwd: ROOT, env: env2 }).then(
      () => null,
      (error: { code: number; stderr: string }) => error
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("TS_PSEUDONYM_KEY");
    expect(failure?.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
