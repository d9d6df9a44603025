// The private ingest end to end on DuckDB: registry and receipts in data/private-like folders,
// households aggregated and pseudonymised, receipts joined to them, every row accounted for.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDuckDB, queryRows } from "../../../../loaders/lib/duck.js";
import { DEMO_PSEUDONYM_KEY, MISSING_KEY_MESSAGE, PseudonymKeyError, pseudonymise } from "../../../../loaders/lib/pseudonym.js";
import { checkSchema } from "../../../../loaders/lib/schema.js";
import { DESIL_PCE_ASSUMPTION } from "../../../../loaders/registry/households.js";
import { ingestPrivate, type IngestResult } from "../../../../loaders/registry/ingest.js";
import { PROGRAMME_RECEIPTS_SCHEMA, REGISTRY_HOUSEHOLDS_SCHEMA } from "../../../../loaders/registry/schema.js";
import { makeTempDir } from "../../../support/tmp.js";
import { fakeKk, fakeNik } from "./support.js";

const KEY = "5e".repeat(32);
const hash = (value: string) => pseudonymise(value, KEY);

// Household A (Kel. Cipare, 3 persons, no JUMLAH_ART, desil 1, no expenditure → imputed).
const KK_A = fakeKk({ serial: 9901 });
const NIK_A = [fakeNik({ serial: 9901 }), fakeNik({ serial: 9902, female: true }), fakeNik({ serial: 9903 })];
// Household B (Kec. Cipocok Jaya by alias name, JUMLAH_ART 5, expenditure given).
const KK_B = fakeKk({ serial: 9902, kec: "367305" });
const NIK_B = [fakeNik({ serial: 9911, kec: "367305" }), fakeNik({ serial: 9912, kec: "367305" })];
// Household C exists only in receipts.
const KK_C = fakeKk({ serial: 9903 });
const NIK_UNKNOWN = fakeNik({ serial: 9999, day: 2 });
const NAMES = ["SITI SINTETIS", "AHMAD SINTETIS", "RINA SINTETIS", "DEDI SINTETIS", "YANTI SINTETIS"];
const ADDRESS = "JL. RAYA CONTOH NO. 77 RT 001/RW 002";

const REGISTRY_CSV = [
  "PEMERINTAH KOTA SERANG - DINAS SOSIAL;;;;;;;;;;;;",
  "NIK;NO KK;NAMA LENGKAP;ALAMAT;KECAMATAN;KELURAHAN/DESA;DESIL;JUMLAH ART;PENGELUARAN PERKAPITA;SASARAN PKE;DISABILITAS;LANSIA;KRT PEREMPUAN",
  `${NIK_A[0]};${KK_A};${NAMES[0]};${ADDRESS};Serang;Cipare;1;;;Y;N;N;TIDAK`,
  `${NIK_A[1]};${KK_A};${NAMES[1]};${ADDRESS};Serang;Cipare;1;;;Y;Y;N;YA`,
  `${NIK_A[2]};${KK_A};${NAMES[2]};${ADDRESS};Serang;Cipare;1;;;Y;N;N;TIDAK`,
  `${NIK_B[0]};${KK_B};${NAMES[3]};${ADDRESS};Cipocok;Dalung;4;5;612.500;N;N;Y;N`,
  `${NIK_B[1]};${KK_B};${NAMES[4]};${ADDRESS};Cipocok;Dalung;4;5;612.500;N;N;N;N`,
  `${NIK_B[1]};${KK_A};DUPLIKAT;${ADDRESS};Serang;Cipare;1;;;Y;N;N;N`,
  `${fakeNik({ serial: 9920, month: 13 })};${KK_B};SALAH;${ADDRESS};Cipocok;Dalung;4;5;612.500;N;N;N;N`,
  "JUMLAH;;;;;;;;;;;;"
].join("\r\n");

const RECEIPTS_MANIFEST = [
  "file,programme_code,funder,period,kab_kode,source",
  "pkh.csv,PKH,pusat,2025,3673,Daftar KPM PKH tahap 1 (sintetis)",
  "sembako.csv,SEMBAKO_KOTA,kota,2025-06,,",
  "tanpa-periode.csv,BLT,desa,2025,,",
  "salah-ketik.csv,PKH,pusat,2024,,"
].join("\n");
const PKH_CSV = ["NO_KK,NIK,NILAI_BANTUAN,JUMLAH", `${KK_A},,"750.000",1`, `${KK_B},${NIK_B[0]},"750.000",1`, `${KK_C},,"750.000",1`, `${KK_A},,"750.000",1`].join("\n");
const SEMBAKO_CSV = ["NIK;NAMA PENERIMA;NOMINAL;JUMLAH PAKET", `${NIK_A[0]};${NAMES[0]};300.000;1`, `${NIK_A[1]};${NAMES[1]};300.000;1`, `${NIK_UNKNOWN};TIDAK DIKENAL;300.000;1`, `${NIK_B[0]};${NAMES[3]};-5;1`].join("\n");

