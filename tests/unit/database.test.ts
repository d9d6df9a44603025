import { describe, expect, it } from "vitest";
import { Database, DataError, withoutPlaceholders, type ArrowTableLike, type ConnectionLike } from "../../src/components/database.js";
import { sql } from "../../src/components/sql.js";

// A stub connection records calls; the engine itself is tested in tests/sql.
function stubConnection(tablesInQuery: string[]) {
  const calls = { inserted: [] as string[], prepared: [] as string[], bound: [] as unknown[][], lookups: [] as string[] };
  const empty: ArrowTableLike = { numRows: 0, schema: { fields: [] }, getChild: () => null };
  const connection: ConnectionLike = {
    query: async () => empty,
    getTableNames: async (text) => {
      calls.lookups.push(text);
      return tablesInQuery;
    },
    prepare: async (text) => {
      calls.prepared.push(text);
      return { query: async (...params) => (calls.bound.push(params), empty), close: async () => {} };
    },
    insertArrowFromIPCStream: async (_buffer, options) => {
      calls.inserted.push(options.name);
    }
  };
  return { connection, calls };
}

describe("Database", () => {
  it("loads a table once, on the first query that names it, even under concurrent queries", async () => {
    const { connection, calls } = stubConnection(["regions"]);
    let fetches = 0;
    const db = new Database(connection, (b) => b, [
      { name: "regions", load: async () => (fetches++, new Uint8Array([1])) },
      { name: "catalog", load: async () => (fetches++, new Uint8Array([2])) }
    ]);
    await Promise.all([db.query(sql`SELECT * FROM regions`), db.query(sql`SELECT 1 FROM regions`)]);
    await db.query(sql`SELECT 2 FROM regions`);
    expect(fetches).toBe(1);
    expect(calls.inserted).toEqual(["regions"]);
  });

  it("binds parameters through a prepared statement", async () => {
    const { connection, calls } = stubConnection([]);
    const db = new Database(connection, (b) => b);
    await db.query(sql`SELECT * FROM t WHERE a = ${"x'; DROP TABLE t; --"} LIMIT ${3}`);
    expect(calls.prepared).toEqual(["SELECT * FROM t WHERE a = ? LIMIT ?"]);
    expect(calls.bound).toEqual([["x'; DROP TABLE t; --", 3]]);
    expect(calls.lookups).toEqual(["SELECT * FROM t WHERE a = NULL LIMIT NULL"]);
  });

  it("reports a failed download in Indonesian and allows a retry", async () => {
    const { connection } = stubConnection(["regions"]);
    let attempt = 0;
    const db = new Database(connection, (b) => b, [
      {
        name: "regions",
        load: async () => {
          if (attempt++ === 0) throw new Error("HTTP 503");
          return new Uint8Array([1]);
        }
      }
    ]);
    const error = await db.query(sql`SELECT * FROM regions`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).userMessage).toBe('Tabel "regions" tidak dapat diunduh.');
    expect((error as DataError).detail).toBe("HTTP 503");
    await expect(db.query(sql`SELECT * FROM regions`)).resolves.toBeDefined();
  });
});

describe("withoutPlaceholders", () => {
  it("replaces placeholders outside quotes only", () => {
    expect(withoutPlaceholders(`SELECT '?' AS q, "a?" FROM t WHERE x = ? LIMIT ?`)).toBe(
      `SELECT '?' AS q, "a?" FROM t WHERE x = NULL LIMIT NULL`
    );
  });
});
