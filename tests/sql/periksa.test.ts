// /periksa end to end in Node: the fixture lists (tests/fixtures/periksa/README.md lists the planted
// cases) read with the shared registry rules, matched by the page's SQL on duckdb-wasm, and turned
// into result tables. Every expected row below is written by hand from the fixtures.
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsvObjects } from "../../loaders/lib/csv.js";
import { ROOT } from "../../loaders/lib/paths.js";
import { loadRegionIndex } from "../../loaders/registry/region-match.js";
import { makeColumnResolver } from "../../src/components/domain/registry-rules/columns.js";
import type { RegionIndex } from "../../src/components/domain/registry-rules/region-index.js";
import { loadPeople, matchPairs } from "../../src/components/periksa/match.js";
import { ListFileError, readList, type ReadContext } from "../../src/components/periksa/read-list.js";
import { buildResults, type ListInput } from "../../src/components/periksa/results.js";
import type { OverlapRuleRow } from "../../src/components/periksa/queries.js";
import { openWasmDatabase, type WasmDatabase } from "../support/wasm-db.js";

const FIXTURES = path.join(ROOT, "tests/fixtures/periksa");
const RULES = parseCsvObjects(readFileSync(path.join(ROOT, "data/reference/programmes/overlap_rules.csv"), "utf8")).map(({ row }) => row as unknown as OverlapRuleRow);

let regions: RegionIndex;
let wasm: WasmDatabase;
beforeAll(async () => {
  regions = await loadRegionIndex();
  wasm = await openWasmDatabase();
});
afterAll(() => wasm.close());

function context(): ReadContext {
  return { resolver: makeColumnResolver(), regions, bantenKabKota: regions.bantenKabKota, loadExcel: async () => ExcelJS, pause: async () => {} };
}

const read = (name: string) => readList(name, new Uint8Array(readFileSync(path.join(FIXTURES, name))), context());

async function lists(): Promise<ListInput[]> {
  const files: [string, string | null, string, string][] = [
    ["sasaran-p3ke.csv", null, "Daftar sasaran", "-"],
    ["sembako-kota.csv", "sembako_kota", "Sembako kota", "kota"],
    ["sembako-provinsi.xlsx", "sembako_provinsi", "Sembako provinsi", "provinsi"],
    ["pkh-pusat.csv", "pkh", "PKH", "pusat"]
  ];
  const out: ListInput[] = [];
  for (const [file, programme, programmeName, funder] of files) {
    const reading = await read(file);
    out.push({ fileName: file, programme, programmeName, funder, people: reading.people, issues: reading.issues });
  }
  return out;
}

describe("periksa: reading lists with the shared rules", () => {
  it("conserves rows and rejects exactly the planted rows", async () => {
    const kota = await read("sembako-kota.csv");
    expect(kota).toMatchObject({ format: "csv", headerLine: 1, rows: 8, accepted: 5, rejected: 3 });
    const errors = kota.issues.filter((i) => i.severity === "error").map((i) => [i.row, i.code]);
    expect(errors).toEqual([
      [4, "NIK_LENGTH"],
      [7, "NIK_SCIENTIFIC"],
      [9, "TOTAL_ROW"]
    ]);
    const target = await read("sasaran-p3ke.csv");
    expect(target).toMatchObject({ headerLine: 3, rows: 10, accepted: 10, rejected: 0 });
    expect(target.people.map((p) => p.areaName)).toEqual(["Kasemen", "Kasemen", "Banten", "Banten", "Banten", "Cilowong", "Cilowong", "Drangong", "Taktakan", "Kasemen"]);
    const prov = await read("sembako-provinsi.xlsx");
    expect(prov).toMatchObject({ format: "xlsx", headerLine: 3, rows: 4, accepted: 4, rejected: 0 });
    expect(prov.issues.filter((i) => i.code === "NIK_FROM_NUMBER").map((i) => i.row)).toEqual([5]);
    expect(prov.people[1]).toMatchObject({ nik: "3673025107829903", nameKey: "SITI AMINAH CONTOH", addressKey: "KP SUKAJAYA RT 1 RW 2" });
  });

  it("gives each bad file its own message", async () => {
    const cases: [string, RegExp][] = [
      ["kosong.csv", /kosong \(0 byte\)/],
      ["gambar.png", /bukan tabel \(CSV atau XLSX\)/],
      ["rusak.xlsx", /rusak: bentuknya arsip ZIP/],
      ["terkunci.xlsx", /dilindungi kata sandi/],
      ["baris-raksasa.csv", /baris 2 berisi satu isian sepanjang 6\.000 karakter/],
      ["bukan-tabel.csv", /tidak berbentuk tabel daftar penerima/]
    ];
    for (const [file, message] of cases) {
      const error = await read(file).then(() => null, (e: unknown) => e);
      expect(error, file).toBeInstanceOf(ListFileError);
      expect((error as Error).message, file).toMatch(message);
    }
  });
});

