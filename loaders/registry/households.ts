// From accepted BNBA rows (one per person or one per household) to registry_households rows:
// group by NO_KK, catch the same NIK twice, count members, OR the vulnerability flags, and impute
// expenditure from desil where the registry gives none. NIK and NO_KK live only in this object's
// maps during the ingest; the rows it emits carry the keyed hash instead.
import { FLAG_COLUMNS, type FlagColumn } from "./columns.js";
import { highHalf, IdentityTable, joinDigits, lowHalf, splitDigits } from "./identity-table.js";
import { cellIssue, severityOf, type CellIssue, type Issue } from "../../src/components/domain/registry-rules/issues.js";

/**
 * ASSUMPTION, not a statistic: monthly per-capita expenditure (Rp) imputed for a household whose
 * registry row has a desil but no expenditure. Each desil is a multiple of one published anchor,
 * the Kota Serang poverty line of March 2021, Rp431.210 per capita per month (BPS, in
 * data/reference/published/bps_poverty_kabkota.csv), chosen so that desil 1 falls below the 2021
 * extreme-poverty line of Rp322.170 (BPS, quoted in extreme_poverty.csv), as the P3KE practice of
 * treating desil 1 as extreme-poor implies. The multipliers 0.70, 0.90, 1.05, 1.20, 1.40, 1.65,
 * 1.95, 2.40, 3.10, 4.50 are the project's assumption. Replace this table with the registry's own
 * desil boundaries (DTSEN/Kemensos) as soon as they are available; pass the replacement as
 * `desilPce` to ingestPrivate. Households whose pce is imputed carry pce_imputed = true.
 */
export const DESIL_PCE_ASSUMPTION: Readonly<Record<number, number>> = {
  1: 302_000,
  2: 388_000,
  3: 453_000,
  4: 517_000,
  5: 604_000,
  6: 711_000,
  7: 841_000,
  8: 1_035_000,
  9: 1_337_000,
  10: 1_940_000
};

export type DesilPceTable = Readonly<Record<number, number>>;

export const DESIL_PCE_ASSUMPTION_BASIS =
  "Asumsi proyek: kelipatan garis kemiskinan Kota Serang Maret 2021 (Rp431.210/kapita/bulan, BPS); bukan angka resmi, ganti dengan batas desil dari registri.";

/** A person (or household) row after validation: no name, no address. */
export interface PersonRecord {
  readonly nik: string | null;
  readonly kk: string;
  readonly kel: string | null;
  readonly kec: string;
  readonly kab: string;
  readonly desil: number | null;
  readonly membersDeclared: number | null;
  readonly pce: number | null;
  /** Bit i set when FLAG_COLUMNS[i] is yes. */
  readonly flags: number;
}

export function flagBit(column: FlagColumn): number {
  return 1 << FLAG_COLUMNS.indexOf(column);
}

export interface RowOrigin {
  readonly file: string;
  readonly line: number;
  readonly snapshotDate: string;
  readonly source: string;
}

interface HouseholdDraft {
  /** NO_KK as two 8-digit halves (not the string: a slice would keep the whole file chunk alive). */
  readonly kkHigh: number;
  readonly kkLow: number;
  kel: string | null;
  kec: string;
  kab: string;
  desil: number | null;
  membersDeclared: number | null;
  pce: number | null;
  flags: number;
  persons: number;
  readonly origin: RowOrigin;
}

/** One row of registry_households (column names and order as REGISTRY_HOUSEHOLDS_SCHEMA). */
export type HouseholdRow = {
  readonly hh_id: string;
  readonly kel_kode: string | null;
  readonly kec_kode: string;
  readonly kab_kode: string;
  readonly desil: number | null;
  readonly members: number;
  readonly pce_month_rp: number;
  readonly pce_imputed: boolean;
  readonly on_target_list: boolean;
  readonly disability: boolean;
  readonly elderly: boolean;
  readonly out_of_school_child: boolean;
  readonly unfit_house: boolean;
  readonly no_health_insurance: boolean;
  readonly female_head: boolean;
  readonly snapshot_date: string;
  readonly source: string;
};

const NO_ISSUES: readonly CellIssue[] = Object.freeze([]);

