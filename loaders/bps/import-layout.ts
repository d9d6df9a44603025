// The layout of a BPS website table: which indicator, which rows are headers, and what each value
// column holds (year, survey round, urban/rural/total). BPS exports put a region-column heading, a
// title naming the indicator and its unit, optionally a row of area groups (Perkotaan / Perdesaan /
// Jumlah), a row of years, optionally a row of rounds ("Semester 1 (Maret)", "Semester 2
// (September)", "Tahunan"), then one row per region. Header rows are recognised by what their cells
// say, not by their position, so the same reader takes the kab/kota, province and national layouts,
// CSV or XLSX. A column is recorded as March or September only when the header or the title says so
// (or, for kab/kota tables, which BPS publishes from Susenas March only); an annual column is skipped
// with its reason, never recorded as March.
import type { PovertyField } from "./rows.js";

/** A table whose layout cannot be read; the message is one Indonesian sentence saying what to do. */
export class BpsLayoutError extends Error {}

export interface IndicatorRule {
  readonly field: PovertyField;
  readonly pattern: RegExp;
  readonly label: string;
}

export const INDICATORS: readonly IndicatorRule[] = [
  { field: "p0_pct", pattern: /persentase penduduk miskin|\(p0\)/i, label: "persentase penduduk miskin (P0)" },
  { field: "poor_count", pattern: /jumlah penduduk miskin/i, label: "jumlah penduduk miskin" },
  { field: "poverty_line_rp", pattern: /garis kemiskinan/i, label: "garis kemiskinan" },
  { field: "p1", pattern: /kedalaman kemiskinan|\(p1\)/i, label: "indeks kedalaman kemiskinan (P1)" },
  { field: "p2", pattern: /keparahan kemiskinan|\(p2\)/i, label: "indeks keparahan kemiskinan (P2)" }
];

export type Round = 3 | 9;
export type AreaGroup = "total" | "urban" | "rural";
/** What the rows are: kab/kota with their province rows, provinces, or urban/rural/total of one area. */
export type TableLevel = "kabkota" | "provinsi" | "daerah" | "lain";

export interface ValueColumn {
  readonly index: number;
  readonly year: number;
  readonly month: Round;
  readonly heading: string;
}

export interface SkippedColumn {
  readonly index: number;
  readonly heading: string;
  readonly reason: string;
}

export interface TableLayout {
  /** The table's title as BPS wrote it (the text above the value columns). */
  readonly title: string;
  readonly indicator: IndicatorRule;
  /** Persons per unit of a count ("Ribu Jiwa" = 1000); 1 for every other indicator. */
  readonly scale: number;
  readonly level: TableLevel;
  /** The title names Provinsi Banten: names are Banten's, and a daerah table's total row is Banten. */
  readonly bantenScope: boolean;
  readonly labelColumn: number;
  /** Column of region codes before the names, if the table has one. */
  readonly codeColumn: number | null;
  /** Index of the first region row. */
  readonly dataStart: number;
  readonly columns: readonly ValueColumn[];
  readonly skipped: readonly SkippedColumn[];
  /** Indonesian lines on how the layout was read (assumed rounds and the like). */
  readonly notes: readonly string[];
}

export interface LayoutOptions {
  readonly field?: PovertyField;
  /** Round for columns whose header and title name none. */
  readonly month?: Round;
}

const MISSING = /^([-–—…]+|\.{1,3}|na|n\/a|tidak tersedia)$/i;
const NUMBER = /^-?[\d\s.,]*\d$/;
const YEAR_IN = /(?:^|[^\d])((?:19|20)\d\d)(?:[^\d]|$)/;
const ROUND_WORD = /semester|maret|september|tahunan|\bmar\b|\bsept?\b|\bannual\b/i;
const GROUP_WORD = /^(perkotaan|perdesaan|kota|desa|jumlah|total|kota\s*\+\s*desa|perkotaan\s*\+\s*perdesaan|perkotaan\s*(dan|&)\s*perdesaan|k\s*\+\s*d)$/i;

export const isMissingCell = (cell: string): boolean => MISSING.test(cell.trim());
const isNumberCell = (cell: string): boolean => NUMBER.test(cell.trim());
const isValueCell = (cell: string): boolean => cell.trim() !== "" && (isNumberCell(cell) || isMissingCell(cell));
const isYearCell = (cell: string): boolean => cell.length <= 40 && YEAR_IN.test(cell) && !/\d[.,]\d/.test(cell);

function roundOf(text: string): Round | "annual" | null {
  const t = text.toLowerCase();
  if (/tahunan|annual/.test(t)) return "annual";
  if (/september|\bsept?\b|semester\s*(2|ii)\b/.test(t)) return 9;
  if (/maret|\bmar\b|semester\s*(1|i)\b/.test(t)) return 3;
  return null;
}

