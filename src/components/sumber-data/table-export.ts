// Downloads of a whole published table as CSV or XLSX from /data, through the shared exporter
// (export.ts: formula neutralisation, "Sumber" sheet). The Parquet file is decoded with the small
// table reader; exceljs is only fetched when a download is asked for.
import type { ColumnFormat, ExportColumn, ExportWorkbook } from "../core/export.js";
import { formatDate } from "../core/format.js";
import { loadSmallTable } from "../core/small-table.js";
import { SYNTHETIC_CAPTION } from "../core/synthetic.js";

/** One entry of a table's data dictionary (the `columns` JSON of the catalog). */
export interface ColumnDoc {
  readonly name: string;
  readonly type: string;
  readonly description: string;
}

/** The catalog fields a download needs. */
export interface TableInfo {
  readonly name: string;
  readonly description: string;
  readonly columns: string;
  readonly source: string;
  readonly retrieved_at: string;
  readonly synthetic: boolean;
}

/** Year columns stay plain numbers (2018, never 2.018 or 2,018). Pure. */
export function isYearColumn(name: string): boolean {
  return /(^|_)(year|tahun)(_|$)/i.test(name);
}

/** Spreadsheet format for a DuckDB column type. Pure. */
export function columnFormat(doc: Pick<ColumnDoc, "name" | "type">): ColumnFormat {
  const type = doc.type.toUpperCase();
  if (isYearColumn(doc.name)) return "text";
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(type)) return "int";
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(type)) return "number";
  if (type === "DATE" || type.startsWith("TIMESTAMP")) return "date";
  return "text";
}

export function parseColumnDocs(columnsJson: string): ColumnDoc[] {
  return JSON.parse(columnsJson) as ColumnDoc[];
}

/** Export columns of a table: the column names as headers (they are the data dictionary's keys). Pure. */
export function exportColumns(docs: readonly ColumnDoc[]): ExportColumn[] {
  return docs.map((doc) => ({ key: doc.name, header: doc.name, format: columnFormat(doc) }));
}

/** File name stem; synthetic tables say so in the name too, since a CSV has no caption. Pure. */
export function exportStem(table: Pick<TableInfo, "name" | "synthetic">): string {
  return table.synthetic ? `${table.name}-data-sintetis` : table.name;
}

/** The workbook of one table: its rows, its data dictionary, and the source sheet. Pure. */
export function tableWorkbook(table: TableInfo, rows: readonly Record<string, unknown>[], generatedAt?: Date): ExportWorkbook {
  const docs = parseColumnDocs(table.columns);
  const caption = table.synthetic ? SYNTHETIC_CAPTION : undefined;
  return {
    title: `Tabel ${table.name}: ${table.description}`,
    sheets: [
      { name: table.name, columns: exportColumns(docs), rows, ...(caption ? { caption } : {}) },
      {
        name: "Kamus data",
        columns: [
          { key: "name", header: "Kolom" },
          { key: "type", header: "Tipe" },
          { key: "description", header: "Arti" }
        ],
        rows: docs.map((d) => ({ ...d }))
      }
    ],
    sources: [
      {
        item: table.name,
        source: table.source,
        date: table.retrieved_at ? formatDate(table.retrieved_at) : "–",
        ...(caption ? { note: caption } : {})
      }
    ],
    ...(generatedAt ? { generatedAt } : {})
  };
}

export type DownloadFormat = "csv" | "csv-analisis" | "xlsx";

/** File name of a download: the analysis CSV says so, since both CSVs of a table sit side by side. Pure. */
export function downloadFileName(table: Pick<TableInfo, "name" | "synthetic">, format: DownloadFormat, exportFileName: (stem: string, ext: "csv" | "xlsx") => string): string {
  const stem = exportStem(table);
  return format === "xlsx" ? exportFileName(stem, "xlsx") : exportFileName(format === "csv" ? stem : `${stem}-analisis`, "csv");
}

/** Fetches the table's Parquet file and saves it as CSV (Excel or analysis dialect) or XLSX in the browser. */
export async function downloadTable(table: TableInfo, url: string, format: DownloadFormat): Promise<void> {
  const [{ rows }, exporter] = await Promise.all([loadSmallTable<Record<string, unknown>>(table.name, url), import("../core/export.js")]);
  const workbook = tableWorkbook(table, rows);
  const fileName = downloadFileName(table, format, exporter.exportFileName);
  if (format === "xlsx") exporter.downloadFile(await exporter.toXlsx(workbook), fileName);
  else exporter.downloadFile(exporter.toCsv(workbook.sheets[0]!, format === "csv" ? "excel-id" : "analisis"), fileName);
}
