// A hash table from 16-digit numbers (NIK, NO_KK) to small integers, stored in typed arrays.
// A JS Map of a million string or large-number keys costs about a microsecond per lookup and
// keeps a million objects for the garbage collector; this costs a few tens of nanoseconds and
// three flat arrays. The number is split into two exact 8-digit halves.

const EMPTY = -1;

/** The two 8-digit halves of a validated 16-digit string, read without allocating. */
export function splitDigits(digits: string): [high: number, low: number] {
  let high = 0;
  let low = 0;
  for (let i = 0; i < 8; i++) high = high * 10 + (digits.charCodeAt(i) - 48);
  for (let i = 8; i < 16; i++) low = low * 10 + (digits.charCodeAt(i) - 48);
  return [high, low];
}

/** Digits 1–8 of a validated 16-digit string as a number (no allocation, for hot loops). */
export function highHalf(digits: string): number {
  let value = 0;
  for (let i = 0; i < 8; i++) value = value * 10 + (digits.charCodeAt(i) - 48);
  return value;
}

/** Digits 9–16 of a validated 16-digit string as a number. */
export function lowHalf(digits: string): number {
  let value = 0;
  for (let i = 8; i < 16; i++) value = value * 10 + (digits.charCodeAt(i) - 48);
  return value;
}

export function joinDigits(high: number, low: number): string {
  return `${String(high).padStart(8, "0")}${String(low).padStart(8, "0")}`;
}

export class IdentityTable {
  private highs: Int32Array;
  private lows: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity <<= 1;
    this.highs = new Int32Array(capacity);
    this.lows = new Int32Array(capacity);
    this.values = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  private slot(high: number, low: number): number {
    // Multiplicative mixing of both halves; Math.imul keeps it in 32-bit integer arithmetic.
    let h = Math.imul(high, 0x9e3779b1) ^ Math.imul(low, 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** The value stored for the number, or -1. */
  get(high: number, low: number): number {
    for (let i = this.slot(high, low); ; i = (i + 1) & this.mask) {
      const value = this.values[i]!;
      if (value === EMPTY) return EMPTY;
      if (this.highs[i] === high && this.lows[i] === low) return value;
    }
  }

  /** Stores a non-negative value for the number (replacing any earlier one). */
  set(high: number, low: number, value: number): void {
    if (value < 0) throw new Error("IdentityTable values must be non-negative");
    if ((this.count + 1) * 2 > this.values.length) this.grow();
    for (let i = this.slot(high, low); ; i = (i + 1) & this.mask) {
      const current = this.values[i]!;
      if (current === EMPTY) {
        this.highs[i] = high;
        this.lows[i] = low;
        this.values[i] = value;
        this.count++;
        return;
      }
      if (this.highs[i] === high && this.lows[i] === low) {
        this.values[i] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { highs, lows, values } = this;
    const capacity = values.length * 2;
    this.highs = new Int32Array(capacity);
    this.lows = new Int32Array(capacity);
    this.values = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    this.count = 0;
    for (let i = 0; i < values.length; i++) if (values[i] !== EMPTY) this.set(highs[i]!, lows[i]!, values[i]!);
  }
}