function groupOf(text: string): AreaGroup | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "") return null;
  if (/\+|dan|&|jumlah|total/.test(t)) return "total";
  if (t === "perkotaan" || t === "kota") return "urban";
  if (t === "perdesaan" || t === "desa") return "rural";
  return null;
}

const GROUP_LABEL: Record<AreaGroup, string> = { total: "jumlah", urban: "perkotaan", rural: "perdesaan" };
const MONTH_LABEL: Record<Round, string> = { 3: "Maret", 9: "September" };

/** First text cell of a row (not a number, not a missing marker) at or before column 2, with a value after it. */
function regionCellOf(row: readonly string[]): number | null {
  const first = row.findIndex((c) => c.trim() !== "" && !isValueCell(c));
  if (first < 0 || first > 2) return null;
  return row.slice(first + 1).some(isValueCell) ? first : null;
}

function levelOf(text: string): TableLevel {
  const t = text.toLowerCase();
  if (/kabupaten\s*\/\s*kota|kab\s*\/\s*kota|kabupaten dan kota/.test(t)) return "kabkota";
  if (/menurut provinsi|\bprovinsi\b.*\bdaerah\b|^\s*\d*\s*provinsi\b/.test(t)) return "provinsi";
  if (/menurut daerah|\bdaerah\b/.test(t)) return "daerah";
  return "lain";
}

function forwardFill(row: readonly string[] | undefined, from: number, to: number): string[] {
  const out: string[] = [];
  let last = "";
  for (let c = from; c < to; c++) {
    const cell = row?.[c]?.trim() ?? "";
    if (cell !== "") last = cell;
    out[c] = last;
  }
  return out;
}

