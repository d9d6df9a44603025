import { describe, expect, it } from "vitest";
import { ident, join, list, sql } from "../../../src/components/core/sql.js";

describe("sql tagged template", () => {
  it("turns every interpolated value into a placeholder and a bound parameter", () => {
    const kode = "367302";
    const q = sql`SELECT * FROM regions WHERE parent_kode = ${kode} AND population > ${1000}`;
    expect(q.text).toBe("SELECT * FROM regions WHERE parent_kode = ? AND population > ?");
    expect(q.params).toEqual(["367302", 1000]);
  });

  it("keeps hostile strings out of the SQL text", () => {
    const hostile = "x'; DROP TABLE regions; --";
    const q = sql`SELECT 1 WHERE nama = ${hostile}`;
    expect(q.text).not.toContain("DROP");
    expect(q.params).toEqual([hostile]);
  });

  it("splices nested fragments with their parameters in order", () => {
    const where = sql`level = ${"kecamatan"} AND parent_kode IN (${list(["3673", "3604"])})`;
    const q = sql`SELECT count(*) FROM ${ident("regions")} WHERE ${where} LIMIT ${5}`;
    expect(q.text).toBe('SELECT count(*) FROM "regions" WHERE level = ? AND parent_kode IN (?, ?) LIMIT ?');
    expect(q.params).toEqual(["kecamatan", "3673", "3604", 5]);
  });

  it("joins conditions", () => {
    const q = join([sql`a = ${1}`, sql`b = ${"x"}`], " AND ");
    expect(q.text).toBe("a = ? AND b = ?");
    expect(q.params).toEqual([1, "x"]);
  });

  it("binds NULL for an empty list so IN () stays valid and matches nothing", () => {
    expect(list([]).text).toBe("NULL");
    expect(list([]).params).toEqual([]);
  });

  it("rejects values that cannot be bound", () => {
    expect(() => sql`SELECT ${Number.NaN}`).toThrow(/cannot be bound/);
    expect(() => sql`SELECT ${Infinity}`).toThrow(/cannot be bound/);
    expect(() => sql`SELECT ${{} as unknown as string}`).toThrow(/cannot be bound/);
  });

  it("accepts only plain identifiers", () => {
    expect(ident("registry_households_3673").text).toBe('"registry_households_3673"');
    for (const bad of ['regions"; DROP TABLE x; --', "1abc", "a b", "", "a.b"]) {
      expect(() => ident(bad)).toThrow(/invalid identifier/);
    }
  });
});
