// Cell values as Dinsos exports hold them: Indonesian number formats and yes/no flags. Pure functions,
// shared by the Node loaders and the browser page /periksa.

/** A cell after reading: CSV gives strings; XLSX also gives numbers and booleans as Excel stored them. */
export type Cell = string | number | boolean | null;

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** A cell as text (for names, codes and messages). Numbers print without exponent when they are whole. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === "") return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return Number.isInteger(cell) && Math.abs(cell) < 1e21 ? cell.toFixed(0) : String(cell);
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

/**
 * A private copy of a string. Cell text is a slice of a 4 MB chunk of the file, and V8 keeps the
 * whole chunk alive as long as any slice of it (or a message built from one) is kept; whatever
 * outlives the row (cache keys, messages) is detached first. (Encoder/decoder: the same copy in
 * Node and in the browser.)
 */
export function detach(text: string): string {
  return DECODER.decode(ENCODER.encode(text));
}

/** Shortens a value quoted in a message (only for non-personal values such as flags and region names). */
export function quoteValue(text: string, max = 30): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return `"${clean.length > max ? `${clean.slice(0, max)}…` : clean}"`;
}

export type NumberParse =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: "format" | "ambiguous" };

const PLAIN_INTEGER = /^-?\d+$/;
const ID_THOUSANDS = /^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const ID_DECIMAL = /^-?\d+,\d+$/;
/** "1,300": Indonesian 1,3 or English 1300; refused rather than guessed. */
const AMBIGUOUS_COMMA = /^-?\d{1,3},\d{3}$/;
const RUPIAH_PREFIX = /^rp\.?\s*/i;
const ACCOUNTING_SUFFIX = /,-$/;
const INNER_SPACE_BEFORE_MINUS = /^-\s+/;

/**
 * Reads an Indonesian number: `1.300` = 1300, `2.200.000` = 2200000, `12,5` = 12.5, `Rp 300.000,-`.
 * Numbers Excel stored as numbers are taken as they are. Anything else fails (never guessed).
 */
export function parseIndonesianNumber(cell: Cell): NumberParse {
  if (typeof cell === "number") return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, reason: "format" };
  if (typeof cell !== "string") return { ok: false, reason: "format" };
  if (PLAIN_INTEGER.test(cell)) return { ok: true, value: Number(cell) };
  let text = cell.trim().replace(RUPIAH_PREFIX, "").replace(ACCOUNTING_SUFFIX, "").replace(INNER_SPACE_BEFORE_MINUS, "-");
  if (text === "") return { ok: false, reason: "format" };
  if (PLAIN_INTEGER.test(text)) return { ok: true, value: Number(text) };
  if (AMBIGUOUS_COMMA.test(text)) return { ok: false, reason: "ambiguous" };
  if (ID_THOUSANDS.test(text)) text = text.replaceAll(".", "");
  else if (!ID_DECIMAL.test(text)) return { ok: false, reason: "format" };
  const value = Number(text.replace(",", "."));
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: "format" };
}

const FLAG_TRUE = new Set(["Y", "YA", "1", "TRUE"]);
const FLAG_FALSE = new Set(["N", "TIDAK", "0", "FALSE"]);
/** The spellings exports actually use, looked up before any trimming or case folding. */
const FLAG_EXACT = new Map<string, boolean>([
  ...[...FLAG_TRUE].flatMap((t) => [t, t.toLowerCase(), t[0] + t.slice(1).toLowerCase()].map((s) => [s, true] as const)),
  ...[...FLAG_FALSE].flatMap((t) => [t, t.toLowerCase(), t[0] + t.slice(1).toLowerCase()].map((s) => [s, false] as const))
]);

export type FlagParse = { readonly ok: true; readonly value: boolean | null } | { readonly ok: false };

const FLAG_YES: FlagParse = { ok: true, value: true };
const FLAG_NO: FlagParse = { ok: true, value: false };
const FLAG_BLANK: FlagParse = { ok: true, value: null };
const FLAG_BAD: FlagParse = { ok: false };

/** Y/N, YA/TIDAK, 1/0, TRUE/FALSE in any case; blank is "not stated" (null). Anything else fails. */
export function parseFlag(cell: Cell): FlagParse {
  if (cell === null) return FLAG_BLANK;
  if (typeof cell === "boolean") return cell ? FLAG_YES : FLAG_NO;
  if (typeof cell === "number") return cell === 1 ? FLAG_YES : cell === 0 ? FLAG_NO : FLAG_BAD;
  const exact = FLAG_EXACT.get(cell);
  if (exact !== undefined) return exact ? FLAG_YES : FLAG_NO;
  const text = cell.trim().toUpperCase();
  if (text === "") return FLAG_BLANK;
  if (FLAG_TRUE.has(text)) return FLAG_YES;
  if (FLAG_FALSE.has(text)) return FLAG_NO;
  return FLAG_BAD;
}
