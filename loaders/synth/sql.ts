// SQL literal helpers for plan tables. Every value comes from the loader's own plan (never user input);
// numbers are written in JavaScript's shortest round-trip form so DuckDB reads back the same double.

export function str(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`nilai bukan angka hingga: ${value}`);
  return String(value);
}

export function nullableNum(value: number | null): string {
  return value === null ? "NULL" : num(value);
}

export function numList(values: readonly number[], type = "DOUBLE"): string {
  return `[${values.map(num).join(", ")}]::${type}[]`;
}

/** A VALUES list as a relation with named columns. */
export function valuesTable(rows: readonly (readonly string[])[], columns: readonly string[]): string {
  if (rows.length === 0) throw new Error("VALUES tanpa baris");
  return `(VALUES ${rows.map((r) => `(${r.join(", ")})`).join(",\n  ")}) AS t(${columns.join(", ")})`;
}

/** Validated integer seed (it is embedded in SQL text and in the hh_id pre-image). */
export function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 2_147_483_647) {
    throw new RangeError(`seed harus bilangan bulat 0–2147483647, diterima ${seed}`);
  }
  return seed;
}
