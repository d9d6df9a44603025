// The two CSV dialects of every export, apart from the exporter so a page can label its buttons
// without loading the spreadsheet library. "excel-id": what Excel in an Indonesian locale opens in
// columns with numbers as numbers (";" between fields, "," as decimal mark, a byte-order mark so it
// reads UTF-8, Ya/Tidak). "analisis": for R, Python, DuckDB and other tools ("," between fields,
// "." decimals, true/false, no byte-order mark). Both write numbers without grouping, dates as
// YYYY-MM-DD, and neutralise formulas (a file may still be opened in a spreadsheet).

export type CsvDialect = "excel-id" | "analisis";

export interface CsvDialectRules {
  readonly delimiter: string;
  readonly decimal: "." | ",";
  readonly bom: string;
  readonly yes: string;
  readonly no: string;
}

export const CSV_DIALECTS: Readonly<Record<CsvDialect, CsvDialectRules>> = {
  "excel-id": { delimiter: ";", decimal: ",", bom: "\uFEFF", yes: "Ya", no: "Tidak" },
  analisis: { delimiter: ",", decimal: ".", bom: "", yes: "true", no: "false" }
};

/** What a download button says of each dialect. */
export const CSV_LABEL: Readonly<Record<CsvDialect, string>> = {
  "excel-id": "CSV untuk Excel (Indonesia)",
  analisis: "CSV untuk analisis (titik desimal)"
};
