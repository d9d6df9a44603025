import { describe, expect, it } from "vitest";
import { Database, DataError, withoutPlaceholders, type ArrowTableLike, type ConnectionLike } from "../../../src/components/core/database.js";
import { sql } from "../../../src/components/core/sql.js";

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

  it("reads an apostrophe in a line comment as comment text, not as the start of a string", () => {
    expect(withoutPlaceholders(`SELECT ? -- the cell's share?\nFROM t WHERE x = ?`)).toBe(`SELECT NULL -- the cell's share?\nFROM t WHERE x = NULL`);
  });
});

describe("Database reused statements", () => {
  it("prepares a reused statement once and binds new parameters on each call", async () => {
    const { connection, calls } = stubConnection([]);
    const db = new Database(connection, (b) => b);
    await db.query(sql`SELECT * FROM t WHERE a = ${1}`, { reuse: true });
    await db.query(sql`SELECT * FROM t WHERE a = ${2}`, { reuse: true });
    await db.query(sql`SELECT * FROM t WHERE a = ${3}`);
    expect(calls.prepared).toEqual(["SELECT * FROM t WHERE a = ?", "SELECT * FROM t WHERE a = ?"]);
    expect(calls.bound).toEqual([[1], [2], [3]]);
    expect(calls.lookups).toHaveLength(2);
  });

  it("skips the table lookup for a statement on tables made in this tab", async () => {
    const { connection, calls } = stubConnection(["regions"]);
    const db = new Database(connection, (b) => b, [{ name: "regions", load: async () => new Uint8Array([1]) }]);
    await db.query(sql`DELETE FROM scn_pool`, { local: true });
    await db.query(sql`SELECT ${1} FROM scn_ord`, { reuse: true, local: true });
    expect(calls.lookups).toEqual([]);
    expect(calls.inserted).toEqual([]);
    await db.query(sql`SELECT * FROM regions`);
    expect(calls.inserted).toEqual(["regions"]);
  });

  it("keeps at most 16 reused statements, closing the least recently used", async () => {
    const { connection } = stubConnection([]);
    const closed: string[] = [];
    const prepare = connection.prepare.bind(connection);
    connection.prepare = async (text) => ({ ...(await prepare(text)), close: async () => void closed.push(text) });
    const db = new Database(connection, (b) => b);
    const text = (i: number) => sql([`SELECT ${i}`] as unknown as TemplateStringsArray);
    for (let i = 0; i < 16; i++) await db.query(text(i), { reuse: true });
    await db.query(text(0), { reuse: true }); // used again: now the most recent
    await db.query(text(16), { reuse: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(closed).toEqual(["SELECT 1"]);
  });

  it("forgets a statement that failed to prepare, so a later call tries again", async () => {
    const { connection, calls } = stubConnection([]);
    let fail = true;
    const prepare = connection.prepare.bind(connection);
    connection.prepare = async (text) => {
      if (fail) {
        fail = false;
        throw new Error("Binder Error");
      }
      return prepare(text);
    };
    const db = new Database(connection, (b) => b);
    await expect(db.query(sql`SELECT ${1}`, { reuse: true })).rejects.toBeInstanceOf(DataError);
    await db.query(sql`SELECT ${1}`, { reuse: true });
    expect(calls.bound).toEqual([[1]]);
  });
});
