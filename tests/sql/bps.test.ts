// The BPS tables as the browser sees them: built by the loaders into a temp dir, read by duckdb-wasm.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsvObjects } from "../../loaders/lib/csv.js";
import { withDuckDB } from "../../loaders/lib/duck.js";
import { BPS_SNAPSHOT_DIR } from "../../loaders/bps/paths.js";
import { buildBpsExtremePoverty, buildBpsPoverty, buildTargets } from "../../loaders/tables/bps.js";
import { snapshotWithImports } from "../../loaders/bps/import-record.js";
import { sql } from "../../src/components/core/sql.js";
import { fileSource, openWasmDatabase, type WasmDatabase } from "../support/wasm-db.js";
import { makeTempDir } from "../support/tmp.js";

const tmp = makeTempDir("bps-sql");
const TABLES = ["bps_poverty", "bps_extreme_poverty", "targets"] as const;
const fileOf = (name: string) => path.join(tmp.dir, `${name}.parquet`);
const csvRows = (file: string) => parseCsvObjects(readFileSync(path.join(BPS_SNAPSHOT_DIR, file), "utf8")).map((r) => r.row);
let wasm: WasmDatabase;

beforeAll(async () => {
  // No cached API refresh in this directory: the tables come from the snapshot alone.
  const options = { apiRowsPath: path.join(tmp.dir, "no-api-rows.json") };
  await withDuckDB(async (c) => {
    await buildBpsPoverty(c, fileOf("bps_poverty"), options);
    await buildBpsExtremePoverty(c, fileOf("bps_extreme_poverty"), options);
    await buildTargets(c, fileOf("targets"), options);
  });
  wasm = await openWasmDatabase(TABLES.map((name) => fileSource(name, fileOf(name))));
});
afterAll(() => {
  wasm?.close();
  tmp.remove();
});

async function count(statement: ReturnType<typeof sql>): Promise<number> {
  const [row] = await wasm.database.rows<{ n: number }>(statement);
  return Number(row?.n);
}

describe("BPS tables in duckdb-wasm", () => {
  it("hold as many rows as the snapshot CSVs (bps_poverty: with the recorded BPS table imports merged in)", async () => {
    expect(await count(sql`SELECT count(*) AS n FROM bps_poverty`)).toBe((await snapshotWithImports()).length);
    expect(await count(sql`SELECT count(*) AS n FROM bps_extreme_poverty`)).toBe(csvRows("bps_extreme_poverty.csv").length);
    expect(await count(sql`SELECT count(*) AS n FROM targets`)).toBe(csvRows("targets.csv").length);
  });

  it("arrive with the column types the schemas declare", async () => {
    await count(sql`SELECT count(*) AS n FROM bps_poverty, bps_extreme_poverty, targets`); // loads all three
    const types = await wasm.database.rows<{ table_name: string; column_name: string; data_type: string }>(
      sql`SELECT table_name, column_name, data_type FROM information_schema.columns
          WHERE table_name IN ('bps_poverty', 'bps_extreme_poverty', 'targets') ORDER BY table_name, ordinal_position`
    );
    const of = (table: string) => Object.fromEntries(types.filter((t) => t.table_name === table).map((t) => [t.column_name, t.data_type]));
    expect(of("bps_poverty")).toEqual({
      region_kode: "VARCHAR", year: "INTEGER", month: "INTEGER", poor_count: "BIGINT", p0_pct: "DOUBLE", poverty_line_rp: "DOUBLE",
      p1: "DOUBLE", p2: "DOUBLE", source: "VARCHAR", retrieved_at: "DATE", note: "VARCHAR"
    });
    expect(of("bps_extreme_poverty")).toMatchObject({ region_kode: "VARCHAR", month: "INTEGER", kind: "VARCHAR", extreme_count: "BIGINT", line_rp: "DOUBLE", retrieved_at: "DATE" });
    expect(of("targets")).toMatchObject({ value: "DOUBLE", is_current: "BOOLEAN", year: "INTEGER" });
  });

  it("keep region codes as strings and have one row per region × year × month", async () => {
    const codes = await wasm.database.rows<{ region_kode: string }>(sql`SELECT DISTINCT region_kode FROM bps_poverty ORDER BY 1`);
    expect(codes.map((r) => r.region_kode)).toEqual(["00", "36", "3601", "3602", "3603", "3604", "3671", "3672", "3673", "3674"]);
    expect(await count(sql`SELECT count(*) AS n FROM (SELECT region_kode, year, month FROM bps_poverty GROUP BY ALL HAVING count(*) > 1)`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM bps_poverty WHERE month NOT IN (3, 9) OR source = ''`)).toBe(0);
    // Kab/kota poverty is published for March only.
    expect(await count(sql`SELECT count(*) AS n FROM bps_poverty WHERE length(region_kode) = 4 AND month = 9`)).toBe(0);
  });

  it("keep survey estimates and registry counts apart, as the snapshot labels them", async () => {
    const kinds = await wasm.database.rows<{ kind: string; n: number }>(sql`SELECT kind, count(*) AS n FROM bps_extreme_poverty GROUP BY kind ORDER BY kind`);
    const expected = new Map<string, number>();
    for (const row of csvRows("bps_extreme_poverty.csv")) expected.set(row.kind!, (expected.get(row.kind!) ?? 0) + 1);
    expect(kinds.map((k) => [k.kind, k.n])).toEqual([...expected].sort(([a], [b]) => a.localeCompare(b)));
    expect(kinds.map((k) => k.kind)).toEqual(["line_only", "registry", "survey", "unclear"]);
    // Every count carries its unit; survey counts are persons; registry counts include families (KK/keluarga).
    expect(await count(sql`SELECT count(*) AS n FROM bps_extreme_poverty WHERE (extreme_count IS NULL) <> (count_unit IS NULL)`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM bps_extreme_poverty WHERE kind = 'survey' AND count_unit <> 'jiwa'`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM bps_extreme_poverty WHERE kind = 'registry' AND count_unit IN ('KK', 'keluarga')`)).toBeGreaterThan(0);
    expect(await count(sql`SELECT count(*) AS n FROM (SELECT region_kode, year, month, kind, series FROM bps_extreme_poverty GROUP BY ALL HAVING count(*) > 1)`)).toBe(0);
    // Every survey rate names its line; no other kind does.
    expect(await count(sql`SELECT count(*) AS n FROM bps_extreme_poverty WHERE (kind = 'survey') <> (series IS NOT NULL)`)).toBe(0);
  });

  it("have exactly one current target per region and indicator", async () => {
    const current = await wasm.database.rows<{ region_kode: string; year: number; value: number }>(
      sql`SELECT region_kode, year, value FROM targets WHERE is_current AND indicator = ${"extreme_poverty_pct"}`
    );
    expect(current).toEqual([{ region_kode: "00", year: 2026, value: 0 }]);
  });
});
