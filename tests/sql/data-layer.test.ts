// The browser data layer's core on duckdb-wasm in Node, over Parquet the loaders really build.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDuckDB } from "../../loaders/lib/duck.js";
import { buildRegions } from "../../loaders/tables/regions.js";
import { DataError } from "../../src/components/core/database.js";
import { ident, list, sql } from "../../src/components/core/sql.js";
import { fileSource, openWasmDatabase, type WasmDatabase } from "../support/wasm-db.js";
import { makeTempDir } from "../support/tmp.js";

const tmp = makeTempDir("data-layer");
const regionsFile = path.join(tmp.dir, "regions.parquet");
let wasm: WasmDatabase;
let catalogLoads = 0;

beforeAll(async () => {
  await withDuckDB((c) => buildRegions(c, regionsFile));
  wasm = await openWasmDatabase([
    fileSource("regions", regionsFile),
    { name: "never_used", load: async () => (catalogLoads++, new Uint8Array()) }
  ]);
});
afterAll(() => {
  wasm?.close();
  tmp.remove();
});

describe("duckdb-wasm data layer (Node)", () => {
  it("ingests Parquet through parquet-wasm and answers grouped queries", async () => {
    const rows = await wasm.database.rows<{ level: string; n: number }>(
      sql`SELECT level, count(*) AS n FROM regions GROUP BY level ORDER BY level`
    );
    expect(rows).toEqual([
      { level: "kabkota", n: 8 },
      { level: "kecamatan", n: 155 },
      { level: "kelurahan", n: 1552 },
      { level: "provinsi", n: 1 }
    ]);
  });

  it("keeps Kemendagri codes as strings with their leading digits", async () => {
    const [row] = await wasm.database.rows<{ kode: string; parent_kode: string }>(
      sql`SELECT kode, parent_kode FROM regions WHERE kode_kemendagri = ${"36.73.05"}`
    );
    expect(row).toEqual({ kode: "367305", parent_kode: "3673" });
  });

  it("treats a value containing a quote or '; DROP TABLE' as data", async () => {
    const hostile = "Serang'; DROP TABLE regions; --";
    const rows = await wasm.database.rows(sql`SELECT * FROM regions WHERE nama = ${hostile}`);
    expect(rows).toHaveLength(0);
    const [count] = await wasm.database.rows<{ n: number }>(sql`SELECT count(*) AS n FROM regions`);
    expect(count?.n).toBe(1716);
    // The same value concatenated into the text would have been executed: prove the binding mattered.
    const withQuote = await wasm.database.rows<{ nama: string }>(sql`SELECT ${"it's"} AS nama`);
    expect(withQuote).toEqual([{ nama: "it's" }]);
  });

  it("binds lists, limits and identifiers", async () => {
    const rows = await wasm.database.rows<{ kode: string }>(
      sql`SELECT kode FROM ${ident("regions")} WHERE parent_kode IN (${list(["3673"])}) AND level = ${"kecamatan"} ORDER BY kode LIMIT ${3}`
    );
    expect(rows.map((r) => r.kode)).toEqual(["367301", "367302", "367303"]);
  });

  it("returns 64-bit integers as plain numbers", async () => {
    const [row] = await wasm.database.rows<{ population: number; total: number }>(
      sql`SELECT population, sum(population) OVER ()::BIGINT AS total FROM regions WHERE kode = ${"3673"}`
    );
    expect(typeof row?.population).toBe("number");
    expect(row?.population).toBeGreaterThan(0);
    expect(row?.total).toBe(row?.population);
  });

  it("never fetches a registered table that no query names", () => {
    expect(catalogLoads).toBe(0);
  });

  it("reports SQL errors as a DataError with an Indonesian message", async () => {
    const error = await wasm.database.query(sql`SELECT no_such_column FROM regions`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).userMessage).toBe("Kueri data gagal dijalankan.");
    expect((error as DataError).detail).toMatch(/no_such_column/);
  });

  it("runs with extension autoloading and autoinstalling switched off (no CDN fetches)", async () => {
    const [row] = await wasm.database.rows<{ autoload: boolean; autoinstall: boolean }>(
      sql`SELECT current_setting('autoload_known_extensions') AS autoload, current_setting('autoinstall_known_extensions') AS autoinstall`
    );
    expect(row).toEqual({ autoload: false, autoinstall: false });
  });
});
