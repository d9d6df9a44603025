// Environment-agnostic core of the data layer: lazy Parquet registration and parameterised
// queries over a duckdb-wasm connection. The browser (db.ts) and the Node tests wrap the same class,
// so the SQL tests exercise exactly the ingestion path the pages use.
import type { SqlQuery, SqlValue } from "./sql.js";

/** The parts of an Arrow table (duckdb-wasm bundles its own Arrow) that this module reads. */
export interface ArrowField {
  readonly name: string;
  readonly type: { readonly typeId: number; readonly scale?: number; toString(): string };
}
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly ArrowField[] };
  getChild(name: string): { get(index: number): unknown } | null;
}

export interface PreparedStatementLike {
  query(...params: SqlValue[]): Promise<ArrowTableLike> | ArrowTableLike;
  close(): Promise<void> | void;
}

/** Satisfied by duckdb-wasm's AsyncDuckDBConnection and (wrapped in promises) its blocking Node connection. */
export interface ConnectionLike {
  query(text: string): Promise<ArrowTableLike> | ArrowTableLike;
  prepare(text: string): Promise<PreparedStatementLike> | PreparedStatementLike;
  getTableNames(text: string): Promise<string[]> | string[];
  insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create: boolean }): Promise<void> | void;
}

/** A table the database can load on first use: its name and a way to get its Parquet bytes. */
export interface TableSource {
  readonly name: string;
  load(): Promise<Uint8Array>;
}

/** Decodes Parquet bytes into an Arrow IPC stream (parquet-wasm in both environments). */
export type ParquetToIpc = (parquet: Uint8Array) => Uint8Array;

/** An error with a message fit for the page (Bahasa Indonesia) and the technical cause kept for the console. */
export class DataError extends Error {
  constructor(
    readonly userMessage: string,
    readonly detail: string,
    options?: { cause?: unknown }
  ) {
    super(`${userMessage} (${detail})`, options);
    this.name = "DataError";
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The same readable messages whichever reader (duckdb-wasm or the small-table reader) failed. */
export const tableDownloadFailed = (name: string, error: unknown): DataError =>
  new DataError(`Tabel "${name}" tidak dapat diunduh.`, describe(error), { cause: error });
export const tableReadFailed = (name: string, error: unknown): DataError =>
  new DataError(`Berkas tabel "${name}" tidak dapat dibaca.`, describe(error), { cause: error });

/** Session settings run once per connection: never let duckdb-wasm fetch an extension from a CDN. */
export const SESSION_SETTINGS = "SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;";

/**
 * The statement with each `?` placeholder (outside quotes) replaced by NULL. DuckDB's table-name
 * lookup cannot parse placeholders in some positions (e.g. LIMIT ?); this copy is used only for that lookup.
 */
export function withoutPlaceholders(text: string): string {
  let out = "";
  let quote: string | null = null;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (comment) {
      // A line comment runs to the end of the line; an apostrophe in it opens no string.
      if (ch === "\n") comment = false;
      out += ch;
    } else if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === "-" && text[i + 1] === "-") {
      comment = true;
      out += ch;
    } else {
      out += ch === "?" ? "NULL" : ch;
    }
  }
  return out;
}

export interface QueryOptions {
  /** Keep the statement prepared for later calls with the same text. */
  readonly reuse?: boolean;
  /** The statement reads only tables made in this tab (none to load): skip the table lookup. */
  readonly local?: boolean;
}

/** Prepared statements kept by Database.query({ reuse: true }), least recently used dropped first. */
const REUSED_STATEMENTS = 16;

export class Database {
  private readonly sources = new Map<string, TableSource>();
  private readonly loaded = new Map<string, Promise<void>>();
  private readonly reusable = new Map<string, Promise<PreparedStatementLike>>();

  /**
   * `resolve` names a source for a table not registered beforehand (a registry partition of a
   * kab/kota the page learns about at run time); it is asked once per unknown name.
   */
  constructor(
    private readonly connection: ConnectionLike,
    private readonly decode: ParquetToIpc,
    sources: Iterable<TableSource> = [],
    private readonly resolve: (name: string) => TableSource | undefined = () => undefined
  ) {
    for (const source of sources) this.register(source);
  }

  /** Makes a table available to queries; its bytes are fetched only when a query first names it. */
  register(source: TableSource): void {
    const key = source.name.toLowerCase();
    if (this.loaded.has(key)) throw new Error(`table ${source.name} is already loaded`);
    this.sources.set(key, source);
  }

  get tableNames(): string[] {
    return [...this.sources.values()].map((s) => s.name);
  }

  /** Loads a registered table once; concurrent callers share the same load. */
  ensureTable(name: string): Promise<void> {
    const key = name.toLowerCase();
    let source = this.sources.get(key);
    if (!source && !this.loaded.has(key)) {
      source = this.resolve(name);
      if (source) this.sources.set(key, source);
    }
    if (!source) return Promise.resolve(); // not ours: a CTE, a table created in SQL, or a typo DuckDB will report
    let pending = this.loaded.get(key);
    if (!pending) {
      pending = this.ingest(source);
      this.loaded.set(key, pending);
      pending.catch(() => this.loaded.delete(key)); // allow a retry after a failed fetch
    }
    return pending;
  }

