// Reading what Dinsos exports: encodings, delimiters, title rows, total rows, Indonesian numbers.
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../../../loaders/lib/csv.js";
import { tokenizeCsv, CsvTokenizer } from "../../../../src/components/domain/registry-rules/csv-stream.js";
import { decodeInChunks, detectEncoding } from "../../../../loaders/registry/decode.js";
import { parseFlag, parseIndonesianNumber } from "../../../../src/components/domain/registry-rules/values.js";
import { makeTempDir } from "../../../support/tmp.js";
import { checkPath, conserved, errorCodesByRow, fakeKk, fakeNik, writeTemp } from "./support.js";

describe("Indonesian numbers", () => {
  it.each([
    ["1.300", 1300],
    ["2.200.000", 2_200_000],
    ["12,5", 12.5],
    ["1.234.567,89", 1_234_567.89],
    ["Rp 300.000,-", 300_000],
    ["Rp300.000", 300_000],
    ["450000", 450_000],
    [" 7 ", 7],
    ["-3", -3]
  ])("reads %s as %d", (text, value) => {
    expect(parseIndonesianNumber(text)).toEqual({ ok: true, value });
  });

  it.each([["1,300", "ambiguous"], ["12.5", "format"], ["1.30", "format"], ["abc", "format"], ["", "format"], ["1.2.3", "format"]])(
    "refuses %s (%s)",
    (text, reason) => {
      expect(parseIndonesianNumber(text)).toEqual({ ok: false, reason });
    }
  );

  it("takes numbers stored by Excel exactly", () => {
    expect(parseIndonesianNumber(2_200_000.5)).toEqual({ ok: true, value: 2_200_000.5 });
  });
});

describe("flags", () => {
  it("accepts Y/N, YA/TIDAK, 1/0, TRUE/FALSE in any case; blank is not stated", () => {
    for (const yes of ["Y", "y", "YA", "Ya", "ya", "1", "TRUE", "true", " True ", 1, true]) expect(parseFlag(yes), String(yes)).toEqual({ ok: true, value: true });
    for (const no of ["N", "n", "TIDAK", "Tidak", "tidak", "0", "FALSE", "false", 0, false]) expect(parseFlag(no), String(no)).toEqual({ ok: true, value: false });
    expect(parseFlag("")).toEqual({ ok: true, value: null });
    expect(parseFlag(null)).toEqual({ ok: true, value: null });
  });

  it("refuses anything else", () => {
    for (const other of ["YES", "NO", "T", "F", "2", "-", "ada", 2]) expect(parseFlag(other), String(other)).toEqual({ ok: false });
  });
});

describe("encoding detection", () => {
  it("tells UTF-8, UTF-8 with BOM, UTF-16 and Windows-1252 apart", () => {
    expect(detectEncoding(Buffer.from("NIK;NAMA\nÉ", "utf8")).encoding).toBe("utf-8");
    expect(detectEncoding(Buffer.from("\uFEFFNIK", "utf8"))).toEqual({ encoding: "utf-8-bom", bomLength: 3 });
    expect(detectEncoding(Buffer.from("\uFEFFNIK", "utf16le")).encoding).toBe("utf-16le");
    expect(detectEncoding(Buffer.from([0x4e, 0x49, 0x4b, 0x3b, 0xc9, 0x0a])).encoding).toBe("windows-1252");
  });

  it("decodes Windows-1252 and keeps multi-byte UTF-8 across chunk boundaries", () => {
    const w1252 = Buffer.from([0x53, 0xe9, 0x72, 0x61, 0x6e, 0x67, 0x20, 0x80]);
    expect([...decodeInChunks(w1252, detectEncoding(w1252), 3)].join("")).toBe("S\u00e9rang \u20ac");
    const utf8 = Buffer.from("Cipocok Jaya — Kel. Dalung ü", "utf8");
    expect([...decodeInChunks(utf8, detectEncoding(utf8), 1)].join("")).toBe("Cipocok Jaya — Kel. Dalung ü");
  });
});

