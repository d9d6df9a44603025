// /periksa benchmarks in Chromium: parse time per 100,000 rows (CSV and XLSX) with the shared
// registry rules, and matching two lists of 50,000 rows (NIK + Jaro-Winkler name/address in the
// page's duckdb-wasm, results built). The lists are generated here, deterministic and synthetic
// (fake NIKs, generated names); they are written to bench/out/fixtures and never reach the site.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { writeAtomically, writeFileAtomic } from "../loaders/lib/atomic.js";
import { ROOT } from "../loaders/lib/paths.js";
import { waitForPageSettled } from "../tests/support/browser.js";
import { FIXTURE_DIR } from "./fixtures.js";
import { summarise, type Summary } from "./stats.js";

export const MATCH_ROWS = 50_000;
export const PARSE_ROWS = 100_000;
const MATCH_RUNS = 5;
const PARSE_RUNS = 3;

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

/**
 * List A: persons 0..n-1. List B: the first 10% of A with the same NIK, the next 5% of A written
 * differently and without NIK (found only by name + address), the rest new people.
 */
export async function ensurePeriksaFixtures(): Promise<{ a: string; b: string; csv100k: string; xlsx100k: string }> {
  const kel = kelurahanNames();
  const files = {
    a: path.join(FIXTURE_DIR, "periksa-a-50k.csv"),
    b: path.join(FIXTURE_DIR, "periksa-b-50k.csv"),
    csv100k: path.join(FIXTURE_DIR, "periksa-100k.csv"),
    xlsx100k: path.join(FIXTURE_DIR, "periksa-100k.xlsx")
  };
  if (!existsSync(files.a)) {
    const rows = Array.from({ length: MATCH_ROWS }, (_, i) => line(person(i, kel)));
    await writeFileAtomic(files.a, [HEADER, ...rows].join("\n") + "\n");
  }
  if (!existsSync(files.b)) {
    const same = MATCH_ROWS / 10;
    const fuzzy = MATCH_ROWS / 20;
    const rows = Array.from({ length: MATCH_ROWS }, (_, i) => {
      if (i < same) return line(person(i, kel));
      if (i < same + fuzzy) return line(variant(person(i, kel)), "");
      return line(person(1_000_000 + i, kel));
    });
    await writeFileAtomic(files.b, [HEADER, ...rows].join("\n") + "\n");
  }
  if (!existsSync(files.csv100k)) {
    const rows = Array.from({ length: PARSE_ROWS }, (_, i) => line(person(2_000_000 + i, kel)));
    await writeFileAtomic(files.csv100k, [HEADER, ...rows].join("\n") + "\n");
  }
  if (!existsSync(files.xlsx100k)) {
    await writeAtomically(files.xlsx100k, async (tmp) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet("Daftar");
      sheet.addRow(HEADER.split(";"));
      for (let i = 0; i < PARSE_ROWS; i++) {
        const p = person(2_000_000 + i, kel);
        sheet.addRow([p.nik, p.kk, p.name, p.address, "", p.kelurahan]);
      }
      await book.xlsx.writeFile(tmp);
    });
  }
  return files;
}

/** The hashed URLs of the page's modules, from Framework's modulepreload links. */
interface ModuleUrls {
  readonly db: string;
  readonly readList: string;
  readonly match: string;
  readonly results: string;
  readonly columns: string;
  readonly view: string;
}

async function moduleUrls(page: Page): Promise<ModuleUrls> {
  const hrefs = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href));
  const find = (pattern: RegExp) => {
    const href = hrefs.find((h) => pattern.test(h));
    if (!href) throw new Error(`/periksa does not preload ${pattern}`);
    return href;
  };
  return {
    db: find(/\/components\/db\.[0-9a-f]+\.js$/),
    readList: find(/\/components\/periksa\/read-list\.[0-9a-f]+\.js$/),
    match: find(/\/components\/periksa\/match\.[0-9a-f]+\.js$/),
    results: find(/\/components\/periksa\/results\.[0-9a-f]+\.js$/),
    columns: find(/\/components\/registry-rules\/columns\.[0-9a-f]+\.js$/),
    view: find(/\/components\/periksa\/view\.[0-9a-f]+\.js$/)
  };
}

export interface PeriksaBench {
  readonly results: Record<string, Summary>;
  readonly counts: Record<string, number>;
}

