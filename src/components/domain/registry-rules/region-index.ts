// Matching the region written on a BNBA row (codes or kecamatan/kelurahan names) to Kemendagri
// codes in data/reference/regions.csv. Every match says how it was made — code, exact name,
// normalised name (case, spaces, punctuation, "Kel."/"Kec." prefixes) or an explicit alias — so
// the data officer can check the loose ones. Loose spellings are only accepted through the alias
// table: "Cipocok" becomes "Cipocok Jaya" because the table says so, never by similarity.
// Pure (shared with /periksa, which builds the index from the published regions table); the loaders
// read data/reference/regions.csv in loaders/registry/region-match.ts.
import { detach } from "./values.js";

export type RegionLevel = "provinsi" | "kabkota" | "kecamatan" | "kelurahan";
export type MatchHow = "code" | "exact" | "normalised" | "alias";

export interface Region {
  readonly kode: string;
  readonly nama: string;
  readonly level: RegionLevel;
  readonly parent: string | null;
}

export interface RegionAlias {
  readonly level: "kabkota" | "kecamatan" | "kelurahan";
  readonly alias: string;
  readonly kode: string;
}

/**
 * Built-in aliases: common short or older spellings that normalising cannot reach. Extend per site
 * in data/private/region-aliases.csv (`level,alias,kode`).
 */
export const REGION_ALIASES: readonly RegionAlias[] = [
  { level: "kecamatan", alias: "Cipocok", kode: "367305" },
  { level: "kecamatan", alias: "Grogol", kode: "367206" },
  { level: "kelurahan", alias: "Masjid Priyayi", kode: "3673021002" },
  { level: "kabkota", alias: "Tangsel", kode: "3674" }
];

const PUNCTUATION_RUN = /[^A-Z0-9]+/g;
const LEVEL_PREFIX = /^(?:KELURAHAN|KEL|DESA|DS|KECAMATAN|KEC|KABUPATEN|KAB|PEMKAB|PEMKOT)\s+/;
const SPACES = / /g;
const CODE_SEPARATORS = /[.\s]/g;
const DIGITS = /^\d+$/;

/** Upper case, punctuation to spaces, level prefixes ("Kel.", "Kec.") removed, then spaces removed. */
export function regionKey(name: string): string {
  let text = name.toUpperCase().replace(PUNCTUATION_RUN, " ").trim();
  // Prefixes may be stacked ("Kec. Kecamatan X" is rare; one loop pass is enough for "Kel. X").
  for (let i = 0; i < 2 && LEVEL_PREFIX.test(text); i++) text = text.replace(LEVEL_PREFIX, "");
  return text.replace(SPACES, "");
}

/** Kab/kota names keep "KOTA" vs "KABUPATEN" apart: "Kota Serang" and "Kab. Serang" differ. */
function kabKotaKey(name: string): string {
  const text = name.toUpperCase().replace(PUNCTUATION_RUN, " ").trim();
  const kind = /^(KABUPATEN|KAB)\s+/.test(text) ? "KABUPATEN" : /^KOTA\s+/.test(text) ? "KOTA" : "";
  return kind + regionKey(text.replace(/^(KABUPATEN|KAB|KOTA)\s+/, ""));
}

export interface RegionMatch {
  readonly kel: string | null;
  readonly kec: string;
  readonly kab: string;
  /** Weakest way any part was matched. */
  readonly how: MatchHow;
  /** True when a kelurahan code or name was kept without a list to check it against. */
  readonly kelUnverified: boolean;
  /** Loose matches to show the officer: written text → region name. */
  readonly loose: readonly { level: RegionLevel; written: string; nama: string; how: MatchHow }[];
}

/** `message` is publishable (official names only); `detail` quotes what the row held (data officer only). */
export type RegionFailure = {
  readonly code: "REGION_MISSING" | "REGION_UNKNOWN" | "REGION_AMBIGUOUS";
  readonly column: string | null;
  readonly message: string;
  readonly detail?: string;
};

/** The private half of a region finding: the text as written, shortened. */
function written(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return `Tertulis ${JSON.stringify(clean.length > 40 ? `${clean.slice(0, 40)}…` : clean)}.`;
}

