// Reading numbers the way Indonesians type them: "4.200" is four thousand two hundred, "4,5" is
// four and a half, "Rp4,2 miliar" and "4,2 M" are 4.200.000.000. Anything that could be read two
// ways ("4.5", "1,234.5") is refused with a sentence, never guessed. Pure, shared by every input.
import { formatCount, formatNumber, formatPercent, formatRupiah } from "./format.js";

/** Scale words people write after a number, longest first so "jt" never eats "juta". */
const SCALE_WORDS: readonly { readonly pattern: RegExp; readonly factor: number; readonly word: string }[] = [
  { pattern: /^(triliun|trilyun|t)$/i, factor: 1e12, word: "triliun" },
  { pattern: /^(miliar|milyar|m)$/i, factor: 1e9, word: "miliar" },
  { pattern: /^(juta|jt)$/i, factor: 1e6, word: "juta" },
  { pattern: /^(ribu|rb)$/i, factor: 1e3, word: "ribu" }
];

export type NumberReading =
  | { readonly ok: true; readonly value: number; readonly scaleWord: string | null; readonly rupiah: boolean; readonly percent: boolean }
  | { readonly ok: false; readonly message: string };

const refuse = (message: string): NumberReading => ({ ok: false, message });

/** Digits grouped by thousands: "4.200", "1.234.567" (separator "." or a space). */
const GROUPED = /^\d{1,3}(?:[. ]\d{3})+$/;
const PLAIN = /^\d+$/;

function integerPart(text: string, shown: string): number | string {
  if (PLAIN.test(text)) return Number(text);
  if (GROUPED.test(text)) return Number(text.replace(/[. ]/g, ""));
  if (/^\d+(?:\.\d+)+$/.test(text)) {
    return `“${shown}” tidak dapat dibaca: titik memisahkan ribuan (4.200 = empat ribu dua ratus). Untuk desimal pakai koma, mis. ${text.replace(/\./g, ",").replace(/,(?=.*,)/g, "")}.`;
  }
  return `“${shown}” bukan angka yang dapat dibaca. Tulis angka dengan titik sebagai pemisah ribuan dan koma untuk desimal, mis. 4.200 atau 4,5.`;
}

/**
 * Reads one typed number. Accepts an optional sign (- or −), an optional "Rp" before it, an
 * optional "%" or scale word after it (ribu/rb, juta/jt, miliar/M, triliun/T), thousands grouped
 * with "." (or spaces) and one decimal comma.
 */
export function readIndonesianNumber(raw: string): NumberReading {
  const shown = raw.trim().replace(/\s+/g, " ");
  if (shown === "") return refuse("Isian kosong.");
  let text = shown.replace(/[\u2212\u2013]/g, "-");
  let negative = false;
  if (text.startsWith("-")) {
    negative = true;
    text = text.slice(1).trimStart();
  }
  let rupiah = false;
  const rp = /^rp\.?\s*/i.exec(text);
  if (rp) {
    rupiah = true;
    text = text.slice(rp[0].length);
  }
  if (!negative && text.startsWith("-")) {
    negative = true;
    text = text.slice(1).trimStart();
  }
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1).trimEnd();
  }
  let factor = 1;
  let scaleWord: string | null = null;
  const word = /^(.*?\d)\s*([a-z]+)\.?$/i.exec(text);
  if (word) {
    const scale = SCALE_WORDS.find((s) => s.pattern.test(word[2]!));
    if (!scale) return refuse(`“${shown}” tidak dapat dibaca: “${word[2]}” bukan satuan yang dikenal (ribu, juta, miliar, triliun).`);
    factor = scale.factor;
    scaleWord = scale.word;
    text = word[1]!;
  }
  if (percent && scaleWord) return refuse(`“${shown}” tidak dapat dibaca: persen tidak memakai satuan ${scaleWord}.`);
  if (text === "") return refuse(`“${shown}” tidak memuat angka.`);
  const commas = text.split(",").length - 1;
  if (commas > 1) return refuse(`“${shown}” tidak dapat dibaca: koma hanya dipakai sekali, untuk desimal (mis. 4.200,5). Ribuan dipisah dengan titik.`);
  const [whole = "", fraction] = text.split(",");
  if (fraction !== undefined && /[. ]/.test(fraction)) {
    return refuse(`“${shown}” tidak dapat dibaca: tulis ribuan dengan titik dan desimal dengan koma, mis. 1.234,5.`);
  }
  if (fraction !== undefined && !PLAIN.test(fraction)) return refuse(`“${shown}” bukan angka yang dapat dibaca. Desimal ditulis dengan koma, mis. 4,5.`);
  const integer = whole === "" && fraction !== undefined ? 0 : integerPart(whole, shown);
  if (typeof integer === "string") return refuse(integer);
  // One decimal string, read once: the nearest double to what was typed.
  const typed = Number(`${integer}${fraction ? `.${fraction}` : ""}`);
  // A scale word multiplies: rounded to 15 digits, beyond what anyone types (4,2 × 10⁹ has binary noise).
  const magnitude = factor === 1 ? typed : Number((typed * factor).toPrecision(15));
  if (!Number.isFinite(magnitude)) return refuse(`“${shown}” terlalu besar.`);
  const value = negative ? -magnitude : magnitude;
  return { ok: true, value, scaleWord, rupiah, percent };
}

