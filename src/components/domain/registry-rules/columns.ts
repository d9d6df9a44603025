// Column names as Dinsos exports spell them, mapped to one canonical name each. Headers are compared
// after normalising (upper case, any run of spaces/punctuation → "_"), so "No. KK", "NO KK" and
// "no_kk" are the same. Sites add their own spellings in data/private/column-map.csv (read by
// loaders/registry/columns.ts). Shared by the Node loaders and the browser page /periksa.

export const CANONICAL_COLUMNS = [
  "NIK",
  "NO_KK",
  "NAMA",
  "ALAMAT",
  "KODE_KELURAHAN",
  "KODE_KECAMATAN",
  "KAB_KOTA",
  "KECAMATAN",
  "KELURAHAN",
  "DESIL",
  "JUMLAH_ART",
  "PENGELUARAN_PERKAPITA",
  "SASARAN_PKE",
  "DISABILITAS",
  "LANSIA",
  "ANAK_TIDAK_SEKOLAH",
  "RTLH",
  "TANPA_JKN",
  "KRT_PEREMPUAN",
  "NILAI",
  "JUMLAH"
] as const;

export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

/** Yes/no columns of the registry and the household field each one sets (true if any member has it). */
export const FLAG_COLUMNS = [
  "SASARAN_PKE",
  "DISABILITAS",
  "LANSIA",
  "ANAK_TIDAK_SEKOLAH",
  "RTLH",
  "TANPA_JKN",
  "KRT_PEREMPUAN"
] as const satisfies readonly CanonicalColumn[];

export type FlagColumn = (typeof FLAG_COLUMNS)[number];

/** Spellings seen in BNBA, DTKS/DTSEN, P3KE and distribution lists (normalised form). */
export const COLUMN_ALIASES: Readonly<Record<CanonicalColumn, readonly string[]>> = {
  NIK: ["NIK", "NO_NIK", "NOMOR_NIK", "NIK_ART", "NIK_ANGGOTA", "NIK_KTP", "NIK_PENERIMA", "NIK_KPM", "NOMOR_INDUK_KEPENDUDUKAN"],
  NO_KK: ["NO_KK", "NOKK", "NOMOR_KK", "NO_KARTU_KELUARGA", "NOMOR_KARTU_KELUARGA", "KK", "NO_KK_KPM", "NOMOR_KK_KPM", "NKK"],
  NAMA: ["NAMA", "NAMA_LENGKAP", "NAMA_ART", "NAMA_ANGGOTA", "NAMA_PENERIMA", "NAMA_KPM", "NAMA_KRT", "NAMA_KEPALA_KELUARGA"],
  ALAMAT: ["ALAMAT", "ALAMAT_LENGKAP", "ALAMAT_RUMAH", "ALAMAT_KTP", "JALAN"],
  KODE_KELURAHAN: ["KODE_KELURAHAN", "KODE_KEL", "KD_KEL", "KODE_DESA", "KODE_KELURAHAN_DESA", "KODE_DESA_KELURAHAN", "KODE_WILAYAH"],
  KODE_KECAMATAN: ["KODE_KECAMATAN", "KODE_KEC", "KD_KEC"],
  KAB_KOTA: ["KAB_KOTA", "KABUPATEN_KOTA", "KABKOTA", "KABUPATEN", "KOTA", "KAB", "KODE_KAB", "KODE_KABUPATEN", "KODE_KAB_KOTA", "NAMA_KAB_KOTA"],
  KECAMATAN: ["KECAMATAN", "KEC", "NAMA_KECAMATAN", "NAMA_KEC"],
  KELURAHAN: ["KELURAHAN", "KEL", "DESA", "KELURAHAN_DESA", "DESA_KELURAHAN", "NAMA_KELURAHAN", "NAMA_DESA", "NAMA_KEL"],
  DESIL: ["DESIL", "DESIL_KESEJAHTERAAN", "PERINGKAT_DESIL", "DESIL_NASIONAL", "KATEGORI_DESIL"],
  JUMLAH_ART: ["JUMLAH_ART", "JML_ART", "JUMLAH_ANGGOTA", "JML_ANGGOTA", "JUMLAH_ANGGOTA_KELUARGA", "JUMLAH_ANGGOTA_RUMAH_TANGGA", "JUMLAH_JIWA"],
  PENGELUARAN_PERKAPITA: ["PENGELUARAN_PERKAPITA", "PENGELUARAN_PER_KAPITA", "PENGELUARAN_KAPITA", "PENGELUARAN_PERKAPITA_BULAN", "PCE"],
  SASARAN_PKE: ["SASARAN_PKE", "SASARAN_P3KE", "P3KE", "PKE", "SASARAN_KEMISKINAN_EKSTREM", "MISKIN_EKSTREM"],
  DISABILITAS: ["DISABILITAS", "PENYANDANG_DISABILITAS", "ADA_DISABILITAS"],
  LANSIA: ["LANSIA", "ADA_LANSIA", "LANJUT_USIA"],
  ANAK_TIDAK_SEKOLAH: ["ANAK_TIDAK_SEKOLAH", "ATS", "ANAK_PUTUS_SEKOLAH"],
  RTLH: ["RTLH", "RUMAH_TIDAK_LAYAK_HUNI"],
  TANPA_JKN: ["TANPA_JKN", "TIDAK_PUNYA_JKN", "TIDAK_MEMILIKI_JKN", "TANPA_BPJS"],
  KRT_PEREMPUAN: ["KRT_PEREMPUAN", "KEPALA_KELUARGA_PEREMPUAN", "KEPALA_RUMAH_TANGGA_PEREMPUAN", "KK_PEREMPUAN"],
  NILAI: ["NILAI", "NILAI_BANTUAN", "NILAI_RP", "NOMINAL", "BESARAN_BANTUAN"],
  JUMLAH: ["JUMLAH", "JUMLAH_PAKET", "JUMLAH_UNIT", "JUMLAH_SATUAN", "VOLUME", "KUANTITAS", "QTY"]
};

const NON_ALPHANUMERIC_RUN = /[^A-Z0-9]+/g;
const EDGE_UNDERSCORES = /^_+|_+$/g;

export function normaliseHeader(header: string): string {
  return header.toUpperCase().replace(NON_ALPHANUMERIC_RUN, "_").replace(EDGE_UNDERSCORES, "");
}

export interface ColumnResolver {
  resolve(header: string): CanonicalColumn | null;
}

/** Builds a resolver from the built-in aliases plus site aliases (alias spelling → canonical column). */
export function makeColumnResolver(extra: ReadonlyMap<string, CanonicalColumn> = new Map()): ColumnResolver {
  const table = new Map<string, CanonicalColumn>();
  for (const column of CANONICAL_COLUMNS) for (const alias of COLUMN_ALIASES[column]) table.set(alias, column);
  for (const [alias, column] of extra) table.set(normaliseHeader(alias), column);
  return { resolve: (header) => table.get(normaliseHeader(header)) ?? null };
}

/** A site settings file (column map, region aliases) is malformed; the message is Indonesian. */
export class SiteSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SiteSettingsError";
  }
}
