// The table and KPI kit shared by every page: one column definition drives both the on-screen table
// and the export sheet; KPI cards; the source line of the registry cells (with the synthetic-data
// badge); and the export buttons (exceljs loaded only when asked for).
import type { ColumnFormat, ExportColumn, ExportSheet, ExportSource } from "./export.js";
import { formatDate, formatNumber, formatPercent, formatRupiah } from "./format.js";
import { el, textWithCode, syntheticBadge } from "./ui.js";
import type { CatalogSource } from "./catalog.js";
import { CSV_LABEL } from "./csv-dialect.js";
import { anySynthetic, syntheticPrefix } from "./synthetic.js";

type Content = Node | string | null | undefined | false;

interface ColumnBase<T> extends ExportColumn {
  /** Screen content of a cell (default: the value in the column's format). */
  readonly render?: (row: T) => Content | readonly Content[];
  /** Extra attributes of a body cell: data hooks for tests and benchmarks, a muted class. */
  readonly cell?: (row: T) => Record<string, string | undefined>;
  /** The cell heads its row (`<th scope="row">`). */
  readonly rowHeader?: boolean;
  /** Screen header when it is not the export header's text (e.g. a column name set as code). */
  readonly heading?: Node;
  /** Right-aligned although the values are text (figures written with their unit or interval). */
  readonly numeric?: boolean;
}

/** A column showing one field of the row (and exported as it). */
interface FieldColumn<T> extends ColumnBase<T> {
  readonly key: keyof T & string;
}

/** A column computed from the whole row (screen only): its key names the cell, `render` draws it. */
interface ComputedColumn<T> extends ColumnBase<T> {
  readonly key: string;
  readonly render: (row: T) => Content | readonly Content[];
}

export type TableColumn<T> = FieldColumn<T> | ComputedColumn<T>;

export interface TableOptions<T> {
  /** Attributes of the scrolling wrapper (default `class="ts-scroll"`); null: the table alone. */
  readonly wrapper?: Record<string, string | undefined> | null;
  /** Attributes of each body row (data hooks). */
  readonly row?: (row: T) => Record<string, string | undefined>;
  /** A row shown as its first cell and one cell spanning the others, with this text (null: a normal row). */
  readonly spanning?: (row: T) => string | null;
  /** At most this many rows on screen, with a line saying that the export holds them all. */
  readonly limit?: number;
  /** Text of a missing value (default "–"). */
  readonly missing?: string;
}

/** A value as table text in a column's format: Indonesian numbers, Ya/Tidak, "–" when missing. */
export function formatCell(value: unknown, format: ColumnFormat | undefined, missing = "–"): string {
  if (value === null || value === undefined) return missing;
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
  if (format === "date" && (typeof value === "string" || value instanceof Date)) return formatDate(value);
  return String(value);
}

const NUMERIC: ReadonlySet<ColumnFormat> = new Set(["int", "number", "rp", "pct"]);
const isNumeric = (c: { format?: ColumnFormat; numeric?: boolean }) => c.numeric ?? NUMERIC.has(c.format ?? "text");

function cellContent<T extends Record<string, unknown>>(c: TableColumn<T>, row: T, options: TableOptions<T>): Content[] {
  if (!c.render) return [formatCell(row[c.key], c.format, options.missing)];
  const content = c.render(row);
  return Array.isArray(content) ? [...(content as readonly Content[])] : [content as Content];
}

function bodyRow<T extends Record<string, unknown>>(columns: readonly TableColumn<T>[], row: T, options: TableOptions<T>): HTMLElement {
  const attributes = options.row?.(row) ?? {};
  const cell = (c: TableColumn<T>) => {
    const extra = c.cell?.(row) ?? {};
    const classes = [isNumeric(c) ? "num" : undefined, extra["class"]].filter(Boolean).join(" ") || undefined;
    const tag = c.rowHeader ? "th" : "td";
    return el(tag, { ...(c.rowHeader ? { scope: "row" } : {}), "data-col": c.key, ...extra, class: classes }, ...cellContent(c, row, options));
  };
  const span = options.spanning?.(row) ?? null;
  if (span !== null) return el("tr", attributes, cell(columns[0]!), el("td", { colspan: String(columns.length - 1) }, span));
  return el("tr", attributes, ...columns.map(cell));
}

/** A table of rows; numbers right-aligned and formatted the Indonesian way. */
export function dataTable<T extends Record<string, unknown>>(
  columns: readonly TableColumn<T>[],
  rows: readonly T[],
  attributes: Record<string, string | undefined> = {},
  options: TableOptions<T> = {}
): HTMLElement {
  const shown = options.limit === undefined ? rows : rows.slice(0, options.limit);
  const head = el("thead", {}, el("tr", {}, ...columns.map((c) => el("th", { class: isNumeric(c) ? "num" : undefined, scope: "col" }, c.heading ?? c.header))));
  const table = el("table", { class: "ts-table", ...attributes }, head, el("tbody", {}, ...shown.map((row) => bodyRow(columns, row, options))));
  const more = shown.length < rows.length ? el("p", { class: "ts-muted" }, `Ditampilkan ${formatNumber(shown.length)} dari ${formatNumber(rows.length)} baris; semua baris ada di berkas ekspor.`) : null;
  if (options.wrapper === null && !more) return table;
  return el("div", options.wrapper ?? { class: "ts-scroll" }, table, more);
}

/** Labelled values, one per row, label as the row's header: "Perkiraan 2026 | 0,41%". */
export function keyValueTable(items: readonly (readonly [label: string, value: Content])[], attributes: Record<string, string | undefined> = {}): HTMLElement {
  return el("table", { class: "ts-table", ...attributes }, el("tbody", {}, ...items.map(([label, value]) => el("tr", {}, el("th", {}, label), el("td", {}, value)))));
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

export interface KpiOptions {
  /** Attributes of the card (data hooks: region, year, value). */
  readonly attributes?: Record<string, string | undefined>;
  /** Unit written after the value, smaller. */
  readonly unit?: string;
  /** Without the card frame, for figures inside another card or a results panel. */
  readonly framed?: boolean;
}

/**
 * One headline figure: label, value, detail. A null value shows the detail as a pending note
 * ("Belum ada angka.") in place of the figure.
 */
export function kpiCard(label: string, value: string | null, detail: Content, kind: string, options: KpiOptions = {}): HTMLElement {
  const body =
    value === null
      ? [el("p", { class: "ts-pending" }, detail)]
      : [el("div", { class: "ts-kpi-value" }, value, options.unit ? el("span", { class: "ts-kpi-unit" }, ` ${options.unit}`) : null), detail ? el("div", { class: "ts-kpi-detail" }, detail) : null];
  return el("div", { class: options.framed === false ? "ts-kpi" : "ts-kpi card", "data-kpi": kind, ...options.attributes }, el("h3", {}, label), ...body);
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