describe("ingestPrivate", () => {
  const temp = makeTempDir("registry-ingest");
  const privateDir = temp.dir;
  afterAll(() => temp.remove());
  beforeAll(() => {
    mkdirSync(path.join(privateDir, "registry"), { recursive: true });
    mkdirSync(path.join(privateDir, "receipts"), { recursive: true });
    writeFileSync(path.join(privateDir, "registry/bnba-kota-serang.csv"), REGISTRY_CSV);
    writeFileSync(path.join(privateDir, "registry/manifest.csv"), "file,snapshot_date,kab_kode\nbnba-kota-serang.csv,2025-11-30,3673\n");
    writeFileSync(path.join(privateDir, "receipts/manifest.csv"), RECEIPTS_MANIFEST);
    writeFileSync(path.join(privateDir, "receipts/pkh.csv"), PKH_CSV);
    writeFileSync(path.join(privateDir, "receipts/sembako.csv"), SEMBAKO_CSV);
    writeFileSync(path.join(privateDir, "receipts/tanpa-periode.csv"), PKH_CSV);
    writeFileSync(path.join(privateDir, "receipts/tidak-di-manifest.csv"), PKH_CSV);
  });

  async function run<T>(use: (result: IngestResult, rows: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
    return withDuckDB(async (connection) => {
      const result = await ingestPrivate(connection, { privateDir, key: KEY });
      await checkSchema(connection, result.households, REGISTRY_HOUSEHOLDS_SCHEMA);
      await checkSchema(connection, result.receipts, PROGRAMME_RECEIPTS_SCHEMA);
      return use(result, (sql) => queryRows(connection, sql));
    });
  }

  it("aggregates persons into pseudonymised households matching the schema", async () => {
    await run(async (result, rows) => {
      const households = await rows(`SELECT *, strftime(snapshot_date, '%Y-%m-%d') AS snap FROM ${result.households} ORDER BY hh_id`);
      expect(households).toHaveLength(2);
      const a = households.find((h) => h.hh_id === hash(KK_A))!;
      const b = households.find((h) => h.hh_id === hash(KK_B))!;
      expect(a).toMatchObject({
        kel_kode: "3673011002",
        kec_kode: "367301",
        kab_kode: "3673",
        desil: 1,
        members: 3,
        pce_month_rp: DESIL_PCE_ASSUMPTION[1],
        pce_imputed: true,
        on_target_list: true,
        disability: true,
        elderly: false,
        female_head: true,
        snap: "2025-11-30"
      });
      expect(b).toMatchObject({ kel_kode: "3673051007", kec_kode: "367305", desil: 4, members: 5, pce_month_rp: 612_500, pce_imputed: false, elderly: true, female_head: false, on_target_list: false });
    });
  });

  it("accounts for every row of every file and reports the rejected ones", async () => {
    await run(async (result) => {
      const registry = result.files.find((f) => f.file === "registry/bnba-kota-serang.csv")!;
      expect(registry).toMatchObject({ loaded: true, rows: 8, accepted: 5, rejected: 3 });
      for (const file of result.files) expect(file.accepted + file.rejected, file.file).toBe(file.rows);
      const codesOf = (file: string) => result.rejections.filter((r) => r.file === file && r.severity === "error").map((r) => [r.row, r.code]);
      expect(codesOf("registry/bnba-kota-serang.csv")).toEqual([
        [8, "PERSON_IN_TWO_HOUSEHOLDS"],
        [9, "NIK_BIRTHDATE"],
        [10, "TOTAL_ROW"]
      ]);
      expect(codesOf("receipts/tanpa-periode.csv")).toEqual([[null, "MANIFEST_INVALID"]]);
      expect(codesOf("receipts/tidak-di-manifest.csv")).toEqual([[null, "MANIFEST_MISSING"]]);
      expect(result.rejections.filter((r) => r.file === "receipts/manifest.csv").map((r) => r.code)).toEqual(["MANIFEST_INVALID"]);
      expect(result.rejections.find((r) => r.file === "receipts/manifest.csv")?.message).toContain("salah-ketik.csv");
      expect(result.files.find((f) => f.file === "receipts/tidak-di-manifest.csv")).toMatchObject({ loaded: false });
      for (const row of result.rejections) expect(Object.keys(row)).toEqual(["file", "row", "column", "code", "message", "severity"]);
    });
  });

  it("joins receipts to their household through the same hash, resolving NIK-only rows", async () => {
    await run(async (result, rows) => {
      const receipts = await rows(`SELECT * FROM ${result.receipts} ORDER BY programme_code, hh_id`);
      const sembako = receipts.filter((r) => r.programme_code === "SEMBAKO_KOTA");
      // Two members of household A → one household receipt with units and value added.
      expect(sembako).toEqual([{ hh_id: hash(KK_A), kab_kode: "3673", programme_code: "SEMBAKO_KOTA", funder: "kota", period: "2025-06", units: 2, value_rp: 600_000, source: "Daftar penerima SEMBAKO_KOTA 2025-06 (sembako.csv)" }]);
      const pkh = receipts.filter((r) => r.programme_code === "PKH");
      expect(pkh.map((r) => r.hh_id).sort()).toEqual([hash(KK_A), hash(KK_B), hash(KK_C)].sort());
      expect(pkh.every((r) => r.value_rp === 750_000 && r.funder === "pusat" && r.period === "2025")).toBe(true);
      const joined = await rows(`SELECT r.programme_code, h.kec_kode FROM ${result.receipts} r JOIN ${result.households} h USING (hh_id) ORDER BY 1, 2`);
      expect(joined).toEqual([
        { programme_code: "PKH", kec_kode: "367301" },
        { programme_code: "PKH", kec_kode: "367305" },
        { programme_code: "SEMBAKO_KOTA", kec_kode: "367301" }
      ]);
      const codes = (file: string) => result.rejections.filter((r) => r.file === file && r.row !== null).map((r) => [r.row, r.code]);
      expect(codes("receipts/sembako.csv")).toEqual([
        [3, "RECEIPT_AGGREGATED"],
        [4, "RECEIPT_NIK_UNRESOLVED"],
        [5, "VALUE_RANGE"]
      ]);
      expect(codes("receipts/pkh.csv")).toEqual([
        [4, "RECEIPT_NOT_IN_REGISTRY"],
        [5, "RECEIPT_DUPLICATE"]
      ]);
    });
  });

  it("keeps no NIK, NO_KK, name or address in any output", async () => {
    await run(async (result, rows) => {
      const everything = JSON.stringify([
        await rows(`SELECT * FROM ${result.households}`),
        await rows(`SELECT * FROM ${result.receipts}`),
        result.rejections,
        result.files
      ]);
      for (const secret of [...NIK_A, ...NIK_B, NIK_UNKNOWN, KK_A, KK_B, KK_C, ...NAMES, ADDRESS, "RAYA CONTOH"]) {
        expect(everything, secret).not.toContain(secret);
      }
    });
  });

  it("refuses real files without a key or with the public demo key", async () => {
    await withDuckDB(async (connection) => {
      await expect(ingestPrivate(connection, { privateDir, key: undefined })).rejects.toThrow(MISSING_KEY_MESSAGE);
      await expect(ingestPrivate(connection, { privateDir, key: DEMO_PSEUDONYM_KEY })).rejects.toThrow(PseudonymKeyError);
    });
    expect(MISSING_KEY_MESSAGE).toMatch(/TS_PSEUDONYM_KEY/);
    expect(MISSING_KEY_MESSAGE.split(/\.\s/).length).toBe(1);
  });

  it("needs no key when there are no private files and returns empty tables", async () => {
    const empty = makeTempDir("registry-ingest-empty");
    try {
      await withDuckDB(async (connection) => {
        const result = await ingestPrivate(connection, { privateDir: empty.dir, key: undefined });
        expect(result).toMatchObject({ hasPrivateData: false, householdCount: 0, receiptCount: 0, rejections: [] });
        await checkSchema(connection, result.households, REGISTRY_HOUSEHOLDS_SCHEMA);
        expect(await queryRows(connection, `SELECT count(*) AS n FROM ${result.receipts}`)).toEqual([{ n: 0 }]);
      });
    } finally {
      empty.remove();
    }
  });
});
