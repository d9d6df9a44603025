// The pure-JS reader for small tables must return exactly what DuckDB returns for the same file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { queryRows, withDuckDB } from "../../loaders/lib/duck.js";
import { buildRegions } from "../../loaders/tables/regions.js";
import { DataError } from "../../src/components/core/database.js";
import { decodeSmallTable, loadSmallTable } from "../../src/components/core/small-table.js";
import { makeTempDir } from "../support/tmp.js";

const tmp = makeTempDir("small-table");
const file = path.join(tmp.dir, "regions.parquet");
beforeAll(() => withDuckDB((c) => buildRegions(c, file)));
afterAll(() => tmp.remove());

describe("small-table reader (hyparquet + fzstd)", () => {
  it("decodes a ZSTD Parquet file to the same rows as DuckDB, with its provenance metadata", async () => {
    const bytes = readFileSync(file);
    const { rows, metadata } = await decodeSmallTable(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const expected = await withDuckDB((c) => queryRows(c, `SELECT * FROM '${file}'`));
    expect(rows).toEqual(expected);
    expect(metadata.table).toBe("regions");
    expect(metadata.retrieved_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof rows.find((r) => r.kode === "3673")?.population).toBe("number");
  });
});

describe("small-table reader with a row limit", () => {
  it("returns only the first rows, identical to DuckDB's first rows", async () => {
    const bytes = readFileSync(file);
    const { rows } = await decodeSmallTable(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), 3);
    const expected = await withDuckDB((c) => queryRows(c, `SELECT * FROM '${file}' LIMIT 3`));
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(expected);
  });
});

describe("loadSmallTable", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("fails with the data layer's own messages: not downloadable, or not readable", async () => {
    vi.stubGlobal("fetch", async () => new Response("unavailable", { status: 503 }));
    const missing = await loadSmallTable("catalog", "/x.parquet").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DataError);
    expect((missing as DataError).userMessage).toBe('Tabel "catalog" tidak dapat diunduh.');
    vi.stubGlobal("fetch", async () => new Response("bukan parquet", { status: 200 }));
    const broken = await loadSmallTable("catalog", "/x.parquet").catch((e: unknown) => e);
    expect((broken as DataError).userMessage).toBe('Berkas tabel "catalog" tidak dapat dibaca.');
  });

  it("reads a good file", async () => {
    const bytes = readFileSync(file);
    vi.stubGlobal("fetch", async () => new Response(bytes, { status: 200 }));
    const { rows } = await loadSmallTable("regions", "/regions.parquet", 2);
    expect(rows.map((r) => r.kode)).toEqual(["36", "3601"]);
  });
});
