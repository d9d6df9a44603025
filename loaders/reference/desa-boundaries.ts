// One kab/kota's desa/kelurahan map from the Banten desa boundaries (data/geo/banten-desa.topojson):
// only that kab/kota's desa and the arcs they use, simplified and re-quantised so a page loads a
// small file for the kab/kota it shows. Arcs stay shared, so neighbouring desa still meet exactly,
// and the order of each ring's points is kept (clockwise, as d3-geo expects). Pure: topology in,
// topology out.

type Position = [number, number];
type Ring = number[];
type PolygonArcs = Ring[];

interface Transform {
  readonly scale: readonly [number, number];
  readonly translate: readonly [number, number];
}

export interface DesaGeometry {
  readonly type: "Polygon" | "MultiPolygon";
  readonly arcs: PolygonArcs | PolygonArcs[];
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface DesaTopology {
  readonly type: "Topology";
  readonly transform?: Transform;
  readonly arcs: readonly (readonly (readonly number[])[])[];
  readonly objects: Readonly<Record<string, { readonly type: string; readonly geometries: readonly DesaGeometry[] }>>;
}

export interface DesaMapOptions {
  /** Douglas–Peucker tolerance in metres (0 keeps every point). */
  readonly toleranceMeters: number;
  /** Grid steps across the kab/kota's extent on each axis. */
  readonly quantization: number;
}

/**
 * The defaults: the drill-down draws one kecamatan (about 5–20 km across) in a column of at most
 * about 600 px, i.e. 10–30 m per pixel, so 20 m of simplification on a grid of 10.000 steps across
 * the kab/kota (under 10 m per step even for Lebak) is not visible. Sizes per kab/kota are measured
 * in data/geo/README.md.
 */
export const DESA_MAP_OPTIONS: DesaMapOptions = { toleranceMeters: 20, quantization: 10_000 };

/** The object the per-kab/kota map holds: named after the regions table's level, as the /cakupan map expects. */
export const DESA_MAP_OBJECT = "kelurahan";

/** Properties kept on each desa: code, name, kind and kecamatan (plus a label point, the centroid of its largest part). */
const KEPT_PROPERTIES = ["kode", "nama", "jenis", "kec_kode"] as const;

const arcIndex = (i: number) => (i < 0 ? ~i : i);

function polygonsOf(g: DesaGeometry): PolygonArcs[] {
  if (g.type === "Polygon") return [g.arcs as PolygonArcs];
  if (g.type === "MultiPolygon") return g.arcs as PolygonArcs[];
  throw new Error(`geometry type ${String((g as { type: unknown }).type)} is not a polygon`);
}

/** Absolute [lng, lat] points of an arc (TopoJSON arcs are delta-encoded when the topology is quantised). */
function decodeArc(arc: readonly (readonly number[])[], transform: Transform | undefined): Position[] {
  if (!transform) return arc.map((p) => [p[0]!, p[1]!]);
  let x = 0;
  let y = 0;
  return arc.map((p) => {
    x += p[0]!;
    y += p[1]!;
    return [x * transform.scale[0] + transform.translate[0], y * transform.scale[1] + transform.translate[1]];
  });
}

/** Indices of the points Douglas–Peucker keeps on an open polyline (always both ends). */
function douglasPeucker(points: readonly Position[], tolerance: number, metres: (p: Position) => Position): number[] {
  const n = points.length;
  if (n <= 2 || tolerance <= 0) return points.map((_, i) => i);
  const xy = points.map(metres);
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = xy[first]!;
    const [bx, by] = xy[last]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    let worst = -1;
    let worstDistance = 0;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = xy[i]!;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
      const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
      if (d > worstDistance) {
        worstDistance = d;
        worst = i;
      }
    }
    if (worst >= 0 && worstDistance > tolerance) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return [...keep.keys()].filter((i) => keep[i] === 1);
}

