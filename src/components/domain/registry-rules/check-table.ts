// The row loop shared by registry and receipt files: find the header below any title rows, then
// give every record below it exactly one fate — rejected for its shape (blank, total, repeated
// header, wrong field count, open quote) or handed to the kind-specific handler. Accepted +
// rejected = rows read is asserted for every file.
import { CANONICAL_COLUMNS, type CanonicalColumn, type ColumnResolver } from "./columns.js";
import { cellIssue, hasError, severityOf, type CellIssue, type Issue, type IssueCode } from "./issues.js";
import { MAX_ROWS_BEFORE_HEADER, UnreadableFileError, type OpenedTable, type RawRecord } from "./table.js";
import { cellText, detach, isBlank, quoteValue, type Cell } from "./values.js";

export interface HeaderLayout {
  readonly line: number;
  readonly width: number;
  readonly headers: readonly string[];
  /** Position of each recognised column (the first header cell that maps to it). */
  readonly index: ReadonlyMap<CanonicalColumn, number>;
  readonly unknown: readonly string[];
  readonly duplicates: readonly { header: string; column: CanonicalColumn }[];
}

/** A header names NIK or NO_KK and at least one other known column; the score is how many it names. */
export function scoreHeader(cells: readonly string[], resolver: ColumnResolver): number {
  const found = new Set<CanonicalColumn>();
  for (const cell of cells) {
    const column = cell === "" ? null : resolver.resolve(cell);
    if (column) found.add(column);
  }
  return (found.has("NIK") || found.has("NO_KK")) && found.size >= 2 ? found.size : 0;
}

export function layoutHeader(record: RawRecord, resolver: ColumnResolver): HeaderLayout {
  const index = new Map<CanonicalColumn, number>();
  const headers = record.cells.map((c) => cellText(c));
  const unknown: string[] = [];
  const duplicates: { header: string; column: CanonicalColumn }[] = [];
  headers.forEach((header, i) => {
    if (header === "") return;
    const column = resolver.resolve(header);
    if (!column) unknown.push(header);
    else if (index.has(column)) duplicates.push({ header, column });
    else index.set(column, i);
  });
  return { line: record.line, width: record.cells.length, headers, index, unknown, duplicates };
}

export interface LocatedTable {
  readonly opened: OpenedTable;
  readonly layout: HeaderLayout;
  /** Non-blank records above the header (titles, dates, signatures). */
  readonly titleRows: readonly RawRecord[];
  readonly rest: Iterator<RawRecord>;
}

export function locateHeader(opened: OpenedTable, resolver: ColumnResolver, label: string): LocatedTable {
  const iterator = opened.records()[Symbol.iterator]();
  const titleRows: RawRecord[] = [];
  for (let seen = 0; seen < MAX_ROWS_BEFORE_HEADER; seen++) {
    const next = iterator.next();
    if (next.done) break;
    const record = next.value;
    if (scoreHeader(record.cells.map((c) => cellText(c)), resolver) > 0) {
      return { opened, layout: layoutHeader(record, resolver), titleRows, rest: iterator };
    }
    if (!record.cells.every(isBlank)) titleRows.push(record);
  }
  throw new UnreadableFileError(
    `Baris judul kolom tidak ditemukan di ${label}: dalam ${MAX_ROWS_BEFORE_HEADER} baris pertama tidak ada baris yang memuat kolom NIK atau NO_KK beserta kolom lain yang dikenal.`
  );
}

/** Read access to the current row by canonical column; one instance is reused for every row. */
export class RowView {
  line = 0;
  cells: readonly Cell[] = [];
  /** Column positions as a plain object (-1 when absent): cheaper per access than the Map. */
  private readonly at: Record<CanonicalColumn, number>;
  constructor(readonly layout: HeaderLayout) {
    this.at = Object.fromEntries(CANONICAL_COLUMNS.map((c) => [c, layout.index.get(c) ?? -1])) as Record<CanonicalColumn, number>;
  }
  has(column: CanonicalColumn): boolean {
    return this.at[column] >= 0;
  }
  cell(column: CanonicalColumn): Cell {
    const at = this.at[column];
    return at < 0 ? null : (this.cells[at] ?? null);
  }
  text(column: CanonicalColumn): string {
    return cellText(this.cell(column));
  }
}