export type FieldUnit = "rupiah" | "percent" | "count" | "number";

export interface NumberFieldSpec {
  /** What the field is called in messages ("Anggaran Kasemen"). */
  readonly label: string;
  readonly unit: FieldUnit;
  /** For counts: the unit word ("jiwa", "KK", "paket"). */
  readonly countWord?: string;
  /**
   * What a bare number means, as a multiple of the unit: a budget typed in juta has 1e6 (so "4.200"
   * is Rp4,2 miliar). A number written with its scale word ("Rp4,2 miliar", "4,2 M") is taken as written.
   */
  readonly bareScale?: number;
  /** Inclusive bounds in the field's unit (rupiah, percent, …), from the model's own limits. */
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

export type FieldReading =
  | { readonly status: "empty" }
  | { readonly status: "ok"; readonly value: number; readonly echo: string }
  | { readonly status: "refused"; readonly message: string };

/** The value as the field's unit writes it: "Rp4,2 miliar", "12,5%", "1.300 paket". */
export function formatFieldValue(value: number, spec: NumberFieldSpec): string {
  switch (spec.unit) {
    case "rupiah":
      return formatRupiah(value, 3);
    case "percent":
      return formatPercent(value, decimalsOf(value));
    case "count":
      return spec.countWord ? formatCount(value, spec.countWord) : formatNumber(value);
    default:
      return formatNumber(value, decimalsOf(value));
  }
}

/** As many decimals as the value has, up to `max` (4,5 → 1; 4 → 0). */
function decimalsOf(value: number, max = 4): number {
  for (let d = 0; d < max; d++) if (Math.abs(value * 10 ** d - Math.round(value * 10 ** d)) < 1e-9 * Math.max(1, Math.abs(value * 10 ** d))) return d;
  return max;
}

/**
 * What a typed text means for a field: empty, a value in the field's unit with the sentence shown
 * next to the field ("= Rp4,2 miliar"), or a refusal that says why. A refused value changes nothing.
 */
export function readNumberField(raw: string, spec: NumberFieldSpec): FieldReading {
  if (raw.trim() === "") return { status: "empty" };
  const reading = readIndonesianNumber(raw);
  if (!reading.ok) return { status: "refused", message: reading.message };
  if (reading.rupiah && spec.unit !== "rupiah") return { status: "refused", message: `${spec.label} bukan nilai rupiah; tulis angkanya saja.` };
  if (reading.percent && spec.unit !== "percent") return { status: "refused", message: `${spec.label} bukan persentase; tulis angkanya saja.` };
  if (reading.scaleWord && spec.unit === "percent") return { status: "refused", message: `${spec.label} ditulis dalam persen, tanpa satuan ${reading.scaleWord}.` };
  const scale = reading.scaleWord || reading.rupiah ? 1 : spec.bareScale ?? 1;
  const exact = scale === 1 ? reading.value : Number((reading.value * scale).toPrecision(15));
  if (spec.integer && !Number.isInteger(exact)) return { status: "refused", message: `${spec.label} harus bilangan bulat.` };
  if (exact < spec.min || exact > spec.max) return { status: "refused", message: rangeSentence(spec, exact) };
  return { status: "ok", value: exact, echo: `= ${formatFieldValue(exact, spec)}` };
}

function rangeSentence(spec: NumberFieldSpec, value: number): string {
  const f = (v: number) => formatFieldValue(v, spec);
  if (value < spec.min && spec.min === 0) return `${spec.label} tidak boleh negatif (tertulis ${f(value)}).`;
  if (value < spec.min) return `${spec.label} paling kecil ${f(spec.min)} (tertulis ${f(value)}).`;
  return `${spec.label} paling besar ${f(spec.max)} (tertulis ${f(value)}).`;
}

/** A value written back into the field as the user would type it (in the field's bare scale). */
export function typedText(value: number, spec: NumberFieldSpec): string {
  const bare = value / (spec.bareScale ?? 1);
  // Enough decimals that reading the text back gives the value to the rupiah (6 for a field in juta).
  return formatNumber(bare, decimalsOf(bare, Math.max(4, Math.round(Math.log10(spec.bareScale ?? 1)))));
}