export interface RegionInput {
  readonly kelCode: string;
  readonly kecCode: string;
  readonly kabKota: string;
  readonly kecName: string;
  readonly kelName: string;
}

const HOW_RANK: Record<MatchHow, number> = { code: 3, exact: 2, normalised: 1, alias: 0 };

function weakest(a: MatchHow, b: MatchHow): MatchHow {
  return HOW_RANK[a] <= HOW_RANK[b] ? a : b;
}

interface NameHit {
  readonly region: Region;
  readonly how: MatchHow;
}

export class RegionIndex {
  private readonly byKode = new Map<string, Region>();
  private readonly children = new Map<string, Region[]>();
  private readonly aliasByLevel = new Map<string, Map<string, string[]>>();
  private readonly cache = new Map<string, RegionMatch | RegionFailure>();
  readonly bantenKabKota: ReadonlySet<string>;

  constructor(regions: readonly Region[], aliases: readonly RegionAlias[] = REGION_ALIASES) {
    for (const region of regions) {
      this.byKode.set(region.kode, region);
      if (region.parent) {
        const list = this.children.get(region.parent) ?? [];
        list.push(region);
        this.children.set(region.parent, list);
      }
    }
    this.bantenKabKota = new Set(regions.filter((r) => r.level === "kabkota").map((r) => r.kode));
    for (const alias of aliases) {
      if (!this.byKode.has(alias.kode)) continue;
      const key = alias.level === "kabkota" ? kabKotaKey(alias.alias) : regionKey(alias.alias);
      const level = this.aliasByLevel.get(alias.level) ?? new Map<string, string[]>();
      level.set(key, [...(level.get(key) ?? []), alias.kode]);
      this.aliasByLevel.set(alias.level, level);
    }
  }

  get(kode: string): Region | undefined {
    return this.byKode.get(kode);
  }

  /** True when the reference lists kelurahan for this kab/kota (only Kota Serang so far). */
  hasKelurahanList(kab: string): boolean {
    return (this.children.get(kab) ?? []).some((kec) => (this.children.get(kec.kode)?.length ?? 0) > 0);
  }

  /** Resolves one row's region; results are cached per distinct input, so a million rows cost a few hundred lookups. */
  match(input: RegionInput, defaultKab: string | null = null): RegionMatch | RegionFailure {
    const cacheKey = `${input.kelCode}\u0001${input.kecCode}\u0001${input.kabKota}\u0001${input.kecName}\u0001${input.kelName}\u0001${defaultKab ?? ""}`;
    let result = this.cache.get(cacheKey);
    if (!result) {
      result = this.resolve(input, defaultKab);
      this.cache.set(detach(cacheKey), result);
    }
    return result;
  }

