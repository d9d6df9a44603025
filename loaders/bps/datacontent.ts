// Reads a model=data answer. `datacontent` is keyed by the plain concatenation
// vervar+var+turvar+tahun+turtahun, whose parts vary in length, so keys are built from the cross product
// of the dimension lists and never split; a key two combinations would share is reported, not used.
import { BpsApiError } from "./errors.js";

export interface Dim {
  /** Always a string: `turvar[].val` may arrive as "0" and other vals as numbers. */
  readonly val: string;
  readonly label: string;
}

export interface DataResponse {
  readonly vars: readonly (Dim & { unit: string | null; decimal: number | null })[];
  readonly vervar: readonly Dim[];
  readonly turvar: readonly Dim[];
  readonly tahun: readonly Dim[];
  readonly turtahun: readonly Dim[];
  readonly labelvervar: string | null;
  readonly lastUpdate: string | null;
  readonly datacontent: Readonly<Record<string, unknown>>;
  /** Related tables, whether the API sent an object keyed "1","2",… or an array. */
  readonly related: readonly unknown[];
}

export interface Cell {
  readonly vervar: Dim;
  readonly var: Dim;
  readonly turvar: Dim;
  readonly tahun: Dim;
  readonly turtahun: Dim;
  /** Null when absent or not a number (null, "", "-", text). */
  readonly value: number | null;
}

export interface Extraction {
  readonly cells: Cell[];
  /** Keys that two or more dimension combinations produce; their values are not used. */
  readonly collisions: { key: string; combinations: string[] }[];
  /** Keys in datacontent that no combination of the listed dimensions produces. */
  readonly unmatchedKeys: string[];
}

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

function dims(body: Record<string, unknown>, name: string): Dim[] {
  const list = body[name];
  if (!Array.isArray(list)) throw new BpsApiError("malformed", `jawaban data tanpa daftar ${name}`);
  return list.map((item, i) => {
    if (!item || typeof item !== "object" || !("val" in item)) throw new BpsApiError("malformed", `${name}[${i}] tanpa val`);
    const record = item as Record<string, unknown>;
    return { val: text(record.val).trim(), label: text(record.label).trim() };
  });
}

function numberOrNull(value: unknown): number | null {
  const n = typeof value === "number" ? value : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

export function normalizeRelated(related: unknown): unknown[] {
  if (Array.isArray(related)) return related;
  if (related && typeof related === "object") {
    return Object.entries(related as Record<string, unknown>)
      .sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b))
      .map(([, value]) => value);
  }
  return [];
}

export function readDataResponse(body: Record<string, unknown>): DataResponse {
  const content = body.datacontent;
  // PHP encodes an empty map as []; anything else that is not an object is malformed.
  const datacontent =
    Array.isArray(content) && content.length === 0
      ? {}
      : content && typeof content === "object" && !Array.isArray(content)
        ? (content as Record<string, unknown>)
        : undefined;
  if (!datacontent) throw new BpsApiError("malformed", "jawaban data tanpa datacontent");
  const rawVars = Array.isArray(body.var) ? (body.var as Record<string, unknown>[]) : [];
  return {
    vars: dims(body, "var").map((dim, i) => ({
      ...dim,
      unit: text(rawVars[i]?.unit).trim() || null,
      decimal: numberOrNull(rawVars[i]?.decimal)
    })),
    vervar: dims(body, "vervar"),
    turvar: dims(body, "turvar"),
    tahun: dims(body, "tahun"),
    turtahun: dims(body, "turtahun"),
    labelvervar: typeof body.labelvervar === "string" ? body.labelvervar : null,
    lastUpdate: typeof body.last_update === "string" ? body.last_update : null,
    datacontent,
    related: normalizeRelated(body.related)
  };
}

/** A number from a datacontent value; null, "", "-", text and non-finite values are missing. */
export function parseNumeric(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

export function datacontentKey(vervar: Dim, variable: Dim, turvar: Dim, tahun: Dim, turtahun: Dim): string {
  return `${vervar.val}${variable.val}${turvar.val}${tahun.val}${turtahun.val}`;
}

export function extractCells(response: DataResponse): Extraction {
  const byKey = new Map<string, Omit<Cell, "value">[]>();
  for (const vervar of response.vervar)
    for (const variable of response.vars)
      for (const turvar of response.turvar)
        for (const tahun of response.tahun)
          for (const turtahun of response.turtahun) {
            const key = datacontentKey(vervar, variable, turvar, tahun, turtahun);
            const combination = { vervar, var: { val: variable.val, label: variable.label }, turvar, tahun, turtahun };
            const list = byKey.get(key);
            if (list) list.push(combination);
            else byKey.set(key, [combination]);
          }
  const cells: Cell[] = [];
  const collisions: Extraction["collisions"] = [];
  for (const [key, combinations] of byKey) {
    if (combinations.length > 1) {
      collisions.push({
        key,
        combinations: combinations.map((c) => [c.vervar.val, c.var.val, c.turvar.val, c.tahun.val, c.turtahun.val].join("|"))
      });
      continue;
    }
    const value = parseNumeric(response.datacontent[key]);
    cells.push({ ...combinations[0]!, value });
  }
  const unmatchedKeys = Object.keys(response.datacontent).filter((key) => !byKey.has(key));
  return { cells, collisions, unmatchedKeys };
}
