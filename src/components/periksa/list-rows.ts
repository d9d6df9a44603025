// One row of a beneficiary list on /periksa, checked with the same rules as the loaders (NIK and
// NO_KK structure, row shape in check-table.ts) and kept for matching: NIK when valid, the
// normalised name and address, and the area. A row whose NIK fails is reported (and counted as
// rejected) but still matched by name and address: finding people whose NIK was mistyped is the point.
import type { RowHandler, RowView } from "../domain/registry-rules/check-table.js";
import { checkIdentity } from "../domain/registry-rules/identity.js";
import { cellIssue, hasError, type CellIssue, type IssueCode } from "../domain/registry-rules/issues.js";
import { isRegionFailure, type RegionIndex } from "../domain/registry-rules/region-index.js";
import { isBlank } from "../domain/registry-rules/values.js";
import { addressNumbers, blockKeys, normaliseAddress, normaliseName } from "./normalise.js";

/** A field longer than this is not a name or an address: the file is refused as not a list. */
export const MAX_FIELD_CHARS = 5_000;

export interface ListPerson {
  readonly row: number;
  /** The 16 digits when the NIK passed every check, else null. */
  readonly nik: string | null;
  /** The NIK cell as written (shown only on this page). */
  readonly nikText: string;
  /** First error code of the NIK check, null when valid or absent. */
  readonly nikProblem: IssueCode | null;
  readonly nikMessage: string | null;
  readonly kk: string | null;
  readonly name: string;
  readonly address: string;
  readonly nameKey: string;
  readonly addressKey: string;
  /** House number, RT and RW as digits (see normalise.ts addressNumbers). */
  readonly addressNumbers: string;
  /** Area key for blocking and counting: kelurahan code, else kecamatan code, else the written name normalised. */
  readonly area: string;
  /** Official kelurahan/desa (or kecamatan) name when matched, else the name as written, else "". */
  readonly areaName: string;
  /** The two blocking keys (see normalise.ts blockKeys). */
  readonly blocks: readonly [string, string];
  readonly rejected: boolean;
}

export class HugeFieldError extends Error {
  constructor(
    readonly line: number,
    readonly length: number
  ) {
    super(`field of ${length} characters on line ${line}`);
    this.name = "HugeFieldError";
  }
}

const titleCase = (text: string) => text.toLowerCase().replace(/(^|\s)\S/g, (c) => c.toUpperCase());

export class ListRowHandler implements RowHandler {
  readonly people: ListPerson[] = [];

  constructor(
    private readonly regions: RegionIndex | null,
    private readonly bantenKabKota: ReadonlySet<string>
  ) {}

  handle(row: RowView): CellIssue[] {
    for (const cell of row.cells) {
      if (typeof cell === "string" && cell.length > MAX_FIELD_CHARS) throw new HugeFieldError(row.line, cell.length);
    }
    const issues: CellIssue[] = [];
    let nik: string | null = null;
    let nikProblem: IssueCode | null = null;
    let nikMessage: string | null = null;
    if (row.has("NIK")) {
      const checked = checkIdentity(row.cell("NIK"), "NIK", this.bantenKabKota);
      issues.push(...checked.issues);
      nik = checked.value;
      const failed = checked.issues.find((i) => hasError([i]));
      if (failed) {
        nikProblem = failed.code;
        nikMessage = failed.message;
      }
    }
    let kk: string | null = null;
    if (row.has("NO_KK") && !isBlank(row.cell("NO_KK"))) {
      const checked = checkIdentity(row.cell("NO_KK"), "NO_KK", this.bantenKabKota);
      issues.push(...checked.issues);
      kk = checked.value;
    }
    const name = row.text("NAMA");
    const address = row.text("ALAMAT");
    if (nik === null && kk === null && name === "" && !row.has("NIK")) {
      issues.push(cellIssue("RECIPIENT_MISSING", "NO_KK", "NIK, NO_KK, dan nama kosong."));
    }
    const { area, areaName } = this.area(row);
    const nameKey = normaliseName(name);
    const addressKey = normaliseAddress(address);
    if (nik !== null || nameKey !== "") {
      this.people.push({
        row: row.line,
        nik,
        nikText: row.text("NIK"),
        nikProblem,
        nikMessage,
        kk,
        name,
        address,
        nameKey,
        addressKey,
        addressNumbers: addressNumbers(addressKey),
        area,
        areaName,
        blocks: blockKeys(area, nameKey, addressKey),
        rejected: hasError(issues)
      });
    }
    return issues;
  }

  private area(row: RowView): { area: string; areaName: string } {
    const input = {
      kelCode: row.text("KODE_KELURAHAN"),
      kecCode: row.text("KODE_KECAMATAN"),
      kabKota: row.text("KAB_KOTA"),
      kecName: row.text("KECAMATAN"),
      kelName: row.text("KELURAHAN")
    };
    if (this.regions && (input.kelCode || input.kecCode || input.kecName || input.kelName)) {
      const match = this.regions.match(input, null);
      if (!isRegionFailure(match)) {
        const kode = match.kel ?? match.kec;
        return { area: kode, areaName: this.regions.get(kode)?.nama ?? kode };
      }
    }
    const written = input.kelName || input.kecName || input.kelCode || input.kecCode;
    const key = written.toUpperCase().replace(/[^A-Z0-9]+/g, "");
    return { area: key, areaName: written === "" ? "" : titleCase(written.trim()) };
  }
}
