// Stable issue codes for BNBA registry and programme-receipt files. A code never changes meaning;
// its severity is fixed: "error" rejects the row, "warning" and "info" keep it and say why.

export type Severity = "error" | "warning" | "info";

/** Every code with its fixed severity and a one-line English description (the README lists them). */
export const ISSUE_CODES = {
  // Row shape
  EMPTY_ROW: ["error", "Row with no values below the header"],
  TOTAL_ROW: ["error", "A JUMLAH/TOTAL summary row, not a person or household"],
  HEADER_REPEATED: ["error", "The header row repeated inside the data (page break in an export)"],
  COLUMN_COUNT: ["error", "More or fewer fields than the header (often an unquoted delimiter)"],
  UNCLOSED_QUOTE: ["error", "A quoted field that never closes; the rest of the file was swallowed into this row"],
  TITLE_ROW: ["info", "Title text above the header row, skipped (not a data row)"],
  // Identity numbers (NIK and NO_KK share the checks; the prefix says which column)
  NIK_MISSING: ["error", "NIK is empty"],
  NIK_NOT_DIGITS: ["error", "NIK contains characters other than digits"],
  NIK_LENGTH: ["error", "NIK does not have 16 digits"],
  NIK_SCIENTIFIC: ["error", "NIK in scientific notation (e.g. 3.67305E+15): digits were lost and cannot be recovered"],
  NIK_PRECISION: ["error", "NIK stored as a number larger than a spreadsheet can hold exactly; digits cannot be trusted"],
  NIK_REGION: ["error", "NIK digits 1-6 are not a valid province / kabupaten-kota / kecamatan code"],
  NIK_OUTSIDE_BANTEN: ["warning", "NIK issued outside Banten (valid province, kept)"],
  NIK_BIRTHDATE: ["error", "NIK digits 7-12 are not a real birth date DDMMYY (women: day + 40)"],
  NIK_SERIAL: ["error", "NIK serial (digits 13-16) is 0000"],
  NIK_APOSTROPHE: ["info", "NIK had a leading apostrophe (text marker from Excel); recovered"],
  NIK_FROM_NUMBER: ["info", "NIK stored as a number with all 16 digits intact; recovered as text"],
  NO_KK_MISSING: ["error", "NO_KK is empty"],
  NO_KK_NOT_DIGITS: ["error", "NO_KK contains characters other than digits"],
  NO_KK_LENGTH: ["error", "NO_KK does not have 16 digits"],
  NO_KK_SCIENTIFIC: ["error", "NO_KK in scientific notation: digits were lost and cannot be recovered"],
  NO_KK_PRECISION: ["error", "NO_KK stored as a number larger than a spreadsheet can hold exactly"],
  NO_KK_REGION: ["error", "NO_KK digits 1-6 are not a valid province / kabupaten-kota / kecamatan code"],
  NO_KK_OUTSIDE_BANTEN: ["warning", "NO_KK issued outside Banten (valid province, kept)"],
  NO_KK_DATE: ["warning", "NO_KK digits 7-12 are not a real issue date DDMMYY"],
  NO_KK_SERIAL: ["error", "NO_KK serial (digits 13-16) is 0000"],
  NO_KK_APOSTROPHE: ["info", "NO_KK had a leading apostrophe; recovered"],
  NO_KK_FROM_NUMBER: ["info", "NO_KK stored as a number with all 16 digits intact; recovered as text"],
  NO_KK_EQUALS_NIK: ["error", "NO_KK is the same number as the NIK (copied column)"],
  // Registry values
  DESIL_RANGE: ["error", "DESIL is not a whole number from 1 to 10"],
  DESIL_MISSING: ["error", "Neither DESIL nor PENGELUARAN_PERKAPITA is given, so expenditure cannot be set"],
  MEMBERS_RANGE: ["error", "JUMLAH_ART is not a whole number from 1 to 50"],
  MEMBERS_BELOW_COUNT: ["warning", "JUMLAH_ART is smaller than the number of persons listed under the NO_KK (JUMLAH_ART used)"],
  PCE_RANGE: ["error", "PENGELUARAN_PERKAPITA is not a positive amount below Rp1 billion"],
  FLAG_VALUE: ["error", "A yes/no column holds something other than Y/N, YA/TIDAK, 1/0, TRUE/FALSE"],
  NUMBER_FORMAT: ["error", "Not a number in Indonesian format (1.300 / 2.200.000 / 12,5)"],
  REGION_MISSING: ["error", "No kelurahan/kecamatan code or name on the row"],
  REGION_UNKNOWN: ["error", "Kelurahan/kecamatan code or name not found in the Banten region list"],
  REGION_AMBIGUOUS: ["error", "Region name matches more than one region; add a code or KAB_KOTA column"],
  REGION_KELURAHAN_UNVERIFIED: ["info", "Kelurahan code kept unverified: no kelurahan list for this kabupaten/kota"],
  REGION_NAME_MATCHED: ["info", "A region name was matched after normalising or through the alias table (one note per written name and file)"],
  // Cross-row
  DUPLICATE_NIK: ["error", "Same NIK already listed in the same household (duplicate row)"],
  PERSON_IN_TWO_HOUSEHOLDS: ["error", "Same NIK already listed under a different NO_KK"],
  DUPLICATE_KK: ["error", "Same NO_KK already listed in a household-level file"],
  HOUSEHOLD_CONFLICT: ["warning", "A household value differs between members of one NO_KK (first value kept)"],
  // Receipts
  RECIPIENT_MISSING: ["error", "Neither NIK nor NO_KK is given"],
  VALUE_RANGE: ["error", "NILAI is negative"],
  UNITS_RANGE: ["error", "JUMLAH is zero or negative"],
  RECEIPT_DUPLICATE: ["error", "Same recipient listed twice for the same programme, funder and period"],
  RECEIPT_AGGREGATED: ["info", "Another member of a household already listed; units and value added to the household"],
  RECEIPT_NIK_UNRESOLVED: ["error", "Only NIK given and it is not in the registry, so the household is unknown"],
  RECEIPT_KK_MISMATCH: ["warning", "The registry lists this NIK under another NO_KK (row's NO_KK used)"],
  RECEIPT_NOT_IN_REGISTRY: ["warning", "Household not in the registry (kept: possible inclusion error)"],
  // File level (row is null)
  ENCODING_WINDOWS_1252: ["info", "File is not valid UTF-8; decoded as Windows-1252"],
  UNKNOWN_COLUMNS: ["info", "Columns not used by the loader were ignored"],
  DUPLICATE_COLUMN: ["warning", "Two header cells map to the same column; the first is used"],
  MANIFEST_INVALID: ["error", "Manifest row invalid; the file was not loaded"],
  MANIFEST_MISSING: ["error", "File not named in the manifest; not loaded"],
  FILE_UNREADABLE: ["error", "File could not be interpreted; not loaded"]
} as const satisfies Record<string, readonly [Severity, string]>;

