// NIK and NO_KK structure checks (Permendagri on population administration): 16 digits =
// 6-digit region of issue (province, kab/kota, kecamatan) + 6-digit date DDMMYY + 4-digit serial.
// For a NIK the date is the birth date, with 40 added to the day for women; for a NO_KK it is the
// date the card was issued. Values that lost digits are rejected, never repaired by guessing.
import { cellIssue, type CellIssue, type IssueCode } from "./issues.js";
import type { Cell } from "./values.js";

export type IdentityKind = "NIK" | "NO_KK";

/**
 * Province codes (Kepmendagri 300.2.2-2138/2025), including the four Papua provinces formed in
 * 2022 (93–96), whose offices now issue numbers with their own prefix.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
  "31", "32", "33", "34", "35", "36",
  "51", "52", "53",
  "61", "62", "63", "64", "65",
  "71", "72", "73", "74", "75", "76",
  "81", "82",
  "91", "92", "93", "94", "95", "96"
]);

export const BANTEN_PROVINCE = "36";

const DIGITS_16 = /^\d{16}$/;
const ONLY_DIGITS = /^\d+$/;
const SCIENTIFIC = /^\d+(?:[.,]\d+)?[eE][+-]?\d+$/;
/** A number written out by a spreadsheet or database as a decimal: "3673015505809999.0". */
const DECIMAL_ZERO = /^(\d{16})[.,]0+$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface IdentityResult {
  /** The 16 digits when no error was found, else null. */
  readonly value: string | null;
  readonly issues: readonly CellIssue[];
}

/** True when DD/MM/YY is a calendar date in 19YY or 20YY (29 February only in years divisible by 4). */
export function isRealDate(day: number, month: number, yy: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return yy % 4 === 0;
  return day <= DAYS_IN_MONTH[month - 1]!;
}

/** Birth date in NIK digits 7–12; women have day + 40. Returns null when it is not a real date. */
export function nikBirthDate(nik: string): { day: number; month: number; yy: number; female: boolean } | null {
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  return isRealDate(day, month, yy) ? { day, month, yy, female } : null;
}

function code(kind: IdentityKind, suffix: string): IssueCode {
  return `${kind}_${suffix}` as IssueCode;
}

function failed(issues: CellIssue[], kind: IdentityKind, suffix: string, message: string, detail?: string): IdentityResult {
  issues.push(cellIssue(code(kind, suffix), kind, message, detail));
  return { value: null, issues };
}

/**
 * Checks one NIK or NO_KK cell. `bantenKabKota` holds the 4-digit Banten kab/kota codes: a number
 * issued in Banten must carry one of them; other provinces are accepted with a warning.
 */
