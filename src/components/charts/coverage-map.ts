// Choropleth with the area names written on the map (at each area's centroid from the boundary file)
// and, for a drill-down, only the kelurahan of one kecamatan. Built on choroplethSpec.
import type { TopLevelSpec } from "vega-lite";
import { choroplethSpec, type ChoroplethOptions, type TopologyLike } from "./choropleth.js";

type Geometry = { readonly properties?: Readonly<Record<string, unknown>> };

/** The topology with one object's geometries narrowed to those whose `property` equals `value` (arcs shared, unchanged). */
export function filterTopology(topology: TopologyLike, objectName: string, property: string, value: string): TopologyLike {
  const object = topology.objects[objectName];
  if (!object) throw new Error(`Objek "${objectName}" tidak ada dalam TopoJSON.`);
  const geometries = (object.geometries ?? []).filter((g: Geometry) => String(g.properties?.[property] ?? "") === value);
  return { ...topology, objects: { ...topology.objects, [objectName]: { ...object, geometries } } };
}

export interface LabelledMapOptions extends ChoroplethOptions {
  /** Font size of the area names (default 12, the smallest size readable on a projector). */
  readonly labelSize?: number;
}

/** choroplethSpec plus a text layer with each area's name at its centroid (properties.centroid_lat/lng). */
export function labelledChoroplethSpec(options: LabelledMapOptions): TopLevelSpec {
  const spec = choroplethSpec(options) as TopLevelSpec & { layer: unknown[] };
  const encoding = {
    longitude: { field: "properties.centroid_lng", type: "quantitative" },
    latitude: { field: "properties.centroid_lat", type: "quantitative" },
    text: { field: "properties.nama", type: "nominal" }
  } as const;
  const transform = [{ filter: "isValid(datum.properties.centroid_lat) && isValid(datum.properties.centroid_lng)" }];
  const size = options.labelSize ?? 12;
  // A white halo drawn first keeps the names readable on dark fills.
  const halo = { name: "area_name_halo", transform, mark: { type: "text", fontSize: size, fontWeight: "bold", color: "white", stroke: "white", strokeWidth: 3 }, encoding };
  const labels = { name: "area_names", transform, mark: { type: "text", fontSize: size, fontWeight: "bold", color: "#1b1b1b" }, encoding };
  return { ...spec, layer: [...spec.layer, halo, labels] } as TopLevelSpec;
}
