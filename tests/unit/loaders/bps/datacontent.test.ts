// datacontent keys: built from the cross product of the dimension lists, never split; collisions reported.
import { describe, expect, it } from "vitest";
import { extractCells, normalizeRelated, parseNumeric, readDataResponse } from "../../../../loaders/bps/datacontent.js";
import { BpsApiError } from "../../../../loaders/bps/errors.js";

const base = {
  status: "OK",
  var: [{ val: 1804, label: "Contoh", unit: "Persen", decimal: 2 }],
  turvar: [{ val: 0, label: "Tidak ada" }],
  vervar: [{ val: 1, label: "Satu" }],
  tahun: [{ val: 117, label: "2017" }],
  turtahun: [{ val: 0, label: "Tahun" }]
};

describe("extractCells", () => {
  it("finds the documented example key 1|1804|0|117|0 = \"1180401170\"", () => {
    const { cells, collisions, unmatchedKeys } = extractCells(readDataResponse({ ...base, datacontent: { "1180401170": 440 } }));
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ vervar: { val: "1" }, var: { val: "1804" }, tahun: { val: "117" }, value: 440 });
    expect(collisions).toEqual([]);
    expect(unmatchedKeys).toEqual([]);
  });

  it("reports a key two combinations share instead of splitting it", () => {
    // vervar 1 + var 1 + turvar 11 and vervar 11 + var 1 + turvar 1 both give "1111" + "117" + "0" = "11111170".
    const body = {
      ...base,
      var: [{ val: 1, label: "Contoh" }],
      vervar: [{ val: 1, label: "Satu" }, { val: 11, label: "Sebelas" }],
      turvar: [{ val: 1, label: "A" }, { val: 11, label: "B" }],
      datacontent: { "11111170": 9.99, "1111170": 1.23 }
    };
    const { cells, collisions } = extractCells(readDataResponse(body));
    expect(collisions).toEqual([{ key: "11111170", combinations: ["1|1|11|117|0", "11|1|1|117|0"] }]);
    expect(cells.find((c) => c.vervar.val === "1" && c.turvar.val === "1")?.value).toBe(1.23);
    expect(cells.some((c) => c.value === 9.99)).toBe(false);
  });

  it("coerces string vals such as turvar \"0\" and lists keys no combination produces", () => {
    const body = { ...base, turvar: [{ val: "0", label: "Tidak ada" }], datacontent: { "1180401170": "5.5", "999": 1 } };
    const { cells, unmatchedKeys } = extractCells(readDataResponse(body));
    expect(cells[0]?.value).toBe(5.5);
    expect(unmatchedKeys).toEqual(["999"]);
  });

  it("accepts an empty datacontent encoded as [] and refuses a missing dimension", () => {
    expect(extractCells(readDataResponse({ ...base, datacontent: [] })).cells[0]?.value).toBeNull();
    const { turtahun: _omitted, ...withoutTurtahun } = base;
    expect(() => readDataResponse({ ...withoutTurtahun, datacontent: {} })).toThrow(BpsApiError);
  });
});

describe("parseNumeric", () => {
  it("keeps numbers and numeric strings, treats everything else as missing", () => {
    expect([12.5, "12.50", " 7 ", "-0.3", 0].map(parseNumeric)).toEqual([12.5, 12.5, 7, -0.3, 0]);
    expect([null, undefined, "", "-", "…", "n/a", "1,5", Number.NaN, Infinity, {}, true].map(parseNumeric)).toEqual(Array(11).fill(null));
  });
});

describe("normalizeRelated", () => {
  it("accepts an object keyed \"1\",\"2\",… or an array", () => {
    expect(normalizeRelated({ "2": "b", "1": "a", "10": "c" })).toEqual(["a", "b", "c"]);
    expect(normalizeRelated(["x"])).toEqual(["x"]);
    expect(normalizeRelated(undefined)).toEqual([]);
  });
});
