// Indonesian name and address spelling, normalised before similarity is measured: case, punctuation,
// titles and degrees, the many spellings of Muhammad, street words (JL./JLN./JALAN → JL) and RT/RW
// written in any of the ways lists use ("RT.003/RW.005", "RT 3 RW 5", "003/005"). Pure functions.

const NON_ALNUM = /[^A-Z0-9]+/g;
const SPACES = /\s+/g;

/** Titles and degrees that some lists write and others do not (as separate words after punctuation is removed). */
const NAME_TITLES = new Set([
  "H", "HJ", "HAJI", "HAJAH", "DR", "DRS", "DRA", "IR", "PROF", "KH", "USTADZ", "UST", "TN", "NY", "NN", "SDR", "SDRI",
  "ALM", "ALMH", "BPK", "BAPAK", "IBU", "SH", "SE", "ST", "SP", "SPD", "SPDI", "SAG", "SKM", "SKEP", "SKOM", "SSOS", "SIP",
  "SHI", "SS", "SSI", "AMD", "AMK", "AMKEB", "MM", "MPD", "MSI", "MH", "MAG", "MKES", "MT", "MKOM"
]);
/** Degrees written with dots ("S.Pd.", "A.Md.") collapse to these tokens once dots are removed. */
const DOTTED_DEGREE = /\b(S|M|A)\s*\.\s*(PD\s*\.\s*I|PD|PDI|AG|KM|KEP|KOM|SOS|IP|HI|SI|MD|KES|H|E|T|P|S|M)(?![A-Z])\s*\.?/g;

/** Spellings of Muhammad (and its abbreviations) → one form. */
const MUHAMMAD = /^(?:M(?:U|O)C?H?A?M+A?D|M(?:U|O)CH?|M(?:U|O)H|MHD|MUHAMMAD)$/;

export function normaliseName(name: string): string {
  const upper = name.toUpperCase().replace(DOTTED_DEGREE, " ");
  const words = upper.replace(NON_ALNUM, " ").trim().split(" ").filter(Boolean);
  const kept: string[] = [];
  for (const word of words) {
    if (NAME_TITLES.has(word)) continue;
    kept.push(MUHAMMAD.test(word) ? "MUHAMMAD" : word);
  }
  return kept.join(" ");
}

const STREET_WORDS: ReadonlyMap<string, string> = new Map([
  ["JALAN", "JL"], ["JLN", "JL"], ["JL", "JL"],
  ["GANG", "GG"], ["GG", "GG"],
  ["KAMPUNG", "KP"], ["KAMP", "KP"], ["KMP", "KP"], ["KP", "KP"],
  ["PERUMAHAN", "PERUM"], ["PERUM", "PERUM"],
  ["KOMPLEK", "KOMP"], ["KOMPLEKS", "KOMP"], ["KOMP", "KOMP"],
  ["LINGKUNGAN", "LINGK"], ["LINGK", "LINGK"], ["LINK", "LINGK"], ["LKG", "LINGK"],
  ["NOMOR", "NO"], ["NO", "NO"],
  ["BLOK", "BLOK"], ["BLK", "BLOK"]
]);
/** Words that say where, not which house: dropped (the kelurahan is matched separately). */
const ADDRESS_NOISE = new Set(["DESA", "DS", "KELURAHAN", "KEL", "KECAMATAN", "KEC", "DUSUN", "DSN"]);

const RT_RW = /\bRT\s*\.?\s*:?\s*0*(\d{1,3})\s*[/\\.,-]?\s*RW\s*\.?\s*:?\s*0*(\d{1,3})\b/g;
const RT_ONLY = /\bRT\s*\.?\s*:?\s*0*(\d{1,3})\b/g;
const RW_ONLY = /\bRW\s*\.?\s*:?\s*0*(\d{1,3})\b/g;
const BARE_RT_RW = /(?:^|\s)0*(\d{1,3})\s*\/\s*0*(\d{1,3})(?=\s|$)/g;

export function normaliseAddress(address: string): string {
  let text = address.toUpperCase();
  text = text.replace(RT_RW, " RT $1 RW $2 ").replace(RT_ONLY, " RT $1 ").replace(RW_ONLY, " RW $1 ").replace(BARE_RT_RW, " RT $1 RW $2 ");
  const words = text.replace(NON_ALNUM, " ").trim().split(" ").filter(Boolean);
  const kept: string[] = [];
  for (const word of words) {
    if (ADDRESS_NOISE.has(word)) continue;
    kept.push(STREET_WORDS.get(word) ?? word);
  }
  return kept.join(" ").replace(SPACES, " ");
}

/**
 * The numbers of a normalised address in order (house number, RT, RW): "JL MAWAR NO 12 RT 3 RW 5" →
 * "12 3 5". Two addresses whose numbers both exist and differ are different houses, however similar
 * the rest of the text is (Jaro-Winkler barely separates "NO 12" from "NO 15").
 */
export function addressNumbers(addressKey: string): string {
  return (addressKey.match(/\d+/g) ?? []).join(" ");
}

/**
 * Candidate pairs for the fuzzy match are only compared inside a block: the same area, the same first
 * letter of the normalised name (so "MOCH." and "MUHAMAD" meet: both become MUHAMMAD), and the same
 * initial of either the second word or the last word (two keys; a pair sharing either is compared).
 * Without an area, the first three characters of the address stand in for it. Variants that differ
 * in the first letter, or in both the second and the last word's initial, are not compared.
 */
export function blockKeys(area: string, nameKey: string, addressKey: string): readonly [string, string] {
  const prefix = `${area === "" ? `~${addressKey.slice(0, 3)}` : area}|${nameKey.slice(0, 1)}`;
  const words = nameKey.split(" ");
  const second = words.length > 1 ? words[1]!.slice(0, 1) : "";
  const last = words[words.length - 1]!.slice(0, 1);
  return [`${prefix}|2${second}`, `${prefix}|L${last}`];
}
