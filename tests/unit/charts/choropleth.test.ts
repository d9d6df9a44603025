import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GEO_DIR } from "../../../loaders/lib/paths.js";
import { choroplethSpec, type TopologyLike } from "../../../src/components/charts/choropleth.js";
import { COLORS } from "../../../src/components/charts/common.js";
import { attr, compileSpec, countItems, groupsNamed, renderSvg, schemaErrors, schemaValidator, svgTexts } from "./vega-harness.js";

beforeAll(() => void schemaValidator(), 120_000);

const banten = JSON.parse(readFileSync(path.join(GEO_DIR, "banten.topojson"), "utf8")) as TopologyLike;
const kotaSerang = JSON.parse(readFileSync(path.join(GEO_DIR, "kota-serang.topojson"), "utf8")) as TopologyLike;

// Six of the eight kab/kota get a value; Kota Serang (3673) and Tangsel (3674) are left without.
const SIX = [
  { kode: "3601", value: 9.0 },
  { kode: "3602", value: 8.4 },
  { kode: "3603", value: 6.4 },
  { kode: "3604", value: 4.5 },
  { kode: "3671", value: 4.1 },
  { kode: "3672", value: 3.3 }
];

describe("choroplethSpec", () => {
  const spec = choroplethSpec({ topology: banten, objectName: "kabkota", values: SIX, title: "Penduduk miskin", unit: "%" });
  const s = spec as any;

  it("is valid against the Vega-Lite schema and compiles without warnings", () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it("reads the topology inline and joins on properties.kode with string codes", () => {
    expect(s.data.format).toEqual({ type: "topojson", feature: "kabkota" });
    expect(s.data.values).toBe(banten);
    expect(s.transform).toHaveLength(1);
    const lookup = s.transform[0];
    expect(lookup.lookup).toBe("properties.kode");
    expect(lookup.from.key).toBe("kode");
    expect(lookup.from.fields).toEqual(["value", "label"]);
    const labels = ["9,00%", "8,40%", "6,40%", "4,50%", "4,10%", "3,30%"];
    expect(lookup.from.data.values).toEqual(SIX.map((v, i) => ({ ...v, label: labels[i] })));
    expect(lookup.from.data.values.every((v: { kode: unknown }) => typeof v.kode === "string")).toBe(true);
  });

  it("colours valued areas by value and gives missing areas a grey legend entry", () => {
    const [missing, valued] = s.layer;
    expect(missing.name).toBe("missing_areas");
    expect(missing.encoding.color.scale).toEqual({ domain: ["Tidak ada data"], range: [COLORS.missing] });
    expect(valued.transform).toEqual([{ filter: { field: "value", valid: true } }]);
    expect(valued.encoding.color).toMatchObject({ field: "value", type: "quantitative", title: "Penduduk miskin (%)" });
    expect(valued.encoding.tooltip.map((t: { field: string }) => t.field)).toEqual(["properties.nama", "label"]);
    expect(s.resolve).toEqual({ scale: { color: "independent" } });
  });

  it("renders every kab/kota in grey and the six valued ones in colour, darker for more poverty", async () => {
    const svg = await renderSvg(spec);
    const grey = groupsNamed(svg, "missing_areas")[0]!.items;
    expect(grey).toHaveLength(8);
    expect(grey.every((item) => attr(item.attrs, "fill") === COLORS.missing)).toBe(true);
    const coloured = groupsNamed(svg, "valued_areas")[0]!.items;
    expect(coloured).toHaveLength(6);
    const fills = coloured.map((item) => attr(item.attrs, "fill")!);
    expect(new Set(fills).size).toBe(6);
    expect(fills).not.toContain(COLORS.missing);
    expect(svgTexts(svg)).toContain("Tidak ada data");
    expect(svgTexts(svg)).toContain("Penduduk miskin (%)"); // legend title
  });

  it("joins each value to its own area and shades higher values darker", async () => {
    const svg = await renderSvg(spec);
    const nameOf = new Map(
      banten.objects["kabkota"]!.geometries!.map((g) => [String(g.properties!["kode"]), String(g.properties!["nama"])])
    );
    const drawn = groupsNamed(svg, "valued_areas")[0]!.items.map((item) => ({
      area: /Wilayah: ([^;"]+)/.exec(attr(item.attrs, "aria-label") ?? "")?.[1],
      tooltip: /Penduduk miskin: ([^;"]+)/.exec(attr(item.attrs, "aria-label") ?? "")?.[1],
      luminance: luminance(attr(item.attrs, "fill")!)
    }));
    const expected = [
      ["3601", "9,00%"],
      ["3602", "8,40%"],
      ["3603", "6,40%"],
      ["3604", "4,50%"],
      ["3671", "4,10%"],
      ["3672", "3,30%"]
    ] as const;
    for (const [kode, label] of expected) {
      expect(drawn.find((d) => d.area === nameOf.get(kode))?.tooltip).toBe(label);
    }
    // SIX is sorted by value, highest first: luminance must rise along it.
    const byValue = SIX.map((v) => drawn.find((d) => d.area === nameOf.get(v.kode))!.luminance);
    for (let i = 1; i < byValue.length; i++) expect(byValue[i]!).toBeGreaterThan(byValue[i - 1]!);
  });

  it("drops the missing-data legend entry when every area has a value", async () => {
    const all = choroplethSpec({
      topology: banten,
      objectName: "kabkota",
      values: [...SIX, { kode: "3673", value: 5.51 }, { kode: "3674", value: 2.1 }],
      title: "Penduduk miskin",
      unit: "%"
    });
    expect(schemaErrors(all)).toEqual([]);
    const svg = await renderSvg(all);
    expect(countItems(svg, "valued_areas")).toBe(8);
    expect(svgTexts(svg)).not.toContain("Tidak ada data");
  });

  it("draws a null value as missing", async () => {
    const svg = await renderSvg(
      choroplethSpec({ topology: banten, objectName: "kabkota", values: [{ kode: "3673", value: null }], title: "P0", unit: "%" })
    );
    expect(countItems(svg, "valued_areas")).toBe(0);
    expect(countItems(svg, "missing_areas")).toBe(8);
  });

  it("maps the six kecamatan of Kota Serang", async () => {
    const kec = choroplethSpec({
      topology: kotaSerang,
      objectName: "kecamatan",
      values: [
        { kode: "367306", value: 2000, label: "sekitar 2.000 KK" },
        { kode: "367302", value: 1600, label: "sekitar 1.600 KK" }
      ],
      title: "Keluarga miskin ekstrem (P3KE)",
      unit: "KK"
    });
    expect(schemaErrors(kec)).toEqual([]);
    const svg = await renderSvg(kec);
    expect(countItems(svg, "missing_areas")).toBe(6);
    expect(countItems(svg, "valued_areas")).toBe(2);
  });

  it("rejects numeric codes, codes absent from the map, duplicates and unknown objects", () => {
    const base = { topology: banten, objectName: "kabkota", title: "P0", unit: "%" };
    expect(() => choroplethSpec({ ...base, values: [{ kode: 3601 as unknown as string, value: 1 }] })).toThrow(/harus berupa teks/);
    expect(() => choroplethSpec({ ...base, values: [{ kode: "3673010", value: 1 }] })).toThrow(/tidak ada pada peta: 3673010/);
    expect(() => choroplethSpec({ ...base, values: [{ kode: "3601", value: 1 }, { kode: "3601", value: 2 }] })).toThrow(/lebih dari sekali/);
    expect(() => choroplethSpec({ ...base, objectName: "provinsi", values: [] })).toThrow(/tersedia: kecamatan, kabkota/);
  });
});

function luminance(fill: string): number {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(fill);
  if (!m) throw new Error(`unexpected fill ${fill}`);
  return 0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3]);
}
