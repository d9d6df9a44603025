// Numbers typed the Indonesian way are read as meant, and what could be read two ways is refused:
// examples from the issue, then properties over generated strings (seeded, reproducible).
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../../src/components/core/format.js";
import { readIndonesianNumber, readNumberField, typedText, type NumberFieldSpec } from "../../../src/components/core/number-read.js";
import { rng } from "../../support/scenario-random.js";

const BUDGET: NumberFieldSpec = { label: "Anggaran Kasemen", unit: "rupiah", bareScale: 1e6, min: 0, max: 1e13 };
const LEAKAGE: NumberFieldSpec = { label: "Kebocoran", unit: "percent", min: 0, max: 100 };
const value = (text: string) => {
  const r = readIndonesianNumber(text);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.value;
};

describe("reading Indonesian numbers", () => {
  it.each([
    ["4.200", 4200],
    ["4.200,5", 4200.5],
    ["4200,5", 4200.5],
    ["4,5", 4.5],
    [",5", 0.5],
    ["1.234.567", 1234567],
    ["4 200", 4200],
    ["Rp4,2 miliar", 4.2e9],
    ["Rp 4.200.000", 4.2e6],
    ["4,2 M", 4.2e9],
    ["4,2M", 4.2e9],
    ["2 jt", 2e6],
    ["1,5 triliun", 1.5e12],
    ["750 rb", 750000],
    ["−500", -500],
    ["-Rp1.000", -1000],
    ["12,5%", 12.5]
  ])("%s is %d", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each(["4.5", "4.20", "1234.5", "1,234.5", "1,234,567", "4,2 km", "1e5", "abc", "Rp", "--5", "4,2%M", "0x10", "4..200"])("refuses %s with a sentence", (text) => {
    const r = readIndonesianNumber(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^[“A-Z].+\.$/);
  });

  it("suggests the comma when a point was meant as the decimal", () => {
    const r = readIndonesianNumber("4.5");
    expect(r.ok === false && r.message).toContain("4,5");
  });
});

describe("a field's reading", () => {
  it("reads a budget typed in juta and says what it understood (the issue's Kasemen case)", () => {
    expect(readNumberField("4.200", BUDGET)).toEqual({ status: "ok", value: 4.2e9, echo: "= Rp4,2 miliar" });
    expect(readNumberField("Rp4,2 miliar", BUDGET)).toEqual({ status: "ok", value: 4.2e9, echo: "= Rp4,2 miliar" });
    expect(readNumberField("4,2 M", BUDGET)).toMatchObject({ status: "ok", value: 4.2e9 });
    expect(readNumberField("4200,5", BUDGET)).toMatchObject({ status: "ok", value: 4.2005e9 });
    expect(readNumberField("", BUDGET)).toEqual({ status: "empty" });
  });

  it("refuses impossible values with the bound in words", () => {
    expect(readNumberField("-500", BUDGET)).toEqual({ status: "refused", message: "Anggaran Kasemen tidak boleh negatif (tertulis −Rp500 juta)." });
    expect(readNumberField("999999999999999", BUDGET)).toMatchObject({ status: "refused", message: expect.stringContaining("paling besar Rp10 triliun") });
    expect(readNumberField("150", LEAKAGE)).toEqual({ status: "refused", message: "Kebocoran paling besar 100% (tertulis 150%)." });
    expect(readNumberField("150%", LEAKAGE)).toMatchObject({ status: "refused" });
    expect(readNumberField("Rp5", LEAKAGE)).toMatchObject({ status: "refused", message: expect.stringContaining("bukan nilai rupiah") });
    expect(readNumberField("5 juta", LEAKAGE)).toMatchObject({ status: "refused" });
    expect(readNumberField("2,5", { label: "Jumlah rumah", unit: "count", countWord: "unit", min: 0, max: 1e6, integer: true })).toMatchObject({ status: "refused", message: "Jumlah rumah harus bilangan bulat." });
  });

  it("writes a value back as the user would type it in the field's scale", () => {
    expect(typedText(4.2e9, BUDGET)).toBe("4.200");
    expect(typedText(4.2005e9, BUDGET)).toBe("4.200,5");
    expect(readNumberField(typedText(123456789, BUDGET), BUDGET)).toMatchObject({ value: 123456789 });
  });
});

describe("properties over generated strings", () => {
  const random = rng(20261208);
  const int = (max: number) => Math.floor(random() * max);

  it("reads back every number the workspace itself writes (formatNumber), at 0–4 decimals", () => {
    for (let i = 0; i < 3000; i++) {
      const digits = int(5);
      const n = Number(((random() - 0.3) * 10 ** int(13)).toFixed(digits));
      expect(value(formatNumber(n, digits)), formatNumber(n, digits)).toBeCloseTo(n, digits);
    }
  });

  it("reads a scale word as its multiple, with or without a space", () => {
    const words: [string, number][] = [["ribu", 1e3], ["rb", 1e3], ["juta", 1e6], ["jt", 1e6], ["miliar", 1e9], ["M", 1e9], ["triliun", 1e12], ["T", 1e12]];
    for (let i = 0; i < 500; i++) {
      const [word, factor] = words[int(words.length)]!;
      const n = Number((random() * 1000).toFixed(int(3)));
      const text = `${formatNumber(n, 2)}${random() < 0.5 ? " " : ""}${word}`;
      expect(value(text), text).toBeCloseTo(n * factor, 0);
    }
  });

  it("never throws, and either reads a finite number or says why in a sentence, on arbitrary text", () => {
    const alphabet = "0123456789.,  -−%RpMjtTrbmiliaruxe";
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: 1 + int(12) }, () => alphabet[int(alphabet.length)]).join("");
      const r = readIndonesianNumber(text);
      if (r.ok) expect(Number.isFinite(r.value), text).toBe(true);
      else expect(r.message.length, text).toBeGreaterThan(10);
    }
  });

  it("refuses every en-US decimal point that is not a thousands group (never reads 4.5 as 45 or 4,5)", () => {
    for (let i = 0; i < 1000; i++) {
      const whole = int(1000);
      const decimals = 1 + int(2); // one or two digits after the point: never a group of three
      const text = `${whole}.${String(int(10 ** decimals)).padStart(decimals, "0")}`;
      expect(readIndonesianNumber(text).ok, text).toBe(false);
    }
  });

  it("keeps every accepted field value inside the field's bounds", () => {
    for (let i = 0; i < 2000; i++) {
      const text = `${random() < 0.2 ? "-" : ""}${formatNumber(random() * 10 ** int(16), int(3))}${["", " juta", " M", "%"][int(4)]}`;
      for (const spec of [BUDGET, LEAKAGE]) {
        const r = readNumberField(text, spec);
        if (r.status === "ok") {
          expect(r.value, text).toBeGreaterThanOrEqual(spec.min);
          expect(r.value, text).toBeLessThanOrEqual(spec.max);
        }
      }
    }
  });
});
