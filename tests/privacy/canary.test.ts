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

// Twelve more valid households (k = 10 needs at least ten to publish a cell), serials 78xx.
const EXTRA = Array.from({ length: 12 }, (_, i) => {
  const serial = String(7801 + i);
  return { nik: `367305150580${serial}`, kk: `367305010120${serial}`, name: `KANARI WARGA${i} ZQX`, address: `GG. KANARI ${serial} RT 00${i % 9}` };
});

// Shifted columns: identifiers and names land in flag, number and region columns. Each value is
// unique, so a leak of any of them through a message, a report or a table is found by name.
const SHIFTED = {
  nikInFlag: "3673055505827781",
  nameInNumber: "KANARI GESER DESIL ZQX",
  addressInKecamatan: "JL. KANARI GESER KEC NO. 5",
  kkInPce: "3673050303207782",
  nameInNik: "KANARI GESER NIK ZQX",
  nikInMembers: "3673051505807783",
  addressInKelurahan: "KP. KANARI GESER KEL 9",
  nameInReceiptUnits: "KANARI GESER JUMLAH ZQX",
  addressInReceiptValue: "JL. KANARI GESER NILAI 3",
  nikInReceiptName: "3673051505807784"
} as const;

const CANARIES = [
  NIK_MAN, NIK_WOMAN, NIK_CHILD, NO_KK, NO_KK_2, NIK_OTHER, NIK_BROKEN, ...NAMES, ...ADDRESSES,
  ...EXTRA.flatMap((e) => [e.nik, e.kk, e.name, e.address]),
  ...Object.values(SHIFTED),
  "KANARI"
];

