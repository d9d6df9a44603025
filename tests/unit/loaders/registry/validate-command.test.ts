// `npm run data -- validate <file>`: the readable report, the exact --json shape, exit codes, and
// receipts and household-level files checked on their own.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { severityOf, type IssueCode } from "../../../../src/components/domain/registry-rules/issues.js";
import { runValidateCommand } from "../../../../loaders/registry/validate-command.js";
import { ROOT } from "../../../../loaders/lib/paths.js";
import { makeTempDir } from "../../../support/tmp.js";
import { fakeKk, fakeNik, writeTemp } from "./support.js";

const FIXTURES = path.join(ROOT, "tests/fixtures/registry");

/** The private folder of these runs: the full reports land in its reports/ (never the repository's data/private). */
const privateDir = makeTempDir("registry-validate-private");
afterAll(() => privateDir.remove());

async function validate(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runValidateCommand([...argv, "--private-dir", privateDir.dir], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

interface JsonReport {
  file: string;
  kind: string;
  rows: number;
  accepted: number;
  rejected: number;
  issues: { row: number | null; column: string | null; code: string; message: string; detail: string | null }[];
}

/** [row, code] of the row-level errors (the JSON has no severity; the code fixes it). */
const errorCodes = (report: JsonReport) =>
  report.issues.filter((i) => i.row !== null && severityOf(i.code as IssueCode) === "error").map((i) => [i.row, i.code]);

describe("validate command", () => {
  const temp = makeTempDir("registry-validate");
  afterAll(() => temp.remove());

  it("prints exactly {file, kind, rows, accepted, rejected, issues} with --json", async () => {
    const file = path.join(FIXTURES, "bnba-judul-dan-jumlah.csv");
    const { code, stdout } = await validate([file, "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(Object.keys(report)).toEqual(["file", "kind", "rows", "accepted", "rejected", "issues"]);
    for (const issue of report.issues) expect(Object.keys(issue)).toEqual(["row", "column", "code", "message", "detail"]);
    expect(report).toMatchObject({ file, kind: "registry", rows: 7, accepted: 3, rejected: 4 });
    expect(report.accepted + report.rejected).toBe(report.rows);
    expect(errorCodes(report)).toEqual([
      [6, "NIK_SCIENTIFIC"],
      [7, "DUPLICATE_NIK"],
      [8, "FLAG_VALUE"],
      [10, "TOTAL_ROW"]
    ]);
  });

  it("prints a readable Indonesian report with counts, codes, examples and region matching", async () => {
    const { code, stdout } = await validate([path.join(FIXTURES, "bnba-judul-dan-jumlah.csv")]);
    expect(code).toBe(0);
    expect(stdout).toContain("Baris data  : 7 dibaca · 3 diterima · 4 ditolak");
    expect(stdout).toMatch(/NIK_SCIENTIFIC \[error\] — 1 temuan/);
    expect(stdout).toMatch(/contoh: baris 6 \(kolom "NIK"\)/);
    expect(stdout).toMatch(/Pencocokan wilayah/);
    expect(stdout).toMatch(/kecamatan "Kec\. Cipocok" → Cipocok Jaya \(alias/);
  });

  it("reads a Windows-1252 fixture and says so", async () => {
    const { code, stdout } = await validate([path.join(FIXTURES, "bnba-windows-1252.csv"), "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.issues.map((i) => i.code)).toContain("ENCODING_WINDOWS_1252");
    expect(report).toMatchObject({ rows: 2, accepted: 2 });
    expect(readFileSync(path.join(FIXTURES, "bnba-windows-1252.csv")).includes(0xc9)).toBe(true);
  });

  it("detects a beneficiary list and checks its rows", async () => {
    const nik = fakeNik();
    const text = [
      "NIK;NO_KK;NILAI;JUMLAH",
      `${nik};${fakeKk()};300.000;1`,
      `${nik};${fakeKk()};300.000;1`,
      `;;300.000;1`,
      `${fakeNik({ serial: 9998 })};;-1;1`,
      `${fakeNik({ serial: 9997 })};;300.000;0`,
      `${fakeNik({ serial: 9996 })};;tiga ratus ribu;1`,
      `;${fakeKk({ serial: 9995 })};;`
    ].join("\n");
    const { code, stdout } = await validate([writeTemp(temp, "penerima.csv", text), "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report).toMatchObject({ kind: "receipts", rows: 7, accepted: 2, rejected: 5 });
    expect(errorCodes(report)).toEqual([
      [3, "RECEIPT_DUPLICATE"],
      [4, "RECIPIENT_MISSING"],
      [5, "VALUE_RANGE"],
      [6, "UNITS_RANGE"],
      [7, "NUMBER_FORMAT"]
    ]);
  });

  it("checks a household-level file (no NIK column) for repeated NO_KK and members", async () => {
    const text = [
      "NO_KK,KODE_KECAMATAN,DESIL,JUMLAH_ART,RTLH",
      `${fakeKk()},367301,1,4,Y`,
      `${fakeKk()},367301,1,4,Y`,
      `${fakeKk({ serial: 9998 })},36.73.01,1,51,N`,
      `${fakeKk({ serial: 9997 })},367399,1,2,N`
    ].join("\n");
    const { stdout } = await validate([writeTemp(temp, "rumah-tangga.csv", text), "--json", "--kind", "registry"]);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report).toMatchObject({ kind: "registry", rows: 4, accepted: 1, rejected: 3 });
    expect(errorCodes(report)).toEqual([
      [3, "DUPLICATE_KK"],
      [4, "MEMBERS_RANGE"],
      [5, "REGION_UNKNOWN"]
    ]);
  });

  it("warns when members of one household disagree and when JUMLAH_ART is below the persons listed", async () => {
    const text = [
      "NIK,NO_KK,KODE_KELURAHAN,DESIL,JUMLAH_ART",
      `${fakeNik({ serial: 9991 })},${fakeKk()},3673011001,1,1`,
      `${fakeNik({ serial: 9992 })},${fakeKk()},3673011001,2,1`
    ].join("\n");
    const { stdout } = await validate([writeTemp(temp, "konflik.csv", text), "--json"]);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report).toMatchObject({ rows: 2, accepted: 2, rejected: 0 });
    expect(report.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "DESIL", "HOUSEHOLD_CONFLICT"],
      [2, "JUMLAH_ART", "MEMBERS_BELOW_COUNT"]
    ]);
  });

  it("exits 1 with one Indonesian sentence when the file cannot be interpreted", async () => {
    const cases: [string, RegExp][] = [
      [writeTemp(temp, "tanpa-nik.csv", "NAMA;ALAMAT;DESIL\nA;B;1\n"), /Baris judul kolom tidak ditemukan/],
      [path.join(temp.dir, "tidak-ada.csv"), /tidak ditemukan/],
      [writeTemp(temp, "kosong.csv", ""), /kosong/],
      [writeTemp(temp, "tanpa-wilayah.csv", `NIK;NO_KK;DESIL\n${fakeNik()};${fakeKk()};1\n`), /Kolom wilayah tidak ditemukan/]
    ];
    for (const [file, message] of cases) {
      const { code, stdout, stderr } = await validate([file, "--kind", "registry"]);
      expect(code, file).toBe(1);
      expect(stdout).toBe("");
      expect(stderr, file).toMatch(message);
      expect(stderr.trim().split("\n"), file).toHaveLength(1);
    }
  });

  it("exits 2 on wrong arguments", async () => {
    expect((await validate([])).code).toBe(2);
    expect((await validate(["a.csv", "--kind", "bansos"])).stderr).toMatch(/--kind harus registry atau receipts/);
    expect((await validate(["a.csv", "--unknown"])).code).toBe(2);
  });
});
