// Indonesian number, money, percentage and date formats for everything shown to users.
// Written out by hand (not Intl month names) so output is identical in every browser and in Node.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"] as const;
const MONTHS_LONG = [
  "Januari", "Februari", "Maret", "April", "Mei", "Juni",
  "Juli", "Agustus", "September", "Oktober", "November", "Desember"
] as const;

const MISSING = "–";

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** 1300 → "1.300"; 5.65 with 2 digits → "5,65". Trailing zeros are kept when digits are given. */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const fixed = Math.abs(value).toFixed(digits);
  const [integer = "0", fraction] = fixed.split(".");
  const sign = value < 0 && Number(fixed) !== 0 ? "−" : "";
  return sign + groupThousands(integer) + (fraction ? `,${fraction}` : "");
}

/** A count with its unit: formatCount(1300, "paket") → "1.300 paket". */
export function formatCount(value: number | null | undefined, unit: string): string {
  const n = formatNumber(value);
  return n === MISSING ? MISSING : `${n} ${unit}`;
}

/** 5.65 → "5,65%". */
export function formatPercent(value: number | null | undefined, digits = 2): string {
  const n = formatNumber(value, digits);
  return n === MISSING ? MISSING : `${n}%`;
}

/** Percentage points for changes: −0.14 → "−0,14 poin". */
export function formatPoints(value: number | null | undefined, digits = 2): string {
  const n = formatNumber(value, digits);
  if (n === MISSING) return MISSING;
  return `${value! > 0 ? "+" : ""}${n} poin`;
}

const SCALES = [
  { at: 1e12, word: "triliun" },
  { at: 1e9, word: "miliar" },
  { at: 1e6, word: "juta" }
] as const;

function trimZeros(text: string): string {
  return text.includes(",") ? text.replace(/,?0+$/, "") : text;
}

/**
 * Rupiah: below one million in full (Rp200.000); above, with the Indonesian scale word and up to
 * `digits` decimals (Rp2,2 miliar; Rp4,2 miliar; Rp15 juta).
 */
export function formatRupiah(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const sign = value < 0 ? "−" : "";
  const abs = Math.abs(value);
  for (const { at, word } of SCALES) {
    if (abs >= at) return `${sign}Rp${trimZeros(formatNumber(abs / at, digits))} ${word}`;
  }
  return `${sign}Rp${formatNumber(abs, 0)}`;
}

function toDate(value: Date | string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return null;
}

/** "2025-09-23" or a Date → "23 Sep 2025" (calendar date, read in UTC). */
export function formatDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const date = toDate(value);
  if (!date) return MISSING;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Survey round: (2025, 3) → "Maret 2025"; month missing → "2025". */
export function formatPeriod(year: number, month?: number | null): string {
  return month ? `${MONTHS_LONG[month - 1]} ${year}` : String(year);
}

/**
 * A number in plain notation for files other programs read: no grouping, every digit JavaScript
 * keeps (the shortest text that reads back as the same number), never exponent notation, with the
 * chosen decimal mark ("," for Excel in an Indonesian locale, "." for analysis tools).
 */
export function formatPlainNumber(value: number, decimalMark: "." | "," = "."): string {
  if (!Number.isFinite(value)) return "";
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  let plain = text;
  if (m) {
    const [, sign, whole, fraction = "", exp] = m;
    const digits = whole! + fraction;
    const point = whole!.length + Number(exp);
    plain =
      point <= 0
        ? `${sign}0.${"0".repeat(-point)}${digits}`
        : point >= digits.length
          ? `${sign}${digits}${"0".repeat(point - digits.length)}`
          : `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  return decimalMark === "," ? plain.replace(".", ",") : plain;
}
