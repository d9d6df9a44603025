// Map of one value per area (kab/kota, kecamatan, kelurahan) from an inline TopoJSON object.
// Areas join on `properties.kode`: Kemendagri codes as strings (3673, 367305), never numbers,
// because leading digits matter and a numeric join fails silently. Areas without a value stay grey
// and get their own legend entry, so "no data" is never read as "low".
//
// The boundary files (data/geo/*.topojson) wind clockwise, as d3-geo expects; pass them unchanged.
import type { ColorScheme } from "vega";
import type { TopLevelSpec } from "vega-lite";
import { COLORS, NUMBER_FORMAT, VEGA_LITE_SCHEMA, baseConfig, titleWithUnit, valueLabel } from "./common.js";

/** The parts of a TopoJSON topology the builder reads; the object is passed to Vega unchanged. */
export interface TopologyLike {
  readonly type: "Topology";
  readonly objects: Readonly<
    Record<string, { readonly type: string; readonly geometries?: readonly { readonly properties?: Readonly<Record<string, unknown>> }[] }>
  >;
  readonly arcs: readonly unknown[];
}

export interface ChoroplethValue {
  /** Kemendagri code without dots, as a string (e.g. 3673). */
  readonly kode: string;
  readonly value: number | null;
  /** Tooltip text for the value; default the value with its unit ("5,51%"). */
  readonly label?: string;
}

export interface ChoroplethOptions {
  readonly topology: TopologyLike;
  /** Object inside the topology to draw ("kabkota", "kecamatan", "kelurahan"). */
  readonly objectName: string;
  readonly values: readonly ChoroplethValue[];
  readonly title: string;
  readonly unit: string;
  /** Legend title (default: title with unit). */
  readonly legendTitle?: string;
  readonly subtitle?: string;
  /** Vega colour scheme (default "oranges": darker = more poverty). */
  readonly scheme?: ColorScheme;
  readonly width?: number;
  readonly height?: number;
  readonly digits?: number;
  /** Legend and tooltip text for areas without a value. */
  readonly missingLabel?: string;
  /** Write each area's name at its centroid (properties.centroid_lng/centroid_lat), shortened ("Kab. Serang"). */
  readonly showNames?: boolean;
  /**
   * Indonesian description for screen readers. When given, it replaces Vega's automatic ARIA texts,
   * which are English ("… for a linear scale with values from … to …").
   */
  readonly description?: string;
}

export const MISSING_LABEL = "Tidak ada data";

function featureCodes(topology: TopologyLike, objectName: string): string[] {
  const object = topology.objects[objectName];
  if (!object) {
    const names = Object.keys(topology.objects).join(", ");
    throw new Error(`Objek "${objectName}" tidak ada dalam TopoJSON (tersedia: ${names}).`);
  }
  return (object.geometries ?? []).map((g) => String(g.properties?.["kode"] ?? ""));
}

function checkValues(values: readonly ChoroplethValue[], codes: ReadonlySet<string>): void {
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const v of values) {
    if (typeof v.kode !== "string") {
      throw new Error(`Kode wilayah harus berupa teks, bukan ${typeof v.kode} (${String(v.kode)}).`);
    }
    if (seen.has(v.kode)) throw new Error(`Kode wilayah ${v.kode} muncul lebih dari sekali.`);
    seen.add(v.kode);
    if (!codes.has(v.kode)) unknown.push(v.kode);
  }
  if (unknown.length > 0) {
    throw new Error(`Kode wilayah tidak ada pada peta: ${unknown.join(", ")}. Periksa tingkat wilayah dan skema kode (Kemendagri, bukan BPS).`);
  }
}

export function choroplethSpec(options: ChoroplethOptions): TopLevelSpec {
  const codes = featureCodes(options.topology, options.objectName);
  checkValues(options.values, new Set(codes));
  const digits = options.digits ?? 2;
  const missingLabel = options.missingLabel ?? MISSING_LABEL;
  const values = options.values.map((v) => ({
    kode: v.kode,
    value: v.value !== null && Number.isFinite(v.value) ? v.value : null,
    label: v.label ?? valueLabel(v.value, options.unit, digits)
  }));
  const withValue = new Set(values.filter((v) => v.value !== null).map((v) => v.kode));
  const anyMissing = codes.some((kode) => !withValue.has(kode));
  const area = { field: "properties.nama", type: "nominal", title: "Wilayah" } as const;

  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.subtitle ? { text: options.title, subtitle: options.subtitle } : options.title,
    width: options.width ?? 560,
    height: options.height ?? 480,
    data: { values: options.topology, format: { type: "topojson", feature: options.objectName } },
    transform: [
      { lookup: "properties.kode", from: { data: { values }, key: "kode", fields: ["value", "label"] } }
    ],
    projection: { type: "mercator" },
    layer: [
      {
        // Every area in grey first; areas with a value are drawn over it.
        name: "missing_areas",
        transform: [{ calculate: JSON.stringify(missingLabel), as: "keterangan" }],
        mark: { type: "geoshape", stroke: COLORS.boundary, strokeWidth: 0.8 },
        encoding: {
          color: {
            field: "keterangan",
            type: "nominal",
            title: "Keterangan",
            scale: { domain: [missingLabel], range: [COLORS.missing] },
            legend: anyMissing ? { title: null, symbolType: "square", orient: "right" } : null
          },
          tooltip: [area, { field: "keterangan", type: "nominal", title: options.title }]
        }
      },
      {
        name: "valued_areas",
        transform: [{ filter: { field: "value", valid: true } }],
        mark: { type: "geoshape", stroke: COLORS.boundary, strokeWidth: 0.8 },
        encoding: {
          color: {
            field: "value",
            type: "quantitative",
            // Titled on the channel, not only the legend, so screen-reader labels say it in Indonesian too.
            title: options.legendTitle ?? titleWithUnit(options.title, options.unit),
            scale: { scheme: options.scheme ?? "oranges" },
            legend: { format: NUMBER_FORMAT, orient: "right", titleLimit: 280 }
          },
          tooltip: [area, { field: "label", type: "nominal", title: options.title }]
        }
      },
      ...(options.showNames
        ? [
            {
              name: "area_names",
              transform: [
                { filter: "isValid(datum.properties.centroid_lng)" },
                { calculate: "replace(replace(datum.properties.nama, 'Kabupaten ', 'Kab. '), 'Tangerang Selatan', 'Tangsel')", as: "short_name" }
              ],
              mark: { type: "text" as const, fontSize: 12, fontWeight: "bold" as const, color: "#1a1a1a" },
              encoding: {
                longitude: { field: "properties.centroid_lng", type: "quantitative" as const },
                latitude: { field: "properties.centroid_lat", type: "quantitative" as const },
                text: { field: "short_name", type: "nominal" as const }
              }
            }
          ]
        : [])
    ],
    resolve: { scale: { color: "independent" } },
    ...(options.description ? { description: options.description } : {}),
    config: options.description ? { ...baseConfig(), aria: false } : baseConfig()
  };
}