export interface RowHandler {
  /** Validates one data row and commits it to the handler's state only when it returns no error. */
  handle(row: RowView): CellIssue[];
}

export interface RowTally {
  rows: number;
  accepted: number;
  rejected: number;
  readonly issues: Issue[];
}

const TOTAL_LABEL = /^(?:JUMLAH|TOTAL|SUB\s*-?\s*TOTAL|GRAND\s+TOTAL|JML)\b/i;
const IDENTITY_LIKE = /\d{6,}/;
export const PROGRESS_EVERY = 100_000;
/** Row-level info notes kept per code and file; the rest are counted in one file-level note. */
export const INFO_NOTES_PER_CODE = 100;

function isTotalRow(view: RowView): boolean {
  for (const column of ["NIK", "NO_KK"] as const) {
    const cell = view.cell(column);
    if (typeof cell === "number" || IDENTITY_LIKE.test(cellText(cell))) return false;
  }
  return view.cells.some((cell) => typeof cell === "string" && TOTAL_LABEL.test(cell.trim()));
}

/** Header text again below the header; only looked into when the NIK/NO_KK cell is not a number. */
function isRepeatedHeader(view: RowView, resolver: ColumnResolver): boolean {
  const identity = view.cell("NO_KK") ?? view.cell("NIK");
  if (typeof identity !== "string" || identity === "" || (identity.charCodeAt(0) >= 48 && identity.charCodeAt(0) <= 57)) return false;
  let same = 0;
  for (const [column, at] of view.layout.index) {
    const cell = view.cells[at];
    if (typeof cell === "string" && cell !== "" && resolver.resolve(cell) === column) same++;
  }
  return same >= 2;
}

export interface CheckRowsOptions {
  readonly file: string;
  readonly resolver: ColumnResolver;
  readonly onProgress?: (rows: number) => void;
}

/**
 * Gives each data record exactly one fate: rejected for its shape or handed to the handler. One
 * record at a time, so the same rules run in one synchronous pass (loaders) or in chunks between
 * which the browser paints (/periksa).
 */
export class RowChecker {
  readonly tally: RowTally = { rows: 0, accepted: 0, rejected: 0, issues: [] };
  private readonly infoCounts = new Map<IssueCode, number>();
  private readonly view: RowView;
  private readonly isCsv: boolean;
  /** Fields a data row must have: up to the last named header cell. */
  private readonly width: number;

  constructor(
    private readonly located: LocatedTable,
    private readonly handler: RowHandler,
    private readonly options: CheckRowsOptions
  ) {
    const { layout } = located;
    this.view = new RowView(layout);
    this.isCsv = located.opened.format === "csv";
    // Exports often end the header with empty cells or a stray delimiter that the data rows lack,
    // or the other way round.
    let width = layout.headers.length;
    while (width > 0 && layout.headers[width - 1] === "") width--;
    this.width = width;
  }

  private headerOf(column: string | null): string | null {
    if (column === null) return null;
    const at = this.located.layout.index.get(column as CanonicalColumn);
    return at === undefined ? column : (this.located.layout.headers[at] ?? column);
  }

  // Info notes (recovered NIK, aggregated receipt) can touch every row of an export; past the
  // first INFO_NOTES_PER_CODE of a code only their number is kept. Errors and warnings: all of them.
  private record(line: number, issues: readonly CellIssue[]): void {
    for (const issue of issues) {
      if (severityOf(issue.code) === "info") {
        const seen = (this.infoCounts.get(issue.code) ?? 0) + 1;
        this.infoCounts.set(issue.code, seen);
        if (seen > INFO_NOTES_PER_CODE) continue;
      }
      const finding: Issue = { file: this.options.file, row: line, column: this.headerOf(issue.column), code: issue.code, message: issue.message, severity: severityOf(issue.code) };
      this.tally.issues.push(issue.detail === undefined ? finding : { ...finding, detail: detach(issue.detail) });
    }
  }