/** Simplifies an arc; a closed arc (an island or a desa with one neighbour) is split at its farthest point first. */
function simplifyArc(points: readonly Position[], tolerance: number, metres: (p: Position) => Position): Position[] {
  const first = points[0]!;
  const last = points.at(-1)!;
  if (points.length > 3 && first[0] === last[0] && first[1] === last[1]) {
    const [fx, fy] = metres(first);
    let far = 1;
    let farDistance = -1;
    points.forEach((p, i) => {
      const [x, y] = metres(p);
      const d = Math.hypot(x - fx, y - fy);
      if (d > farDistance) {
        farDistance = d;
        far = i;
      }
    });
    const a = douglasPeucker(points.slice(0, far + 1), tolerance, metres);
    const b = douglasPeucker(points.slice(far), tolerance, metres).map((i) => i + far);
    return [...a, ...b.slice(1)].map((i) => points[i]!);
  }
  return douglasPeucker(points, tolerance, metres).map((i) => points[i]!);
}

/** Grid points of an arc with repeated points dropped (ends kept). */
function quantiseArc(points: readonly Position[], toGrid: (p: Position) => Position): Position[] {
  const out: Position[] = [];
  for (const p of points) {
    const q = toGrid(p);
    const previous = out.at(-1);
    if (!previous || previous[0] !== q[0] || previous[1] !== q[1]) out.push(q);
  }
  if (out.length === 1) out.push([...out[0]!]);
  return out;
}

/** Points of a ring (its arcs joined; shared joints counted once), the ring closed. */
function ringPointCount(ring: Ring, arcs: ReadonlyMap<number, readonly Position[]>): number {
  return ring.reduce((n, i) => n + arcs.get(arcIndex(i))!.length - 1, 0) + 1;
}

function signedArea(ring: readonly Position[]): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return area / 2;
}

function ringPoints(ring: Ring, arcs: ReadonlyMap<number, readonly Position[]>): Position[] {
  const out: Position[] = [];
  for (const i of ring) {
    const points = arcs.get(arcIndex(i))!;
    const ordered = i < 0 ? [...points].reverse() : points;
    out.push(...(out.length === 0 ? ordered : ordered.slice(1)));
  }
  return out;
}

/** Label point: the area-weighted centroid of the largest part (holes subtract), in degrees. */
function labelPoint(polygons: readonly PolygonArcs[], arcs: ReadonlyMap<number, readonly Position[]>): Position {
  let best: { area: number; x: number; y: number } | null = null;
  for (const polygon of polygons) {
    let area = 0;
    let x = 0;
    let y = 0;
    for (const ring of polygon) {
      const points = ringPoints(ring, arcs);
      const a = signedArea(points);
      let cx = 0;
      let cy = 0;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const cross = points[j]![0] * points[i]![1] - points[i]![0] * points[j]![1];
        cx += (points[j]![0] + points[i]![0]) * cross;
        cy += (points[j]![1] + points[i]![1]) * cross;
      }
      area += a;
      x += cx / 6;
      y += cy / 6;
    }
    if (area !== 0 && (!best || Math.abs(area) > Math.abs(best.area))) best = { area, x: x / area, y: y / area };
  }
  if (!best) throw new Error("desa without area");
  return [best.x, best.y];
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * The desa/kelurahan of one kab/kota (source property `kab_kode`) as their own topology: object
 * DESA_MAP_OBJECT with properties KEPT_PROPERTIES plus `centroid_lat`/`centroid_lng`, and only the
 * arcs those desa use. Throws when the source has no desa of that kab/kota.
 */