  private resolve(input: RegionInput, defaultKab: string | null): RegionMatch | RegionFailure {
    if (input.kelCode !== "" || input.kecCode !== "") return this.resolveCodes(input);
    if (input.kecName === "" && input.kelName === "") {
      return { code: "REGION_MISSING", column: null, message: "Kode atau nama kelurahan/kecamatan kosong." };
    }
    const loose: { level: RegionLevel; written: string; nama: string; how: MatchHow }[] = [];
    let how: MatchHow = "exact";
    let kabScope: string | null = defaultKab;
    if (input.kabKota !== "") {
      const kab = this.matchKabKota(input.kabKota);
      if ("code" in kab) return kab;
      kabScope = kab.region.kode;
      how = weakest(how, kab.how);
      if (kab.how === "normalised" || kab.how === "alias") loose.push({ level: "kabkota", written: detach(input.kabKota), nama: kab.region.nama, how: kab.how });
    }
    const kabKodes = kabScope ? [kabScope] : [...this.bantenKabKota];
    const kecamatans = kabKodes.flatMap((kab) => this.children.get(kab) ?? []);

    let kec: NameHit | null = null;
    if (input.kecName !== "") {
      let hits = this.findByName(kecamatans, input.kecName, "kecamatan");
      if (hits.length > 1 && input.kelName !== "") {
        // Same kecamatan name in two kab/kota (e.g. Curug): the kelurahan name may tell them apart.
        const narrowed = hits.filter((h) => this.findByName(this.children.get(h.region.kode) ?? [], input.kelName, "kelurahan").length > 0);
        if (narrowed.length > 0) hits = narrowed;
      }
      if (hits.length === 0) {
        return { code: "REGION_UNKNOWN", column: "KECAMATAN", message: `Nama kecamatan tidak ditemukan${kabScope ? ` di ${this.byKode.get(kabScope)?.nama ?? kabScope}` : " di Banten"}.`, detail: written(input.kecName) };
      }
      if (hits.length > 1) {
        return { code: "REGION_AMBIGUOUS", column: "KECAMATAN", message: `Nama kecamatan ${hits[0]!.region.nama} ada di lebih dari satu kabupaten/kota (${hits.map((h) => this.byKode.get(h.region.parent ?? "")?.nama ?? h.region.parent).join(", ")}); tambahkan kolom KAB_KOTA atau kode wilayah.`, detail: written(input.kecName) };
      }
      kec = hits[0]!;
      how = weakest(how, kec.how);
      if (kec.how === "normalised" || kec.how === "alias") loose.push({ level: "kecamatan", written: detach(input.kecName), nama: kec.region.nama, how: kec.how });
    }

    if (input.kelName === "") {
      const kecRegion = kec!.region;
      return { kel: null, kec: kecRegion.kode, kab: kecRegion.parent!, how, kelUnverified: false, loose };
    }
    const kelurahanPool = kec
      ? this.children.get(kec.region.kode) ?? []
      : kecamatans.flatMap((k) => this.children.get(k.kode) ?? []);
    if (kelurahanPool.length === 0) {
      if (!kec) {
        return { code: "REGION_UNKNOWN", column: "KELURAHAN", message: "Kelurahan tidak dapat dicocokkan tanpa kecamatan: daftar kelurahan untuk wilayah ini belum tersedia.", detail: written(input.kelName) };
      }
      // No kelurahan list for this kab/kota: keep the kecamatan, leave kel_kode empty.
      return { kel: null, kec: kec.region.kode, kab: kec.region.parent!, how, kelUnverified: true, loose };
    }
    const kelHits = this.findByName(kelurahanPool, input.kelName, "kelurahan");
    if (kelHits.length === 0) {
      return { code: "REGION_UNKNOWN", column: "KELURAHAN", message: `Nama kelurahan tidak ditemukan${kec ? ` di Kecamatan ${kec.region.nama}` : ""}.`, detail: written(input.kelName) };
    }
    if (kelHits.length > 1) {
      return { code: "REGION_AMBIGUOUS", column: "KELURAHAN", message: `Nama kelurahan ${kelHits[0]!.region.nama} ada di lebih dari satu kecamatan; tambahkan kolom KECAMATAN atau kode kelurahan.`, detail: written(input.kelName) };
    }
    const kel = kelHits[0]!;
    how = weakest(how, kel.how);
    if (kel.how === "normalised" || kel.how === "alias") loose.push({ level: "kelurahan", written: detach(input.kelName), nama: kel.region.nama, how: kel.how });
    const kecKode = kel.region.parent!;
    return { kel: kel.region.kode, kec: kecKode, kab: this.byKode.get(kecKode)!.parent!, how, kelUnverified: false, loose };
  }

