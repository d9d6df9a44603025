// Benchmark of the private BNBA ingest: generates a synthetic person-level registry CSV of a given
// size (fake but structurally valid NIK/NO_KK in Kota Serang, real kelurahan codes, a few bad rows),
// runs it through the same validation, household grouping and pseudonymisation as a real file, and
// writes the validated Parquet. Not a test: nothing here asserts a time. The lead wires it into
// bench/run.ts; `npx tsx bench/registry-ingest.ts [rows]` runs it alone.
import { createWriteStream } from "node:fs";
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { withDuckDB } from "../loaders/lib/duck.js";
import { writeParquet } from "../loaders/lib/parquet.js";
import { ingestPrivate } from "../loaders/registry/ingest.js";
import { loadRegions } from "../loaders/registry/region-match.js";
import { REGISTRY_HOUSEHOLDS_SCHEMA } from "../loaders/registry/schema.js";

export interface RegistryIngestBench {
  rows: number;
  seconds: number;
  rows_per_s: number;
  peak_rss_mb: number;
}

const HEADER = "NIK;NO_KK;NAMA;ALAMAT;KODE_KELURAHAN;DESIL;JUMLAH_ART;SASARAN_PKE;DISABILITAS;LANSIA;ANAK_TIDAK_SEKOLAH;RTLH;TANPA_JKN;KRT_PEREMPUAN";
/** Every BAD_EVERY-th row is malformed in one of the ways below (about 0.1 %). */
const BAD_EVERY = 997;
const MEMBERS_PER_HOUSEHOLD = 4;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A structurally valid fake NIK: kecamatan of issue, a real birth date (day+40 for women), serial ≥ 1. */
function fakeNik(kecamatan: string, person: number): string {
  const date = Math.floor(person / 9999);
  const day = (date % 28) + 1 + (person % 2 === 1 ? 40 : 0);
  const month = (Math.floor(date / 28) % 12) + 1;
  const year = 40 + (Math.floor(date / 336) % 60);
  return `${kecamatan}${pad(day, 2)}${pad(month, 2)}${pad(year, 2)}${pad((person % 9999) + 1, 4)}`;
}

/** A structurally valid fake NO_KK: kecamatan, an issue date in 2000–2023, serial ≥ 1. */
function fakeKk(kecamatan: string, household: number): string {
  const date = Math.floor(household / 9999);
  const day = (date % 28) + 1;
  const month = (Math.floor(date / 28) % 12) + 1;
  const year = Math.floor(date / 336) % 24;
  return `${kecamatan}${pad(day, 2)}${pad(month, 2)}${pad(year, 2)}${pad((household % 9999) + 1, 4)}`;
}

const yesNo = (v: boolean) => (v ? "Y" : "N");

function badRow(i: number, good: string[]): string[] {
  const row = [...good];
  switch ((i / BAD_EVERY) % 5) {
    case 0:
      row[0] = row[0]!.slice(0, 15); // NIK_LENGTH
      break;
    case 1:
      row[0] = "3.67305E+15"; // NIK_SCIENTIFIC
      break;
    case 2:
      row[5] = "11"; // DESIL_RANGE
      break;
    case 3:
      row[8] = "mungkin"; // FLAG_VALUE
      break;
    default:
      row[4] = "3673999999"; // REGION_UNKNOWN
  }
  return row;
}

/** Writes a semicolon CSV (title row, header, `rows` person rows, a JUMLAH row) and returns its path. */
export async function generateRegistryCsv(file: string, rows: number): Promise<void> {
  const kelurahan = (await loadRegions()).filter((r) => r.level === "kelurahan" && r.kode.startsWith("3673")).map((r) => r.kode);
  const out = createWriteStream(file, { encoding: "utf8" });
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve())));
  await write(`DATA BNBA SINTETIS UNTUK UJI KINERJA - KOTA SERANG\n${HEADER}\n`);
  let buffer: string[] = [];
  for (let i = 0; i < rows; i++) {
    const household = Math.floor(i / MEMBERS_PER_HOUSEHOLD);
    const kel = kelurahan[household % kelurahan.length]!;
    const kec = kel.slice(0, 6);
    const desil = (household % 10) + 1;
    const good = [
      fakeNik(kec, i),
      fakeKk(kec, household),
      `WARGA SINTETIS ${i}`,
      `JL. CONTOH NO. ${i % 200}`,
      kel,
      String(desil),
      String(MEMBERS_PER_HOUSEHOLD),
      yesNo(desil === 1),
      yesNo(i % 37 === 0),
      yesNo(i % 11 === 0),
      yesNo(i % 53 === 0),
      yesNo(household % 17 === 0),
      yesNo(household % 5 === 0),
      yesNo(i % MEMBERS_PER_HOUSEHOLD === 0 && household % 7 === 0)
    ];
    buffer.push((i > 0 && i % BAD_EVERY === 0 ? badRow(i, good) : good).join(";"));
    if (buffer.length === 10_000) {
      await write(buffer.join("\n") + "\n");
      buffer = [];
    }
  }
  if (buffer.length > 0) await write(buffer.join("\n") + "\n");
  await write(`JUMLAH;;;;;;${rows};;;;;;;\n`);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

export async function benchRegistryIngest(rows: number): Promise<RegistryIngestBench> {
  const dir = await mkdtemp(path.join(tmpdir(), "ts-registry-bench-"));
  try {
    const privateDir = path.join(dir, "private");
    await mkdir(path.join(privateDir, "registry"), { recursive: true });
    await generateRegistryCsv(path.join(privateDir, "registry", "bnba.csv"), rows);
    const key = randomBytes(32).toString("hex");
    const started = performance.now();
    const ingested = await withDuckDB(async (connection) => {
      const result = await ingestPrivate(connection, { privateDir, key });
      await writeParquet(
        connection,
        `SELECT * FROM ${result.households}`,
        REGISTRY_HOUSEHOLDS_SCHEMA,
        { source: "sintetis: bench/registry-ingest.ts", retrieved_at: new Date().toISOString().slice(0, 10), loader: "bench/registry-ingest.ts", synthetic: true },
        path.join(dir, "registry_households.parquet")
      );
      return result;
    });
    const seconds = (performance.now() - started) / 1000;
    const read = ingested.files.reduce((sum, f) => sum + f.rows, 0);
    if (read !== rows + 1) throw new Error(`bench read ${read} rows, expected ${rows + 1} (persons + JUMLAH row)`);
    return {
      rows,
      seconds: Math.round(seconds * 1000) / 1000,
      rows_per_s: Math.round(rows / seconds),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024)
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  console.log(JSON.stringify(await benchRegistryIngest(rows)));
}