describe("periksa: matching and results", () => {
  it("finds exactly the planted overlaps, duplicates, invalid NIKs and unserved target families", async () => {
    const input = await lists();
    await loadPeople(wasm.database, input);
    const results = buildResults(input, await matchPairs(wasm.database, 0.92), RULES);

    expect(results.overlaps.map((o) => [o.file_a, o.row_a, o.file_b, o.row_b, o.how, o.verdict, o.allowed])).toEqual([
      ["sembako-kota.csv", 3, "sembako-provinsi.xlsx", 4, "NIK sama", "duplikasi", false],
      ["sembako-kota.csv", 4, "sembako-provinsi.xlsx", 5, "Nama dan alamat mirip", "duplikasi", false],
      ["sembako-provinsi.xlsx", 6, "pkh-pusat.csv", 2, "NIK sama", "tidak diatur", true]
    ]);
    const fuzzy = results.overlaps[1]!;
    expect(fuzzy.name_sim).toBeGreaterThanOrEqual(0.92);
    expect(fuzzy.name_sim).toBeLessThan(1);
    expect(fuzzy.addr_sim).toBe(1);
    expect(results.duplicates.map((d) => [d.file, d.row_a, d.row_b, d.how])).toEqual([["sembako-kota.csv", 5, 6, "NIK sama"]]);
    expect(results.invalidNiks.map((n) => [n.file, n.row, n.code, n.name])).toEqual([
      ["sembako-kota.csv", 4, "NIK_LENGTH", "SITI AMINA CONTOH"],
      ["sembako-kota.csv", 7, "NIK_SCIENTIFIC", "DEDI PERCOBAAN"],
      ["pkh-pusat.csv", 3, "NIK_BIRTHDATE", "NENENG SINTETIS"]
    ]);
    expect(results.unserved?.map((u) => [u.row, u.name, u.kelurahan])).toEqual([
      [7, "ASEP PERCOBAAN", "Banten"],
      [9, "UJANG CONTOH", "Cilowong"],
      [10, "OMAN SINTETIS", "Cilowong"],
      [13, "AHMAD SUPRIADI", "Kasemen"]
    ]);
    expect(results.unservedByArea).toEqual([
      { kelurahan: "Cilowong", families: 2, unserved: 2 },
      { kelurahan: "Banten", families: 2, unserved: 1 },
      { kelurahan: "Kasemen", families: 3, unserved: 1 },
      { kelurahan: "Drangong", families: 1, unserved: 0 },
      { kelurahan: "Taktakan", families: 1, unserved: 0 }
    ]);
  });

  it("a stricter threshold drops the spelling variant, a looser one never drops a NIK match", async () => {
    const input = await lists();
    await loadPeople(wasm.database, input);
    const strict = buildResults(input, await matchPairs(wasm.database, 0.995), RULES);
    expect(strict.overlaps.map((o) => o.how)).toEqual(["NIK sama", "NIK sama"]);
    const loose = buildResults(input, await matchPairs(wasm.database, 0.5), RULES);
    expect(loose.overlaps.filter((o) => o.how === "NIK sama")).toHaveLength(2);
  });
});
