import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsvObjects } from "../../../loaders/lib/csv.js";
import { REFERENCE_DIR } from "../../../loaders/lib/paths.js";
import { COLORS } from "../../../src/components/charts/common.js";
import { smallMultiplesSpec, timeSeriesSpec, type TrendDatum } from "../../../src/components/charts/time-series.js";
import { attr, compileSpec, countItems, groupsNamed, renderSvg, schemaErrors, schemaValidator, svgTexts } from "./vega-harness.js";

beforeAll(() => void schemaValidator(), 120_000);

// Kota Serang, March P0 (%), as in data/reference/published/bps_poverty_kabkota.csv (2016 and 2018 have no P0).
const KOTA_SERANG = [
  { year: 2015, p0: 6.28, source: "bantenprov" },
  { year: 2017, p0: 5.57, source: "rilisnusantara" },
  { year: 2018, p0: null, source: "123dok" },
  { year: 2019, p0: 5.28, source: "databoks" },
  { year: 2020, p0: 6.06, source: "beritakabinet" },
  { year: 2021, p0: 6.79, source: "tribunnews" },
  { year: 2022, p0: 5.94, source: "tribunnews" },
  { year: 2023, p0: 6.2, source: "tribunnews" },
  { year: 2024, p0: 5.65, source: "databoks" },
  { year: 2025, p0: 5.51, source: "bps.go.id" }
];

type AnyLayer = { name?: string; mark: { type: string }; encoding: Record<string, any> };

function layers(spec: object): AnyLayer[] {
  const s = spec as { layer?: AnyLayer[]; spec?: { layer: AnyLayer[] } };
  return s.layer ?? s.spec!.layer;
}
function layer(spec: object, name: string): AnyLayer {
  const found = layers(spec).find((l) => l.name === name);
  if (!found) throw new Error(`no layer ${name}`);
  return found;
}
function values(spec: object): TrendDatum[] {
  return (spec as { data: { values: TrendDatum[] } }).data.values;
}