export type IssueCode = keyof typeof ISSUE_CODES;

export function severityOf(code: IssueCode): Severity {
  return ISSUE_CODES[code][0];
}

/**
 * One finding. `row` is the 1-based line (CSV) or sheet row (XLSX); null for file-level findings.
 * `message` is published (ingest_rejections, /data): it is written from the code, the column and
 * official region names only, never from text of the private file. `detail`, when present, quotes
 * what the file held and goes only to the data officer (terminal and data/private/reports/).
 */
export interface Issue {
  readonly file: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly code: IssueCode;
  readonly message: string;
  readonly severity: Severity;
  readonly detail?: string;
}

/** A finding about one cell before file and row are known (validators are pure and location-free). */
export interface CellIssue {
  readonly code: IssueCode;
  /** Publishable: no cell text (see Issue). */
  readonly message: string;
  /** Canonical column the finding is about; null for whole-row findings. */
  readonly column: string | null;
  /** Private: what the cell held, for the data officer only. */
  readonly detail?: string;
}

export function cellIssue(code: IssueCode, column: string | null, message: string, detail?: string): CellIssue {
  return detail === undefined ? { code, column, message } : { code, column, message, detail };
}

export function hasError(issues: readonly CellIssue[]): boolean {
  return issues.some((i) => severityOf(i.code) === "error");
}
