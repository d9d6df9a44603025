// The /periksa results: headline counts, then one section per result table with its own CSV and
// XLSX buttons, and the row report. Tables from the kit, columns from sheets.ts (the same on
// screen and in the files); files from export.ts.
import { downloadFile, exportFileName, toCsv, toXlsx, type ExportColumn, type ExportSheet } from "../core/export.js";
import { formatDate, formatNumber } from "../core/format.js";
import { dataTable, kpiCard, type TableColumn } from "../core/table.js";
import { el } from "../core/ui.js";
import { checkWorkbook, type CheckRun } from "./export.js";
import type { ListReading } from "./read-list.js";
import { resultSheets, type SheetKey } from "./sheets.js";

/** Rows shown per table; the files hold them all. */
export const SHOWN_ROWS = 200;

type Row = Record<string, unknown>;

/** A similarity or other fraction to three places, a count as a whole number. */
function figure(value: unknown): string {
  return typeof value === "number" ? formatNumber(value, Number.isInteger(value) ? 0 : 3) : String(value ?? "");
}

/** The screen columns of an export sheet: the same keys and headers, fractions to three places. */
export function screenColumns(columns: readonly ExportColumn[]): TableColumn<Row>[] {
  return columns.map((c) => ({ key: c.key, header: c.header, ...(c.format ? { format: c.format } : {}), ...(c.format === "number" ? { render: (r: Row) => figure(r[c.key]) } : {}) }));
}

function table(columns: readonly TableColumn<Row>[], rows: readonly Row[], testid: string): HTMLElement {
  return dataTable(columns, rows, {}, { wrapper: { class: "ps-scroll", "data-testid": testid, "data-rows": String(rows.length) }, limit: SHOWN_ROWS, missing: "" });
}

/** On screen the overlap table is compact (programme code and funder in one cell); the files have every column. */
const OVERLAP_SCREEN_COLUMNS: TableColumn<Row>[] = [
  { key: "list_a", header: "Daftar A: program (dana), berkas", render: (o) => `${o["code_a"]} (${o["funder_a"]})\n${o["file_a"]} · baris ${o["row_a"]}` },
  { key: "name_a", header: "Nama A" },
  { key: "nik_a", header: "NIK A" },
  { key: "list_b", header: "Daftar B: program (dana), berkas", render: (o) => `${o["code_b"]} (${o["funder_b"]})\n${o["file_b"]} · baris ${o["row_b"]}` },
  { key: "name_b", header: "Nama B" },
  { key: "nik_b", header: "NIK B" },
  { key: "how", header: "Dasar kecocokan" },
  { key: "name_sim", header: "Kemiripan nama", format: "number", render: (o) => figure(o["name_sim"]) },
  { key: "addr_sim", header: "Kemiripan alamat", format: "number", render: (o) => figure(o["addr_sim"]) },
  { key: "verdict", header: "Aturan" },
  { key: "allowed", header: "Boleh" }
];

const COUNT_COLUMNS: TableColumn<Row>[] = [
  { key: "file", header: "Berkas" },
  { key: "rows", header: "Baris dibaca", format: "int" },
  { key: "accepted", header: "Diterima", format: "int" },
  { key: "rejected", header: "Ditolak", format: "int" }
];

function exportButtons(run: CheckRun, key: SheetKey, stem: string): HTMLElement {
  const csv = el("button", { type: "button", "data-testid": `export-csv-${key}` }, "Unduh CSV");
  const xlsx = el("button", { type: "button", "data-testid": `export-xlsx-${key}` }, "Unduh XLSX");
  csv.addEventListener("click", () => {
    const sheet = resultSheets(run.results, run.inputs, run.threshold).find((s) => s.key === key)!.sheet;
    downloadFile(toCsv(sheet), exportFileName(`periksa-${stem}`, "csv", run.checkedAt));
  });
  xlsx.addEventListener("click", () => void toXlsx(checkWorkbook(run, [key])).then((bytes) => downloadFile(bytes, exportFileName(`periksa-${stem}`, "xlsx", run.checkedAt))));
  return el("div", { class: "ps-exports" }, csv, xlsx);
}

