import { describe, expect, it } from "vitest";
import { checkIdentity, isRealDate, nikBirthDate } from "../../../../src/components/domain/registry-rules/identity.js";
import { IdentityTable, joinDigits, splitDigits } from "../../../../loaders/registry/identity-table.js";
import { fakeKk, fakeNik } from "./support.js";

const BANTEN = new Set(["3601", "3602", "3603", "3604", "3671", "3672", "3673", "3674"]);
const codes = (result: ReturnType<typeof checkIdentity>) => result.issues.map((i) => i.code);

describe("NIK birth date (digits 7–12)", () => {
  it("reads a man's date as written", () => {
    expect(nikBirthDate(fakeNik({ day: 15, month: 5, yy: 80 }))).toEqual({ day: 15, month: 5, yy: 80, female: false });
  });

  it("subtracts 40 from a woman's day", () => {
    expect(nikBirthDate(fakeNik({ day: 31, month: 12, yy: 99, female: true }))).toEqual({ day: 31, month: 12, yy: 99, female: true });
    expect(fakeNik({ day: 1, female: true }).slice(6, 8)).toBe("41");
  });

  it("accepts 29 February only in years divisible by four", () => {
    expect(isRealDate(29, 2, 80)).toBe(true);
    expect(isRealDate(29, 2, 0)).toBe(true);
    expect(isRealDate(29, 2, 81)).toBe(false);
    expect(nikBirthDate(fakeNik({ day: 29, month: 2, yy: 84, female: true }))?.female).toBe(true);
    expect(nikBirthDate(fakeNik({ day: 29, month: 2, yy: 85, female: true }))).toBeNull();
  });

  it("rejects invalid months and days", () => {
    for (const [day, month] of [[1, 0], [1, 13], [0, 1], [32, 1], [31, 6], [30, 2]]) {
      expect(isRealDate(day!, month!, 80), `${day}/${month}`).toBe(false);
    }
    expect(nikBirthDate(fakeNik({ day: 36 }))).toBeNull(); // 36 is neither a man's day nor 40+ for a woman
  });
});

describe("checkIdentity", () => {
  it("accepts a structurally valid NIK with no findings", () => {
    const result = checkIdentity(fakeNik(), "NIK", BANTEN);
    expect(result).toEqual({ value: fakeNik(), issues: [] });
  });

  it("recovers an apostrophe-prefixed NIK and says so", () => {
    for (const mark of ["'", "\u2019"]) {
      const result = checkIdentity(`${mark}${fakeNik()}`, "NIK", BANTEN);
      expect(result.value).toBe(fakeNik());
      expect(codes(result)).toEqual(["NIK_APOSTROPHE"]);
    }
  });

  it("recovers a NIK stored as a number with all 16 digits, as an info note", () => {
    const result = checkIdentity(Number(fakeNik()), "NIK", BANTEN);
    expect(result.value).toBe(fakeNik());
    expect(codes(result)).toEqual(["NIK_FROM_NUMBER"]);
  });

  it("refuses a numeric NIK whose last digits were lost to scientific notation", () => {
    const result = checkIdentity(3.67305e15, "NIK", BANTEN);
    expect(result.value).toBeNull();
    expect(codes(result)).toEqual(["NIK_SCIENTIFIC"]);
  });

  it("refuses a numeric NIK beyond exact integer precision rather than guessing", () => {
    const result = checkIdentity(9_401_011_505_809_999, "NIK", BANTEN);
    expect(codes(result)).toEqual(["NIK_PRECISION"]);
  });

  it("refuses fractional numbers and booleans", () => {
    expect(codes(checkIdentity(3673.5, "NIK", BANTEN))).toEqual(["NIK_SCIENTIFIC"]);
    expect(codes(checkIdentity(true, "NO_KK", BANTEN))).toEqual(["NO_KK_NOT_DIGITS"]);
  });

  it("flags a valid non-Banten province as a warning and keeps the number", () => {
    const nik = fakeNik({ kec: "317101" });
    const result = checkIdentity(nik, "NIK", BANTEN);
    expect(result.value).toBe(nik);
    expect(codes(result)).toEqual(["NIK_OUTSIDE_BANTEN"]);
    expect(result.issues[0]!.message).not.toContain(nik);
  });

  it("rejects kab/kota 00 outside Banten and unknown kab/kota inside Banten", () => {
    expect(codes(checkIdentity(fakeNik({ kec: "320001" }), "NIK", BANTEN))).toEqual(["NIK_REGION"]);
    expect(codes(checkIdentity(fakeNik({ kec: "367501" }), "NIK", BANTEN))).toEqual(["NIK_REGION"]);
  });

  it("treats an impossible NO_KK issue date as a warning but an impossible NIK birth date as an error", () => {
    expect(codes(checkIdentity(fakeKk({ day: 40 }), "NO_KK", BANTEN))).toEqual(["NO_KK_DATE"]);
    expect(checkIdentity(fakeKk({ day: 40 }), "NO_KK", BANTEN).value).not.toBeNull();
    expect(codes(checkIdentity(fakeNik({ day: 40 }), "NIK", BANTEN))).toEqual(["NIK_BIRTHDATE"]);
  });

  it("never puts the number itself into a message", () => {
    const nik = fakeNik({ month: 13 });
    for (const issue of checkIdentity(nik, "NIK", BANTEN).issues) expect(issue.message).not.toContain(nik);
  });
});

describe("IdentityTable", () => {
  it("splits and joins 16 digits exactly", () => {
    const nik = fakeNik();
    expect(joinDigits(...splitDigits(nik))).toBe(nik);
    expect(joinDigits(...splitDigits("1100000000000001"))).toBe("1100000000000001");
  });

  it("stores, replaces and finds values across growth", () => {
    const table = new IdentityTable(16);
    for (let i = 0; i < 5000; i++) table.set(36730000 + (i % 7), i, i);
    expect(table.size).toBe(5000);
    for (let i = 0; i < 5000; i += 97) expect(table.get(36730000 + (i % 7), i)).toBe(i);
    expect(table.get(1, 1)).toBe(-1);
    table.set(36730000, 0, 42);
    expect(table.get(36730000, 0)).toBe(42);
    expect(table.size).toBe(5000);
  });
});