describe("streaming tokenizer", () => {
  const text = 'a;b;c\r\n"x; y";"say ""hi""";"multi\nline"\n1;;3\r\n\n"";4;5\nlast;row;"q"';

  it("agrees with loaders/lib/csv.ts on records and line numbers (blank lines reported)", () => {
    const expected = parseCsv(text, ";");
    const { records, unclosedQuoteLine } = tokenizeCsv(text, ";");
    expect(records.filter((r) => !(r.fields.length === 1 && r.fields[0] === ""))).toEqual(expected);
    expect(records.find((r) => r.fields.length === 1 && r.fields[0] === "")?.line).toBe(5);
    expect(unclosedQuoteLine).toBeNull();
  });

  it("gives the same records however the text is split into chunks", () => {
    const whole = tokenizeCsv(text, ";").records;
    for (let size = 1; size <= 7; size++) {
      const tokenizer = new CsvTokenizer(";");
      const records = [];
      for (let i = 0; i < text.length; i += size) records.push(...tokenizer.push(text.slice(i, i + size)));
      records.push(...tokenizer.end().records);
      expect(records, `chunk size ${size}`).toEqual(whole);
    }
  });

  it("reports the line of a quote that never closes", () => {
    expect(tokenizeCsv('a;b\n1;"open\n2;3\n', ";").unclosedQuoteLine).toBe(2);
  });
});

