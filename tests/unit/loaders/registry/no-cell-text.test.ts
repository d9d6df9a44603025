// Rejection messages are published (ingest_rejections, /data): they must never quote a cell of a
// private file. A BNBA export with shifted columns puts identifiers and names where numbers, flags
// and region names belong; every finding keeps its code, the published message holds none of the
// planted text, and the private detail (terminal and data/private/reports/) still shows it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toRejectionRow } from "../../../../loaders/registry/rejections.js";
import { runValidateCommand } from "../../../../loaders/registry/validate-command.js";
import { makeTempDir } from "../../../support/tmp.js";
import { checkPath, conserved, errorCodesByRow, fakeKk, fakeNik, writeTemp } from "./support.js";

const NIK_IN_FLAG = "3673055505827772";
const NAME_IN_NUMBER = "SITI AMINAH ZQX";
const ADDRESS_IN_KEC = "JL KANARI ZQX NO 7";
const NAME_IN_KEL = "BUDI SANTOSO ZQX";
const NIK_IN_DESIL = "3673011505809911";
const NAME_IN_FLAG = "ASEP ZQX";
const CODE_LIKE = "3673019876";
const TOTAL_LABEL = "JUMLAH ZQX RAHASIA";
const PLANTED = [NIK_IN_FLAG, NAME_IN_NUMBER, ADDRESS_IN_KEC, NAME_IN_KEL, NIK_IN_DESIL, NAME_IN_FLAG, CODE_LIKE, "ZQX", "9876"];

const HEADER = "NIK;NO_KK;NAMA;ALAMAT;KODE_KELURAHAN;KECAMATAN;KELURAHAN;DESIL;JUMLAH_ART;LANSIA;DISABILITAS";
const nik = (serial: number) => fakeNik({ serial });
const kk = (serial: number) => fakeKk({ serial });
// Each row: [expected error codes], the line.
const ROWS: [string[], string][] = [
  [["FLAG_VALUE"], `${nik(9901)};${kk(9901)};WARGA SINTETIS;JL CONTOH;3673011001;;;1;3;${NIK_IN_FLAG};N`],
  [["NUMBER_FORMAT"], `${nik(9902)};${kk(9902)};WARGA SINTETIS;JL CONTOH;3673011001;;;${NAME_IN_NUMBER};3;N;N`],
  [["REGION_UNKNOWN"], `${nik(9903)};${kk(9903)};WARGA SINTETIS;JL CONTOH;;${ADDRESS_IN_KEC};Serang;1;3;N;N`],
  [["REGION_UNKNOWN"], `${nik(9904)};${kk(9904)};WARGA SINTETIS;JL CONTOH;;Serang;${NAME_IN_KEL};1;3;N;N`],
  [["DESIL_RANGE"], `${nik(9905)};${kk(9905)};WARGA SINTETIS;JL CONTOH;3673011001;;;${NIK_IN_DESIL};3;N;N`],
  [["MEMBERS_RANGE", "FLAG_VALUE"], `${nik(9906)};${kk(9906)};WARGA SINTETIS;JL CONTOH;3673011001;;;1;${NIK_IN_DESIL};N;${NAME_IN_FLAG}`],
  [["REGION_UNKNOWN"], `${nik(9907)};${kk(9907)};WARGA SINTETIS;JL CONTOH;${CODE_LIKE};;;1;3;N;N`],
  [["NIK_REGION"], `0${NIK_IN_FLAG.slice(1)};${kk(9908)};WARGA SINTETIS;JL CONTOH;3673011001;;;1;3;N;N`],
  [["TOTAL_ROW"], `;;${TOTAL_LABEL};;;;;;9;;`]
];

describe("rejection messages without cell text", () => {
  const temp = makeTempDir("registry-no-cell-text");
  afterAll(() => temp.remove());
  const text = [HEADER, ...ROWS.map(([, l]) => l)].join("\n");

  it("keeps every code, publishes no planted text, and keeps it in the private detail", async () => {
    const report = await checkPath(writeTemp(temp, "bergeser.csv", text));
    expect(conserved(report)).toBe(true);
    expect(report).toMatchObject({ rows: ROWS.length, accepted: 0, rejected: ROWS.length });
    const byRow = errorCodesByRow(report);
    ROWS.forEach(([codes], i) => expect(byRow.get(i + 2), `row ${i + 2}`).toEqual(codes));

    const published = report.issues.map(toRejectionRow);
    for (const row of published) {
      expect(Object.keys(row)).toEqual(["file", "row", "column", "code", "message", "severity"]);
      for (const planted of PLANTED) expect(row.message, `${row.code} row ${row.row}`).not.toContain(planted);
    }
    const details = report.issues.map((i) => i.detail ?? "").join("\n");
    for (const planted of [NIK_IN_FLAG, NAME_IN_NUMBER, ADDRESS_IN_KEC, NAME_IN_KEL, NIK_IN_DESIL, NAME_IN_FLAG, CODE_LIKE, TOTAL_LABEL]) {
      expect(details).toContain(planted);
    }
  });

  it("validate prints the detail to the officer and writes the full report to reports/", async () => {
    const privateDir = path.join(temp.dir, "private");
    let stdout = "";
    let stderr = "";
    const code = await runValidateCommand([writeTemp(temp, "bergeser2.csv", text), "--private-dir", privateDir], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t)
    });
    expect(code).toBe(0);
    expect(stdout).toContain(NAME_IN_NUMBER);
    const files = readdirSync(path.join(privateDir, "reports"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^validate-bergeser2\.csv-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.txt$/);
    expect(stderr).toContain(path.join(privateDir, "reports", files[0]!));
    const full = readFileSync(path.join(privateDir, "reports", files[0]!), "utf8");
    // One line per finding, each with its cell content.
    for (const planted of [NIK_IN_FLAG, NAME_IN_NUMBER, ADDRESS_IN_KEC, NAME_IN_KEL, NIK_IN_DESIL, NAME_IN_FLAG, CODE_LIKE, TOTAL_LABEL]) {
      expect(full).toContain(planted);
    }
    expect(full).toMatch(/bergeser2\.csv · baris 3 · kolom "DESIL" · NUMBER_FORMAT \[error\]/);
  });
});
