// The /periksa files: the chosen result sheets with the sources (the lists opened, the overlap
// rules), dated by the check. Pure: the page hands the workbook to core/export.ts.
import type { ExportWorkbook } from "../core/export.js";
import { formatDate } from "../core/format.js";
import { UNLISTED_PAIR_RULE } from "../domain/programmes.js";
import { NO_FUNDER } from "./lists.js";
import type { ListInput, PeriksaResults } from "./results.js";
import { resultSheets, type SheetKey } from "./sheets.js";

export interface CheckRun {
  readonly results: PeriksaResults;
  readonly inputs: readonly ListInput[];
  readonly threshold: number;
  readonly checkedAt: Date;
  /** Where the overlap rules and programme names come from, as shown in sources. */
  readonly rulesSource: string;
}

export function checkWorkbook(run: CheckRun, keys: readonly SheetKey[]): ExportWorkbook {
  const date = formatDate(run.checkedAt);
  return {
    title: "Periksa daftar BNBA: hasil pencocokan",
    sheets: resultSheets(run.results, run.inputs, run.threshold).filter((s) => keys.includes(s.key)).map((s) => s.sheet),
    sources: [
      ...run.inputs.map((l) => ({ item: l.fileName, source: `Berkas pengguna (${l.programmeName}${l.funder !== NO_FUNDER ? `, ${l.funder}` : ""}), diperiksa di peramban`, date })),
      { item: "Aturan tumpang tindih", source: run.rulesSource, date, note: UNLISTED_PAIR_RULE }
    ],
    generatedAt: run.checkedAt
  };
}
