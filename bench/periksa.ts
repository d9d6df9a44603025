// /periksa benchmarks in Chromium: parse time of a list (CSV and XLSX, 100,000 rows in the full run)
// with the shared registry rules, and matching two lists (50,000 rows each: NIK + Jaro-Winkler
// name/address in the page's duckdb-wasm, results built). The lists are generated here, deterministic
// and synthetic (fake NIKs, generated names); they are written to the profile's fixture folder and
// never reach the site.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { writeAtomically, writeFileAtomic } from "../loaders/lib/atomic.js";
import { ROOT } from "../loaders/lib/paths.js";
import { referenceKabkota } from "../loaders/reference/wilayah.js";
import { waitForPageSettled } from "../tests/support/browser.js";
import { sizeLabel, type BenchProfile } from "./profile.js";
import { allowEvaluatedFunctions, builtModuleUrls } from "./site-modules.js";
import { summarise, type Summary } from "./stats.js";

const FIRST = ["AHMAD", "ASEP", "BUDI", "CUCU", "DEDI", "DEWI", "EUIS", "ENENG", "FITRI", "HENDRA", "IWAN", "JAJANG", "KOKOM", "LILIS", "MAMAT", "NENENG", "OMAN", "PUPUT", "RINA", "SITI", "TATANG", "UJANG", "WAWAN", "YANTI", "ZAENAL", "MUHAMMAD", "NUR", "ROHMAT", "SRI", "TUTI"];
const MIDDLE = ["", "", "NUR", "ABDUL", "SRI", "DWI", "TRI", "EKA", "AJI", "PUTRA"];
const LAST = ["SINTETIS", "CONTOH", "PERCOBAAN", "PERCONTOHAN", "UJICOBA", "SAMPEL", "TIRUAN", "RAGAAN", "MISALAN", "DUMMY", "PRAKTIK", "LATIHAN"];
const STREETS = ["MAWAR", "MELATI", "KENANGA", "ANGGREK", "CEMPAKA", "DAHLIA", "FLAMBOYAN", "BERINGIN", "KAMBOJA", "TERATAI"];

