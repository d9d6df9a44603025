// The `sql` tagged template: builds a statement whose interpolated values become
// bound parameters (`?`), never SQL text. Shared by the browser data layer and the tests.

export type SqlValue = string | number | boolean | bigint | null;

const FRAGMENT = Symbol("sql.fragment");

/** A piece of SQL text with the parameter values it binds, in order. */
export interface SqlQuery {
  readonly [FRAGMENT]: true;
  readonly text: string;
  readonly params: readonly SqlValue[];
}

type Interpolation = SqlValue | SqlQuery;

function fragment(text: string, params: readonly SqlValue[]): SqlQuery {
  return Object.freeze({ [FRAGMENT]: true as const, text, params: Object.freeze([...params]) });
}

export function isSqlQuery(value: unknown): value is SqlQuery {
  return typeof value === "object" && value !== null && FRAGMENT in value;
}

function assertBindable(value: unknown, index: number): asserts value is SqlValue {
  const ok =
    value === null ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    typeof value === "bigint" ||
    (typeof value === "number" && Number.isFinite(value));
  if (!ok) {
    throw new TypeError(`sql: value #${index + 1} cannot be bound as a parameter (${String(value)})`);
  }
}

/**
 * Tagged template: sql`select * from t where kec = ${kode}` gives
 * { text: "select * from t where kec = ?", params: [kode] }.
 * Interpolating another sql fragment (or ident/list) splices its text and parameters.
 */
export function sql(strings: TemplateStringsArray, ...values: Interpolation[]): SqlQuery {
  let text = strings[0] ?? "";
  const params: SqlValue[] = [];
  values.forEach((value, i) => {
    if (isSqlQuery(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      assertBindable(value, i);
      text += "?";
      params.push(value);
    }
    text += strings[i + 1] ?? "";
  });
  return fragment(text, params);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A table or column name chosen by code (e.g. from a whitelist), quoted. Rejects anything else. */
export function ident(name: string): SqlQuery {
  if (!IDENTIFIER.test(name)) throw new TypeError(`sql: invalid identifier ${JSON.stringify(name)}`);
  return fragment(`"${name}"`, []);
}

/** A comma-separated list of bound values, for `IN (${list(codes)})`. An empty list binds NULL, which matches nothing. */
export function list(values: readonly SqlValue[]): SqlQuery {
  if (values.length === 0) return fragment("NULL", []);
  values.forEach(assertBindable);
  return fragment(values.map(() => "?").join(", "), values);
}

/** Joins fragments with a separator, e.g. several WHERE conditions with " AND ". */
export function join(parts: readonly SqlQuery[], separator: string): SqlQuery {
  return fragment(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params)
  );
}
