// The Sumber data page's views: the table catalogue with data dictionary and downloads, and a row preview.
import { formatDate, formatNumber } from "../core/format.js";
import { isYearColumn, type DownloadFormat } from "./table-export.js";
import { CSV_LABEL } from "../core/csv-dialect.js";
import { el, syntheticBadge, textWithCode } from "../core/ui.js";
import { dataTable, type TableColumn } from "../core/table.js";
import type { CatalogRow } from "../core/catalog.js";
import { partitionTable, type Wilayah } from "../domain/wilayah.js";
import { SYNTHETIC_MEANING } from "../core/synthetic.js";
import { BOUNDARY_LICENCE_NOTE, BOUNDARY_SOURCE } from "../core/attribution.js";


interface ColumnDoc { name: string; type: string; description: string }

const DICTIONARY_COLUMNS: TableColumn<ColumnDoc & Record<string, unknown>>[] = [
  { key: "name", header: "Kolom", render: (c) => el("code", {}, c.name) },
  { key: "type", header: "Tipe" },
  { key: "description", header: "Arti", render: (c) => textWithCode(c.description) }
];

function dictionary(columnsJson: string): HTMLElement {
  const columns = JSON.parse(columnsJson) as (ColumnDoc & Record<string, unknown>)[];
  return el("details", {}, el("summary", {}, `${columns.length} kolom`), dataTable(DICTIONARY_COLUMNS, columns, {}, { wrapper: null }));
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${formatNumber(bytes / 1e6, 1)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1e3)))} KB`;
}

const DOWNLOAD_LABEL: Readonly<Record<DownloadFormat, string>> = { csv: CSV_LABEL["excel-id"], "csv-analisis": CSV_LABEL.analisis, xlsx: "XLSX" };

/** The catalogue sorted by table name (the order of the table and of the preview picker). Pure. */
export function sortCatalog<T extends { name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function downloadButton(row: CatalogRow, format: DownloadFormat, onDownload: (row: CatalogRow, format: DownloadFormat) => Promise<void>): HTMLElement {
  const label = DOWNLOAD_LABEL[format];
  const button = el("button", { type: "button", class: "ts-download", "data-format": format, "aria-label": `Unduh tabel ${row.name} sebagai ${label}` }, label);
  button.addEventListener("click", () => {
    button.setAttribute("disabled", "");
    button.textContent = `${label}…`;
    onDownload(row, format)
      .then(() => (button.textContent = label))
      .catch((error: unknown) => {
        console.warn(error);
        button.textContent = `${label}: gagal`;
        button.title = "Tabel tidak dapat diunduh; coba lagi atau unduh berkas Parquet.";
      })
      .finally(() => button.removeAttribute("disabled"));
  });
  return button;
}

type CatalogView = CatalogRow & Record<string, unknown>;

export function catalogTable(
  rows: readonly CatalogRow[],
  urlOf: (name: string) => string | undefined,
  onDownload?: (row: CatalogRow, format: DownloadFormat) => Promise<void>
): HTMLElement {
  const columns: TableColumn<CatalogView>[] = [
    { key: "name", header: "Tabel", render: (row) => [el("code", {}, row.name), row.synthetic ? el("div", {}, syntheticBadge()) : null] },
    { key: "description", header: "Isi dan kamus data", render: (row) => [...textWithCode(row.description), dictionary(row.columns)] },
    { key: "rows", header: "Baris", format: "int", cell: (row) => ({ "data-rows": String(row.rows) }) },
    { key: "source", header: "Sumber", render: (row) => [...textWithCode(row.source), el("div", { class: "ts-source" }, "Pemuat: ", el("code", {}, row.loader), ` · skema v${row.schema_version}`)] },
    { key: "retrieved_at", header: "Tanggal data", format: "date", cell: () => ({ class: "ts-nowrap" }) },
    {
      key: "downloads",
      header: "Unduh",
      cell: () => ({ class: "ts-downloads" }),
      render: (row) => {
        const url = urlOf(row.name);
        return [
          url ? el("a", { href: url, download: `${row.name}.parquet` }, `Parquet (${formatBytes(row.bytes)})`) : "–",
          url && onDownload ? el("div", {}, downloadButton(row, "csv", onDownload), " ", downloadButton(row, "csv-analisis", onDownload), " ", downloadButton(row, "xlsx", onDownload)) : null
        ];
      }
    }
  ];
  return dataTable(columns, sortCatalog(rows) as CatalogView[], { id: "catalog" }, { row: (row) => ({ "data-table": row.name }) });
}

/**
 * One value of a raw table as Indonesian text: numbers with Indonesian separators (years plain),
 * booleans as Ya/Tidak, dates as "23 Sep 2025", missing values as "–". Pure.
 */
export function previewCell(column: string, value: unknown): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "boolean") return value ? "Ya" : "Tidak";
  if (typeof value === "bigint") return isYearColumn(column) ? value.toString() : formatNumber(Number(value));
  if (typeof value === "number") {
    if (isYearColumn(column) && Number.isInteger(value)) return String(value);
    return formatNumber(value, Number.isInteger(value) ? 0 : 2);
  }
  if (value instanceof Date) return formatDate(value);
  return String(value);
}

/**
 * A plain table of rows (first rows of a data table). Values are shown as text, never as HTML;
 * column names are identifiers (shown as code). Synthetic tables carry the badge.
 */
export function rowsTable(rows: readonly Record<string, unknown>[], table: string, synthetic = false): HTMLElement {
  if (rows.length === 0) return el("p", { class: "ts-pending" }, "Tabel ini tidak berisi baris.");
  const columns: TableColumn<Record<string, unknown>>[] = Object.keys(rows[0]!).map((name) => ({ key: name, header: name, heading: el("code", {}, name), render: (r) => previewCell(name, r[name]) }));
  return el(
    "div",
    {},
    synthetic ? el("p", { class: "ts-source" }, syntheticBadge(), ` Isi tabel ini ${SYNTHETIC_MEANING}.`) : null,
    dataTable(columns, rows, { id: "preview", "data-table": table, "data-synthetic": String(synthetic) })
  );
}

export interface RejectionSummaryRow {
  file: string;
  code: string;
  severity: string;
  n: number;
  first_row: number | null;
  example: string;
}

const SEVERITY_LABEL: Readonly<Record<string, string>> = { error: "ditolak", warning: "peringatan", info: "catatan" };

const REJECTION_COLUMNS: TableColumn<RejectionSummaryRow & Record<string, unknown>>[] = [
  { key: "file", header: "Berkas" },
  { key: "code", header: "Kode temuan", render: (r) => el("code", {}, r.code) },
  { key: "severity", header: "Sifat", render: (r) => SEVERITY_LABEL[r.severity] ?? r.severity },
  { key: "n", header: "Jumlah baris", format: "int" },
  { key: "first_row", header: "Baris pertama", format: "int" },
  { key: "example", header: "Contoh penjelasan" }
];

/** The ingest report: what was rejected or flagged in the private files, grouped by finding. */
export function rejectionSummary(rows: readonly RejectionSummaryRow[], synthetic: boolean): HTMLElement {
  if (rows.length === 0) {
    return el(
      "p",
      { class: "ts-pending", id: "rejections" },
      synthetic
        ? "Tidak ada berkas privat yang dimuat: registri dan daftar penerima di situs ini adalah data sintetis, sehingga tidak ada laporan pemeriksaan berkas."
        : "Semua baris dalam berkas privat diterima tanpa temuan."
    );
  }
  return dataTable(REJECTION_COLUMNS, rows as (RejectionSummaryRow & Record<string, unknown>)[], { id: "rejections" }, { wrapper: null, row: (r) => ({ "data-code": r.code }) });
}

/**
 * How the registry cells protect households: per kab/kota partition, the minimum cell size k, the
 * number of cells and households, and how many households sit in cells coarser than the finest level.
 */
export function cellPrivacySummary(rows: readonly CatalogRow[], registry: readonly Wilayah[]): HTMLElement {
  const kabOf = new Map(registry.map((w) => [partitionTable("registry_cells", w.kode), w]));
  const cells = rows.filter((r) => kabOf.has(r.name) && r.min_cell !== null);
  if (cells.length === 0) return el("p", { class: "ts-pending", id: "cell-privacy" }, "Belum ada tabel sel registri dalam build ini.");
  const columns: TableColumn<CatalogView>[] = [
    { key: "name", header: "Wilayah", render: (r) => [kabOf.get(r.name)!.nama, el("div", {}, el("code", {}, r.name)), r.synthetic ? el("div", {}, syntheticBadge()) : null] },
    { key: "min_cell", header: "k", format: "int", cell: (r) => ({ "data-k": String(r.min_cell) }) },
    { key: "rows", header: "Sel", format: "int" },
    { key: "households", header: "Rumah tangga", format: "int" },
    {
      key: "coarsened_households",
      header: "Digabung",
      format: "int",
      render: (r) => [formatNumber(r.coarsened_households), el("div", {}, `(${formatNumber(r.households ? ((r.coarsened_households ?? 0) / r.households) * 100 : null, 1)}%)`)]
    }
  ];
  const table = dataTable(columns, cells as CatalogView[], { class: "ts-table ts-compact", id: "cell-privacy" }, { wrapper: null, row: (r) => ({ "data-table": r.name }) });
  return el("div", {}, table, el("p", { class: "ts-note" }, "k = jumlah rumah tangga paling sedikit yang digambarkan satu baris; Digabung = rumah tangga dalam sel yang rinciannya dikasarkan agar memenuhi k."));
}

/** The boundary credit of the licences list: the repository linked, then the licence note. */
export function boundaryCredit(): HTMLElement {
  return el("span", {}, "Batas wilayah: ", el("a", { href: BOUNDARY_SOURCE.url }, BOUNDARY_SOURCE.name), `, ${BOUNDARY_LICENCE_NOTE}`);
}
