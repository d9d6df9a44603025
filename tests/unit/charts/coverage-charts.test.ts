import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GEO_DIR } from "../../../loaders/lib/paths.js";
import type { TopologyLike } from "../../../src/components/charts/choropleth.js";
import { SERIES_ALLOCATED, SERIES_RECEIVED, allocationChartData, allocationChartSpec } from "../../../src/components/charts/allocation.js";
import { filterTopology, labelledChoroplethSpec } from "../../../src/components/charts/coverage-map.js";
import { compileSpec, countItems, renderSvg, schemaErrors, schemaValidator, svgTexts } from "./vega-harness.js";

beforeAll(() => void schemaValidator(), 120_000);

const kotaSerang = JSON.parse(readFileSync(path.join(GEO_DIR, "kota-serang.topojson"), "utf8")) as TopologyLike;

describe("labelledChoroplethSpec", () => {
  const values = [
    { kode: "367302", value: 47.6, label: "47,6%" },
    { kode: "367306", value: 40.1 }
  ];
  const spec = labelledChoroplethSpec({ topology: kotaSerang, objectName: "kecamatan", values, title: "Belum tersentuh", unit: "%" });

  it("is schema-valid and compiles without warnings", () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it("draws six kecamatan and writes each name on the map", async () => {
    const svg = await renderSvg(spec);
    expect(countItems(svg, "area_names")).toBe(6);
    const texts = svgTexts(svg);
    for (const name of ["Serang", "Kasemen", "Walantaka", "Curug", "Cipocok Jaya", "Taktakan"]) expect(texts).toContain(name);
  });

  it("narrows the kelurahan layer to one kecamatan", async () => {
    const kasemen = filterTopology(kotaSerang, "kelurahan", "kec_kode", "367302");
    expect(kasemen.objects["kelurahan"]!.geometries).toHaveLength(10);
    expect(kotaSerang.objects["kelurahan"]!.geometries).toHaveLength(67);
    const s = labelledChoroplethSpec({ topology: kasemen, objectName: "kelurahan", values: [{ kode: "3673021001", value: 3 }], title: "x", unit: "KK" });
    expect(compileSpec(s).warnings).toEqual([]);
    expect(countItems(await renderSvg(s), "area_names")).toBe(10);
    expect(() => labelledChoroplethSpec({ topology: kasemen, objectName: "kelurahan", values: [{ kode: "3673011001", value: 3 }], title: "x", unit: "KK" })).toThrow(
      /tidak ada pada peta/
    );
  });
});

describe("allocationChartSpec", () => {
  const rows = [
    { nama: "Kasemen", allocated: 0.81, received: 0.7 },
    { nama: "Serang", allocated: null, received: 1.3 },
    { nama: "K Dua", allocated: null, received: null }
  ];
  const spec = allocationChartSpec({ rows, title: "Paket per KK sasaran", unit: "paket/KK" });

  it("is schema-valid and compiles without warnings", () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it("orders areas from least served, says when an allocation is not published", () => {
    const { order, data } = allocationChartData(rows, "paket/KK");
    expect(order).toEqual(["Kasemen", "Serang", "K Dua"]);
    expect(data.filter((d) => d.value === null).map((d) => [d.nama, d.series, d.label])).toEqual([
      ["Serang", SERIES_ALLOCATED, "alokasi tidak disebut sumber"],
      ["K Dua", SERIES_ALLOCATED, "alokasi tidak disebut sumber"],
      ["K Dua", SERIES_RECEIVED, "tidak ada KK sasaran"]
    ]);
  });

  it("renders three bars, three missing-value labels and the reference line", async () => {
    const svg = await renderSvg(spec);
    expect(countItems(svg, "bars")).toBe(3);
    expect(countItems(svg, "missing_labels")).toBe(3);
    expect(countItems(svg, "reference_rule")).toBe(1);
    expect(svgTexts(svg)).toContain("alokasi tidak disebut sumber");
  });

  it("rejects duplicate area names", () => {
    expect(() => allocationChartSpec({ rows: [rows[0]!, rows[0]!], title: "x", unit: "y" })).toThrow(/lebih dari sekali/);
  });
});