  private async ingest(source: TableSource): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await source.load();
    } catch (error) {
      throw tableDownloadFailed(source.name, error);
    }
    try {
      const ipc = this.decode(bytes);
      await this.connection.insertArrowFromIPCStream(ipc, { name: source.name, create: true });
    } catch (error) {
      throw tableReadFailed(source.name, error);
    }
  }

  /**
   * Creates (or replaces) a table from an Arrow IPC stream built in the page itself, e.g. the rows of
   * a file the user opened on /periksa. Nothing is fetched; the table lives in this tab's memory only.
   */
  async replaceTable(name: string, ipc: Uint8Array): Promise<void> {
    if (this.sources.has(name.toLowerCase())) throw new Error(`table ${name} is a published table`);
    await this.connection.query(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`);
    await this.connection.insertArrowFromIPCStream(ipc, { name, create: true });
  }

  /**
   * Runs a statement built with `sql`; its interpolated values are bound as parameters.
   * With `reuse`, the statement stays prepared for the next call with the same text (only the
   * parameters change): a recompute on each control change then skips parsing and planning.
   */
  async query(statement: SqlQuery, options: QueryOptions = {}): Promise<ArrowTableLike> {
    if (options.reuse) return this.queryReused(statement, options.local === true);
    if (!options.local) await this.loadTablesOf(statement.text);
    let prepared: PreparedStatementLike | undefined;
    try {
      prepared = await this.connection.prepare(statement.text);
      return await prepared.query(...statement.params);
    } catch (error) {
      throw new DataError("Kueri data gagal dijalankan.", describe(error), { cause: error });
    } finally {
      await prepared?.close();
    }
  }

  /** Runs a statement and returns plain rows (see toRows). */
  async rows<T extends Record<string, unknown> = Record<string, unknown>>(statement: SqlQuery, options: QueryOptions = {}): Promise<T[]> {
    return toRows<T>(await this.query(statement, options));
  }

  private async loadTablesOf(text: string): Promise<void> {
    let names: string[];
    try {
      names = await this.connection.getTableNames(withoutPlaceholders(text));
    } catch (error) {
      throw new DataError("Kueri data tidak dapat dibaca.", describe(error), { cause: error });
    }
    await Promise.all(names.map((name) => this.ensureTable(name)));
  }

  private async queryReused(statement: SqlQuery, local: boolean): Promise<ArrowTableLike> {
    let pending = this.reusable.get(statement.text);
    if (!pending) {
      pending = (local ? Promise.resolve() : this.loadTablesOf(statement.text)).then(() => this.connection.prepare(statement.text));
      this.reusable.set(statement.text, pending);
      pending.catch(() => this.reusable.delete(statement.text));
      if (this.reusable.size > REUSED_STATEMENTS) {
        const [oldest, evicted] = this.reusable.entries().next().value as [string, Promise<PreparedStatementLike>];
        this.reusable.delete(oldest);
        void evicted.then((p) => p.close()).catch(() => undefined);
      }
    } else {
      // Most recently used last, so the eviction above drops the least recently used.
      this.reusable.delete(statement.text);
      this.reusable.set(statement.text, pending);
    }
    try {
      return await (await pending).query(...statement.params);
    } catch (error) {
      if (error instanceof DataError) throw error;
      throw new DataError("Kueri data gagal dijalankan.", describe(error), { cause: error });
    }
  }
}

// Arrow type ids (stable across Arrow JS versions).
const TYPE_INT = 2;
const TYPE_DECIMAL = 7;
const TYPE_DATE = 8;
const TYPE_TIMESTAMP = 10;

function toNumber(value: bigint, column: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`column ${column}: ${value} exceeds the safe integer range`);
  return n;
}

/** Converts one Arrow cell to a plain JS value: 64-bit integers to numbers, dates and timestamps to Date. */
function plainValue(value: unknown, field: ArrowField): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type.typeId) {
    case TYPE_INT:
      return typeof value === "bigint" ? toNumber(value, field.name) : value;
    case TYPE_DATE:
    case TYPE_TIMESTAMP:
      return value instanceof Date ? value : new Date(typeof value === "bigint" ? Number(value) : (value as number));
    case TYPE_DECIMAL:
      throw new TypeError(`column ${field.name} is DECIMAL; cast it to DOUBLE or BIGINT in SQL`);
    default:
      return typeof value === "bigint" ? toNumber(value, field.name) : value;
  }
}

/** Plain typed rows from an Arrow result, for tables and small transforms. */
export function toRows<T extends Record<string, unknown> = Record<string, unknown>>(table: ArrowTableLike): T[] {
  const fields = table.schema.fields;
  const columns = fields.map((field) => ({ field, vector: table.getChild(field.name) }));
  const rows: T[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (const { field, vector } of columns) row[field.name] = plainValue(vector?.get(i), field);
    rows[i] = row as T;
  }
  return rows;
}
