// The Sumber data page's views: the table catalogue with data dictionary and downloads, and a row preview.
import { formatDate, formatNumber } from "../core/format.js";
import { isYearColumn, type DownloadFormat } from "./table-export.js";
import { CSV_LABEL } from "../core/csv-dialect.js";
import { el, syntheticBadge, textWithCode } from "../core/ui.js";
import type { CatalogRow } from "../core/catalog.js";
import { partitionTable, type Wilayah } from "../domain/wilayah.js";
import { SYNTHETIC_MEANING } from "../core/synthetic.js";


interface ColumnDoc { name: string; type: string; description: string }

function dictionary(columnsJson: string): HTMLElement {
  const columns = JSON.parse(columnsJson) as ColumnDoc[];
  return el(
    "details",
    {},
    el("summary", {}, `${columns.length} kolom`),
    el(
      "table",
      { class: "ts-table" },
      el("thead", {}, el("tr", {}, el("th", {}, "Kolom"), el("th", {}, "Tipe"), el("th", {}, "Arti"))),
      el("tbody", {}, ...columns.map((c) => el("tr", {}, el("td", {}, el("code", {}, c.name)), el("td", {}, c.type), el("td", {}, ...textWithCode(c.description)))))
    )
  );
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

export function catalogTable(
  rows: readonly CatalogRow[],
  urlOf: (name: string) => string | undefined,
  onDownload?: (row: CatalogRow, format: DownloadFormat) => Promise<void>
): HTMLElement {
  const body = sortCatalog(rows).map((row) => {
    const url = urlOf(row.name);
    return el(
      "tr",
      { "data-table": row.name },
      el("td", {}, el("code", {}, row.name), row.synthetic ? el("div", {}, syntheticBadge()) : null),
      el("td", {}, ...textWithCode(row.description), dictionary(row.columns)),
      el("td", { class: "num", "data-rows": String(row.rows) }, formatNumber(row.rows)),
      el("td", {}, ...textWithCode(row.source), el("div", { class: "ts-source" }, "Pemuat: ", el("code", {}, row.loader), ` · skema v${row.schema_version}`)),
      el("td", { class: "ts-nowrap" }, formatDate(row.retrieved_at)),
      el(
        "td",
        { class: "ts-downloads" },
        url ? el("a", { href: url, download: `${row.name}.parquet` }, `Parquet (${formatBytes(row.bytes)})`) : "–",
        url && onDownload ? el("div", {}, downloadButton(row, "csv", onDownload), " ", downloadButton(row, "csv-analisis", onDownload), " ", downloadButton(row, "xlsx", onDownload)) : null
      )
    );
  });
  return el(
    "div",
    { class: "ts-scroll" },
    el(
    "table",
    { class: "ts-table", id: "catalog" },
    el(
      "thead",
      {},
      el("tr", {}, ...["Tabel", "Isi dan kamus data", "Baris", "Sumber", "Tanggal data", "Unduh"].map((h, i) => el("th", i === 2 ? { class: "num" } : {}, h)))
    ),
    el("tbody", {}, ...body)
    )
  );
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
  const columns = Object.keys(rows[0]!);
  return el(
    "div",
    {},
    synthetic ? el("p", { class: "ts-source" }, syntheticBadge(), ` Isi tabel ini ${SYNTHETIC_MEANING}.`) : null,
    el(
      "div",
      { class: "ts-scroll" },
      el(
        "table",
        { class: "ts-table", id: "preview", "data-table": table, "data-synthetic": String(synthetic) },
        el("thead", {}, el("tr", {}, ...columns.map((c) => el("th", {}, el("code", {}, c))))),
        el("tbody", {}, ...rows.map((r) => el("tr", {}, ...columns.map((c) => el("td", {}, previewCell(c, r[c]))))))
      )
    )
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
  return el(
    "table",
    { class: "ts-table", id: "rejections" },
    el("thead", {}, el("tr", {}, ...["Berkas", "Kode temuan", "Sifat", "Jumlah baris", "Baris pertama", "Contoh penjelasan"].map((h) => el("th", {}, h)))),
    el(
      "tbody",
      {},
      ...rows.map((r) =>
        el(
          "tr",
          { "data-code": r.code },
          el("td", {}, r.file),
          el("td", {}, el("code", {}, r.code)),
          el("td", {}, SEVERITY_LABEL[r.severity] ?? r.severity),
          el("td", { class: "num" }, formatNumber(r.n)),
          el("td", { class: "num" }, r.first_row === null ? "–" : formatNumber(r.first_row)),
          el("td", {}, r.example)
        )
      )
    )
  );
}

/**
 * How the registry cells protect households: per kab/kota partition, the minimum cell size k, the
 * number of cells and households, and how many households sit in cells coarser than the finest level.
 */
export function cellPrivacySummary(rows: readonly CatalogRow[], registry: readonly Wilayah[]): HTMLElement {
  const kabOf = new Map(registry.map((w) => [partitionTable("registry_cells", w.kode), w]));
  const cells = rows.filter((r) => kabOf.has(r.name) && r.min_cell !== null);
  if (cells.length === 0) return el("p", { class: "ts-pending", id: "cell-privacy" }, "Belum ada tabel sel registri dalam build ini.");
  const table = el(
    "table",
    { class: "ts-table ts-compact", id: "cell-privacy" },
    el("thead", {}, el("tr", {}, el("th", {}, "Wilayah"), ...["k", "Sel", "Rumah tangga", "Digabung"].map((h) => el("th", { class: "num" }, h)))),
    el(
      "tbody",
      {},
      ...cells.map((r) => {
        const kab = kabOf.get(r.name)!;
        const share = r.households ? ((r.coarsened_households ?? 0) / r.households) * 100 : null;
        return el(
          "tr",
          { "data-table": r.name },
          el("td", {}, kab.nama, el("div", {}, el("code", {}, r.name)), r.synthetic ? el("div", {}, syntheticBadge()) : null),
          el("td", { class: "num", "data-k": String(r.min_cell) }, formatNumber(r.min_cell)),
          el("td", { class: "num" }, formatNumber(r.rows)),
          el("td", { class: "num" }, formatNumber(r.households)),
          el("td", { class: "num" }, formatNumber(r.coarsened_households), el("div", {}, `(${formatNumber(share, 1)}%)`))
        );
      })
    )
  );
  return el("div", {}, table, el("p", { class: "ts-note" }, "k = jumlah rumah tangga paling sedikit yang digambarkan satu baris; Digabung = rumah tangga dalam sel yang rinciannya dikasarkan agar memenuhi k."));
}