/** Deterministic 32-bit hash of (i, salt). */
function h(i: number, salt: number): number {
  let x = (i * 0x9e3779b1) ^ (salt * 0x85ebca77);
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const KEC = ["367301", "367302", "367303", "367304", "367305", "367306"];

function kelurahanNames(): string[] {
  const text = readFileSync(path.join(ROOT, "data/reference/regions.csv"), "utf8");
  return text
    .split("\n")
    .filter((l) => l.startsWith("3673") && l.includes(",kelurahan,"))
    .map((l) => l.split(",")[2]!);
}

/** Person i: a structurally valid fake NIK (unique for i < 16.8 million), a generated name, address and kelurahan. */
function person(i: number, kel: readonly string[]): { nik: string; kk: string; name: string; address: string; kelurahan: string } {
  const kec = KEC[h(i, 1) % KEC.length]!;
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const yy = 50 + (Math.floor(i / 336) % 50);
  const serial = 1 + (Math.floor(i / 16_800) % 9999);
  const name = [FIRST[h(i, 2) % FIRST.length], MIDDLE[h(i, 3) % MIDDLE.length], LAST[h(i, 4) % LAST.length]].filter(Boolean).join(" ");
  return {
    nik: `${kec}${pad(day)}${pad(month)}${pad(yy)}${pad(serial, 4)}`,
    kk: `${kec}0101${pad(20 + (i % 5))}${pad(1 + (Math.floor(i / 5) % 9999), 4)}`,
    name,
    address: `JL. ${STREETS[h(i, 5) % STREETS.length]} NO. ${1 + (h(i, 6) % 200)} RT ${pad(1 + (h(i, 7) % 15), 3)} RW ${pad(1 + (h(i, 8) % 9), 3)}`,
    kelurahan: kel[h(i, 9) % kel.length]!
  };
}

/** The same person as another list writes it: titles, abbreviations, RT/RW written differently. */
function variant(p: ReturnType<typeof person>): ReturnType<typeof person> {
  const name = p.name.replace(/^MUHAMMAD /, "MOCH. ").replace(/^SITI /, "HJ. SITI ");
  const address = p.address.replace("JL. ", "JALAN ").replace(/ NO\. /, " NOMOR ").replace(/RT (\d+) RW (\d+)/, (_, rt, rw) => `RT.${rt}/RW.${rw}`);
  return { ...p, name, address };
}

const HEADER = "NIK;NO_KK;NAMA;ALAMAT;KECAMATAN;KELURAHAN";
const line = (p: ReturnType<typeof person>, nik = p.nik) => `${nik};${p.kk};${p.name};${p.address};;${p.kelurahan}`;

export interface PeriksaFixtures {
  readonly a: string;
  readonly b: string;
  readonly csv: string;
  readonly xlsx: string;
}

/**
 * List A: persons 0..n-1. List B: the first 10% of A with the same NIK, the next 5% of A written
 * differently and without NIK (found only by name + address), the rest new people.
 */
export async function ensurePeriksaFixtures(profile: BenchProfile): Promise<PeriksaFixtures> {
  const { matchRows, parseRows } = profile.periksa;
  const kel = kelurahanNames();
  const file = (name: string) => path.join(profile.fixtureDir, name);
  const files: PeriksaFixtures = {
    a: file(`periksa-a-${sizeLabel(matchRows)}.csv`),
    b: file(`periksa-b-${sizeLabel(matchRows)}.csv`),
    csv: file(`periksa-${sizeLabel(parseRows)}.csv`),
    xlsx: file(`periksa-${sizeLabel(parseRows)}.xlsx`)
  };
  const missing = (f: string) => !profile.reuseFixtures || !existsSync(f);
  if (missing(files.a)) {
    const rows = Array.from({ length: matchRows }, (_, i) => line(person(i, kel)));
    await writeFileAtomic(files.a, [HEADER, ...rows].join("\n") + "\n");
  }
  if (missing(files.b)) {
    const same = sameNikRows(matchRows);
    const fuzzy = matchRows / 20;
    const rows = Array.from({ length: matchRows }, (_, i) => {
      if (i < same) return line(person(i, kel));
      if (i < same + fuzzy) return line(variant(person(i, kel)), "");
      return line(person(1_000_000 + i, kel));
    });
    await writeFileAtomic(files.b, [HEADER, ...rows].join("\n") + "\n");
  }
  if (missing(files.csv)) {
    const rows = Array.from({ length: parseRows }, (_, i) => line(person(2_000_000 + i, kel)));
    await writeFileAtomic(files.csv, [HEADER, ...rows].join("\n") + "\n");
  }
  if (missing(files.xlsx)) {
    await writeAtomically(files.xlsx, async (tmp) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet("Daftar");
      sheet.addRow(HEADER.split(";"));
      for (let i = 0; i < parseRows; i++) {
        const p = person(2_000_000 + i, kel);
        sheet.addRow([p.nik, p.kk, p.name, p.address, "", p.kelurahan]);
      }
      await book.xlsx.writeFile(tmp);
    });
  }
  return files;
}

/** List B repeats this many of A's people with the same NIK: the overlaps found by NIK. */
const sameNikRows = (matchRows: number) => matchRows / 10;

/** The page modules the benchmark calls, as the built site names them (see site-modules.ts). */
const PERIKSA_MODULES = {
  db: "core/db.ts",
  readList: "periksa/read-list.ts",
  match: "periksa/match.ts",
  results: "periksa/results.ts",
  columns: "domain/registry-rules/columns.ts",
  view: "periksa/view.ts"
} as const;
type DbModule = typeof import("../src/components/core/db.js");
type ReadListModule = typeof import("../src/components/periksa/read-list.js");
type MatchModule = typeof import("../src/components/periksa/match.js");
type ResultsModule = typeof import("../src/components/periksa/results.js");
type ColumnsModule = typeof import("../src/components/domain/registry-rules/columns.js");
type ViewModule = typeof import("../src/components/periksa/view.js");

export interface PeriksaBench {
  readonly results: Record<string, Summary>;
  readonly counts: Record<string, number>;
}