/** Which household values a later member states differently from the first row of its NO_KK. */
function conflictingFields(draft: HouseholdDraft, person: PersonRecord): [column: string, label: string][] {
  const fields: [string, string][] = [];
  if (person.kec !== draft.kec || (person.kel !== null && draft.kel !== null && person.kel !== draft.kel)) fields.push(["KELURAHAN", "Wilayah"]);
  if (person.desil !== null && draft.desil !== null && person.desil !== draft.desil) fields.push(["DESIL", "DESIL"]);
  if (person.membersDeclared !== null && draft.membersDeclared !== null && person.membersDeclared !== draft.membersDeclared) fields.push(["JUMLAH_ART", "JUMLAH_ART"]);
  if (person.pce !== null && draft.pce !== null && person.pce !== draft.pce) fields.push(["PENGELUARAN_PERKAPITA", "PENGELUARAN_PERKAPITA"]);
  return fields;
}

/** HOUSEHOLD_CONFLICT warnings (first value kept). */
function householdConflicts(draft: HouseholdDraft, person: PersonRecord, file: string): readonly CellIssue[] {
  // Members of a household almost always agree: answer that without building anything.
  if (
    person.kec === draft.kec &&
    (person.kel === null || draft.kel === null || person.kel === draft.kel) &&
    (person.desil === null || draft.desil === null || person.desil === draft.desil) &&
    (person.membersDeclared === null || draft.membersDeclared === null || person.membersDeclared === draft.membersDeclared) &&
    (person.pce === null || draft.pce === null || person.pce === draft.pce)
  ) {
    return NO_ISSUES;
  }
  const fields = conflictingFields(draft, person);
  if (fields.length === 0) return NO_ISSUES;
  const at = where(draft.origin.file, draft.origin.line, file);
  return fields.map(([column, label]) =>
    cellIssue("HOUSEHOLD_CONFLICT", column, `${label} berbeda dengan anggota lain dalam NO_KK yang sama (${at}); nilai pertama yang dipakai.`)
  );
}

/** Looks households up for receipts: NIK → NO_KK, and whether a NO_KK is registered. */
export interface RegistryLookup {
  householdOfNik(nik: string): string | undefined;
  household(kk: string): { readonly kab: string } | undefined;
}

function where(file: string, line: number, currentFile: string): string {
  return file === currentFile ? `baris ${line}` : `baris ${line} berkas ${file}`;
}

export class HouseholdAccumulator implements RegistryLookup {
  /** NO_KK → index into `drafts`. Typed-array hash tables: a million keys without a million objects. */
  private readonly householdIndex = new IdentityTable();
  private readonly drafts: HouseholdDraft[] = [];
  /** NIK → index into the person arrays below. */
  private readonly personIndex = new IdentityTable();
  private readonly personHousehold: number[] = [];
  private readonly personLine: number[] = [];
  private readonly personFile: number[] = [];
  private readonly files: string[] = [];

  get householdCount(): number {
    return this.drafts.length;
  }

  get personCount(): number {
    return this.personIndex.size;
  }

  householdOfNik(nik: string): string | undefined {
    const [high, low] = splitDigits(nik);
    const at = this.personIndex.get(high, low);
    if (at < 0) return undefined;
    const draft = this.drafts[this.personHousehold[at]!]!;
    return joinDigits(draft.kkHigh, draft.kkLow);
  }

  household(kk: string): { readonly kab: string } | undefined {
    const [high, low] = splitDigits(kk);
    const at = this.householdIndex.get(high, low);
    return at < 0 ? undefined : this.drafts[at];
  }

  private fileIndex(file: string): number {
    const last = this.files.length - 1;
    if (last >= 0 && this.files[last] === file) return last;
    const found = this.files.indexOf(file);
    if (found >= 0) return found;
    this.files.push(file);
    return this.files.length - 1;
  }

