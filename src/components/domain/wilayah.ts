// The one home of the kab/kota the workspace knows and of which ones the registry holds. Nothing
// here is typed in: regions come from data/reference/regions.csv (the `regions` table in the
// browser), registry partitions from the tables the build published. Pure, shared by the loaders
// and the pages.

/** A row of data/reference/regions.csv or of the published `regions` table. */
export interface RegionRow {
  readonly kode: string;
  readonly nama: string;
  readonly level: string;
  readonly jenis?: string | null;
  readonly parent_kode?: string | null;
}

export type KabJenis = "kota" | "kabupaten";

export interface Wilayah {
  /** Kemendagri code without dots, as a string (e.g. 3673). */
  readonly kode: string;
  /** Official name ("Kabupaten Serang"). */
  readonly nama: string;
  /** Short name for tables, legends and pickers ("Kab. Serang"). */
  readonly short: string;
  readonly jenis: KabJenis;
  /** A kabupaten has desa (and BLT Dana Desa); a kota has kelurahan only. */
  readonly hasDesa: boolean;
  /** What its lowest administrative areas are called on screen. */
  readonly villageNoun: "kelurahan" | "desa/kelurahan";
}

/** "Kabupaten Serang" → "Kab. Serang"; a kota keeps its name. */
export function shortName(nama: string): string {
  return nama.replace(/^Kabupaten\s+/, "Kab. ");
}

function jenisOf(row: RegionRow): KabJenis {
  if (row.jenis === "kota" || row.jenis === "kabupaten") return row.jenis;
  if (/^Kota\s/.test(row.nama)) return "kota";
  if (/^Kabupaten\s/.test(row.nama)) return "kabupaten";
  throw new Error(`region ${row.kode} (${row.nama}) is a kab/kota without jenis`);
}

export function toWilayah(row: RegionRow): Wilayah {
  const jenis = jenisOf(row);
  return {
    kode: row.kode,
    nama: row.nama,
    short: shortName(row.nama),
    jenis,
    hasDesa: jenis === "kabupaten",
    villageNoun: jenis === "kota" ? "kelurahan" : "desa/kelurahan"
  };
}

/** Every kab/kota of the reference list, by code. */
export function kabkotaOf(regions: readonly RegionRow[]): Wilayah[] {
  return regions.filter((r) => r.level === "kabkota").map(toWilayah).sort((a, b) => a.kode.localeCompare(b.kode));
}

/** The province of the reference list (exactly one). */
export function provinceOf(regions: readonly RegionRow[]): RegionRow {
  const provinces = regions.filter((r) => r.level === "provinsi");
  if (provinces.length !== 1) throw new Error(`expected one province in the regions list, found ${provinces.length}`);
  return provinces[0]!;
}

// ---- Registry partitions: the published tables that exist once per kab/kota. ----

/** Published table families written once per kab/kota of the registry (`registry_cells_3673`, …). */
export const REGISTRY_FAMILIES = ["registry_cells", "registry_cell_programmes", "registry_cell_pairs"] as const;
export type RegistryFamily = (typeof REGISTRY_FAMILIES)[number];

export function partitionTable(family: RegistryFamily, kab: string): string {
  if (!/^\d{4}$/.test(kab)) throw new Error(`not a kab/kota code: ${kab}`);
  return `${family}_${kab}`;
}

/** Every partition table of one kab/kota. */
export function partitionTables(kab: string): string[] {
  return REGISTRY_FAMILIES.map((family) => partitionTable(family, kab));
}

// Longest family first, so "registry_cell_programmes_3673" is never read as a "registry_cells" table.
const FAMILY_PATTERN = new RegExp(`^(${[...REGISTRY_FAMILIES].sort((a, b) => b.length - a.length).join("|")})_(\\d{4})$`);

/** The family and kab/kota of a partition table's name, or null for any other name. */
export function partitionOf(name: string): { family: RegistryFamily; kab: string } | null {
  const m = FAMILY_PATTERN.exec(name);
  return m ? { family: m[1] as RegistryFamily, kab: m[2]! } : null;
}

/**
 * The kab/kota whose registry cells are published, in code order: those of the reference list with a
 * `registry_cells_<kode>` among `tableNames` (the catalogue's names). A partition whose code is not a
 * kab/kota of the reference list is an error: the loader never writes one.
 */
export function registryKabs(regions: readonly RegionRow[], tableNames: Iterable<string>): Wilayah[] {
  const known = new Map(kabkotaOf(regions).map((w) => [w.kode, w]));
  const kabs = new Set<string>();
  for (const name of tableNames) {
    const p = partitionOf(name);
    if (p?.family === "registry_cells") kabs.add(p.kab);
  }
  return [...kabs].sort().map((kode) => {
    const w = known.get(kode);
    if (!w) throw new Error(`registry partition ${kode} is not a kab/kota of the regions list`);
    return w;
  });
}
