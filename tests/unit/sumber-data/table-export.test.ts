import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { previewCell, sortCatalog } from "../../../src/components/sumber-data/view.js";
import { toCsv, toXlsx } from "../../../src/components/core/export.js";
import { SYNTHETIC_CAPTION } from "../../../src/components/core/synthetic.js";
import { columnFormat, exportStem, isYearColumn, tableWorkbook, type TableInfo } from "../../../src/components/sumber-data/table-export.js";

const COLUMNS = JSON.stringify([
  { name: "kode", type: "VARCHAR", description: "Kode wilayah" },
  { name: "year", type: "INTEGER", description: "Tahun" },
  { name: "value", type: "DOUBLE", description: "Persentase" },
  { name: "households", type: "BIGINT", description: "Rumah tangga" },
  { name: "on_target_list", type: "BOOLEAN", description: "Masuk daftar sasaran" }
]);
const TABLE: TableInfo = { name: "contoh", description: "Tabel contoh", columns: COLUMNS, source: "BPS", retrieved_at: "2025-09-23", synthetic: true };
const ROWS = [
  { kode: "3673", year: 2018, value: 1.25, households: 1300, on_target_list: true },
  { kode: "=cmd|'/c calc'!A1", year: 2019, value: null, households: 7, on_target_list: false }
];

describe("column formats", () => {
  it("keeps years plain and maps DuckDB types", () => {
    expect(isYearColumn("year")).toBe(true);
    expect(isYearColumn("tahun_data")).toBe(true);
    expect(isYearColumn("years_since")).toBe(false);
    expect(columnFormat({ name: "year", type: "INTEGER" })).toBe("text");
    expect(columnFormat({ name: "households", type: "BIGINT" })).toBe("int");
    expect(columnFormat({ name: "value", type: "DOUBLE" })).toBe("number");
    expect(columnFormat({ name: "retrieved_at", type: "DATE" })).toBe("date");
    expect(columnFormat({ name: "kode", type: "VARCHAR" })).toBe("text");
  });
});

describe("tableWorkbook", () => {
  it("exports every column under its name, neutralises formulas, writes booleans in Indonesian", () => {
    const csv = toCsv(tableWorkbook(TABLE, ROWS).sheets[0]!);
    expect(csv).toBe("\uFEFFkode;year;value;households;on_target_list\r\n3673;2018;1,25;1300;Ya\r\n'=cmd|'/c calc'!A1;2019;;7;Tidak\r\n");
    expect(toCsv(tableWorkbook(TABLE, ROWS).sheets[0]!, "analisis")).toBe("kode,year,value,households,on_target_list\r\n3673,2018,1.25,1300,true\r\n'=cmd|'/c calc'!A1,2019,,7,false\r\n");
  });

  it("builds an XLSX with the table (synthetic caption), its data dictionary and the source sheet", async () => {
    const bytes = await toXlsx(tableWorkbook(TABLE, ROWS, new Date("2026-12-03T00:00:00Z")));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["contoh", "Kamus data", "Sumber"]);
    const data = book.getWorksheet("contoh")!;
    expect(data.getCell("A1").value).toBe(SYNTHETIC_CAPTION);
    expect(data.getRow(2).values).toEqual([undefined, "kode", "year", "value", "households", "on_target_list"]);
    expect(data.getCell("B3").value).toBe(2018);
    expect(data.getColumn(2).numFmt).toBeUndefined(); // a year, not "2,018"
    expect(data.getColumn(4).numFmt).toBe("#,##0");
    const dictionary = book.getWorksheet("Kamus data")!;
    expect(dictionary.getCell("A6").value).toBe("on_target_list");
    expect(dictionary.getCell("C6").value).toBe("Masuk daftar sasaran");
    const sources = book.getWorksheet("Sumber")!;
    expect(sources.getRow(5).values).toEqual([undefined, "contoh", "BPS", "23 Sep 2025", SYNTHETIC_CAPTION]);
  });

  it("names synthetic exports as such", () => {
    expect(exportStem(TABLE)).toBe("contoh-data-sintetis");
    expect(exportStem({ ...TABLE, synthetic: false })).toBe("contoh");
  });
});

describe("preview cells", () => {
  it("formats numbers in Indonesian, years plain, booleans as Ya/Tidak", () => {
    expect(previewCell("households", 1300)).toBe("1.300");
    expect(previewCell("year", 2018)).toBe("2018");
    expect(previewCell("value", 1.25)).toBe("1,25");
    expect(previewCell("on_target_list", true)).toBe("Ya");
    expect(previewCell("on_target_list", false)).toBe("Tidak");
    expect(previewCell("kode", null)).toBe("–");
    expect(previewCell("kode", "3673")).toBe("3673");
  });
  it("sorts the catalogue by name", () => {
    expect(sortCatalog([{ name: "regions" }, { name: "bps_poverty" }, { name: "catalog" }]).map((r) => r.name)).toEqual(["bps_poverty", "catalog", "regions"]);
  });
});