/** Reads the header of a grid. Throws BpsLayoutError with one sentence when a part cannot be read. */
export function readLayout(grid: readonly (readonly string[])[], options: LayoutOptions = {}): TableLayout {
  const dataStart = grid.findIndex((row) => {
    const at = regionCellOf(row);
    if (at === null) return false;
    const rest = row.slice(at + 1).filter((c) => c.trim() !== "");
    // A region row holds only figures after its name. A row of years (the label cell may hold
    // "Provinsi") is a header even though its cells are numbers, and so is a row of headings.
    return rest.every(isValueCell) && !rest.every(isYearCell);
  });
  if (dataStart < 0) throw new BpsLayoutError("tidak ada baris wilayah berisi angka; pastikan berkas adalah tabel statistik BPS yang diunduh utuh");
  const labelColumn = regionCellOf(grid[dataStart]!)!;
  const codeCell = labelColumn > 0 ? (grid[dataStart]![labelColumn - 1] ?? "").trim() : "";
  const codeColumn = /^\d{2}(\d{2})?$/.test(codeCell) ? labelColumn - 1 : null;
  const width = Math.max(...grid.map((r) => r.length));
  const header = grid.slice(0, dataStart);

  let yearRow: readonly string[] | undefined;
  let roundRow: readonly string[] | undefined;
  let groupRow: readonly string[] | undefined;
  const titleParts: string[] = [];
  const leadParts: string[] = [];
  for (const row of header) {
    const rest = row.slice(labelColumn + 1).map((c) => c.trim()).filter((c) => c !== "");
    const lead = row.slice(0, labelColumn + 1).map((c) => c.trim()).filter((c) => c !== "");
    if (rest.length > 0 && rest.every(isYearCell) && !yearRow) yearRow = row;
    else if (rest.length > 0 && rest.every((c) => ROUND_WORD.test(c)) && !roundRow) roundRow = row;
    else if (rest.length > 0 && rest.every((c) => GROUP_WORD.test(c)) && !groupRow) groupRow = row;
    else titleParts.push(...new Set(rest));
    // The region column's heading ("Nama Wilayah", "38 Provinsi") is short; a title written in that column is not.
    for (const cell of lead) (cell.length > 30 || INDICATORS.some((r) => r.pattern.test(cell)) ? titleParts : leadParts).push(cell);
  }
  const title = titleParts.join(" ").replace(/\s+/g, " ").trim();
  const headerText = `${leadParts.join(" ")} ${title}`;

  const matching = INDICATORS.filter((r) => r.pattern.test(headerText));
  const indicator = options.field ? INDICATORS.find((r) => r.field === options.field)! : matching.length === 1 ? matching[0] : undefined;
  if (!indicator) {
    throw new BpsLayoutError(
      matching.length > 1
        ? "judul menyebut lebih dari satu indikator; unduh tabel satu indikator atau sebutkan dengan --indicator p0_pct|poor_count|poverty_line_rp|p1|p2"
        : "indikator tidak dikenali dari judul; sebutkan dengan --indicator p0_pct|poor_count|poverty_line_rp|p1|p2"
    );
  }
  let scale = 1;
  if (indicator.field === "poor_count") {
    if (/juta/i.test(title)) scale = 1_000_000;
    else if (/ribu/i.test(title)) scale = 1000;
    else if (!/jiwa|orang/i.test(title)) throw new BpsLayoutError("satuan jumlah penduduk miskin (jiwa, ribu jiwa, juta jiwa) tidak tertulis di judul; periksa berkasnya");
  }
  const level = levelOf(headerText);
  const bantenScope = /provinsi\s+banten/i.test(title);
  const notes: string[] = [];

  const titleYears = [...new Set([...title.matchAll(/(?:^|[^\d])((?:19|20)\d\d)(?=[^\d]|$)/g)].map((m) => Number(m[1])))];
  const titleRound = roundOf(title);
  const fill = Boolean(roundRow || groupRow);
  const years = fill ? forwardFill(yearRow, labelColumn + 1, width) : Array.from({ length: width }, (_, c) => yearRow?.[c]?.trim() ?? "");
  const groups = forwardFill(groupRow, labelColumn + 1, width);

  const columns: ValueColumn[] = [];
  const skipped: SkippedColumn[] = [];
  let assumedMarch = false;
  for (let index = labelColumn + 1; index < width; index++) {
    const hasData = grid.slice(dataStart).some((row) => (row[index] ?? "").trim() !== "");
    const yearText = years[index] ?? "";
    const roundText = roundRow?.[index]?.trim() ?? "";
    const groupText = groups[index] ?? "";
    if (!hasData && yearText === "" && roundText === "") continue;
    const yearMatch = YEAR_IN.exec(yearText);
    const year = yearMatch ? Number(yearMatch[1]) : titleYears.length === 1 ? titleYears[0]! : null;
    const described = [groupText, yearText, roundText].filter(Boolean).join(" ") || `kolom ${index + 1}`;
    if (year === null) {
      if (hasData) skipped.push({ index, heading: described, reason: "kolom tanpa tahun di judul kolom" });
      continue;
    }
    const group = groupOf(groupText) ?? "total";
    if (groupRow && groupOf(groupText) === null && groupText !== "") {
      skipped.push({ index, heading: described, reason: `kelompok "${groupText}" tidak dikenal (yang dipakai hanya Jumlah)` });
      continue;
    }
    if (group !== "total") {
      skipped.push({ index, heading: described, reason: `angka ${GROUP_LABEL[group]} saja; yang dipakai hanya jumlah perkotaan+perdesaan` });
      continue;
    }
    const round = roundOf(roundText) ?? roundOf(yearText) ?? titleRound ?? options.month ?? (level === "kabkota" ? ((assumedMarch = true), 3) : null);
    if (round === null) {
      throw new BpsLayoutError(`putaran survei (Maret atau September) kolom ${year} tidak tertulis di judul kolom maupun judul tabel; sebutkan dengan --month 3 atau --month 9`);
    }
    if (round === "annual") {
      skipped.push({ index, heading: described, reason: "angka tahunan, bukan putaran Maret atau September" });
      continue;
    }
    columns.push({ index, year, month: round, heading: `${MONTH_LABEL[round]} ${year}` });
  }
  if (columns.length === 0) {
    const labels = grid.slice(dataStart).map((row) => (row[labelColumn] ?? "").trim()).filter(Boolean);
    if (labels.length > 0 && labels.every(isYearCell)) {
      throw new BpsLayoutError("tabel ini memuat periode (tahun) sebagai baris; unduh tabel dengan wilayah sebagai baris dan tahun sebagai kolom");
    }
    throw new BpsLayoutError(
      skipped.length > 0
        ? `tidak ada kolom yang dapat dipakai (${[...new Set(skipped.map((s) => s.reason))].join("; ")})`
        : "tidak ada kolom tahun; pastikan baris judul kolom (tahun) ikut terunduh"
    );
  }
  if (assumedMarch) notes.push("putaran tidak tertulis di judul kolom; tabel kabupaten/kota BPS bersumber dari Susenas Maret, dicatat sebagai Maret (ubah dengan --month)");
  if (options.month && !assumedMarch && columns.some((c) => c.month !== options.month)) notes.push(`--month ${options.month} hanya dipakai untuk kolom tanpa putaran; putaran yang tertulis di judul kolom diikuti`);
  return { title, indicator, scale, level, bantenScope, labelColumn, codeColumn, dataStart, columns, skipped, notes };
}