  private reject(line: number, code: IssueCode, message: string, detail?: string): void {
    this.record(line, [cellIssue(code, null, message, detail)]);
    this.tally.rejected++;
  }

  /** Checks one record below the header. */
  check(next: RawRecord): void {
    const { line, cells } = next;
    const { tally, view, options } = this;
    const { layout } = this.located;
    tally.rows++;
    if (options.onProgress && tally.rows % PROGRESS_EVERY === 0) options.onProgress(tally.rows);
    view.line = line;
    view.cells = cells;
    // The tokenizer knows about an open quote before it hands over the record that swallowed the rest.
    if (this.located.opened.unclosedQuoteLine() === line) {
      return this.reject(line, "UNCLOSED_QUOTE", "Tanda kutip pembuka tidak pernah ditutup; semua baris setelahnya terbaca sebagai satu isian.");
    }
    if (cells.every(isBlank)) return this.reject(line, "EMPTY_ROW", "Baris kosong.");
    if (isRepeatedHeader(view, options.resolver)) {
      return this.reject(line, "HEADER_REPEATED", "Baris judul kolom terulang di tengah data (biasanya pemisah halaman hasil ekspor).");
    }
    if (isTotalRow(view)) {
      const label = cells.find((c) => typeof c === "string" && TOTAL_LABEL.test(c.trim())) as string;
      return this.reject(line, "TOTAL_ROW", "Baris rekapitulasi (JUMLAH/TOTAL), bukan data orang atau rumah tangga.", `Tertulis ${quoteValue(label)}.`);
    }
    const width = this.width;
    if (this.isCsv && cells.length !== layout.width && (cells.length < width || (cells.length > width && !cells.slice(width).every(isBlank)))) {
      return this.reject(
        line,
        "COLUMN_COUNT",
        `Baris berisi ${cells.length} kolom, sedangkan judul kolom berisi ${layout.width}; kemungkinan ada pemisah tanpa tanda kutip di dalam isian.`
      );
    }
    const issues = this.handler.handle(view);
    this.record(line, issues);
    if (hasError(issues)) tally.rejected++;
    else tally.accepted++;
  }

  /** Adds the counted info notes and asserts conservation. */
  finish(): RowTally {
    const { tally, options } = this;
    for (const [code, count] of this.infoCounts) {
      if (count <= INFO_NOTES_PER_CODE) continue;
      tally.issues.push({
        file: options.file,
        row: null,
        column: null,
        code,
        message: `${count} baris memiliki catatan ${code}; hanya ${INFO_NOTES_PER_CODE} yang pertama dicantumkan satu per satu.`,
        severity: severityOf(code)
      });
    }
    if (tally.accepted + tally.rejected !== tally.rows) {
      throw new Error(`conservation violated for ${options.file}: ${tally.accepted} + ${tally.rejected} != ${tally.rows}`);
    }
    return tally;
  }
}

/** Runs every data record through the shape checks and the handler; returns the tally. */
export function checkRows(located: LocatedTable, handler: RowHandler, options: CheckRowsOptions): RowTally {
  const checker = new RowChecker(located, handler, options);
  for (let next = located.rest.next(); !next.done; next = located.rest.next()) checker.check(next.value);
  return checker.finish();
}

/** The same pass in chunks of `chunkRows` records, awaiting `pause(rowsSoFar)` between chunks (browser: paint, progress). */
export async function checkRowsInChunks(
  located: LocatedTable,
  handler: RowHandler,
  options: CheckRowsOptions & { readonly chunkRows: number; readonly pause: (rows: number) => Promise<void> }
): Promise<RowTally> {
  const checker = new RowChecker(located, handler, options);
  let inChunk = 0;
  for (let next = located.rest.next(); !next.done; next = located.rest.next()) {
    checker.check(next.value);
    if (++inChunk >= options.chunkRows) {
      inChunk = 0;
      await options.pause(checker.tally.rows);
    }
  }
  return checker.finish();
}
