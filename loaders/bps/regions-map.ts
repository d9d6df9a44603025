// BPS vervar rows → Kemendagri region codes, by an explicit table. For Banten the BPS kab/kota code
// equals the Kemendagri code without dots (reference README); the province row's val is not confirmed
// (3600 or 9999), so both are accepted when the label agrees. Nothing outside the table is guessed.
import type { Dim } from "./datacontent.js";

export const BANTEN_KABKOTA: Readonly<Record<string, string>> = {
  "3601": "Pandeglang",
  "3602": "Lebak",
  "3603": "Kabupaten Tangerang",
  "3604": "Kabupaten Serang",
  "3671": "Kota Tangerang",
  "3672": "Kota Cilegon",
  "3673": "Kota Serang",
  "3674": "Kota Tangerang Selatan"
};

/**
 * Labels BPS uses for these rows, lower-cased with "kabupaten"/"kab." spelled out. Bare "Tangerang"
 * and "Serang" are the kabupaten in BPS tables (the cities always carry "Kota").
 */
const LABELS: Readonly<Record<string, string>> = {
  "pandeglang": "3601",
  "kabupaten pandeglang": "3601",
  "lebak": "3602",
  "kabupaten lebak": "3602",
  "tangerang": "3603",
  "kabupaten tangerang": "3603",
  "serang": "3604",
  "kabupaten serang": "3604",
  "kota tangerang": "3671",
  "cilegon": "3672",
  "kota cilegon": "3672",
  "kota serang": "3673",
  "tangerang selatan": "3674",
  "kota tangerang selatan": "3674",
  "banten": "36",
  "provinsi banten": "36",
  "prov. banten": "36",
  "indonesia": "00"
};

export function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\bkab\.\s*/g, "kabupaten ")
    .replace(/\s+/g, " ")
    .trim();
}

export type RegionResolution =
  | { readonly status: "mapped"; readonly kode: string }
  /** A real region outside Banten (national tables list every kab/kota); dropped without a report. */
  | { readonly status: "outside" }
  /** Not in the table, or val and label disagree: reported to the user, never guessed. */
  | { readonly status: "unknown"; readonly reason: string };

/** Region code for a label alone, or undefined when the label is not in the table. */
export function kodeForLabel(label: string): string | undefined {
  return LABELS[normalizeLabel(label)];
}

/**
 * Maps one vervar row. `domain` is "3600" for Banten tables and "0000" for national ones, where 9999 is
 * Indonesia rather than Banten.
 */
export function resolveVervar(vervar: Dim, domain: string): RegionResolution {
  const val = vervar.val;
  const byLabel = kodeForLabel(vervar.label);
  const describe = `vervar ${val} "${vervar.label}"`;
  if (val in BANTEN_KABKOTA) {
    if (byLabel !== undefined && byLabel !== val) return { status: "unknown", reason: `${describe}: label menunjuk ${byLabel}, kode menunjuk ${val}` };
    return { status: "mapped", kode: val };
  }
  if (val === "3600" || (val === "9999" && domain === "3600")) {
    if (byLabel !== undefined && byLabel !== "36") return { status: "unknown", reason: `${describe}: label tidak sesuai dengan Provinsi Banten` };
    return { status: "mapped", kode: "36" };
  }
  if (val === "9999" && domain === "0000") {
    if (byLabel === "00") return { status: "mapped", kode: "00" };
    return { status: "unknown", reason: `${describe}: baris agregat nasional tanpa label Indonesia` };
  }
  if (domain === "0000" && /^\d{4}$/.test(val) && !val.startsWith("36")) return { status: "outside" };
  // Some tables number their rows 1, 2, … instead of using region codes: then the label decides.
  if (byLabel !== undefined && byLabel !== "00") return { status: "mapped", kode: byLabel };
  return { status: "unknown", reason: `${describe} tidak ada dalam tabel wilayah` };
}