describe("timeSeriesSpec", () => {
  const spec = timeSeriesSpec({ rows: KOTA_SERANG, field: "p0", title: "Penduduk miskin", unit: "%" });

  it("is valid against the Vega-Lite schema and compiles without warnings", () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it("carries the published years as data (gaps dropped), with Indonesian labels and sources", () => {
    const data = values(spec);
    expect(data.map((d) => d.year)).toEqual([2015, 2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(data.map((d) => d.value)).toEqual([6.28, 5.57, 5.28, 6.06, 6.79, 5.94, 6.2, 5.65, 5.51]);
    expect(data[0]).toMatchObject({ value_label: "6,28%", source: "bantenprov", series: "Angka BPS" });
    expect(layers(spec).map((l) => l.name)).toEqual(["observed_line", "observed_points"]);
  });

  it("encodes year on x and the value on y, with the year, value and source in the tooltip", () => {
    const points = layer(spec, "observed_points");
    expect(points.mark.type).toBe("point");
    expect(points.encoding["x"]).toMatchObject({ field: "year", type: "quantitative", axis: { format: "d" } });
    expect(points.encoding["y"]).toMatchObject({ field: "value", type: "quantitative", title: "Penduduk miskin (%)" });
    expect(points.encoding["tooltip"].map((t: { field: string; title: string }) => [t.field, t.title])).toEqual([
      ["year", "Tahun"],
      ["value_label", "Penduduk miskin"],
      ["source", "Sumber"]
    ]);
    expect((spec as { config: { locale: { number: { decimal: string } } } }).config.locale.number.decimal).toBe(",");
  });

  it("renders to SVG with one point per published year, the line broken at missing years", async () => {
    const svg = await renderSvg(spec);
    expect(countItems(svg, "observed_points")).toBe(9);
    // 2015 | 2017 | 2019–2025: the missing 2016 and 2018 break the line instead of being bridged.
    expect(countItems(svg, "observed_line")).toBe(3);
    const texts = svgTexts(svg);
    expect(texts).toContain("Tahun");
    expect(texts).toContain("2025"); // years without a thousands dot
    expect(texts).not.toContain("2.025");
    const observedFill = attr(groupsNamed(svg, "observed_points")[0]!.items[0]!.attrs, "fill");
    expect(observedFill).toBe(COLORS.observed);
  });

  it("formats axis numbers the Indonesian way", async () => {
    const small = timeSeriesSpec({
      rows: [
        { year: 2022, v: 1.18 },
        { year: 2023, v: 0.43 }
      ],
      field: "v",
      title: "Kemiskinan ekstrem",
      unit: "%"
    });
    const texts = svgTexts(await renderSvg(small));
    expect(texts).toContain("0,2");
    expect(texts.some((t) => /^\d\.\d$/.test(t))).toBe(false);
  });

  it("rejects two rows for the same year", () => {
    const rows = [
      { year: 2024, p0: 5.84 },
      { year: 2024, p0: 5.7 }
    ];
    expect(() => timeSeriesSpec({ rows, field: "p0", title: "P0", unit: "%" })).toThrow(/Tahun 2024 muncul lebih dari sekali/);
  });

  it("is plain JSON (no functions), so it can be saved and embedded anywhere", () => {
    // A fresh spec: rendering tags inline data objects with a Vega id symbol.
    const fresh = timeSeriesSpec({ rows: KOTA_SERANG, field: "p0", title: "Penduduk miskin", unit: "%" });
    expect(JSON.parse(JSON.stringify(fresh))).toEqual(fresh);
  });
});

describe("smallMultiplesSpec with the 8 kab/kota of Banten", () => {
  const csv = readFileSync(path.join(REFERENCE_DIR, "published/bps_poverty_kabkota.csv"), "utf8");
  const kabkota = parseCsvObjects(csv)
    .map(({ row }) => row)
    .filter((r) => /^36\d\d$/.test(r["region_kode"]!) && r["month"] === "3")
    .map((r) => ({
      region_kode: r["region_kode"]!,
      region_nama: r["region_nama"]!,
      year: Number(r["year"]),
      p0: r["p0_pct"] === "" ? null : Number(r["p0_pct"]),
      source: r["source"]!
    }));
  const names = [...new Set(kabkota.map((r) => r.region_nama))];
  const spec = smallMultiplesSpec({
    rows: kabkota,
    field: "p0",
    title: "Penduduk miskin",
    unit: "%",
    columns: 4
  });

  it("has 8 regions in the reference data", () => {
    expect(names).toHaveLength(8);
  });

  it("is valid and compiles without warnings", () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it("facets by region in the order given, with the same layers as the single chart", () => {
    const s = spec as { facet: { field: string; sort: string[] }; columns: number };
    expect(s.facet.field).toBe("region");
    expect(s.facet.sort).toEqual(names);
    expect(s.columns).toBe(4);
    expect(layers(spec).map((l) => l.name)).toEqual(["observed_line", "observed_points"]);
  });

  it("renders one panel per kab/kota and one point per published P0", async () => {
    const svg = await renderSvg(spec);
    const published = kabkota.filter((r) => r.p0 !== null).length;
    expect(countItems(svg, "observed_points")).toBe(published);
    // One line per run of consecutive published years in each panel (a missing year breaks it).
    let runs = 0;
    for (const name of names) {
      const years = kabkota.filter((r) => r.region_nama === name && r.p0 !== null).map((r) => r.year).sort((a, b) => a - b);
      runs += years.filter((y, i) => i === 0 || y - years[i - 1]! > 1).length;
    }
    expect(runs).toBeGreaterThan(8);
    expect(countItems(svg, "observed_line")).toBe(runs);
    const texts = svgTexts(svg);
    for (const name of names) expect(texts).toContain(name);
  });

});