export function checkIdentity(cell: Cell, kind: IdentityKind, bantenKabKota: ReadonlySet<string>): IdentityResult {
  const issues: CellIssue[] = [];
  let text: string;
  if (cell === null || cell === "" || (typeof cell === "string" && cell.trim() === "")) return failed(issues, kind, "MISSING", `${kind} kosong.`);
  if (typeof cell === "boolean") return failed(issues, kind, "NOT_DIGITS", `${kind} berisi nilai benar/salah, bukan angka.`);
  if (typeof cell === "number") {
    if (!Number.isInteger(cell)) return failed(issues, kind, "SCIENTIFIC", `${kind} tersimpan sebagai bilangan pecahan/ilmiah; digitnya hilang dan tidak dapat dipulihkan.`);
    if (!Number.isSafeInteger(cell)) {
      return failed(issues, kind, "PRECISION", `${kind} tersimpan sebagai angka melebihi presisi lembar kerja; digit terakhir tidak dapat dipercaya. Simpan kolom ${kind} sebagai teks.`);
    }
    text = cell.toFixed(0);
    // 3.67305E+15 typed or imported into a sheet is stored as 3673050000000000: the trailing zeros
    // are lost digits (a real serial is never 0000), so this is the scientific case, not a number.
    if (text.length === 16 && text.endsWith("0000")) {
      return failed(issues, kind, "SCIENTIFIC", `${kind} tersimpan sebagai angka yang berakhir 0000; digitnya sudah hilang (notasi ilmiah) dan tidak dapat dipulihkan. Ekspor ulang dengan kolom ${kind} sebagai teks.`);
    }
    issues.push(cellIssue(code(kind, "FROM_NUMBER"), kind, `${kind} tersimpan sebagai angka; digitnya utuh dan dibaca sebagai teks.`));
  } else if (DIGITS_16.test(cell)) {
    text = cell; // the common case: nothing to recover
  } else {
    text = cell.trim();
    const first = text.charCodeAt(0);
    if (first === 0x27 || first === 0x2019 || first === 0x2018) {
      text = text.slice(1).trim();
      issues.push(cellIssue(code(kind, "APOSTROPHE"), kind, `Tanda petik di awal ${kind} dihapus; angka tidak diubah.`));
      if (text === "") return failed(issues, kind, "MISSING", `${kind} hanya berisi tanda petik.`);
    }
    const decimal = DECIMAL_ZERO.exec(text);
    if (decimal) {
      text = decimal[1]!;
      issues.push(cellIssue(code(kind, "FROM_NUMBER"), kind, `${kind} tertulis sebagai angka desimal (",0"/".0"); 16 digit utuh dan dibaca sebagai teks.`));
    }
    if (SCIENTIFIC.test(text)) {
      return failed(issues, kind, "SCIENTIFIC", `${kind} dalam notasi ilmiah (mis. 3.67305E+15): digitnya sudah hilang dan tidak dapat dipulihkan. Ekspor ulang dengan kolom ${kind} sebagai teks.`);
    }
    if (!ONLY_DIGITS.test(text)) return failed(issues, kind, "NOT_DIGITS", `${kind} berisi karakter selain angka (huruf, spasi, titik, atau tanda baca).`);
  }
  if (!DIGITS_16.test(text)) return failed(issues, kind, "LENGTH", `${kind} tidak terdiri dari 16 digit.`, `${text.length} digit.`);

  const province = text.slice(0, 2);
  const kabKota = text.slice(0, 4);
  if (!PROVINCE_CODES.has(province)) return failed(issues, kind, "REGION", `Dua digit pertama ${kind} bukan kode provinsi yang sah.`, `Digit 1–2: ${province}.`);
  if (province === BANTEN_PROVINCE) {
    if (!bantenKabKota.has(kabKota)) return failed(issues, kind, "REGION", `Empat digit pertama ${kind} bukan kode kabupaten/kota di Banten.`, `Digit 1–4: ${kabKota}.`);
  } else if (text.slice(2, 4) === "00") {
    return failed(issues, kind, "REGION", `Digit 3–4 ${kind} (00) bukan kode kabupaten/kota.`);
  }
  if (text.slice(4, 6) === "00") return failed(issues, kind, "REGION", `Digit 5–6 ${kind} (00) bukan kode kecamatan.`);
  if (province !== BANTEN_PROVINCE) {
    issues.push(cellIssue(code(kind, "OUTSIDE_BANTEN"), kind, `${kind} diterbitkan di luar Banten.`, `Kode provinsi ${province}.`));
  }

  if (kind === "NIK") {
    if (!nikBirthDate(text)) {
      return failed(issues, kind, "BIRTHDATE", "Digit 7–12 NIK bukan tanggal lahir yang sah (DDMMYY; untuk perempuan tanggal ditambah 40).");
    }
  } else if (!isRealDate(Number(text.slice(6, 8)), Number(text.slice(8, 10)), Number(text.slice(10, 12)))) {
    issues.push(cellIssue("NO_KK_DATE", kind, "Digit 7–12 NO_KK bukan tanggal terbit yang sah (DDMMYY); nomor tetap dipakai."));
  }
  if (text.slice(12) === "0000") return failed(issues, kind, "SERIAL", `Nomor urut ${kind} (digit 13–16) adalah 0000.`);
  return { value: text, issues };
}
