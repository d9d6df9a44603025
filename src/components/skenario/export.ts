// The planner's XLSX: the comparison of the scenarios, one kecamatan sheet per scenario, and the
// sources with their dates. Built from the same measure and column definitions as the screen. Pure:
// the page hands the workbook to core/export.ts.
import type { ExportWorkbook } from "../core/export.js";
import { formatDate, formatNumber } from "../core/format.js";
import { exportSheet } from "../core/table.js";
import { SYNTHETIC_LABEL, syntheticSuffix } from "../core/synthetic.js";
import { UNDETAILED_LABEL } from "../cakupan/queries.js";
import { comparisonSheet, extremeLineRp, kecamatanColumns, kecamatanRows, scenarioTitle, type ScenarioResult } from "./measures.js";
import type { PageData } from "./page-data.js";
import type { ScenarioState } from "./spec.js";

export type WorkbookData = Pick<PageData, "kab" | "wilayah" | "names" | "ctx" | "sources" | "synthetic" | "outlook">;

export function scenarioWorkbook(data: WorkbookData, state: ScenarioState, results: readonly ScenarioResult[]): ExportWorkbook {
  const comparison = comparisonSheet(results, data.kab, state.horizon, data.ctx.base_year, data.outlook?.noChange ?? null);
  const kecColumns = kecamatanColumns(state.horizon, data.ctx.base_year);
  const synth = syntheticSuffix(data.synthetic);
  return {
    title: `Perbandingan skenario ${data.wilayah.short} ${state.horizon}`,
    sheets: [
      {
        name: "Perbandingan",
        caption: `${data.synthetic ? `${SYNTHETIC_LABEL} — ` : ""}perkiraan model; garis ekstrem Rp${formatNumber(extremeLineRp(state, data.ctx))} per kapita per bulan`,
        ...comparison
      },
      ...results.map((s, i) => exportSheet(`Kecamatan ${i + 1}`, kecColumns, kecamatanRows(s, data.names, UNDETAILED_LABEL), `${scenarioTitle(i, s.def)} — perkiraan model${synth}`))
    ],
    sources: data.sources.map((s) => ({ item: s.name, source: s.source, date: formatDate(s.retrieved_at), note: s.synthetic ? SYNTHETIC_LABEL : undefined }))
  };
}
