// `npm run data -- bps [--refresh]`: refreshes BPS statistics from the Web API when BPS_API_KEY is set,
// reports what changed against the snapshot, and rebuilds bps_poverty, bps_extreme_poverty and targets.
// Without a key, or when the API fails, the tables are built from the snapshot and one line says why.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows, withDuckDB } from "../lib/duck.js";
import { builtTablePath } from "../lib/paths.js";
import { buildBpsExtremePoverty, buildBpsPoverty, buildTargets, type BpsBuildOptions } from "../tables/bps.js";
import { readApiRows, writeApiRows, type ApiRowsRead } from "./api-rows.js";
import { BpsClient, type BpsClientOptions } from "./client.js";
import { readBpsConfig } from "./config.js";
import { diffPoverty, formatDiff } from "./merge.js";
import { API_ROWS_FILE, BPS_CACHE_DIR, BPS_SNAPSHOT_DIR, PUBLISHED_DIR, SNAPSHOT_RETRIEVED_AT, VARIABLES_PATH } from "./paths.js";
import { RawCache } from "./raw-cache.js";
import { redactSecret } from "./redact.js";
import { BpsApiError } from "./errors.js";
import { RefreshError, refreshFromApi } from "./refresh.js";
import { readPovertySnapshot } from "./snapshot.js";

export interface CommandIO {
  log(line: string): void;
  error(line: string): void;
}

/** Paths and clocks the tests replace; production uses the defaults. */
export interface BpsCommandDeps {
  readonly env?: NodeJS.ProcessEnv;
  readonly snapshotDir?: string;
  readonly publishedDir?: string;
  readonly variablesPath?: string;
  /** Holds raw/ (one file per API answer) and api-rows.json. */
  readonly cacheDir?: string;
  /** Where the three Parquet files go (default: the build directory). */
  readonly buildDir?: string;
  readonly client?: Partial<Omit<BpsClientOptions, "key" | "baseUrl" | "cache">>;
  readonly now?: () => Date;
}

export const BPS_USAGE = "Pemakaian: npm run data -- bps [--refresh]\n  --refresh  ambil ulang semua jawaban BPS Web API dan cari ulang variabel (abaikan cache)";

const TABLES = [
  { name: "bps_poverty", build: buildBpsPoverty },
  { name: "bps_extreme_poverty", build: buildBpsExtremePoverty },
  { name: "targets", build: buildTargets }
] as const;

function describeBasis(cached: ApiRowsRead): string {
  return cached.status === "ok"
    ? `hasil BPS Web API tersimpan (diambil ${cached.file.retrieved_at}) dan snapshot angka terbitan (${SNAPSHOT_RETRIEVED_AT})`
    : `snapshot angka terbitan (${SNAPSHOT_RETRIEVED_AT})`;
}

/**
 * Failures of the API itself (refused key, network, timeouts, malformed or empty answers): the
 * command falls back to the snapshot. Anything else is a bug or a broken checkout and propagates.
 */
export function isApiFailure(error: unknown): error is BpsApiError | RefreshError {
  return error instanceof BpsApiError || error instanceof RefreshError;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function buildTables(connection: DuckDBConnection, buildDir: string | undefined, options: BpsBuildOptions, io: CommandIO): Promise<void> {
  for (const table of TABLES) {
    const out = buildDir ? path.join(buildDir, `${table.name}.parquet`) : builtTablePath(table.name);
    await table.build(connection, out, options);
    const [count] = await queryRows(connection, `SELECT count(*) AS n FROM read_parquet('${out.replaceAll("'", "''")}')`);
    io.log(`  ${table.name}: ${count?.n ?? 0} baris`);
  }
}

export async function runBpsCommand(argv: string[], io: CommandIO = console, deps: BpsCommandDeps = {}): Promise<number> {
  const unknown = argv.filter((arg) => arg !== "--refresh" && arg !== "--help" && arg !== "-h");
  if (unknown.length > 0) {
    io.error(`Argumen tidak dikenal: ${unknown.join(" ")}`);
    io.error(BPS_USAGE);
    return 2;
  }
  if (argv.includes("--help") || argv.includes("-h")) {
    io.log(BPS_USAGE);
    return 0;
  }
  const refresh = argv.includes("--refresh");
  const config = readBpsConfig(deps.env ?? process.env);
  // Every line leaves through the same redaction, whatever produced it.
  const out: CommandIO = {
    log: (line) => io.log(redactSecret(line, config.key)),
    error: (line) => io.error(redactSecret(line, config.key))
  };
  const cacheDir = deps.cacheDir ?? BPS_CACHE_DIR;
  const apiRowsPath = path.join(cacheDir, API_ROWS_FILE);
  const snapshotDir = deps.snapshotDir ?? BPS_SNAPSHOT_DIR;
  const now = deps.now ?? (() => new Date());

  if (!config.key) {
    out.log(`BPS_API_KEY tidak diatur${refresh ? " (--refresh diabaikan)" : ""}; tabel BPS dibangun dari ${describeBasis(await readApiRows(apiRowsPath))}.`);
  } else {
    try {
      const host = new URL(config.baseUrl).host;
      out.log(`Mengambil data dari BPS Web API (${host})${refresh ? " tanpa cache" : ""}…`);
      const client = new BpsClient({
        ...deps.client,
        key: config.key,
        baseUrl: config.baseUrl,
        cache: new RawCache(path.join(cacheDir, "raw"), config.key),
        readCache: !refresh,
        onEvent: out.log,
        now
      });
      const publishedDir = deps.publishedDir ?? PUBLISHED_DIR;
      const result = await refreshFromApi({
        client,
        variablesPath: deps.variablesPath ?? VARIABLES_PATH,
        publishedVariablesCsv: await readFile(path.join(publishedDir, "bps_api_variables.csv"), "utf8"),
        rediscover: refresh,
        now,
        log: out.log
      });
      const snapshot = await readPovertySnapshot(snapshotDir);
      await writeApiRows(apiRowsPath, result);
      out.log(`BPS Web API: ${result.poverty.length} baris sah (diambil ${result.retrieved_at}; ${client.networkRequests} permintaan jaringan).`);
      for (const line of formatDiff(diffPoverty(snapshot, result.poverty))) out.log(line);
      if (result.problems.length > 0) {
        out.log(`Catatan validasi (${result.problems.length}), lihat ${path.relative(process.cwd(), apiRowsPath)}:`);
        for (const problem of result.problems.slice(0, 5)) out.log(`  - ${problem}`);
      }
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      out.error(`Data BPS Web API tidak dapat dipakai (${reasonOf(error)}); tabel BPS dibangun dari ${describeBasis(await readApiRows(apiRowsPath))}.`);
    }
  }

  try {
    await withDuckDB((connection) => buildTables(connection, deps.buildDir, { snapshotDir, apiRowsPath, warn: out.error }, out));
    return 0;
  } catch (error) {
    out.error(`Tabel BPS gagal dibangun: ${reasonOf(error)}`);
    return 1;
  }
}
