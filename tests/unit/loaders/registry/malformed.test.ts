// Table-driven malformed BNBA rows: each case is a small CSV, each row's exact error codes are
// asserted, and every file must conserve its rows (accepted + rejected = rows read).
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../support/tmp.js";
import { checkPath, conserved, errorCodesByRow, fakeKk, fakeNik, writeTemp } from "./support.js";

const HEADER = ["NIK", "NO_KK", "NAMA", "ALAMAT", "KODE_KELURAHAN", "DESIL", "JUMLAH_ART", "SASARAN_PKE", "DISABILITAS"];
type Field = "nik" | "kk" | "nama" | "alamat" | "kel" | "desil" | "art" | "pke" | "dis";
const ORDER: Field[] = ["nik", "kk", "nama", "alamat", "kel", "desil", "art", "pke", "dis"];

/** A valid person row (Kel. Serang, desil 1), with fields overridden. */
function line(overrides: Partial<Record<Field, string>> = {}): string {
  const base: Record<Field, string> = {
    nik: fakeNik(),
    kk: fakeKk(),
    nama: "WARGA SINTETIS",
    alamat: "JL. CONTOH NO. 1",
    kel: "3673011001",
    desil: "1",
    art: "3",
    pke: "Y",
    dis: "N"
  };
  const row = { ...base, ...overrides };
  return ORDER.map((f) => row[f]).join(";");
}

interface Row {
  readonly text: string;
  /** Exact error codes expected on this row, in report order; [] = accepted. */
  readonly errors: readonly string[];
  /** Warning/info codes that must also be reported on this row. */
  readonly notes?: readonly string[];
}

interface Case {
  readonly name: string;
  readonly rows: readonly Row[];
}

const ok = (overrides: Partial<Record<Field, string>> = {}, notes: string[] = []): Row => ({ text: line(overrides), errors: [], notes });
const bad = (errors: string[], overrides: Partial<Record<Field, string>> = {}): Row => ({ text: line(overrides), errors });
const raw = (text: string, errors: string[]): Row => ({ text, errors });
const goodNik = fakeNik();

