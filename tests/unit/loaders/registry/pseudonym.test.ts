import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  DEMO_PSEUDONYM_KEY,
  makePseudonymiser,
  parsePseudonymKey,
  PSEUDONYM_HEX_LENGTH,
  PseudonymKeyError,
  pseudonymise,
  pseudonymKeyFromEnv
} from "../../../../loaders/lib/pseudonym.js";
import { fakeKk } from "./support.js";

const KEY_A = "0f".repeat(32);
const KEY_B = "a1".repeat(32);

describe("pseudonymise", () => {
  it("is a truncated HMAC-SHA-256 of the value under the hex key", () => {
    const expected = createHmac("sha256", Buffer.from(KEY_A, "hex")).update(fakeKk()).digest("hex").slice(0, PSEUDONYM_HEX_LENGTH);
    expect(pseudonymise(fakeKk(), KEY_A)).toBe(expected);
    expect(PSEUDONYM_HEX_LENGTH).toBeGreaterThanOrEqual(20);
    expect(pseudonymise(fakeKk(), KEY_A)).toMatch(new RegExp(`^[0-9a-f]{${PSEUDONYM_HEX_LENGTH}}$`));
  });

  it("gives the same pseudonym for the same value and key, and a different one under another key", () => {
    expect(pseudonymise(fakeKk(), KEY_A)).toBe(pseudonymise(fakeKk(), KEY_A));
    expect(makePseudonymiser(KEY_A)(fakeKk())).toBe(pseudonymise(fakeKk(), KEY_A));
    expect(pseudonymise(fakeKk(), KEY_B)).not.toBe(pseudonymise(fakeKk(), KEY_A));
    expect(pseudonymise(fakeKk({ serial: 9998 }), KEY_A)).not.toBe(pseudonymise(fakeKk(), KEY_A));
  });

  it("does not contain the number it hides", () => {
    expect(pseudonymise(fakeKk(), KEY_A)).not.toContain(fakeKk().slice(0, 6));
  });

  it("accepts the documented demo key for synthetic data", () => {
    expect(() => parsePseudonymKey(DEMO_PSEUDONYM_KEY)).not.toThrow();
    expect(pseudonymise(fakeKk(), DEMO_PSEUDONYM_KEY)).toHaveLength(PSEUDONYM_HEX_LENGTH);
  });

  it("refuses short, odd-length or non-hex keys with an Indonesian sentence", () => {
    for (const bad of ["abcd", "0f".repeat(16) + "0", "zz".repeat(32), ""]) {
      expect(() => parsePseudonymKey(bad), bad).toThrow(PseudonymKeyError);
    }
    expect(() => parsePseudonymKey("abcd")).toThrow(/Kunci pseudonim/);
  });

  it("reads the key from TS_PSEUDONYM_KEY", () => {
    expect(pseudonymKeyFromEnv({ TS_PSEUDONYM_KEY: ` ${KEY_A} ` })).toBe(KEY_A);
    expect(pseudonymKeyFromEnv({})).toBeUndefined();
    expect(pseudonymKeyFromEnv({ TS_PSEUDONYM_KEY: "  " })).toBeUndefined();
  });
});