  private resolveCodes(input: RegionInput): RegionMatch | RegionFailure {
    const kelDigits = input.kelCode.replace(CODE_SEPARATORS, "");
    const kecDigits = input.kecCode.replace(CODE_SEPARATORS, "");
    for (const [digits, column] of [[kelDigits, "KODE_KELURAHAN"], [kecDigits, "KODE_KECAMATAN"]] as const) {
      if (digits !== "" && (!DIGITS.test(digits) || (digits.length !== 10 && digits.length !== 6))) {
        return { code: "REGION_UNKNOWN", column, message: "Kode wilayah harus 10 digit (kelurahan/desa) atau 6 digit (kecamatan), boleh dengan titik.", detail: written(column === "KODE_KELURAHAN" ? input.kelCode : input.kecCode) };
      }
    }
    const kelCode = kelDigits.length === 10 ? kelDigits : kecDigits.length === 10 ? kecDigits : "";
    const kecCode = kelCode !== "" ? kelCode.slice(0, 6) : kelDigits.length === 6 ? kelDigits : kecDigits;
    if (kecDigits.length === 6 && kecDigits !== kecCode) {
      return { code: "REGION_UNKNOWN", column: "KODE_KECAMATAN", message: "Kode kecamatan tidak sesuai dengan enam digit pertama kode kelurahan.", detail: written(`${input.kecCode} / ${input.kelCode}`) };
    }
    const kec = this.byKode.get(kecCode);
    if (!kec || kec.level !== "kecamatan") {
      return { code: "REGION_UNKNOWN", column: kelCode !== "" ? "KODE_KELURAHAN" : "KODE_KECAMATAN", message: "Kode kecamatan tidak ada dalam daftar wilayah Banten.", detail: written(kecCode) };
    }
    if (kelCode === "") return { kel: null, kec: kec.kode, kab: kec.parent!, how: "code", kelUnverified: false, loose: [] };
    const kel = this.byKode.get(kelCode);
    if (kel) return { kel: kel.kode, kec: kec.kode, kab: kec.parent!, how: "code", kelUnverified: false, loose: [] };
    if (this.hasKelurahanList(kec.parent!)) {
      return { code: "REGION_UNKNOWN", column: "KODE_KELURAHAN", message: `Kode kelurahan tidak ada dalam daftar kelurahan ${this.byKode.get(kec.parent!)?.nama ?? kec.parent}.`, detail: written(kelCode) };
    }
    return { kel: kelCode, kec: kec.kode, kab: kec.parent!, how: "code", kelUnverified: true, loose: [] };
  }

  private matchKabKota(text: string): NameHit | RegionFailure {
    const digits = text.replace(CODE_SEPARATORS, "");
    if (DIGITS.test(digits)) {
      const region = this.byKode.get(digits);
      if (region?.level === "kabkota") return { region, how: "code" };
      return { code: "REGION_UNKNOWN", column: "KAB_KOTA", message: "Kode kabupaten/kota tidak ada dalam daftar wilayah Banten.", detail: written(digits) };
    }
    const pool = [...this.bantenKabKota].map((k) => this.byKode.get(k)!);
    const exact = pool.filter((r) => r.nama === text.trim());
    if (exact.length === 1) return { region: exact[0]!, how: "exact" };
    const key = kabKotaKey(text);
    const sameKind = pool.filter((r) => kabKotaKey(r.nama) === key);
    if (sameKind.length === 1) return { region: sameKind[0]!, how: "normalised" };
    const aliased = this.aliasByLevel.get("kabkota")?.get(key) ?? [];
    if (aliased.length === 1) return { region: this.byKode.get(aliased[0]!)!, how: "alias" };
    // "Serang" alone: a kabupaten and a kota share the name.
    const bare = regionKey(text);
    const anyKind = pool.filter((r) => regionKey(r.nama.replace(/^(Kabupaten|Kota)\s+/i, "")) === bare);
    if (anyKind.length === 1) return { region: anyKind[0]!, how: "normalised" };
    if (anyKind.length > 1) {
      return { code: "REGION_AMBIGUOUS", column: "KAB_KOTA", message: `Nama kabupaten/kota bisa berarti ${anyKind.map((r) => r.nama).join(" atau ")}; tulis "Kota" atau "Kabupaten".`, detail: written(text) };
    }
    return { code: "REGION_UNKNOWN", column: "KAB_KOTA", message: "Nama kabupaten/kota tidak ada di Banten.", detail: written(text) };
  }

  private findByName(pool: readonly Region[], written: string, level: "kecamatan" | "kelurahan"): NameHit[] {
    const trimmed = written.trim();
    const exact = pool.filter((r) => r.nama === trimmed);
    if (exact.length > 0) return exact.map((region) => ({ region, how: "exact" as const }));
    const key = regionKey(trimmed);
    const normalised = pool.filter((r) => regionKey(r.nama) === key);
    if (normalised.length > 0) return normalised.map((region) => ({ region, how: "normalised" as const }));
    const aliased = new Set(this.aliasByLevel.get(level)?.get(key) ?? []);
    return pool.filter((r) => aliased.has(r.kode)).map((region) => ({ region, how: "alias" as const }));
  }
}

export function isRegionFailure(result: RegionMatch | RegionFailure): result is RegionFailure {
  return "code" in result;
}
