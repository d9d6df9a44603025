// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { dataTable, exportSheet, formatCell, keyValueTable, kpiCard, type TableColumn } from "../../../src/components/core/table.js";

type Row = { kode: string; nama: string; kk: number | null; pct: number; rp: number; ok: boolean };
const ROWS: Row[] = [
  { kode: "367302", nama: "Kasemen", kk: 1300, pct: 45.25, rp: 2.2e9, ok: true },
  { kode: "367306", nama: "Taktakan", kk: null, pct: 0, rp: 200_000, ok: false }
];
const COLUMNS: TableColumn<Row>[] = [
  { key: "nama", header: "Kecamatan", rowHeader: true },
  { key: "kk", header: "KK", format: "int", cell: (r) => ({ "data-value": String(r.kk) }) },
  { key: "pct", header: "Cakupan (%)", format: "pct" },
  { key: "rp", header: "Nilai", format: "rp" },
  { key: "ok", header: "Layak" },
  { key: "link", header: "", render: (r) => [document.createTextNode("→ "), r.kode] }
];

const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent);

describe("the table kit", () => {
  it("formats values the Indonesian way, with a dash for a missing one", () => {
    expect([formatCell(1300, "int"), formatCell(45.25, "pct"), formatCell(2.2e9, "rp"), formatCell(0.5, "number"), formatCell(true, undefined), formatCell(null, "int"), formatCell(null, "int", "")]).toEqual([
      "1.300",
      "45,3%",
      "Rp2,2 miliar",
      "0,50",
      "Ya",
      "–",
      ""
    ]);
    expect(formatCell("2026-01-05", "date")).toBe("5 Jan 2026");
  });

  it("draws headers, row headers, right-aligned figures and each cell's hooks from one column list", () => {
    const wrap = dataTable(COLUMNS, ROWS, { id: "t" }, { row: (r) => ({ "data-kec": r.kode }) });
    expect(wrap.className).toBe("ts-scroll");
    const table = wrap.querySelector("table#t")!;
    expect(texts(table, "thead th")).toEqual(["Kecamatan", "KK", "Cakupan (%)", "Nilai", "Layak", ""]);
    expect([...table.querySelectorAll("thead th")].map((th) => th.className)).toEqual(["", "num", "num", "num", "", ""]);
    expect(texts(table, 'tr[data-kec="367302"] > *')).toEqual(["Kasemen", "1.300", "45,3%", "Rp2,2 miliar", "Ya", "→ 367302"]);
    expect(texts(table, 'tr[data-kec="367306"] > *')).toEqual(["Taktakan", "–", "0,0%", "Rp200.000", "Tidak", "→ 367306"]);
    expect(table.querySelector('tr[data-kec="367302"] th[scope="row"]')?.textContent).toBe("Kasemen");
    expect(table.querySelector('tr[data-kec="367302"] td[data-col="kk"]')?.getAttribute("data-value")).toBe("1300");
  });

  it("shows at most `limit` rows and says that the export holds them all", () => {
    const rows = Array.from({ length: 1205 }, (_, i) => ({ ...ROWS[0]!, kode: String(i) }));
    const wrap = dataTable(COLUMNS, rows, {}, { limit: 200, wrapper: { class: "ps-scroll", "data-rows": String(rows.length) } });
    expect(wrap.querySelectorAll("tbody tr")).toHaveLength(200);
    expect(wrap.querySelector("p.ts-muted")?.textContent).toBe("Ditampilkan 200 dari 1.205 baris; semua baris ada di berkas ekspor.");
    expect(dataTable(COLUMNS, ROWS, {}, { wrapper: null }).tagName).toBe("TABLE");
  });

  it("spans a row's cells when it has nothing to show but one sentence", () => {
    const table = dataTable(COLUMNS, ROWS, {}, { wrapper: null, spanning: (r) => (r.kk === null ? "Tidak ada angka." : null) });
    const gap = table.querySelectorAll("tbody tr")[1]!;
    expect(texts(gap, "th, td")).toEqual(["Taktakan", "Tidak ada angka."]);
    expect(gap.querySelector("td")?.getAttribute("colspan")).toBe("5");
  });

  it("exports the same columns with their formats, and the rows as they are", () => {
    const sheet = exportSheet("Kecamatan", COLUMNS.slice(0, 4), ROWS, "DATA SINTETIS");
    expect(sheet.columns).toEqual([{ key: "nama", header: "Kecamatan" }, { key: "kk", header: "KK", format: "int" }, { key: "pct", header: "Cakupan (%)", format: "pct" }, { key: "rp", header: "Nilai", format: "rp" }]);
    expect(sheet.rows).toBe(ROWS);
    expect(sheet.caption).toBe("DATA SINTETIS");
  });

  it("lists labelled values, and writes a KPI card with its unit or its pending note", () => {
    const kv = keyValueTable([["Perkiraan 2026", "0,41%"]], { id: "kv" });
    expect(texts(kv, "tbody tr > *")).toEqual(["Perkiraan 2026", "0,41%"]);
    const card = kpiCard("Jiwa miskin ekstrem 2026", "1.300", "perkiraan model", "remaining", { unit: "jiwa", attributes: { "data-region": "36" } });
    expect(card.className).toBe("ts-kpi card");
    expect([card.getAttribute("data-kpi"), card.getAttribute("data-region"), card.querySelector(".ts-kpi-value")?.textContent]).toEqual(["remaining", "36", "1.300 jiwa"]);
    const pending = kpiCard("Kemiskinan ekstrem", null, "Belum ada angka.", "extreme", { framed: false });
    expect(pending.className).toBe("ts-kpi");
    expect(pending.querySelector(".ts-pending")?.textContent).toBe("Belum ada angka.");
    expect(pending.querySelector(".ts-kpi-value")).toBeNull();
  });
});
