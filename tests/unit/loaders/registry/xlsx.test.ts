// XLSX exports built with exceljs inside the test: title rows, numbers stored as numbers,
// scientific-notation damage, formulas, booleans, blank and total rows, sheet choice.
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { HouseholdAccumulator } from "../../../../loaders/registry/households.js";
import { UnreadableFileError } from "../../../../loaders/registry/table-reader.js";
import { makeTempDir } from "../../../support/tmp.js";
import { checkPath, conserved, errorCodesByRow, fakeKk, fakeNik, writeTemp } from "./support.js";

const HEADER = ["NIK", "NO_KK", "NAMA", "KODE_KELURAHAN", "DESIL", "JUMLAH_ART", "PENGELUARAN_PERKAPITA", "LANSIA", "TANPA_JKN"];

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("XLSX registry files", () => {
  const temp = makeTempDir("registry-xlsx");
  afterAll(() => temp.remove());

  it("reads cells as Excel stored them and reports sheet rows", async () => {
    const nikNumber = fakeNik({ serial: 9991 });
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("BNBA");
      sheet.getRow(1).values = ["DATA BNBA SINTETIS KOTA SERANG"];
      sheet.mergeCells("A1:I1");
      sheet.getRow(3).values = HEADER;
      // 4: NIK as text, NO_KK as a number with all 16 digits
      sheet.getRow(4).values = [fakeNik({ serial: 9990 }), Number(fakeKk({ serial: 9990 })), "WARGA SINTETIS", "3673011001", 1, 2, null, "Y", "N"];
      // 5: NIK as a number; expenditure as an exact decimal number
      sheet.getRow(5).values = [Number(nikNumber), fakeKk({ serial: 9990 }), "WARGA SINTETIS", "3673011001", 1, 2, 450_000.5, "N", "N"];
      // 6: NIK damaged by scientific notation before it reached the sheet
      sheet.getRow(6).values = [3.67305e15, fakeKk({ serial: 9991 }), "WARGA SINTETIS", "3673011001", 2, 1, null, "N", "N"];
      // 7: formula for JUMLAH_ART with its cached result, booleans for flags
      sheet.getRow(7).values = [fakeNik({ serial: 9992 }), fakeKk({ serial: 9992 }), "WARGA SINTETIS", "3673051007", 3, { formula: "1+2", result: 3 }, null, true, false];
      // 8 left blank; 9: total row
      sheet.getRow(9).values = ["JUMLAH", null, null, null, null, 5];
    });
    const households = new HouseholdAccumulator();
    const report = await checkPath(writeTemp(temp, "bnba.xlsx", bytes), { households });
    expect(report).toMatchObject({ format: "xlsx", sheet: "BNBA", headerLine: 3, titleRows: 1, kind: "registry" });
    const byRow = errorCodesByRow(report);
    expect([...byRow.entries()]).toEqual([
      [6, ["NIK_SCIENTIFIC"]],
      [8, ["EMPTY_ROW"]],
      [9, ["TOTAL_ROW"]]
    ]);
    const notes = report.issues.filter((i) => i.severity === "info" && i.row !== null).map((i) => [i.row, i.code]);
    expect(notes).toEqual(expect.arrayContaining([[4, "NO_KK_FROM_NUMBER"], [5, "NIK_FROM_NUMBER"], [1, "TITLE_ROW"]]));
    expect(report).toMatchObject({ rows: 6, accepted: 3, rejected: 3 });
    expect(conserved(report)).toBe(true);

    const rows = households.finish((kk) => kk);
    const first = rows.find((r) => r.hh_id === fakeKk({ serial: 9990 }));
    expect(first).toMatchObject({ members: 2, pce_month_rp: 450_000.5, pce_imputed: false, elderly: true, kel_kode: "3673011001" });
    expect(households.householdOfNik(nikNumber)).toBe(fakeKk({ serial: 9990 }));
    const third = rows.find((r) => r.hh_id === fakeKk({ serial: 9992 }));
    expect(third).toMatchObject({ members: 3, elderly: true, no_health_insurance: false, kec_kode: "367305", kel_kode: "3673051007" });
  });

  it("reads the first sheet unless told, by name or position", async () => {
    const bytes = await workbookBytes((workbook) => {
      const first = workbook.addWorksheet("Kasemen");
      first.addRow(HEADER);
      first.addRow([fakeNik({ serial: 9981 }), fakeKk({ serial: 9981, kec: "367302" }), "A", "3673021001", 1, 1, null, "N", "N"]);
      const second = workbook.addWorksheet("Curug");
      second.addRow(HEADER);
      second.addRow([fakeNik({ serial: 9982 }), fakeKk({ serial: 9982, kec: "367304" }), "B", "3673041001", 1, 1, null, "N", "N"]);
      second.addRow([fakeNik({ serial: 9983 }), fakeKk({ serial: 9983, kec: "367304" }), "C", "3673041002", 11, 1, null, "N", "N"]);
    });
    const file = writeTemp(temp, "two-sheets.xlsx", bytes);
    expect(await checkPath(file)).toMatchObject({ sheet: "Kasemen", rows: 1, accepted: 1 });
    expect(await checkPath(file, { sheet: "Curug" })).toMatchObject({ sheet: "Curug", rows: 2, accepted: 1, rejected: 1 });
    expect(await checkPath(file, { sheet: 2 })).toMatchObject({ sheet: "Curug", rows: 2 });
    await expect(checkPath(file, { sheet: "Walantaka" })).rejects.toThrow(UnreadableFileError);
  });

  it("refuses a damaged workbook and an old .xls file with one sentence", async () => {
    const broken = writeTemp(temp, "broken.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]));
    await expect(checkPath(broken)).rejects.toThrow(/bukan lembar kerja \.xlsx/);
    const xls = writeTemp(temp, "old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expect(checkPath(xls)).rejects.toThrow(/Excel 97–2003/);
  });
});
