// The per-kab/kota desa/kelurahan maps (src/data/batas-desa-[kab].json.ts): every kab/kota gets a map
// whose desa are exactly those of the regions table, with their kecamatan and names, valid rings in
// the source's winding, only the arcs it uses, a label point inside its own extent, and a small file;
// Framework publishes one for every kab/kota the registry holds.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DESA_MAP_OBJECT, desaMap, type DesaGeometry, type DesaTopology } from "../../../../loaders/reference/desa-boundaries.js";
import { readBantenDesa } from "../../../../loaders/reference/desa-map-file.js";
import { referenceRegions } from "../../../../loaders/reference/wilayah.js";
import { kabkotaOf } from "../../../../src/components/domain/wilayah.js";
import { makeTempDir } from "../../../support/tmp.js";

type Position = [number, number];

let source: DesaTopology;
const maps = new Map<string, { topology: DesaTopology; bytes: number }>();
const regions = referenceRegions();
const kabs = kabkotaOf(regions).map((w) => w.kode);
const kecamatanOf = new Map(regions.filter((r) => r.level === "kecamatan").map((r) => [r.kode, r.parent_kode!]));
const villagesOf = (kab: string) => regions.filter((r) => r.level === "kelurahan" && kecamatanOf.get(r.parent_kode!) === kab);

beforeAll(async () => {
  source = await readBantenDesa();
  for (const kab of kabs) {
    const topology = desaMap(source, kab);
    maps.set(kab, { topology, bytes: Buffer.byteLength(JSON.stringify(topology)) });
  }
});

/** Independent decoder: absolute [lng, lat] of an arc of a quantised topology. */
function decode(topology: DesaTopology, index: number): Position[] {
  const t = topology.transform!;
  let x = 0;
  let y = 0;
  return topology.arcs[index]!.map((p) => {
    x += p[0]!;
    y += p[1]!;
    return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
  });
}

function ring(topology: DesaTopology, arcs: readonly number[]): Position[] {
  const out: Position[] = [];
  for (const i of arcs) {
    const points = i < 0 ? decode(topology, ~i).reverse() : decode(topology, i);
    out.push(...(out.length === 0 ? points : points.slice(1)));
  }
  return out;
}

function area(points: readonly Position[]): number {
  let a = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) a += points[j]![0] * points[i]![1] - points[i]![0] * points[j]![1];
  return a / 2;
}

const polygons = (g: DesaGeometry): number[][][] => (g.type === "Polygon" ? [g.arcs as number[][]] : (g.arcs as number[][][]));

