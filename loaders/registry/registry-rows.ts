// Validation of one BNBA row: identity numbers, region, desil, members, expenditure and flags.
// Names and addresses are never read: only the columns below leave the raw cells.
import type { RowHandler, RowView } from "../../src/components/domain/registry-rules/check-table.js";
import { FLAG_COLUMNS, type CanonicalColumn } from "./columns.js";
import { flagBit, type HouseholdAccumulator, type PersonRecord } from "./households.js";
import { checkIdentity } from "../../src/components/domain/registry-rules/identity.js";
import { cellIssue, hasError, type CellIssue } from "../../src/components/domain/registry-rules/issues.js";
import { isRegionFailure, type MatchHow, type RegionIndex, type RegionLevel } from "./region-match.js";
import { cellText, isBlank, parseFlag, parseIndonesianNumber, quoteValue, type Cell } from "../../src/components/domain/registry-rules/values.js";

export const MEMBERS_MAX = 50;
export const PCE_MAX = 1_000_000_000;

/** How the rows of one file were placed on the map, for the report. */
export interface RegionSummary {
  readonly byHow: Record<MatchHow, number>;
  /** Rows whose kelurahan could not be checked (no kelurahan list for that kab/kota). */
  kelUnverified: number;
  /** Loose matches: written text → region, with how and how many rows. */
  readonly loose: Map<string, { level: RegionLevel; written: string; nama: string; how: MatchHow; rows: number }>;
}

export function emptyRegionSummary(): RegionSummary {
  return { byHow: { code: 0, exact: 0, normalised: 0, alias: 0 }, kelUnverified: 0, loose: new Map() };
}

export interface RegistryFileContext {
  readonly file: string;
  readonly snapshotDate: string;
  readonly source: string;
  /** Kab/kota to search region names in when the file has no KAB_KOTA column (manifest or --kab). */
  readonly defaultKab: string | null;
}

type NumberCheck = { readonly value: number | null; readonly issue: CellIssue | null };

/** Blank → null; otherwise an Indonesian number, or NUMBER_FORMAT. */
const BLANK_NUMBER: NumberCheck = { value: null, issue: null };

export function readNumber(cell: Cell, column: CanonicalColumn): NumberCheck {
  if (isBlank(cell)) return BLANK_NUMBER;
  const parsed = parseIndonesianNumber(cell);
  if (parsed.ok) return { value: parsed.value, issue: null };
  const why = parsed.reason === "ambiguous" ? " (bisa dibaca sebagai pecahan atau ribuan; tulis 1.300 untuk seribu tiga ratus atau 1,3 untuk satu koma tiga)" : "";
  return { value: null, issue: cellIssue("NUMBER_FORMAT", column, `${column} bukan angka dengan format Indonesia${why}.`, `Isi sel: ${quoteValue(cellText(cell))}.`) };
}

function wholeInRange(check: NumberCheck, min: number, max: number): boolean {
  return check.value !== null && Number.isInteger(check.value) && check.value >= min && check.value <= max;
}

/** Remembers the last result of a pure check: sorted exports repeat NO_KK and region on consecutive rows. */
class LastResult<K, V> {
  private key: K | undefined;
  private value: V | undefined;
  get(key: K, compute: (key: K) => V): V {
    if (this.value !== undefined && this.key === key) return this.value;
    this.key = key;
    this.value = compute(key);
    return this.value;
  }
}

export class RegistryRowHandler implements RowHandler {
  readonly regions: RegionSummary = emptyRegionSummary();
  private readonly lastKk = new LastResult<Cell, ReturnType<typeof checkIdentity>>();
  private readonly lastRegion = new LastResult<string, ReturnType<RegionIndex["match"]>>();
  private readonly checkKk = (cell: Cell) => checkIdentity(cell, "NO_KK", this.regionIndex.bantenKabKota);

  constructor(
    private readonly regionIndex: RegionIndex,
    private readonly households: HouseholdAccumulator,
    private readonly context: RegistryFileContext
  ) {}