/** Runs in a /periksa tab: the files are fetched once (not timed), then parsed and matched as the page does. */
export async function benchPeriksa(browser: Browser, siteUrl: string, profile: BenchProfile): Promise<PeriksaBench> {
  const files = await ensurePeriksaFixtures(profile);
  const { matchRows, parseRows, matchRuns, parseRuns } = profile.periksa;
  const urls = builtModuleUrls(siteUrl, PERIKSA_MODULES);
  // The kab/kota of Banten as the page's region index derives them from the regions list.
  const bantenKabKota = referenceKabkota().map((w) => w.kode);
  const page = await browser.newPage();
  await allowEvaluatedFunctions(page);
  await page.goto(`${siteUrl}/periksa`);
  await waitForPageSettled(page);
  const data = (file: string) => `${siteUrl}/bench-data/${path.basename(file)}`;
  const results: Record<string, Summary> = {};
  const counts: Record<string, number> = {};

  const parse = (url: string) =>
    page.evaluate(
      async ({ urls, url, bantenKabKota }) => {
        const [rl, cols, view]: [ReadListModule, ColumnsModule, ViewModule] = await Promise.all([import(urls.readList), import(urls.columns), import(urls.view)]);
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
        const started = performance.now();
        const reading = await rl.readList(url.split("/").pop()!, bytes, {
          resolver: cols.makeColumnResolver(),
          regions: null,
          bantenKabKota: new Set(bantenKabKota),
          loadExcel: view.loadExcel,
          pause: () => new Promise((r) => setTimeout(r, 0))
        });
        return { ms: performance.now() - started, rows: reading.rows, accepted: reading.accepted };
      },
      { urls, url, bantenKabKota }
    );
  for (const [format, file] of [["csv", files.csv], ["xlsx", files.xlsx]] as const) {
    const metric = `wasm.periksa.parse_${format}_${sizeLabel(parseRows)}`;
    const samples: number[] = [];
    for (let i = 0; i < parseRuns; i++) {
      const run = await parse(data(file));
      samples.push(run.ms);
      counts[`${metric}.rows`] = run.rows;
      counts[`${metric}.accepted`] = run.accepted;
      if (run.rows !== parseRows || run.accepted !== parseRows) throw new Error(`${format}: ${run.rows} rows read, ${run.accepted} accepted, expected ${parseRows} of each`);
    }
    results[metric] = summarise(samples);
  }

  // Two parsed lists kept in the page; each run loads them into DuckDB, matches and builds results.
  await page.evaluate(
    async ({ urls, a, b, bantenKabKota }) => {
      const [rl, cols, view]: [ReadListModule, ColumnsModule, ViewModule] = await Promise.all([import(urls.readList), import(urls.columns), import(urls.view)]);
      const context = {
        resolver: cols.makeColumnResolver(),
        regions: null,
        bantenKabKota: new Set(bantenKabKota),
        loadExcel: view.loadExcel,
        pause: () => new Promise<void>((r) => setTimeout(r, 0))
      };
      const read = async (url: string) => rl.readList(url, new Uint8Array(await (await fetch(url)).arrayBuffer()), context);
      const [la, lb] = [await read(a), await read(b)];
      (globalThis as unknown as { __periksaBench: unknown }).__periksaBench = [
        { fileName: "a", programme: "sembako_kota", programmeName: "a", funder: "kota", people: la.people, issues: la.issues },
        { fileName: "b", programme: "sembako_provinsi", programmeName: "b", funder: "provinsi", people: lb.people, issues: lb.issues }
      ];
    },
    { urls, a: data(files.a), b: data(files.b), bantenKabKota }
  );
  const samples: number[] = [];
  const loadSamples: number[] = [];
  const pairSamples: number[] = [];
  for (let i = 0; i < matchRuns + 1; i++) {
    const run = await page.evaluate(async ({ urls }) => {
      const [dbm, match, res]: [DbModule, MatchModule, ResultsModule] = await Promise.all([import(urls.db), import(urls.match), import(urls.results)]);
      const db = await dbm.getDatabase();
      const lists = (globalThis as unknown as { __periksaBench: Parameters<MatchModule["loadPeople"]>[1] }).__periksaBench;
      const started = performance.now();
      await match.loadPeople(db, lists);
      const loaded = performance.now();
      const pairs = await match.matchPairs(db, match.DEFAULT_THRESHOLD);
      const matched = performance.now();
      const out = res.buildResults(lists, pairs, []);
      const ms = performance.now() - started;
      return { ms, load: loaded - started, pairs: matched - loaded, overlaps: out.overlaps.length, byNik: out.overlaps.filter((o) => o.how === "NIK sama").length };
    }, { urls });
    if (i > 0) {
      // The first run warms up the worker.
      samples.push(run.ms);
      loadSamples.push(run.load);
      pairSamples.push(run.pairs);
    }
    counts["wasm.periksa.match.overlaps"] = run.overlaps;
    counts["wasm.periksa.match.overlaps_by_nik"] = run.byNik;
    if (run.byNik !== sameNikRows(matchRows)) throw new Error(`matching found ${run.byNik} overlaps by NIK, the lists share ${sameNikRows(matchRows)}`);
  }
  results["wasm.periksa.match"] = summarise(samples);
  results["wasm.periksa.match.load_people"] = summarise(loadSamples);
  results["wasm.periksa.match.pairs_sql"] = summarise(pairSamples);
  await page.close();
  return { results, counts };
}
