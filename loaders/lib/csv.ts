// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, a chosen delimiter. Reading keeps
// each record's 1-based line number so every rejected row can be reported where it stands.

export interface CsvRecord {
  /** 1-based line on which the record starts in the file. */
  readonly line: number;
  readonly fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

export function parseCsv(text: string, delimiter = ","): CsvRecord[] {
  const records: CsvRecord[] = [];
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    fields.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < input.length) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === "\n") line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted && field === "") {
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      if (ch === "\r" && input[i + 1] === "\n") i++;
      i++;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new CsvSyntaxError(recordLine, "a quoted field is not closed");
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

/** Parses a CSV with a header row into objects keyed by header names. */
export function parseCsvObjects(text: string, delimiter = ","): { line: number; row: Record<string, string> }[] {
  const [header, ...body] = parseCsv(text, delimiter);
  if (!header) return [];
  return body.map((record) => ({
    line: record.line,
    row: Object.fromEntries(header.fields.map((name, i) => [name.trim(), record.fields[i] ?? ""]))
  }));
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function formatCsv(header: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [header.map(quote).join(",")];
  for (const row of rows) lines.push(header.map((h) => quote(row[h] === null || row[h] === undefined ? "" : String(row[h]))).join(","));
  return lines.join("\n") + "\n";
}