export function desaMap(source: DesaTopology, kab: string, options: DesaMapOptions = DESA_MAP_OPTIONS, objectName = "desa"): DesaTopology {
  const object = source.objects[objectName];
  if (!object) throw new Error(`object "${objectName}" is not in the desa topology`);
  const geometries = object.geometries.filter((g) => String(g.properties.kab_kode) === kab);
  if (geometries.length === 0) throw new Error(`the desa topology has no desa of kab/kota ${kab}`);

  const candidates = [...new Set(geometries.flatMap((g) => polygonsOf(g).flat(2).map(arcIndex)))].sort((a, b) => a - b);
  const original = new Map(candidates.map((i) => [i, decodeArc(source.arcs[i]!, source.transform)]));

  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of [...original.values()].flat()) {
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  }
  const q = options.quantization;
  const scale: [number, number] = [(maxX - minX) / (q - 1) || 1, (maxY - minY) / (q - 1) || 1];
  const toGrid = (p: Position): Position => [Math.round((p[0] - minX) / scale[0]), Math.round((p[1] - minY) / scale[1])];
  // Metres on a local equirectangular plane (grid units → metres), enough for a tolerance of a few metres.
  const cosLat = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const metres = (p: Position): Position => [p[0] * scale[0] * 111_320 * cosLat, p[1] * scale[1] * 110_574];

  const gridded = new Map([...original].map(([i, points]) => [i, quantiseArc(points, toGrid)]));
  const simplified = new Map([...gridded].map(([i, points]) => [i, simplifyArc(points, options.toleranceMeters, metres)]));
  const orientation = (ring: Ring, arcs: ReadonlyMap<number, readonly Position[]>) => Math.sign(signedArea(ringPoints(ring, arcs)));
  // A ring that simplification flattens or turns over keeps its arcs as they were on the grid.
  const rings = geometries.flatMap((g) => polygonsOf(g).flat());
  let changed = true;
  while (changed) {
    changed = false;
    for (const ring of rings) {
      if (ringPointCount(ring, simplified) >= 4 && orientation(ring, simplified) === orientation(ring, original)) continue;
      for (const i of ring.map(arcIndex)) {
        if (simplified.get(i) !== gridded.get(i)) {
          simplified.set(i, gridded.get(i)!);
          changed = true;
        }
      }
    }
  }
  // A ring smaller than the grid (a sliver of a few square metres left by cleaning) has no area on it:
  // drop it, and a part whose outer ring it is. A desa with no part left on the grid is an error.
  const visible = (ring: Ring) => ringPointCount(ring, simplified) >= 4 && orientation(ring, simplified) === orientation(ring, original) && orientation(ring, original) !== 0;
  const kept = new Map(
    geometries.map((g) => {
      const parts = polygonsOf(g).filter((polygon) => visible(polygon[0]!)).map((polygon) => [polygon[0]!, ...polygon.slice(1).filter(visible)]);
      if (parts.length === 0) throw new Error(`desa ${String(g.properties.kode)} has no part larger than the map's grid`);
      return [g, parts] as const;
    })
  );
  const used = [...new Set([...kept.values()].flatMap((parts) => parts.flat(2).map(arcIndex)))].sort((a, b) => a - b);

  const renumber = new Map(used.map((old, i) => [old, i]));
  const mapRing = (ring: Ring): Ring => ring.map((i) => (i < 0 ? ~renumber.get(~i)! : renumber.get(i)!));
  const arcs = used.map((i) => {
    const points = simplified.get(i)!;
    return points.map((p, k) => (k === 0 ? p : [p[0] - points[k - 1]![0], p[1] - points[k - 1]![1]]));
  });
  const outGeometries: DesaGeometry[] = geometries.map((g) => {
    const [lng, lat] = labelPoint(polygonsOf(g), original);
    const properties: Record<string, unknown> = {};
    for (const key of KEPT_PROPERTIES) properties[key] = g.properties[key] === undefined ? null : String(g.properties[key]);
    properties.centroid_lat = round5(lat);
    properties.centroid_lng = round5(lng);
    const parts = kept.get(g)!;
    const mapped = g.type === "Polygon" ? parts[0]!.map(mapRing) : parts.map((p) => p.map(mapRing));
    return { type: g.type, arcs: mapped, properties };
  });
  return {
    type: "Topology",
    transform: { scale, translate: [minX, minY] },
    arcs,
    objects: { [DESA_MAP_OBJECT]: { type: "GeometryCollection", geometries: outGeometries } }
  };
}