describe("per-kab/kota desa maps", () => {
  it("every kab/kota's map holds exactly its desa/kelurahan of the regions table, with their names and kecamatan", () => {
    expect(kabs.length).toBeGreaterThan(2);
    for (const kab of kabs) {
      const geometries = maps.get(kab)!.topology.objects[DESA_MAP_OBJECT]!.geometries;
      const expected = villagesOf(kab);
      expect(expected.length, kab).toBeGreaterThan(0);
      expect(geometries.map((g) => g.properties.kode).sort(), kab).toEqual(expected.map((r) => r.kode).sort());
      const byCode = new Map(expected.map((r) => [r.kode, r]));
      for (const g of geometries) {
        const r = byCode.get(String(g.properties.kode))!;
        expect(g.properties.nama).toBe(r.nama);
        expect(g.properties.kec_kode).toBe(r.parent_kode);
        expect(String(g.properties.jenis).toLowerCase()).toBe(r.jenis);
      }
    }
  });

  it("keeps every ring a polygon in the source's winding and each desa's area, using every arc it holds and no other", () => {
    for (const kab of kabs) {
      const { topology } = maps.get(kab)!;
      const used = new Set<number>();
      for (const g of topology.objects[DESA_MAP_OBJECT]!.geometries) {
        const code = String(g.properties.kode);
        let total = 0;
        for (const polygon of polygons(g)) {
          polygon.forEach((arcs, r) => {
            for (const i of arcs) used.add(i < 0 ? ~i : i);
            const points = ring(topology, arcs);
            expect(points.length, code).toBeGreaterThanOrEqual(4);
            expect(points[0], code).toEqual(points.at(-1));
            // Exterior rings clockwise (negative planar area, as d3-geo expects), holes counter-clockwise.
            if (r === 0) expect(area(points), code).toBeLessThan(0);
            else expect(area(points), code).toBeGreaterThan(0);
            total += area(points);
          });
        }
        // Simplification moves edges by metres, so each desa keeps its area to within a few percent.
        const original = source.objects.desa!.geometries.find((x) => x.properties.kode === g.properties.kode)!;
        const before = polygons(original).reduce((sum, polygon) => sum + polygon.reduce((s, arcs) => s + area(ring(source, arcs)), 0), 0);
        expect(Math.abs(total / before - 1), code).toBeLessThan(0.05);
      }
      expect(used.size, kab).toBe(topology.arcs.length);
      expect(Math.max(...used), kab).toBe(topology.arcs.length - 1);
    }
  });

  it("puts each desa's label point inside the extent of its own boundary", () => {
    for (const kab of kabs) {
      const { topology } = maps.get(kab)!;
      for (const g of topology.objects[DESA_MAP_OBJECT]!.geometries) {
        const points = polygons(g).flatMap((polygon) => ring(topology, polygon[0]!));
        const [lng, lat] = [Number(g.properties.centroid_lng), Number(g.properties.centroid_lat)];
        expect(lng, String(g.properties.kode)).toBeGreaterThanOrEqual(Math.min(...points.map((q) => q[0])));
        expect(lng, String(g.properties.kode)).toBeLessThanOrEqual(Math.max(...points.map((q) => q[0])));
        expect(lat, String(g.properties.kode)).toBeGreaterThanOrEqual(Math.min(...points.map((q) => q[1])));
        expect(lat, String(g.properties.kode)).toBeLessThanOrEqual(Math.max(...points.map((q) => q[1])));
      }
    }
  });

  it("stays small: each map under 300 KB, and smaller than the same desa cut out of the source unsimplified", () => {
    for (const kab of kabs) {
      const { bytes } = maps.get(kab)!;
      expect(bytes, kab).toBeLessThan(300 * 1024);
      const unsimplified = Buffer.byteLength(JSON.stringify(desaMap(source, kab, { toleranceMeters: 0, quantization: 1_000_000 })));
      expect(bytes, kab).toBeLessThan(unsimplified * 0.85);
    }
  });

  it("refuses a kab/kota the source does not hold", () => {
    expect(() => desaMap(source, "3699")).toThrow(/no desa of kab\/kota 3699/);
  });
});

describe("published desa maps", () => {
  const tmp = makeTempDir("desa-maps");
  afterAll(() => {
    vi.unstubAllEnvs();
    tmp.remove();
  });

  it("Framework builds one desa map for every kab/kota the registry published, beside its partition tables", async () => {
    mkdirSync(tmp.dir, { recursive: true });
    const registry = kabs.filter((_, i) => i % 3 === 0); // any subset: the list comes from the registry build
    writeFileSync(path.join(tmp.dir, "registry_partitions.json"), `${JSON.stringify(registry)}\n`);
    vi.stubEnv("TS_BUILD_DIR", tmp.dir);
    vi.resetModules();
    const config = (await import("../../../../observablehq.config.js")).default as { dynamicPaths(): AsyncIterable<string> };
    const paths: string[] = [];
    for await (const p of config.dynamicPaths()) paths.push(p);
    expect(paths.filter((p) => p.includes("batas-desa"))).toEqual(registry.map((kab) => `/data/batas-desa-${kab}.json`));
    for (const kab of registry) expect(paths).toContain(`/data/registry_cells_${kab}.parquet`);
  });
});