/** Everything the check found, for the lists it read (`readings`, for the row counts). */
export function checkResults(run: CheckRun, readings: readonly ListReading[]): HTMLElement[] {
  const r = run.results;
  const sheets = resultSheets(r, run.inputs, run.threshold);
  const sheetOf = (key: SheetKey): ExportSheet => sheets.find((s) => s.key === key)!.sheet;
  const sheetTable = (key: SheetKey, testid: string) => table(screenColumns(sheetOf(key).columns), sheetOf(key).rows, testid);
  const section = (title: string, key: SheetKey, stem: string, intro: string, body: HTMLElement) =>
    el("section", { class: "ps-section", "data-testid": `section-${key}` }, el("h3", {}, title), el("p", {}, intro), exportButtons(run, key, stem), body);
  const kpi = (label: string, n: number, kind: string) => kpiCard(label, formatNumber(n), "", kind, { framed: false, attributes: { "data-testid": `kpi-${kind}`, "data-value": String(n) } });

  const all = el("button", { type: "button", "data-testid": "export-all" }, "Unduh semua hasil (XLSX)");
  all.addEventListener("click", () => void toXlsx(checkWorkbook(run, sheets.map((s) => s.key))).then((bytes) => downloadFile(bytes, exportFileName("periksa-daftar-bnba", "xlsx", run.checkedAt))));
  const parts: HTMLElement[] = [
    el("h2", {}, "Hasil pemeriksaan"),
    el("p", { class: "ts-source" }, `Sumber: berkas yang Anda buka (${run.inputs.map((l) => l.fileName).join(", ")}), diperiksa ${formatDate(run.checkedAt)}; ambang kemiripan nama dan alamat ${formatNumber(run.threshold, 2)}.`),
    el(
      "div",
      { class: "ts-kpis" },
      kpi("Pasangan orang di lebih dari satu daftar program", r.overlaps.length, "overlaps"),
      kpi("…di antaranya kombinasi yang tidak diperbolehkan", r.overlaps.filter((o) => !o.allowed).length, "disallowed"),
      kpi("Pasangan ganda dalam satu daftar", r.duplicates.length, "duplicates"),
      kpi("Baris dengan NIK tidak valid", r.invalidNiks.length, "invalid"),
      ...(r.unserved ? [kpi("Keluarga sasaran tanpa program dari daftar ini", r.unserved.length, "unserved")] : [])
    ),
    all,
    section(
      "Orang di lebih dari satu daftar program",
      "overlaps",
      "tumpang-tindih",
      "Setiap baris adalah satu pasangan baris dari dua daftar yang menunjuk orang yang sama: NIK sama, atau nama dan alamat yang mirip setelah gelar, ejaan, JL./JALAN, dan RT/RW disamakan. Kolom aturan dibaca dari tabel aturan tumpang tindih.",
      table(OVERLAP_SCREEN_COLUMNS, r.overlaps, "table-overlaps")
    ),
    section("Ganda dalam satu daftar", "duplicates", "ganda", "Dua baris dalam satu berkas yang menunjuk orang yang sama.", sheetTable("duplicates", "table-duplicates")),
    section(
      "NIK tidak valid",
      "invalid",
      "nik-tidak-valid",
      "Baris yang NIK-nya gagal pemeriksaan struktur (16 digit, kode wilayah, tanggal lahir, nomor urut). Baris ini tetap dicocokkan menurut nama dan alamat.",
      sheetTable("invalid", "table-invalid")
    )
  ];
  if (r.unserved && r.unservedByArea) {
    parts.push(
      section(
        "Keluarga sasaran yang tidak ada di daftar program mana pun",
        "unserved_area",
        "sasaran-tanpa-program-per-kelurahan",
        "Keluarga (menurut NO_KK) di daftar sasaran yang tidak satu pun anggotanya ditemukan di daftar program yang dibuka, per kelurahan/desa.",
        sheetTable("unserved_area", "table-unserved-area")
      ),
      section("Daftar keluarga sasaran tanpa program", "unserved", "sasaran-tanpa-program", "Satu baris per keluarga (anggota pertama yang tercatat).", sheetTable("unserved", "table-unserved"))
    );
  }
  parts.push(
    section(
      "Laporan pemeriksaan baris",
      "rows",
      "laporan-baris",
      "Setiap baris berkas diterima atau dilaporkan dengan baris, kolom, dan alasannya; diterima + ditolak = baris dibaca.",
      el("div", {}, table(COUNT_COLUMNS, readings.map((l) => ({ file: l.fileName, rows: l.rows, accepted: l.accepted, rejected: l.rejected })), "table-counts"), sheetTable("rows", "table-rows"))
    )
  );
  return parts;
}
