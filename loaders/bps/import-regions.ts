// Region rows of a BPS website table → region codes. BPS kab/kota tables name regions without codes,
// each province row (in capitals) followed by its kab/kota, and kab/kota names repeat across
// provinces ("Serang" is Kabupaten Serang in Banten; "Bandung" and "Kota Bandung" are in Jawa Barat),
// so a name is resolved only within its province block. Rows of other provinces are real regions
// outside this workspace and are counted, not reported one by one; a name inside the Banten block (or
// in a table of Banten alone) that is not one of its kab/kota is reported as unknown.
import { BANTEN_KABKOTA, kodeForLabel, normalizeLabel } from "./regions-map.js";
import type { TableLevel } from "./import-layout.js";

export type RowRegion =
  | { readonly status: "mapped"; readonly kode: string }
  /** A region the workspace does not hold (another province or its kab/kota, an urban or rural part). */
  | { readonly status: "outside"; readonly reason: string }
  | { readonly status: "unknown"; readonly reason: string };

/**
 * Province names as BPS spells them in its tables (38 provinces since 2023, the 34 before that among
 * them), normalised by `provinceKey`. Source: the province rows of BPS's "Persentase Penduduk Miskin
 * (P0) Menurut Provinsi dan Daerah" tables 2015–2025 (data/reference/published/bps-tables/).
 */
const PROVINCES = [
  "ACEH", "SUMATERA UTARA", "SUMATERA BARAT", "RIAU", "JAMBI", "SUMATERA SELATAN", "BENGKULU", "LAMPUNG",
  "KEPULAUAN BANGKA BELITUNG", "KEPULAUAN RIAU", "DKI JAKARTA", "JAWA BARAT", "JAWA TENGAH", "DI YOGYAKARTA", "JAWA TIMUR",
  "BANTEN", "BALI", "NUSA TENGGARA BARAT", "NUSA TENGGARA TIMUR", "KALIMANTAN BARAT", "KALIMANTAN TENGAH",
  "KALIMANTAN SELATAN", "KALIMANTAN TIMUR", "KALIMANTAN UTARA", "SULAWESI UTARA", "SULAWESI TENGAH", "SULAWESI SELATAN",
  "SULAWESI TENGGARA", "GORONTALO", "SULAWESI BARAT", "MALUKU", "MALUKU UTARA", "PAPUA BARAT", "PAPUA BARAT DAYA",
  "PAPUA", "PAPUA SELATAN", "PAPUA TENGAH", "PAPUA PEGUNUNGAN"
];

/** "KEP. RIAU", "Kepulauan Riau", "D I YOGYAKARTA", "Provinsi Banten" → one key per province. */
export function provinceKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/^prov(insi|\.)\s*/, "")
    .replace(/\bkep\.\s*/g, "kepulauan ")
    .replace(/\bd\s*\.?\s*i\s*\.?\s+(?=yogyakarta)/, "di ")
    .replace(/\bd\.?\s*k\.?\s*i\.?\s+/, "dki ")
    .replace(/[^a-z ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const PROVINCE_KEYS = new Set(PROVINCES.map(provinceKey));
const BANTEN = provinceKey("BANTEN");

/** A region name without the footnote marks BPS appends ("Papua¹", "Kota Serang*", "Lebak (1)"). */
export function cleanRegionLabel(label: string): string {
  return label
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u209f*†‡]+/g, "")
    .replace(/\s*\(\d+\)\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

const isCapitals = (label: string): boolean => /[A-Z]{3}/.test(label) && label === label.toUpperCase();

const DAERAH_TOTAL = /^(kota\s*\+\s*desa|perkotaan\s*\+\s*perdesaan|perkotaan\s*(dan|&)\s*perdesaan|jumlah|total|k\s*\+\s*d)$/i;
const DAERAH_URBAN = /^(kota|perkotaan)$/i;
const DAERAH_RURAL = /^(desa|perdesaan)$/i;

/**
 * Resolves the rows of one table in order (the province block is state). `level` and `bantenScope`
 * come from the table's title (import-layout.ts).
 */
export class RegionRowResolver {
  private block: string | null = null;

  constructor(private readonly level: TableLevel, private readonly bantenScope: boolean) {}

  resolve(rawLabel: string, rawCode = ""): RowRegion {
    // "[3601] Pandeglang" or "3601 - Pandeglang": a code written in the name cell.
    const inline = rawCode.trim() === "" ? /^\[?(\d{2}|\d{4})\]?\s*[-–.:]?\s+(\D.*)$/.exec(rawLabel.trim()) : null;
    if (inline) return this.resolve(inline[2]!, inline[1]!);
    const label = cleanRegionLabel(rawLabel);
    const byCode = rawCode.trim() === "" ? null : this.resolveCode(rawCode.trim());
    const byName = this.resolveName(label);
    if (byCode === null) return byName;
    if (byCode.status === "mapped" && byName.status === "mapped" && byCode.kode !== byName.kode) {
      return { status: "unknown", reason: `kode ${rawCode} menunjuk ${byCode.kode}, nama "${label}" menunjuk ${byName.kode}` };
    }
    if (byCode.status === "mapped" && byName.status === "unknown") return { status: "unknown", reason: `kode ${rawCode} tidak sesuai dengan nama "${label}"` };
    return byCode;
  }

  private resolveCode(code: string): RowRegion {
    if (code === "00" || code === "9999") return { status: "mapped", kode: "00" };
    if (code === "36" || code === "3600") return { status: "mapped", kode: "36" };
    if (code in BANTEN_KABKOTA) return { status: "mapped", kode: code };
    if (code.startsWith("36")) return { status: "unknown", reason: `kode ${code} bukan kabupaten/kota Banten` };
    return { status: "outside", reason: "di luar Banten" };
  }

  private resolveName(label: string): RowRegion {
    const norm = normalizeLabel(label);
    if (this.level === "daerah") {
      const total = this.bantenScope ? "36" : "00";
      if (DAERAH_TOTAL.test(norm) || norm === "indonesia") return { status: "mapped", kode: total };
      if (DAERAH_URBAN.test(norm)) return { status: "outside", reason: "perkotaan saja" };
      if (DAERAH_RURAL.test(norm)) return { status: "outside", reason: "perdesaan saja" };
      return { status: "unknown", reason: `wilayah "${label}" bukan Kota, Desa, atau Kota+Desa` };
    }
    if (norm === "indonesia") return { status: "mapped", kode: "00" };
    const province = provinceKey(label);
    // A kab/kota may share its province's name (Kabupaten Gorontalo in GORONTALO): inside that block it is the kab/kota.
    const isProvinceRow = (PROVINCE_KEYS.has(province) && province !== this.block) || (isCapitals(label) && kodeForLabel(label) === undefined);
    if (isProvinceRow || province === BANTEN) {
      this.block = province;
      return province === BANTEN ? { status: "mapped", kode: "36" } : { status: "outside", reason: "provinsi lain" };
    }
    if (this.block !== null && this.block !== BANTEN) return { status: "outside", reason: "kabupaten/kota provinsi lain" };
    const kode = kodeForLabel(label);
    if (kode !== undefined && kode !== "00") return { status: "mapped", kode };
    const where = this.block === BANTEN ? "dalam blok Provinsi Banten" : this.bantenScope ? "dalam tabel Provinsi Banten" : "dalam tabel ini";
    return { status: "unknown", reason: `wilayah "${label}" tidak dikenal ${where}` };
  }
}