function plantPrivateFiles(privateDir: string): void {
  mkdirSync(path.join(privateDir, "registry"), { recursive: true });
  mkdirSync(path.join(privateDir, "receipts"), { recursive: true });
  const header = "NIK;NO_KK;NAMA;ALAMAT;KECAMATAN;KELURAHAN;KODE_KELURAHAN;DESIL;PENGELUARAN_PERKAPITA;JUMLAH_ART;SASARAN_PKE;LANSIA";
  const rows = [
    `${NIK_MAN};${NO_KK};${NAMES[0]};${ADDRESSES[0]};;;3673051001;1;300000;3;Y;N`,
    `${NIK_WOMAN};${NO_KK};${NAMES[1]};${ADDRESSES[0]};;;3673051001;1;300000;3;Y;N`,
    `${NIK_CHILD};${NO_KK};${NAMES[2]};${ADDRESSES[0]};;;3673051001;1;300000;3;Y;N`,
    `${NIK_OTHER};${NO_KK_2};${NAMES[3]};${ADDRESSES[1]};;;3673051002;2;450000;1;N;Y`,
    `${NIK_BROKEN};${NO_KK_2};${NAMES[3]};${ADDRESSES[1]};;;3673051002;2;450000;1;N;Y`,
    ...EXTRA.map((e, i) => `${e.nik};${e.kk};${e.name};${e.address};;;3673051001;${1 + (i % 3)};${320000 + i * 1000};${1 + (i % 4)};${i % 2 ? "Y" : "N"};N`),
    // Shifted rows: a NIK in a flag, a name in a number, an address in a region name, a NO_KK in the expenditure.
    `3673051505807791;3673050101207791;KANARI BARIS A ZQX;JL. KANARI A;;;3673051001;2;310000;2;N;${SHIFTED.nikInFlag}`,
    `3673051505807792;3673050101207792;KANARI BARIS B ZQX;JL. KANARI B;;;3673051001;${SHIFTED.nameInNumber};310000;2;N;N`,
    `3673051505807793;3673050101207793;KANARI BARIS C ZQX;JL. KANARI C;${SHIFTED.addressInKecamatan};${SHIFTED.addressInKelurahan};;2;310000;2;N;N`,
    `3673051505807794;3673050101207794;KANARI BARIS D ZQX;JL. KANARI D;;;3673051001;2;${SHIFTED.kkInPce};2;N;N`,
    `${SHIFTED.nameInNik};3673050101207795;KANARI BARIS E ZQX;JL. KANARI E;;;3673051001;2;310000;2;N;N`,
    `3673051505807796;3673050101207796;KANARI BARIS F ZQX;JL. KANARI F;;;3673051001;2;310000;${SHIFTED.nikInMembers};N;N`
  ];
  CANARIES.push(...["A", "B", "C", "D", "E", "F"].flatMap((x) => [`KANARI BARIS ${x} ZQX`, `JL. KANARI ${x}`]));
  CANARIES.push(...[1, 2, 3, 4, 5, 6].flatMap((i) => [`367305150580779${i}`, `367305010120779${i}`]));
  writeFileSync(path.join(privateDir, "registry/bnba-kanari.csv"), [header, ...rows].join("\r\n") + "\r\n");
  writeFileSync(path.join(privateDir, "receipts/manifest.csv"), "file,programme_code,funder,period\nsembako-kanari.csv,sembako_kota,kota,2025\n");
  writeFileSync(
    path.join(privateDir, "receipts/sembako-kanari.csv"),
    [
      "NIK;NAMA;ALAMAT;JUMLAH;NILAI",
      `${NIK_MAN};${NAMES[0]};${ADDRESSES[0]};1;392087`,
      `${NIK_OTHER};${NAMES[3]};${ADDRESSES[1]};1;392087`,
      ...EXTRA.slice(0, 6).map((e) => `${e.nik};${e.name};${e.address};1;392087`),
      `${EXTRA[6]!.nik};${EXTRA[6]!.name};${EXTRA[6]!.address};${SHIFTED.nameInReceiptUnits};392087`,
      `${EXTRA[7]!.nik};${EXTRA[7]!.name};${EXTRA[7]!.address};1;${SHIFTED.addressInReceiptValue}`,
      `${EXTRA[8]!.nik};${SHIFTED.nikInReceiptName};${EXTRA[8]!.address};1;392087`
    ].join("\n") + "\n"
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

  it("built the registry cells from the planted files, not from the synthetic default, and reported the shifted cells", async () => {
    const cells = texts.find((t) => /registry_cells_3673\.parquet$/.test(t.file));
    expect(cells, "registry_cells_3673 in the canary dist").toBeDefined();
    expect(cells!.text).toContain('"synthetic","v":"false"');
    const cellFile = allFiles(distDir).find((f) => /registry_cells_3673\.parquet$/.test(f))!;
    const [totals] = await withDuckDB((c) =>
      queryRows(c, `SELECT sum(households)::INTEGER AS households, min(households)::INTEGER AS smallest FROM read_parquet('${cellFile.replaceAll("'", "''")}')`)
    );
    expect(totals!.households).toBeGreaterThanOrEqual(14); // two canary households and twelve extra at least
    expect(totals!.smallest).toBeGreaterThanOrEqual(10);
    const programmes = texts.find((t) => /registry_cell_programmes_3673\.parquet$/.test(t.file));
    expect(programmes!.text).toContain("sembako_kota"); // receipts joined their households
    const rejections = texts.find((t) => /ingest_rejections\.[0-9a-f]+\.parquet$/.test(t.file));
    for (const code of ["NIK_LENGTH", "FLAG_VALUE", "NUMBER_FORMAT", "NIK_NOT_DIGITS"]) expect(rejections!.text, code).toContain(code);
    // Household-level data stays loader-side: no pseudonym and no household table in the site.
    const site = texts.filter((t) => t.file.startsWith(distDir));
    expect(site.some((t) => t.text.includes(pseudonymise(NO_KK, KEY)))).toBe(false);
    expect(site.some((t) => /registry_households|programme_receipts_\d/.test(path.basename(t.file)))).toBe(false);
    // Positive control for that scan: the loader-side microdata does hold the pseudonyms.
    const microdata = texts.find((t) => /microdata\/registry_households_3673\.parquet$/.test(t.file));
    expect(microdata!.text).toContain(pseudonymise(NO_KK, KEY));
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