const CASES: Case[] = [
  // NIK shape
  { name: "NIK with 15 digits", rows: [bad(["NIK_LENGTH"], { nik: goodNik.slice(0, 15) })] },
  { name: "NIK with 17 digits", rows: [bad(["NIK_LENGTH"], { nik: `${goodNik}1` })] },
  { name: "NIK with a letter", rows: [bad(["NIK_NOT_DIGITS"], { nik: `36730115058O9999` })] },
  { name: "NIK with inner spaces", rows: [bad(["NIK_NOT_DIGITS"], { nik: "3673 0115 0580 9999" })] },
  { name: "NIK with dots", rows: [bad(["NIK_NOT_DIGITS"], { nik: "3673.0115.0580.9999" })] },
  { name: "NIK in scientific notation", rows: [bad(["NIK_SCIENTIFIC"], { nik: "3.67305E+15" })] },
  { name: "NIK in scientific notation with a decimal comma", rows: [bad(["NIK_SCIENTIFIC"], { nik: "3,67301E+15" })] },
  { name: "NIK in lower-case scientific notation", rows: [bad(["NIK_SCIENTIFIC"], { nik: "3.673011e+15" })] },
  { name: "NIK empty", rows: [bad(["NIK_MISSING"], { nik: "" })] },
  { name: "NIK only an apostrophe", rows: [bad(["NIK_MISSING"], { nik: "'" })] },
  { name: "NIK province 99 does not exist", rows: [bad(["NIK_REGION"], { nik: fakeNik({ kec: "990101" }) })] },
  { name: "NIK province 10 does not exist", rows: [bad(["NIK_REGION"], { nik: fakeNik({ kec: "100101" }) })] },
  { name: "NIK Banten kab/kota 3699 does not exist", rows: [bad(["NIK_REGION"], { nik: fakeNik({ kec: "369901" }) })] },
  { name: "NIK kecamatan 00", rows: [bad(["NIK_REGION"], { nik: fakeNik({ kec: "367300" }) })] },
  { name: "NIK month 13", rows: [bad(["NIK_BIRTHDATE"], { nik: fakeNik({ month: 13 }) })] },
  { name: "NIK month 00", rows: [bad(["NIK_BIRTHDATE"], { nik: fakeNik({ month: 0 }) })] },
  { name: "NIK day 32", rows: [bad(["NIK_BIRTHDATE"], { nik: fakeNik({ day: 32 }) })] },
  { name: "NIK day 00", rows: [bad(["NIK_BIRTHDATE"], { nik: fakeNik({ day: 0 }) })] },
  { name: "NIK woman day 72 (32 + 40)", rows: [bad(["NIK_BIRTHDATE"], { nik: fakeNik({ day: 32, female: true }) })] },
  { name: "NIK day 35 (neither a man's nor a woman's day)", rows: [bad(["NIK_BIRTHDATE"], { nik: fakeNik({ day: 35 }) })] },
  { name: "NIK 29 February of a non-leap year", rows: [bad(["NIK_BIRTHDATE"], { nik: fakeNik({ day: 29, month: 2, yy: 81 }) })] },
  { name: "NIK 31 April", rows: [bad(["NIK_BIRTHDATE"], { nik: fakeNik({ day: 31, month: 4 }) })] },
  { name: "NIK serial 0000", rows: [bad(["NIK_SERIAL"], { nik: fakeNik({ serial: 0 }) })] },
  // NO_KK shape
  { name: "NO_KK empty", rows: [bad(["NO_KK_MISSING"], { kk: "" })] },
  { name: "NO_KK with 15 digits", rows: [bad(["NO_KK_LENGTH"], { kk: fakeKk().slice(1) })] },
  { name: "NO_KK in scientific notation", rows: [bad(["NO_KK_SCIENTIFIC"], { kk: "3.67301E+15" })] },
  { name: "NO_KK with a dash", rows: [bad(["NO_KK_NOT_DIGITS"], { kk: "3673010101-209999" })] },
  { name: "NO_KK province 00", rows: [bad(["NO_KK_REGION"], { kk: fakeKk({ kec: "000101" }) })] },
  { name: "NO_KK serial 0000", rows: [bad(["NO_KK_SERIAL"], { kk: fakeKk({ serial: 0 }) })] },
  { name: "NO_KK copied from the NIK", rows: [bad(["NO_KK_EQUALS_NIK"], { kk: goodNik })] },
  // Values
  { name: "DESIL 0", rows: [bad(["DESIL_RANGE"], { desil: "0" })] },
  { name: "DESIL 11", rows: [bad(["DESIL_RANGE"], { desil: "11" })] },
  { name: "DESIL 2,5 (not whole)", rows: [bad(["DESIL_RANGE"], { desil: "2,5" })] },
  { name: "DESIL written as a word", rows: [bad(["NUMBER_FORMAT"], { desil: "dua" })] },
  { name: "DESIL empty and no expenditure column", rows: [bad(["DESIL_MISSING"], { desil: "" })] },
  { name: "JUMLAH_ART 0", rows: [bad(["MEMBERS_RANGE"], { art: "0" })] },
  { name: "JUMLAH_ART negative", rows: [bad(["MEMBERS_RANGE"], { art: "-2" })] },
  { name: "JUMLAH_ART 1.300 (Indonesian thousands, too many)", rows: [bad(["MEMBERS_RANGE"], { art: "1.300" })] },
  { name: "JUMLAH_ART 1,300 (ambiguous decimal comma)", rows: [bad(["NUMBER_FORMAT"], { art: "1,300" })] },
  { name: "JUMLAH_ART 3.5 (English decimal point)", rows: [bad(["NUMBER_FORMAT"], { art: "3.5" })] },
  { name: "flag X", rows: [bad(["FLAG_VALUE"], { pke: "X" })] },
  { name: "flag 2", rows: [bad(["FLAG_VALUE"], { dis: "2" })] },
  { name: "flag 'ya tidak'", rows: [bad(["FLAG_VALUE"], { dis: "ya tidak" })] },
  { name: "two bad flags on one row", rows: [bad(["FLAG_VALUE", "FLAG_VALUE"], { pke: "?", dis: "mungkin" })] },
  // Region
  { name: "kelurahan code not in Kota Serang's list", rows: [bad(["REGION_UNKNOWN"], { kel: "3673019999" })] },
  { name: "kelurahan code of the wrong length", rows: [bad(["REGION_UNKNOWN"], { kel: "36730110" })] },
  { name: "kecamatan part of the code unknown", rows: [bad(["REGION_UNKNOWN"], { kel: "3673991001" })] },
  { name: "kelurahan code empty", rows: [bad(["REGION_MISSING"], { kel: "" })] },
  // Several problems at once
  {
    name: "NIK, desil and flag wrong on one row",
    rows: [bad(["NIK_LENGTH", "DESIL_RANGE", "FLAG_VALUE"], { nik: "12345", desil: "99", pke: "entah" })]
  },
  // Cross-row
  {
    name: "same NIK twice in one household",
    rows: [ok(), bad(["DUPLICATE_NIK"])]
  },
  {
    name: "same NIK under two NO_KK",
    rows: [ok(), bad(["PERSON_IN_TWO_HOUSEHOLDS"], { kk: fakeKk({ serial: 9998 }) })]
  },
  // Row shape
  { name: "JUMLAH total row", rows: [ok(), raw(";;JUMLAH;;;;3;;", ["TOTAL_ROW"])] },
  { name: "TOTAL in the first column", rows: [ok(), raw("TOTAL;;;;;;3;1;0", ["TOTAL_ROW"])] },
  { name: "row of empty fields", rows: [ok(), raw(";;;;;;;;", ["EMPTY_ROW"]), ok({ nik: fakeNik({ serial: 9998 }) })] },
  { name: "blank line between rows", rows: [ok(), raw("", ["EMPTY_ROW"]), ok({ nik: fakeNik({ serial: 9998 }) })] },
  { name: "unquoted delimiter in the name (too many fields)", rows: [raw(line({ nama: "WARGA;SINTETIS" }), ["COLUMN_COUNT"])] },
  { name: "too many fields with a value beyond the header", rows: [raw(`${line()};EKSTRA`, ["COLUMN_COUNT"])] },
  { name: "a stray empty field at the end is tolerated", rows: [ok(), raw(`${line({ nik: fakeNik({ serial: 9998 }) })};`, [])] },
  { name: "too few fields", rows: [raw(line().split(";").slice(0, 6).join(";"), ["COLUMN_COUNT"])] },
  { name: "header repeated after a page break", rows: [ok(), raw(HEADER.join(";"), ["HEADER_REPEATED"]), ok({ nik: fakeNik({ serial: 9998 }) })] },
  {
    name: "quote never closed swallows the rest",
    rows: [ok(), raw(line({ nama: '"WARGA SINTETIS' }), ["UNCLOSED_QUOTE"])]
  },
  // Accepted with a note or warning
  { name: "NIK with a leading apostrophe is recovered", rows: [ok({ nik: `'${goodNik}` }, ["NIK_APOSTROPHE"])] },
  { name: "NIK written as a decimal number is recovered", rows: [ok({ nik: `${goodNik}.0` }, ["NIK_FROM_NUMBER"])] },
  { name: "NIK from outside Banten is kept with a warning", rows: [ok({ nik: fakeNik({ kec: "320101" }) }, ["NIK_OUTSIDE_BANTEN"])] },
  { name: "NIK of a woman (day + 40)", rows: [ok({ nik: fakeNik({ day: 15, female: true }) })] },
  { name: "NIK born 29 February of a leap year", rows: [ok({ nik: fakeNik({ day: 29, month: 2, yy: 80 }) })] },
  { name: "NO_KK issue date not a real date is only a warning", rows: [ok({ kk: fakeKk({ month: 14 }) }, ["NO_KK_DATE"])] },
  { name: "flags in other spellings", rows: [ok({ pke: "ya", dis: "Tidak" }), ok({ nik: fakeNik({ serial: 9998 }), pke: "true", dis: "0" })] }
];

