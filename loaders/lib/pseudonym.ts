// Keyed pseudonyms for NIK and NO_KK (UU 27/2022): HMAC-SHA-256 with a secret key, hex, truncated.
// Without the key a pseudonym cannot be linked back to a number, and the same number always gives
// the same pseudonym under one key, so registry and receipts still join.
import { createHmac } from "node:crypto";

/** Environment variable holding the key as hexadecimal (at least PSEUDONYM_KEY_MIN_HEX characters). */
export const PSEUDONYM_KEY_ENV = "TS_PSEUDONYM_KEY";

/** 128 bits: shorter keys could be brute-forced over the small NIK space. */
export const PSEUDONYM_KEY_MIN_HEX = 32;

/**
 * Pseudonyms keep the first 24 hex characters (96 bits) of the HMAC. For the 95 million families of
 * the national registry the chance that any two collide is about n²/2⁹⁷ ≈ 6·10⁻¹⁴.
 */
export const PSEUDONYM_HEX_LENGTH = 24;

/**
 * Public key for the SYNTHETIC default registry only. It is printed here on purpose: synthetic
 * numbers are not personal data. Real BNBA files are refused with this key.
 */
export const DEMO_PSEUDONYM_KEY = "54657061745361736172616e2d64656d6f2d73696e74657469732d6b756e6369";

export const MISSING_KEY_MESSAGE =
  `Kunci pseudonim belum diatur: setel variabel lingkungan ${PSEUDONYM_KEY_ENV} dengan minimal ${PSEUDONYM_KEY_MIN_HEX} karakter heksadesimal acak (misalnya hasil perintah \`openssl rand -hex 32\`) sebelum memuat berkas BNBA asli.`;

export const DEMO_KEY_REFUSED_MESSAGE =
  `Kunci demo tidak boleh dipakai untuk berkas BNBA asli: setel ${PSEUDONYM_KEY_ENV} dengan kunci rahasia Anda sendiri (misalnya hasil perintah \`openssl rand -hex 32\`).`;

export class PseudonymKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PseudonymKeyError";
  }
}

const HEX = /^[0-9a-fA-F]+$/;

/** Decodes and checks a hex key; throws PseudonymKeyError with an Indonesian sentence if unusable. */
export function parsePseudonymKey(hex: string): Buffer {
  const trimmed = hex.trim();
  if (trimmed.length < PSEUDONYM_KEY_MIN_HEX || trimmed.length % 2 !== 0 || !HEX.test(trimmed)) {
    throw new PseudonymKeyError(
      `Kunci pseudonim pada ${PSEUDONYM_KEY_ENV} tidak sah: harus berupa bilangan heksadesimal dengan jumlah karakter genap, minimal ${PSEUDONYM_KEY_MIN_HEX} karakter.`
    );
  }
  return Buffer.from(trimmed, "hex");
}

/** The key from the environment, or undefined when it is not set. */
export function pseudonymKeyFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[PSEUDONYM_KEY_ENV]?.trim();
  return value ? value : undefined;
}

/** A pseudonymiser bound to one key (decodes the key once; use it in loops). */
export function makePseudonymiser(key: string): (value: string) => string {
  const secret = parsePseudonymKey(key);
  return (value) => createHmac("sha256", secret).update(value, "utf8").digest("hex").slice(0, PSEUDONYM_HEX_LENGTH);
}

/** HMAC-SHA-256 of `value` (e.g. a 16-digit NO_KK) under the hex `key`, truncated to PSEUDONYM_HEX_LENGTH hex characters. */
export function pseudonymise(value: string, key: string): string {
  return makePseudonymiser(key)(value);
}
