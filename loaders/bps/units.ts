// Exact unit conversions for published figures: "690.668" ribu jiwa is 690,668 persons, not 690,667.9999.

/**
 * `text` × 10^power, rounded half away from zero to a whole number, computed on the decimal digits
 * so binary floating point never shifts a published figure.
 */
export function scaleDecimal(text: string, power: number): number {
  const match = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) throw new Error(`not a decimal number: "${text}"`);
  const [, sign, whole = "", fraction = ""] = match;
  const kept = fraction.slice(0, power).padEnd(power, "0");
  const dropped = fraction.slice(power);
  let magnitude = BigInt(`${whole || "0"}${kept}`);
  if (dropped !== "" && Number(dropped[0]) >= 5) magnitude += 1n;
  const value = Number(magnitude);
  if (!Number.isSafeInteger(value)) throw new Error(`out of range: "${text}"`);
  return sign === "-" && value !== 0 ? -value : value;
}

/**
 * Persons per unit for a count, read from the unit text BPS gives ("Ribu Jiwa", "Jiwa", "Juta Orang")
 * or from a title's parenthesis. Undefined when the text names no count unit: the caller must not guess.
 */
export function personsPerUnit(unitText: string): number | undefined {
  const text = unitText.toLowerCase();
  if (!/\b(jiwa|orang)\b/.test(text)) return undefined; // "penduduk" appears in every title, so it says nothing about the unit
  if (/\bjuta\b/.test(text)) return 1_000_000;
  if (/\bribu\b/.test(text)) return 1_000;
  return 1;
}
