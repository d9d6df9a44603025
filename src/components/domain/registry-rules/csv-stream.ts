// Incremental RFC 4180 tokenizer: the same rules as loaders/lib/csv.ts (quotes only open a field,
// doubled quotes, CRLF or LF), but fed in chunks and slicing runs instead of adding characters one
// by one, so a million-row export parses in about a second and never needs to be one string.
// Unlike parseCsv it also reports blank lines (as one empty field) so every line is accounted for.

const QUOTE = 34;
const LF = 10;
const CR = 13;

export interface TokenizedRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  readonly fields: string[];
}

export class CsvTokenizer {
  private readonly delimiterCode: number;
  private fields: string[] = [];
  /** Text of the current field carried over from earlier chunks or around doubled quotes. */
  private carry = "";
  private quoted = false;
  /** Inside a quoted field, the previous chunk ended on a quote whose meaning the next char decides. */
  private quoteAtChunkEnd = false;
  private fieldStarted = false;
  /** The previous chunk ended on CR; a leading LF in the next chunk belongs to it. */
  private pendingCr = false;
  private line = 1;
  private recordLine = 1;
  private records: TokenizedRecord[] = [];

  constructor(delimiter: string) {
    if (delimiter.length !== 1) throw new Error("delimiter must be one character");
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Tokenizes a chunk and returns the records it completed. */
  push(text: string): TokenizedRecord[] {
    this.records = [];
    let i = 0;
    const n = text.length;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (n > 0 && text.charCodeAt(0) === LF) i = 1;
    }
    if (this.quoteAtChunkEnd && n > i) {
      this.quoteAtChunkEnd = false;
      if (text.charCodeAt(i) === QUOTE) {
        this.carry += '"';
        i++;
      } else {
        this.quoted = false;
      }
    }
    while (i < n) {
      if (this.quoted) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          this.countLines(text, i, n);
          this.carry += text.slice(i);
          i = n;
          break;
        }
        this.countLines(text, i, close);
        this.carry += text.slice(i, close);
        if (close + 1 >= n) {
          this.quoteAtChunkEnd = true;
          i = n;
          break;
        }
        if (text.charCodeAt(close + 1) === QUOTE) {
          this.carry += '"';
          i = close + 2;
        } else {
          this.quoted = false;
          i = close + 1;
        }
        continue;
      }
      // Unquoted: scan a run up to the next delimiter, line end or (at field start) quote.
      let j = i;
      let code = 0;
      while (j < n) {
        code = text.charCodeAt(j);
        if (code === this.delimiterCode || code === LF || code === CR) break;
        if (code === QUOTE && !this.fieldStarted && this.carry === "" && j === i) break;
        j++;
      }
      if (j > i) {
        this.carry += text.slice(i, j);
        this.fieldStarted = true;
      }
      if (j >= n) {
        i = n;
        break;
      }
      if (code === QUOTE && !this.fieldStarted && this.carry === "" && j === i) {
        this.quoted = true;
        this.fieldStarted = true;
        i = j + 1;
        continue;
      }
      if (code === this.delimiterCode) {
        this.endField();
        i = j + 1;
        continue;
      }
      // Line end.
      this.endRecord();
      if (code === CR) {
        if (j + 1 >= n) this.pendingCr = true;
        else if (text.charCodeAt(j + 1) === LF) j++;
      }
      i = j + 1;
      this.line++;
      this.recordLine = this.line;
    }
    return this.records;
  }

  /** Finishes the input: returns the last record (if the file did not end with a newline) and whether a quote was left open. */
  end(): { records: TokenizedRecord[]; unclosedQuoteLine: number | null } {
    this.records = [];
    const unclosedQuoteLine = this.quoted && !this.quoteAtChunkEnd ? this.recordLine : null;
    if (this.fieldStarted || this.carry !== "" || this.fields.length > 0) this.endRecord();
    return { records: this.records, unclosedQuoteLine };
  }

  private countLines(text: string, from: number, to: number): void {
    let at = text.indexOf("\n", from);
    while (at >= 0 && at < to) {
      this.line++;
      at = text.indexOf("\n", at + 1);
    }
  }

  private endField(): void {
    this.fields.push(this.carry);
    this.carry = "";
    this.fieldStarted = false;
  }

  private endRecord(): void {
    this.endField();
    this.records.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
  }
}

/** Tokenizes a whole string (tests, samples). */
export function tokenizeCsv(text: string, delimiter: string): { records: TokenizedRecord[]; unclosedQuoteLine: number | null } {
  const tokenizer = new CsvTokenizer(delimiter);
  const records = [...tokenizer.push(text)];
  const tail = tokenizer.end();
  return { records: [...records, ...tail.records], unclosedQuoteLine: tail.unclosedQuoteLine };
}
