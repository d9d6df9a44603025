// The loader toolkit on native DuckDB: schema checks, provenance metadata, atomic Parquet output.
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { queryRows, withDuckDB } from "../../loaders/lib/duck.js";
import { loadRows, writeParquet, type Provenance } from "../../loaders/lib/parquet.js";
import { SchemaError, type TableSchema } from "../../loaders/lib/schema.js";
import { readTableMetadata } from "../../loaders/tables/catalog.js";
import { makeTempDir } from "../support/tmp.js";

const tmp = makeTempDir("toolkit");
afterAll(() => tmp.remove());

const SCHEMA: TableSchema = {
  name: "example",
  version: 3,
  description: "Contoh",
  key: ["kode"],
  columns: [
    { name: "kode", type: "VARCHAR", description: "Kode" },
    { name: "jumlah", type: "INTEGER", nullable: true, description: "Jumlah" }
  ]
};
const PROVENANCE: Provenance = { source: "Uji 'kutip'", retrieved_at: "2025-09-23", loader: "tests", synthetic: true };

describe("writeParquet", () => {
  it("writes ZSTD Parquet with provenance and data-dictionary metadata", async () => {
    const out = path.join(tmp.dir, "ok.parquet");
    await withDuckDB(async (c) => {
      const staged = await loadRows(c, SCHEMA, [{ kode: "3673", jumlah: 5611 }, { kode: "3604", jumlah: null }]);
      await writeParquet(c, `SELECT * FROM ${staged}`, SCHEMA, PROVENANCE, out);
      const meta = await readTableMetadata(c, out);
      expect(meta).toMatchObject({ table: "example", schema_version: "3", source: "Uji 'kutip'", retrieved_at: "2025-09-23", synthetic: "true" });
      expect(JSON.parse(meta.columns!)).toEqual([
        { name: "kode", type: "VARCHAR", description: "Kode" },
        { name: "jumlah", type: "INTEGER", description: "Jumlah" }
      ]);
      const codecs = await queryRows(c, `SELECT DISTINCT compression FROM parquet_metadata('${out}')`);
      expect(codecs.map((r) => r.compression)).toEqual(["ZSTD"]);
      expect(await queryRows(c, `SELECT * FROM '${out}' ORDER BY kode`)).toEqual([
        { kode: "3604", jumlah: null },
        { kode: "3673", jumlah: 5611 }
      ]);
    });
  });

  it("binds paths and metadata values as parameters: quotes in a folder name or a source survive", async () => {
    const dir = path.join(tmp.dir, "berkas o'neil; DROP TABLE x; --");
    mkdirSync(dir, { recursive: true });
    const out = path.join(dir, "kutip.parquet");
    const provenance = { ...PROVENANCE, source: "Sumber \"ganda\" dan 'tunggal'); --" };
    await withDuckDB(async (c) => {
      const staged = await loadRows(c, SCHEMA, [{ kode: "3673", jumlah: 1 }]);
      await writeParquet(c, `SELECT * FROM ${staged} WHERE kode = $1`, SCHEMA, provenance, out, { params: ["3673"] });
      expect((await readTableMetadata(c, out)).source).toBe(provenance.source);
      expect(await queryRows(c, "SELECT kode, jumlah FROM read_parquet($1)", [out])).toEqual([{ kode: "3673", jumlah: 1 }]);
    });
  });

  const failures: [string, string, RegExp][] = [
    ["a wrong type", `SELECT '3673' AS kode, 1.5::DOUBLE AS jumlah`, /jumlah is DOUBLE, expected INTEGER/],
    ["a missing column", `SELECT '3673' AS kode`, /columns are \[kode\]/],
    ["a null in a required column", `SELECT NULL::VARCHAR AS kode, 1 AS jumlah`, /kode has 1 null/],
    ["a duplicate key", `SELECT '3673' AS kode, i::INTEGER AS jumlah FROM range(2) t(i)`, /1 duplicate key/]
  ];
  for (const [what, select, message] of failures) {
    it(`refuses ${what} and leaves no file behind`, async () => {
      const out = path.join(tmp.dir, "bad", "bad.parquet");
      await withDuckDB(async (c) => {
        const error = await writeParquet(c, select, SCHEMA, PROVENANCE, out).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SchemaError);
        expect(String(error)).toMatch(message);
      });
      expect(existsSync(out)).toBe(false);
      if (existsSync(path.dirname(out))) expect(readdirSync(path.dirname(out))).toEqual([]);
    });
  }
});