/** Runs in a /periksa tab: the files are fetched once (not timed), then parsed and matched as the page does. */
export async function benchPeriksa(browser: Browser, siteUrl: string): Promise<PeriksaBench> {
  const files = await ensurePeriksaFixtures();
  const page = await browser.newPage();
  await page.goto(`${siteUrl}/periksa`);
  await waitForPageSettled(page);
  const urls = await moduleUrls(page);
  // tsx compiles this file with esbuild's keepNames: functions defined inside the evaluated
  // callbacks call a __name helper that the page does not have (a string is not compiled).
  await page.evaluate("globalThis.__name = (fn) => fn");
  const data = (file: string) => `${siteUrl}/bench-data/${path.basename(file)}`;
  const results: Record<string, Summary> = {};
  const counts: Record<string, number> = {};

  const parse = (url: string) =>
    page.evaluate(
      async ({ urls, url }) => {
        const [rl, cols, view] = await Promise.all([import(urls.readList), import(urls.columns), import(urls.view)]);
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
        const started = performance.now();
        const reading = await rl.readList(url.split("/").pop(), bytes, {
          resolver: cols.makeColumnResolver(),
          regions: null,
          bantenKabKota: new Set(["3601", "3602", "3603", "3604", "3671", "3672", "3673", "3674"]),
          loadExcel: view.loadExcel,
          pause: () => new Promise((r) => setTimeout(r, 0))
        });
        return { ms: performance.now() - started, rows: reading.rows, accepted: reading.accepted };
      },
      { urls, url }
    );
  for (const [metric, file] of [["wasm.periksa.parse_csv_100k", files.csv100k], ["wasm.periksa.parse_xlsx_100k", files.xlsx100k]] as const) {
    const samples: number[] = [];
    for (let i = 0; i < PARSE_RUNS; i++) {
      const run = await parse(data(file));
      samples.push(run.ms);
      counts[`${metric}.rows`] = run.rows;
      counts[`${metric}.accepted`] = run.accepted;
    }
    results[metric] = summarise(samples);
  }

  // Two parsed 50k lists kept in the page; each run loads them into DuckDB, matches and builds results.
  await page.evaluate(
    async ({ urls, a, b }) => {
      const [rl, cols, view] = await Promise.all([import(urls.readList), import(urls.columns), import(urls.view)]);
      const context = {
        resolver: cols.makeColumnResolver(),
        regions: null,
        bantenKabKota: new Set(["3601", "3602", "3603", "3604", "3671", "3672", "3673", "3674"]),
        loadExcel: view.loadExcel,
        pause: () => new Promise((r) => setTimeout(r, 0))
      };
      const read = async (url: string) => rl.readList(url, new Uint8Array(await (await fetch(url)).arrayBuffer()), context);
      const [la, lb] = [await read(a), await read(b)];
      (globalThis as unknown as { __periksaBench: unknown }).__periksaBench = [
        { fileName: "a", programme: "sembako_kota", programmeName: "a", funder: "kota", people: la.people, issues: la.issues },
        { fileName: "b", programme: "sembako_provinsi", programmeName: "b", funder: "provinsi", people: lb.people, issues: lb.issues }
      ];
    },
    { urls, a: data(files.a), b: data(files.b) }
  );
  const samples: number[] = [];
  const loadSamples: number[] = [];
  const pairSamples: number[] = [];
  for (let i = 0; i < MATCH_RUNS + 1; i++) {
    const run = await page.evaluate(async ({ urls }) => {
      const [dbm, match, res] = await Promise.all([import(urls.db), import(urls.match), import(urls.results)]);
      const db = await dbm.getDatabase();
      const lists = (globalThis as unknown as { __periksaBench: unknown[] }).__periksaBench;
      const started = performance.now();
      await match.loadPeople(db, lists);
      const loaded = performance.now();
      const pairs = await match.matchPairs(db, match.DEFAULT_THRESHOLD);
      const matched = performance.now();
      const out = res.buildResults(lists, pairs, []);
      const ms = performance.now() - started;
      return { ms, load: loaded - started, pairs: matched - loaded, overlaps: out.overlaps.length, byNik: out.overlaps.filter((o: { how: string }) => o.how === "NIK sama").length };
    }, { urls });
    if (i > 0) {
      // The first run warms up the worker.
      samples.push(run.ms);
      loadSamples.push(run.load);
      pairSamples.push(run.pairs);
    }
    counts["wasm.periksa.match.overlaps"] = run.overlaps;
    counts["wasm.periksa.match.overlaps_by_nik"] = run.byNik;
  }
  results["wasm.periksa.match"] = summarise(samples);
  results["wasm.periksa.match.load_people"] = summarise(loadSamples);
  results["wasm.periksa.match.pairs_sql"] = summarise(pairSamples);
  await page.close();
  return { results, counts };
}