  handle(row: RowView): CellIssue[] {
    const issues: CellIssue[] = [];
    const kk = this.lastKk.get(row.cell("NO_KK"), this.checkKk);
    issues.push(...kk.issues);
    let nik: string | null = null;
    if (row.has("NIK")) {
      const checked = checkIdentity(row.cell("NIK"), "NIK", this.regionIndex.bantenKabKota);
      issues.push(...checked.issues);
      nik = checked.value;
    }
    if (nik !== null && nik === kk.value) {
      issues.push(cellIssue("NO_KK_EQUALS_NIK", "NO_KK", "NO_KK sama dengan NIK; kemungkinan kolom tersalin."));
    }

    const kelCode = row.text("KODE_KELURAHAN");
    const kecCode = row.text("KODE_KECAMATAN");
    const kabKota = row.text("KAB_KOTA");
    const kecName = row.text("KECAMATAN");
    const kelName = row.text("KELURAHAN");
    const regionKey = `${kelCode}\u0001${kecCode}\u0001${kabKota}\u0001${kecName}\u0001${kelName}`;
    const region = this.lastRegion.get(regionKey, () =>
      this.regionIndex.match({ kelCode, kecCode, kabKota, kecName, kelName }, this.context.defaultKab)
    );
    if (isRegionFailure(region)) issues.push(cellIssue(region.code, region.column, region.message, region.detail));

    const desil = readNumber(row.cell("DESIL"), "DESIL");
    if (desil.issue) issues.push(desil.issue);
    else if (desil.value !== null && !wholeInRange(desil, 1, 10)) {
      issues.push(cellIssue("DESIL_RANGE", "DESIL", "DESIL bukan bilangan bulat 1–10.", `Isi sel: ${desil.value}.`));
    }
    const members = readNumber(row.cell("JUMLAH_ART"), "JUMLAH_ART");
    if (members.issue) issues.push(members.issue);
    else if (members.value !== null && !wholeInRange(members, 1, MEMBERS_MAX)) {
      issues.push(cellIssue("MEMBERS_RANGE", "JUMLAH_ART", `JUMLAH_ART bukan bilangan bulat 1–${MEMBERS_MAX}.`, `Isi sel: ${members.value}.`));
    }
    const pce = readNumber(row.cell("PENGELUARAN_PERKAPITA"), "PENGELUARAN_PERKAPITA");
    if (pce.issue) issues.push(pce.issue);
    else if (pce.value !== null && !(pce.value > 0 && pce.value < PCE_MAX)) {
      issues.push(cellIssue("PCE_RANGE", "PENGELUARAN_PERKAPITA", "PENGELUARAN_PERKAPITA harus lebih dari 0 dan kurang dari Rp1 miliar.", `Isi sel: ${pce.value}.`));
    }
    if (desil.value === null && pce.value === null && !desil.issue && !pce.issue) {
      issues.push(cellIssue("DESIL_MISSING", "DESIL", "DESIL dan PENGELUARAN_PERKAPITA kosong; pengeluaran rumah tangga tidak dapat ditentukan."));
    }

    let flags = 0;
    for (const column of FLAG_COLUMNS) {
      if (!row.has(column)) continue;
      const cell = row.cell(column);
      const parsed = parseFlag(cell);
      if (!parsed.ok) {
        issues.push(cellIssue("FLAG_VALUE", column, `${column} bukan Y/N, YA/TIDAK, 1/0, atau TRUE/FALSE.`, `Isi sel: ${quoteValue(cellText(cell))}.`));
      } else if (parsed.value) flags |= flagBit(column);
    }

    if (hasError(issues) || isRegionFailure(region) || kk.value === null) return issues;
    const person: PersonRecord = {
      nik,
      kk: kk.value,
      kel: region.kel,
      kec: region.kec,
      kab: region.kab,
      desil: desil.value,
      membersDeclared: members.value,
      pce: pce.value,
      flags
    };
    const crossRow = this.households.add(person, {
      file: this.context.file,
      line: row.line,
      snapshotDate: this.context.snapshotDate,
      source: this.context.source
    });
    issues.push(...crossRow);
    if (!hasError(crossRow)) this.countRegion(region);
    return issues;
  }

  private countRegion(region: { how: MatchHow; kelUnverified: boolean; loose: readonly { level: RegionLevel; written: string; nama: string; how: MatchHow }[] }): void {
    this.regions.byHow[region.how]++;
    if (region.kelUnverified) this.regions.kelUnverified++;
    for (const loose of region.loose) {
      const key = `${loose.level}\u0001${loose.written}`;
      const entry = this.regions.loose.get(key);
      if (entry) entry.rows++;
      else this.regions.loose.set(key, { ...loose, rows: 1 });
    }
  }
}