describe("malformed BNBA rows", () => {
  const temp = makeTempDir("registry-malformed");
  afterAll(() => temp.remove());

  it("has at least 40 malformed cases", () => {
    expect(CASES.filter((c) => c.rows.some((r) => r.errors.length > 0)).length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))("%s", async (_name, testCase, i) => {
    const text = [HEADER.join(";"), ...testCase.rows.map((r) => r.text)].join("\n") + "\n";
    const report = await checkPath(writeTemp(temp, `case-${i}.csv`, text), { kind: "registry" });
    const byRow = errorCodesByRow(report);
    testCase.rows.forEach((row, r) => {
      const fileLine = r + 2; // line 1 is the header
      expect(byRow.get(fileLine) ?? [], `line ${fileLine}`).toEqual(row.errors);
      const notes = report.issues.filter((x) => x.row === fileLine && x.severity !== "error").map((x) => x.code);
      for (const note of row.notes ?? []) expect(notes, `line ${fileLine}`).toContain(note);
    });
    expect(report.rows).toBe(testCase.rows.length);
    expect(report.rejected).toBe(testCase.rows.filter((r) => r.errors.length > 0).length);
    expect(report.accepted).toBe(testCase.rows.filter((r) => r.errors.length === 0).length);
    expect(conserved(report)).toBe(true);
  });
});
