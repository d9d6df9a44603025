import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportFileName, neutraliseFormula, sheetName, toCsv, toXlsx, type ExportSheet } from "../../../src/components/core/export.js";

const sheet: ExportSheet = {
  name: "Tumpang tindih",
  columns: [
    { key: "kec", header: "Kecamatan" },
    { key: "hh", header: "Rumah tangga (KK)", format: "int" },
    { key: "value", header: "Nilai (Rp)", format: "rp" }
  ],
  rows: [
    { kec: "Kasemen", hh: 1300, value: 2_200_000_000 },
    { kec: "=HYPERLINK(\"x\")", hh: 2, value: null },
    { kec: "Walantaka; \"Utara\"", hh: 0, value: 1.5 }
  ]
};

describe("neutraliseFormula", () => {
  it("prefixes every character a spreadsheet reads as a formula start", () => {
    for (const text of ["=1+1", "+62", "-5", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula("Kasemen")).toBe("Kasemen");
    expect(neutraliseFormula("")).toBe("");
  });
});

describe("toCsv", () => {
  it("for Excel in an Indonesian locale: a BOM, ';', decimal comma, quotes delimiters and quotes, neutralises formulas", () => {
    const csv = toCsv(sheet);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toEqual([
      "Kecamatan;Rumah tangga (KK);Nilai (Rp)",
      "Kasemen;1300;2200000000",
      "\"'=HYPERLINK(\"\"x\"\")\";2;",
      "\"Walantaka; \"\"Utara\"\"\";0;1,5"
    ]);
  });
  it("for analysis tools: no BOM, ',', decimal point, every digit, no exponent", () => {
    const csv = toCsv({ ...sheet, rows: [...sheet.rows, { kec: "Curug, Barat", hh: 1e-7, value: 1.5e21 }] }, "analisis");
    expect(csv.startsWith("\uFEFF")).toBe(false);
    expect(csv.trimEnd().split("\r\n")).toEqual([
      "Kecamatan,Rumah tangga (KK),Nilai (Rp)",
      "Kasemen,1300,2200000000",
      "\"'=HYPERLINK(\"\"x\"\")\",2,",
      "\"Walantaka; \"\"Utara\"\"\",0,1.5",
      "\"Curug, Barat\",0.0000001,1500000000000000000000"
    ]);
  });
});

describe("toXlsx", () => {
  it("round-trips values, keeps formulas as text and adds a Sumber sheet", async () => {
    const bytes = await toXlsx({
      title: "Uji ekspor",
      sheets: [sheet],
      sources: [{ item: "registry_cells_3673", source: "DATA SINTETIS", date: "3 Des 2026" }],
      generatedAt: new Date("2026-12-03T00:00:00Z")
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Tumpang tindih", "Sumber"]);
    const ws = book.getWorksheet("Tumpang tindih")!;
    expect(ws.getRow(1).values).toEqual([undefined, "Kecamatan", "Rumah tangga (KK)", "Nilai (Rp)"]);
    expect(ws.getCell("B2").value).toBe(1300);
    expect(ws.getCell("C2").value).toBe(2_200_000_000);
    expect(ws.getCell("A3").value).toBe("'=HYPERLINK(\"x\")");
    expect(ws.getCell("C2").numFmt).toBe('"Rp"#,##0');
    const sources = book.getWorksheet("Sumber")!;
    expect(sources.getCell("A1").value).toBe("Uji ekspor");
    expect(sources.getCell("B5").value).toBe("DATA SINTETIS");
  });
});

describe("names", () => {
  it("makes sheet names Excel accepts and unique", () => {
    expect(sheetName("a/b:c")).toBe("a b c");
    expect(sheetName("x".repeat(40)).length).toBe(31);
    expect(sheetName("Sumber", new Set(["sumber"]))).toBe("Sumber 2");
  });
  it("dates file names", () => {
    expect(exportFileName("Rakor: tumpang tindih!", "xlsx", new Date("2026-12-03T10:00:00Z"))).toBe("rakor-tumpang-tindih-2026-12-03.xlsx");
  });
});