  /**
   * Adds a validated row. Returns an error (and keeps nothing) for a NIK seen before, or for a
   * repeated NO_KK in a file without NIK; otherwise warnings where members disagree.
   */
  add(person: PersonRecord, origin: RowOrigin): readonly CellIssue[] {
    const kkHigh = highHalf(person.kk);
    const kkLow = lowHalf(person.kk);
    const householdAt = this.householdIndex.get(kkHigh, kkLow);
    let nikHigh = 0;
    let nikLow = 0;
    if (person.nik !== null) {
      nikHigh = highHalf(person.nik);
      nikLow = lowHalf(person.nik);
      const seen = this.personIndex.get(nikHigh, nikLow);
      if (seen >= 0) {
        const at = where(this.files[this.personFile[seen]!]!, this.personLine[seen]!, origin.file);
        return this.personHousehold[seen] === householdAt
          ? [cellIssue("DUPLICATE_NIK", "NIK", `NIK yang sama sudah tercatat pada ${at} dalam NO_KK yang sama; baris ini tidak dihitung lagi.`)]
          : [cellIssue("PERSON_IN_TWO_HOUSEHOLDS", "NIK", `NIK yang sama sudah tercatat pada ${at} di bawah NO_KK lain; orang hanya dihitung pada rumah tangga pertama.`)];
      }
    }
    const draft = householdAt >= 0 ? this.drafts[householdAt]! : undefined;
    if (person.nik === null && draft) {
      return [cellIssue("DUPLICATE_KK", "NO_KK", `NO_KK yang sama sudah tercatat pada ${where(draft.origin.file, draft.origin.line, origin.file)}; berkas tanpa kolom NIK harus berisi satu baris per rumah tangga.`)];
    }
    const household = householdAt >= 0 ? householdAt : this.drafts.length;
    if (person.nik !== null) {
      this.personIndex.set(nikHigh, nikLow, this.personHousehold.length);
      this.personHousehold.push(household);
      this.personLine.push(origin.line);
      this.personFile.push(this.fileIndex(origin.file));
    }
    if (!draft) {
      this.householdIndex.set(kkHigh, kkLow, household);
      this.drafts.push({
        kkHigh,
        kkLow,
        kel: person.kel,
        kec: person.kec,
        kab: person.kab,
        desil: person.desil,
        membersDeclared: person.membersDeclared,
        pce: person.pce,
        flags: person.flags,
        persons: 1,
        origin
      });
      return NO_ISSUES;
    }
    const issues = householdConflicts(draft, person, origin.file);
    draft.kel ??= person.kec === draft.kec ? person.kel : null;
    draft.desil ??= person.desil;
    draft.membersDeclared ??= person.membersDeclared;
    draft.pce ??= person.pce;
    draft.flags |= person.flags;
    draft.persons++;
    return issues;
  }

  /** Warnings that need every row first: JUMLAH_ART below the persons listed under the NO_KK. */
  memberIssues(): Issue[] {
    const issues: Issue[] = [];
    for (const draft of this.drafts) {
      if (draft.membersDeclared !== null && draft.membersDeclared < draft.persons) {
        issues.push({
          file: draft.origin.file,
          row: draft.origin.line,
          column: "JUMLAH_ART",
          code: "MEMBERS_BELOW_COUNT",
          message: "JUMLAH_ART lebih kecil dari jumlah orang yang tercatat dengan NO_KK ini; JUMLAH_ART yang dipakai.",
          severity: severityOf("MEMBERS_BELOW_COUNT"),
          detail: `JUMLAH_ART ${draft.membersDeclared}; ${draft.persons} orang tercatat.`
        });
      }
    }
    return issues;
  }

  /** One row per household, hh_id = pseudonymise(NO_KK); expenditure from desil where none was given. */
  finish(pseudonymise: (value: string) => string, desilPce: DesilPceTable = DESIL_PCE_ASSUMPTION): HouseholdRow[] {
    const rows: HouseholdRow[] = [];
    const bit = (column: FlagColumn, flags: number) => (flags & flagBit(column)) !== 0;
    for (const draft of this.drafts) {
      const imputed = draft.pce === null;
      const pce = draft.pce ?? (draft.desil !== null ? desilPce[draft.desil] : undefined);
      if (pce === undefined) throw new Error(`no expenditure for a household: desil ${draft.desil} missing from the desil table`);
      rows.push({
        hh_id: pseudonymise(joinDigits(draft.kkHigh, draft.kkLow)),
        kel_kode: draft.kel,
        kec_kode: draft.kec,
        kab_kode: draft.kab,
        desil: draft.desil,
        members: draft.membersDeclared ?? draft.persons,
        pce_month_rp: pce,
        pce_imputed: imputed,
        on_target_list: bit("SASARAN_PKE", draft.flags),
        disability: bit("DISABILITAS", draft.flags),
        elderly: bit("LANSIA", draft.flags),
        out_of_school_child: bit("ANAK_TIDAK_SEKOLAH", draft.flags),
        unfit_house: bit("RTLH", draft.flags),
        no_health_insurance: bit("TANPA_JKN", draft.flags),
        female_head: bit("KRT_PEREMPUAN", draft.flags),
        snapshot_date: draft.origin.snapshotDate,
        source: draft.origin.source
      });
    }
    return rows;
  }
}