describe("files as exported", () => {
  const temp = makeTempDir("registry-reading");
  afterAll(() => temp.remove());
  const person = (nik: string, kk: string, kec: string, kel: string, delimiter: string) =>
    [nik, kk, "WARGA SINTETIS", "JL. CONTOH", kec, kel, "2", "4", "N"].join(delimiter);
  const header = (delimiter: string) => ["NIK", "NO KK", "NAMA LENGKAP", "ALAMAT", "KECAMATAN", "KELURAHAN/DESA", "DESIL", "JML ART", "RTLH"].join(delimiter);

  it("detects a comma delimiter, a BOM and CRLF", async () => {
    const text = `\uFEFF${header(",")}\r\n${person(fakeNik(), fakeKk(), "Serang", "Cipare", ",")}\r\n`;
    const report = await checkPath(writeTemp(temp, "comma.csv", text));
    expect(report).toMatchObject({ delimiter: ",", encoding: "utf-8-bom", rows: 1, accepted: 1, rejected: 0, kind: "registry" });
  });

  it("detects a semicolon delimiter even when the names hold commas", async () => {
    const text = `${header(";")}\n${[fakeNik(), fakeKk(), '"SINTETIS, S.Pd"', "RT 01, RW 02", "Serang", "Cipare", "2", "4", "N"].join(";")}\n`;
    const report = await checkPath(writeTemp(temp, "semicolon.csv", text));
    expect(report).toMatchObject({ delimiter: ";", rows: 1, accepted: 1 });
  });

  it("decodes an invalid-UTF-8 file as Windows-1252 and reports it", async () => {
    const text = `${header(";")}\n${person(fakeNik(), fakeKk(), "Serang", "Cipare", ";").replace("WARGA SINTETIS", "JOS\u00c9 SINTETIS")}\n`;
    const report = await checkPath(writeTemp(temp, "latin.csv", Buffer.from(text, "latin1")));
    expect(report.encoding).toBe("windows-1252");
    expect(report.issues.filter((i) => i.code === "ENCODING_WINDOWS_1252")).toHaveLength(1);
    expect(report.accepted).toBe(1);
  });

  it("reads a UTF-16 export from Excel's Unicode text", async () => {
    const text = `\uFEFF${header("\t")}\r\n${person(fakeNik(), fakeKk(), "Serang", "Cipare", "\t")}\r\n`;
    const report = await checkPath(writeTemp(temp, "unicode.txt", Buffer.from(text, "utf16le")));
    expect(report).toMatchObject({ encoding: "utf-16le", delimiter: "\t", rows: 1, accepted: 1 });
  });

  it("finds the header below title rows and rejects total rows with their own code", async () => {
    const lines = [
      "DAFTAR BNBA KEMISKINAN EKSTREM;;;;;;;;",
      "KOTA SERANG TAHUN 2025 (DATA SINTETIS);;;;;;;;",
      ";;;;;;;;",
      header(";"),
      person(fakeNik({ serial: 9991 }), fakeKk(), "Serang", "Cipare", ";"),
      person(fakeNik({ serial: 9992 }), fakeKk(), "Serang", "Cipare", ";"),
      "JUMLAH;;;;;;;8;",
      "Serang, 1 Desember 2025;;;;;;;;"
    ];
    const report = await checkPath(writeTemp(temp, "titled.csv", lines.join("\n") + "\n"));
    expect(report.headerLine).toBe(4);
    expect(report.issues.filter((i) => i.code === "TITLE_ROW").map((i) => i.row)).toEqual([1, 2]);
    const byRow = errorCodesByRow(report);
    expect(byRow.get(7)).toEqual(["TOTAL_ROW"]);
    expect(report).toMatchObject({ rows: 4, accepted: 2, rejected: 2 });
    expect(conserved(report)).toBe(true);
  });

  it("matches region names exactly, normalised and through the alias table, and says which", async () => {
    const lines = [
      header(";"),
      person(fakeNik({ serial: 9991 }), fakeKk({ serial: 9991 }), "Serang", "Cipare", ";"),
      person(fakeNik({ serial: 9992 }), fakeKk({ serial: 9992 }), "KEC. SERANG", "kel.  cipare", ";"),
      person(fakeNik({ serial: 9993 }), fakeKk({ serial: 9993, kec: "367305" }), "Cipocok", "Dalung", ";"),
      person(fakeNik({ serial: 9994 }), fakeKk({ serial: 9994, kec: "367302" }), "Kasemen", "Masjid Priyayi", ";"),
      person(fakeNik({ serial: 9995 }), fakeKk({ serial: 9995 }), "Serang", "Cipari", ";")
    ];
    const report = await checkPath(writeTemp(temp, "names.csv", lines.join("\n") + "\n"));
    expect(report.regions?.byHow).toEqual({ code: 0, exact: 1, normalised: 1, alias: 2 });
    const loose = [...(report.regions?.loose.values() ?? [])].map((l) => [l.level, l.written, l.nama, l.how]);
    expect(loose).toEqual(
      expect.arrayContaining([
        ["kecamatan", "KEC. SERANG", "Serang", "normalised"],
        ["kelurahan", "kel.  cipare", "Cipare", "normalised"],
        ["kecamatan", "Cipocok", "Cipocok Jaya", "alias"],
        ["kelurahan", "Masjid Priyayi", "Mesjid Priyayi", "alias"]
      ])
    );
    expect(errorCodesByRow(report).get(6)).toEqual(["REGION_UNKNOWN"]);
    expect(conserved(report)).toBe(true);
  });

  it("accepts rows without the empty cells that end the header", async () => {
    const text = `${header(";")};;\n${person(fakeNik(), fakeKk(), "Serang", "Cipare", ";")}\n${person(fakeNik({ serial: 9998 }), fakeKk(), "Serang", "Cipare", ";").split(";").slice(0, 8).join(";")}\n`;
    const report = await checkPath(writeTemp(temp, "trailing-header.csv", text));
    expect(report).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
    expect(errorCodesByRow(report).get(3)).toEqual(["COLUMN_COUNT"]);
  });

  it("lists the first info notes of a code row by row and counts the rest", async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `'${fakeNik({ serial: 1000 + i })};${fakeKk()};3673011001;1`);
    const report = await checkPath(writeTemp(temp, "apostrof.csv", ["NIK;NO_KK;KODE_KELURAHAN;DESIL", ...rows].join("\n")));
    expect(report).toMatchObject({ rows: 150, accepted: 150, rejected: 0 });
    const notes = report.issues.filter((i) => i.code === "NIK_APOSTROPHE");
    expect(notes.filter((n) => n.row !== null).map((n) => n.row)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    expect(notes.filter((n) => n.row === null).map((n) => n.message)).toEqual([expect.stringMatching(/^150 baris/)]);
  });

  it("uses a site column map for unusual headers", async () => {
    const { loadColumnMap, makeColumnResolver } = await import("../../../../loaders/registry/columns.js");
    const mapFile = writeTemp(temp, "column-map.csv", "alias,column\nNOMER KARTU KELUARGA,NO_KK\nDSL,DESIL\n");
    const resolver = makeColumnResolver(await loadColumnMap(mapFile));
    const text = `NIK;NOMER KARTU KELUARGA;KODE_KELURAHAN;DSL\n${fakeNik()};${fakeKk()};3673011002;3\n`;
    const report = await checkPath(writeTemp(temp, "mapped.csv", text), { resolver });
    expect(report).toMatchObject({ kind: "registry", rows: 1, accepted: 1 });
    expect(report.columns.map((c) => c.column)).toEqual(["NIK", "NO_KK", "KODE_KELURAHAN", "DESIL"]);
  });
});
