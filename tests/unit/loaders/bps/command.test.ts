// `npm run data -- bps [--refresh]` end to end against a loopback BPS stand-in (placeholder values only).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { queryRows, withDuckDB } from "../../../../loaders/lib/duck.js";
import { isApiFailure, runBpsCommand, type BpsCommandDeps } from "../../../../loaders/bps/command.js";
import { BpsApiError } from "../../../../loaders/bps/errors.js";
import { RefreshError } from "../../../../loaders/bps/refresh.js";
import { readTableMetadata } from "../../../../loaders/tables/catalog.js";
import { makeTempDir } from "../../../support/tmp.js";
import { snapshotWithImports } from "../../../../loaders/bps/import-record.js";
import { readExtremeSnapshot } from "../../../../loaders/bps/snapshot.js";

// Row counts of the committed snapshot with its recorded imports, read here rather than typed in.
const SNAPSHOT_ROWS = (await snapshotWithImports()).length;
const EXTREME_ROWS = (await readExtremeSnapshot()).length;
import { dataAnswer, KEY_ERROR, listAnswer, sendJson, startFakeBps, thLimitError, type FakeBps, type Handler } from "./fake-bps.js";

const KEY = "kunci-RAHASIA-command-91c2";
const tmp = makeTempDir("bps-command");
afterAll(() => tmp.remove());

let server: FakeBps | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const BANTEN = "Menurut Kabupaten/Kota di Provinsi Banten";
const VARIABLES = [
  { var_id: 9001, title: `Persentase Penduduk Miskin ${BANTEN}`, unit: "Persen" },
  { var_id: 9002, title: `Jumlah Penduduk Miskin ${BANTEN}`, unit: "Ribu Jiwa" },
  { var_id: 8000, title: "Indeks Pembangunan Manusia Menurut Kabupaten/Kota", unit: "" },
  { var_id: 9003, title: `Garis Kemiskinan ${BANTEN}`, unit: "Rupiah/Kapita/Bulan" },
  { var_id: 9004, title: `Indeks Kedalaman Kemiskinan (P1) ${BANTEN}`, unit: "" },
  { var_id: 9005, title: `Indeks Keparahan Kemiskinan (P2) ${BANTEN}`, unit: "" }
];
/** Placeholder cell values per variable (not figures): chosen only to satisfy P2 ≤ P1 ≤ P0. */
const PLACEHOLDER: Record<number, number> = { 9001: 1.11, 9002: 1.234, 9003: 111111, 9004: 0.11, 9005: 0.01 };

/** Domain 3600 as documented: paged var list, model=th, model=data limited to 2 years per call. */
const fakeBanten: Handler = (req, res) => {
  const q = req.query;
  if (q.get("key") !== KEY) return sendJson(res, KEY_ERROR);
  const page = Number(q.get("page") ?? 1);
  switch (q.get("model")) {
    case "var":
      return sendJson(res, listAnswer(page, 2, page === 1 ? VARIABLES.slice(0, 3) : VARIABLES.slice(3)));
    case "th":
      return sendJson(res, listAnswer(1, 1, [{ th_id: 124, th: 2024 }, { th_id: 125, th: 2025 }, { th_id: 126, th: 2026 }]));
    case "data": {
      const ths = (q.get("th") ?? "").split(";");
      if (ths.length > 2) return sendJson(res, thLimitError(2, ths.length));
      const varId = Number(q.get("var"));
      const values: Record<string, number> = {};
      for (const th of ths) for (const vervar of ["3601", "9999"]) values[`${vervar}|${th}`] = PLACEHOLDER[varId]!;
      const tahun = ths.map((th) => ({ val: Number(th), label: String(Number(th) + 1900) }));
      const vervar = [{ val: 3601, label: "Pandeglang" }, { val: 9999, label: "Banten" }];
      const unit = VARIABLES.find((v) => v.var_id === varId)?.unit;
      return sendJson(res, dataAnswer({ varId, unit, vervar, tahun }, values));
    }
    default:
      return sendJson(res, { status: "Error", message: "Unable to resolve the request" });
  }
};

interface Run {
  code: number;
  logs: string[];
  errors: string[];
  dirs: { cache: string; build: string; variables: string };
}

async function run(name: string, argv: string[], env: NodeJS.ProcessEnv, reuse?: Run["dirs"]): Promise<Run> {
  const dirs = reuse ?? {
    cache: path.join(tmp.dir, name, "cache"),
    build: path.join(tmp.dir, name, "build"),
    variables: path.join(tmp.dir, name, "variables.json")
  };
  const logs: string[] = [];
  const errors: string[] = [];
  const deps: BpsCommandDeps = {
    env,
    cacheDir: dirs.cache,
    buildDir: dirs.build,
    variablesPath: dirs.variables,
    now: () => new Date("2026-11-02T08:00:00Z"),
    client: { sleep: async () => {}, minIntervalMs: 0, maxAttempts: 2, baseDelayMs: 1, timeoutMs: 5_000 }
  };
  const code = await runBpsCommand(argv, { log: (l) => logs.push(l), error: (l) => errors.push(l) }, deps);
  return { code, logs, errors, dirs };
}

