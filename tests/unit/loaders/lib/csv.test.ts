import { describe, expect, it } from "vitest";
import { CsvSyntaxError, formatCsv, parseCsv, parseCsvObjects } from "../../../../loaders/lib/csv.js";

describe("CSV", () => {
  it("parses quoted fields, doubled quotes, embedded delimiters and newlines", () => {
    const text = 'a,b,c\n"x, y","say ""hi""","multi\nline"\n1,,3\n';
    const records = parseCsv(text);
    expect(records.map((r) => r.fields)).toEqual([["a", "b", "c"], ["x, y", 'say "hi"', "multi\nline"], ["1", "", "3"]]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("handles CRLF, a BOM, a semicolon delimiter and a missing final newline", () => {
    const records = parseCsv("\uFEFFNIK;NAMA\r\n3673;Siti\r\n3604;Budi", ";");
    expect(records.map((r) => r.fields)).toEqual([["NIK", "NAMA"], ["3673", "Siti"], ["3604", "Budi"]]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it("skips blank lines but keeps the line numbers of what follows", () => {
    const records = parseCsv("a\n\n\nb\n");
    expect(records).toEqual([{ line: 1, fields: ["a"] }, { line: 4, fields: ["b"] }]);
  });

  it("reports an unclosed quote with its line", () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open\n')).toThrow(/line 2/);
  });

  it("maps rows to header names and round-trips through formatCsv", () => {
    const rows = [{ kode: "3673", nama: 'Kota "Serang", Banten' }, { kode: "3604", nama: null }];
    const text = formatCsv(["kode", "nama"], rows);
    expect(parseCsvObjects(text).map((r) => r.row)).toEqual([
      { kode: "3673", nama: 'Kota "Serang", Banten' },
      { kode: "3604", nama: "" }
    ]);
  });
});
