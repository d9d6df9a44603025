// Pieces shared by /cakupan, /rakor and the Ringkasan coverage block: one column definition drives
// both the on-screen table and the export sheet, the source line of the registry cells (with the
// synthetic-data badge), KPI cards, and the export buttons (exceljs loaded only when asked for).
import type { ColumnFormat, ExportColumn, ExportSheet, ExportSource } from "./export.js";
import { formatDate, formatNumber, formatPercent, formatRupiah } from "./format.js";
import { el, textWithCode, syntheticBadge } from "./ui.js";
import type { CatalogSource } from "./catalog.js";
import { CSV_LABEL } from "./csv-dialect.js";
import { anySynthetic, syntheticPrefix } from "./synthetic.js";

export interface TableColumn<T> extends ExportColumn {
  readonly key: keyof T & string;
  /** Screen text of a value (default from the format). */
  readonly render?: (row: T) => Node | string;
}

export function formatCell(value: unknown, format: ColumnFormat | undefined): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "number") {
    switch (format) {
      case "int":
        return formatNumber(value);
      case "pct":
        return formatPercent(value, 1);
      case "rp":
        return formatRupiah(value);
      case "number":
        return formatNumber(value, 2);
      default:
        return String(value);
    }
  }
  if (typeof value === "boolean") return value ? "Ya" : "Tidak";
  return String(value);
}

const NUMERIC: ReadonlySet<ColumnFormat> = new Set(["int", "number", "rp", "pct"]);

/** A table of rows; numbers right-aligned and formatted the Indonesian way. */
export function dataTable<T extends Record<string, unknown>>(columns: readonly TableColumn<T>[], rows: readonly T[], attributes: Record<string, string> = {}): HTMLElement {
  const head = el("tr", {}, ...columns.map((c) => el("th", { class: NUMERIC.has(c.format ?? "text") ? "num" : undefined, scope: "col" }, c.header)));
  const body = rows.map((row) =>
    el("tr", {}, ...columns.map((c) => el("td", { class: NUMERIC.has(c.format ?? "text") ? "num" : undefined, "data-col": c.key }, c.render ? c.render(row) : formatCell(row[c.key], c.format))))
  );
  return el("div", { class: "ts-scroll" }, el("table", { class: "ts-table", ...attributes }, el("thead", {}, head), el("tbody", {}, ...body)));
}

export function exportSheet<T extends Record<string, unknown>>(name: string, columns: readonly TableColumn<T>[], rows: readonly T[], caption?: string): ExportSheet {
  return { name, columns: columns.map(({ key, header, format }) => ({ key, header, ...(format ? { format } : {}) })), rows, ...(caption ? { caption } : {}) };
}

/** "Sumber: … · snapshot 3 Des 2026" for the registry cells, with the synthetic badge when they are synthetic. */
export function cellSourceLine(sources: readonly CatalogSource[]): HTMLElement {
  const line = el("p", { class: "ts-source", "data-sources": sources.map((s) => s.name).join(" ") });
  if (anySynthetic(sources)) line.append(syntheticBadge(), " ");
  const distinct = [...new Set(sources.map((s) => s.source))];
  const dates = [...new Set(sources.map((s) => String(s.retrieved_at).slice(0, 10)))].sort();
  line.append(...textWithCode(`Sumber: ${distinct.join("; ")} · snapshot ${dates.map((d) => formatDate(d)).join(", ")}`));
  return line;
}

export function exportSources(sources: readonly CatalogSource[]): ExportSource[] {
  return sources.map((s) => ({
    item: s.name,
    source: syntheticPrefix(s.synthetic, s.source),
    date: formatDate(String(s.retrieved_at).slice(0, 10))
  }));
}

export function kpiCard(label: string, value: string, detail: string | Node, kind: string): HTMLElement {
  return el("div", { class: "ts-kpi card", "data-kpi": kind }, el("h3", {}, label), el("div", { class: "ts-kpi-value" }, value), el("div", { class: "ts-kpi-detail" }, detail));
}

/** Buttons that build an XLSX (all sheets) and a CSV (first sheet) only when clicked. */
export function exportButtons(stem: string, title: string, build: () => { sheets: ExportSheet[]; sources: ExportSource[] }): HTMLElement {
  const status = el("span", { class: "ts-muted", role: "status" });
  const xlsx = el("button", { type: "button", class: "ts-button", "data-export": "xlsx" }, "Unduh XLSX");
  const csv = el("button", { type: "button", class: "ts-button", "data-export": "csv" }, `Unduh ${CSV_LABEL["excel-id"]}`);
  xlsx.addEventListener("click", async () => {
    status.textContent = "Menyiapkan berkas…";
    try {
      const { toXlsx, exportFileName, downloadFile } = await import("./export.js");
      const { sheets, sources } = build();
      downloadFile(await toXlsx({ title, sheets, sources }), exportFileName(stem, "xlsx"));
      status.textContent = "";
    } catch (error) {
      console.warn(error);
      status.textContent = "Berkas XLSX gagal dibuat.";
    }
  });
  csv.addEventListener("click", async () => {
    const { toCsv, exportFileName, downloadFile } = await import("./export.js");
    const { sheets } = build();
    if (sheets[0]) downloadFile(toCsv(sheets[0]), exportFileName(stem, "csv"));
  });
  return el("div", { class: "ts-actions ts-noprint" }, xlsx, csv, status);
}