async function table(build: string, name: string, where = "true") {
  const file = path.join(build, `${name}.parquet`);
  return withDuckDB(async (c) => ({
    rows: await queryRows(c, `SELECT * FROM read_parquet('${file}') WHERE ${where} ORDER BY ALL`),
    meta: await readTableMetadata(c, file)
  }));
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe("runBpsCommand", () => {
  it("without a key builds the three tables from the snapshot and says so in one line", async () => {
    const result = await run("nokey", [], {});
    expect(result.code).toBe(0);
    expect(result.errors).toEqual([]);
    expect(result.logs[0]).toMatch(/^BPS_API_KEY tidak diatur; tabel BPS dibangun dari snapshot angka terbitan \(2026-10-05\)\.$/);
    expect(result.logs.slice(1)).toEqual([`  bps_poverty: ${SNAPSHOT_ROWS} baris`, `  bps_extreme_poverty: ${EXTREME_ROWS} baris`, "  targets: 2 baris"]);
    const poverty = await table(result.dirs.build, "bps_poverty");
    expect(poverty.meta.source).toMatch(/^Snapshot angka BPS/);
    expect(poverty.rows.some((r) => String(r.source).startsWith("BPS Web API"))).toBe(false);
  });

  it("rejects an unknown argument with a usage message and builds nothing", async () => {
    const result = await run("usage", ["--refersh"], {});
    expect(result.code).toBe(2);
    expect(result.errors.join("\n")).toMatch(/Argumen tidak dikenal: --refersh[\s\S]*Pemakaian/);
    expect(existsSync(result.dirs.build)).toBe(false);
  });

  it("with a key discovers variables, fetches in chunks, reports changes, and builds from the API rows", async () => {
    server = await startFakeBps(fakeBanten);
    const env = { BPS_API_KEY: KEY, BPS_API_BASE: server.baseUrl };
    const result = await run("refresh", [], env);
    expect(result.errors).toEqual([]);
    expect(result.code).toBe(0);
    const out = result.logs.join("\n");

    // Discovery paged the list and recorded the Banten ids.
    expect(server.requests.filter((r) => r.query.get("model") === "var").map((r) => r.query.get("page"))).toEqual(["1", "2"]);
    const variables = JSON.parse(readFileSync(result.dirs.variables, "utf8"));
    expect(variables.discovered_at).toBe("2026-11-02T08:00:00.000Z");
    expect(variables.chosen.map((c: { var_id: number }) => c.var_id)).toEqual([9001, 9002, 9003, 9004, 9005]);

    // th was re-chunked to the server's limit of 2 after the first refusal.
    const thsFor9001 = server.requests.filter((r) => r.query.get("model") === "data" && r.query.get("var") === "9001").map((r) => r.query.get("th"));
    expect(thsFor9001).toEqual(["124;125;126", "124;125", "126"]);

    // Changes against the snapshot: new 2026 rows and revised figures old → new.
    expect(out).toMatch(/Baris baru \(2\), tahun 2026/);
    expect(out).toContain("  ~ 3601 Maret 2024 p0_pct: 9.18 → 1.11");
    expect(out).toContain("  ~ 36 Maret 2024 poor_count: 791610 → 1234");

    const cached = JSON.parse(readFileSync(path.join(result.dirs.cache, "api-rows.json"), "utf8"));
    expect(cached.poverty).toHaveLength(6);
    expect(cached.retrieved_at).toBe("2026-11-02");

    const poverty = await table(result.dirs.build, "bps_poverty");
    expect(poverty.rows).toHaveLength(SNAPSHOT_ROWS + 2); // the two new 2026 rows
    expect(poverty.meta.source).toMatch(/^BPS Web API \(webapi\.bps\.go\.id\), diambil 2026-11-02/);
    const pandeglang2025 = poverty.rows.find((r) => r.region_kode === "3601" && r.year === 2025)!;
    expect(pandeglang2025).toMatchObject({ p0_pct: 1.11, poor_count: 1234, poverty_line_rp: 111111 });
    expect(String(pandeglang2025.source)).toMatch(/^BPS Web API domain 3600 var 9002 \(poor_count\), var 9001 \(p0_pct\), .*diambil 2026-11-02/);
    const nationalRow = poverty.rows.find((r) => r.region_kode === "00" && r.year === 2025 && r.month === 3)!;
    expect(String(nationalRow.source)).not.toMatch(/BPS Web API/);

    // The key is in no log line and no file the command wrote.
    for (const line of [...result.logs, ...result.errors]) expect(line).not.toContain(KEY);
    const written = [...filesUnder(result.dirs.cache), result.dirs.variables];
    expect(written.some((f) => f.includes(`${path.sep}raw${path.sep}`))).toBe(true);
    for (const file of written) {
      expect(file).not.toContain(KEY);
      expect(readFileSync(file, "utf8")).not.toContain(KEY);
    }

    // A second run answers from the raw cache; --refresh goes back to the network.
    const before = server.requests.length;
    const again = await run("refresh", [], env, result.dirs);
    expect(again.code).toBe(0);
    expect(server.requests.length).toBe(before);
    const forced = await run("refresh", ["--refresh"], env, result.dirs);
    expect(forced.code).toBe(0);
    expect(server.requests.length).toBeGreaterThan(before);
  });

  it("falls back to the snapshot in one Indonesian line when the key is refused, and exits 0", async () => {
    server = await startFakeBps(fakeBanten);
    const result = await run("refused", [], { BPS_API_KEY: "kunci-salah", BPS_API_BASE: server.baseUrl });
    expect(result.code).toBe(0);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^Data BPS Web API tidak dapat dipakai \(.*kunci API ditolak BPS.*\); tabel BPS dibangun dari snapshot angka terbitan \(2026-10-05\)\.$/);
    expect(server.requests).toHaveLength(1);
    expect(existsSync(path.join(result.dirs.cache, "api-rows.json"))).toBe(false);
    expect((await table(result.dirs.build, "bps_poverty")).rows).toHaveLength(SNAPSHOT_ROWS);
    for (const line of result.errors) expect(line).not.toContain("kunci-salah");
  });

  it("falls back when the server is unreachable, naming the cause", async () => {
    server = await startFakeBps(fakeBanten);
    const base = server.baseUrl;
    await server.close();
    server = undefined;
    const result = await run("down", [], { BPS_API_KEY: KEY, BPS_API_BASE: base });
    expect(result.code).toBe(0);
    expect(result.errors).toEqual([expect.stringMatching(/^Data BPS Web API tidak dapat dipakai \(.*koneksi ke BPS gagal.*setelah 2 percobaan\)/)]);
    expect(result.logs.at(-3)).toBe(`  bps_poverty: ${SNAPSHOT_ROWS} baris`);
  });

  it("leaves the committed variables.json byte for byte when a --refresh finds no list (list-not-available)", async () => {
    server = await startFakeBps((req, res) => {
      if (req.query.get("key") !== KEY) return sendJson(res, KEY_ERROR);
      return sendJson(res, { status: "OK", "data-availability": "list-not-available", data: "" });
    });
    const dirs = { cache: path.join(tmp.dir, "nolist", "cache"), build: path.join(tmp.dir, "nolist", "build"), variables: path.join(tmp.dir, "nolist", "variables.json") };
    mkdirSync(path.dirname(dirs.variables), { recursive: true });
    const committed = `${JSON.stringify({ format: 1, domain: "3600", discovered_at: "2026-10-05T00:00:00.000Z", note: "tercatat", chosen: [{ var_id: 9001, field: "p0_pct", domain: "3600", basis: "discovered", title: "x" }], candidates: [] }, null, 2)}\n`;
    writeFileSync(dirs.variables, committed);
    const result = await run("nolist", ["--refresh"], { BPS_API_KEY: KEY, BPS_API_BASE: server.baseUrl }, dirs);
    expect(result.code).toBe(0);
    expect(result.errors).toEqual([expect.stringMatching(/^Data BPS Web API tidak dapat dipakai \(API tidak menghasilkan satu pun baris yang sah/)]);
    expect(server.requests.some((r) => r.query.get("model") === "var")).toBe(true); // discovery did run
    expect(readFileSync(dirs.variables, "utf8")).toBe(committed);
    expect(existsSync(path.join(dirs.cache, "api-rows.json"))).toBe(false);
  });

  it("lets a programming or checkout error propagate instead of calling it an API failure", async () => {
    server = await startFakeBps(fakeBanten);
    const io = { log: () => {}, error: () => {} };
    const deps: BpsCommandDeps = {
      env: { BPS_API_KEY: KEY, BPS_API_BASE: server.baseUrl },
      cacheDir: path.join(tmp.dir, "bug", "cache"),
      buildDir: path.join(tmp.dir, "bug", "build"),
      variablesPath: path.join(tmp.dir, "bug", "variables.json"),
      publishedDir: path.join(tmp.dir, "bug", "tidak-ada"), // bps_api_variables.csv missing: not the API's fault
      client: { sleep: async () => {}, minIntervalMs: 0, maxAttempts: 1, baseDelayMs: 1, timeoutMs: 5_000 }
    };
    await expect(runBpsCommand([], io, deps)).rejects.toThrow(/ENOENT/);
  });
});

describe("isApiFailure", () => {
  it("accepts API and refresh failures only", () => {
    expect(isApiFailure(new BpsApiError("network", "koneksi gagal"))).toBe(true);
    expect(isApiFailure(new RefreshError("tidak ada baris"))).toBe(true);
    expect(isApiFailure(new TypeError("x is not a function"))).toBe(false);
    expect(isApiFailure(new Error("ENOENT"))).toBe(false);
  });
});
