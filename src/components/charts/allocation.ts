// Allocation versus need per area: units per target household, published allocation beside what the
// registry records as received, against a reference line (default 1 unit per target household), so
// under- and over-served areas stand out. Areas without a published allocation say so in text.
import type { TopLevelSpec } from "vega-lite";
import { formatNumber } from "../core/format.js";
import { COLORS, NUMBER_FORMAT, VEGA_LITE_SCHEMA, baseConfig } from "./common.js";

export interface AllocationChartRow {
  readonly nama: string;
  /** Published allocation per target household; null when no allocation is published for the area. */
  readonly allocated: number | null;
  /** Units recorded as received per target household; null when the area has no target household. */
  readonly received: number | null;
}

export interface AllocationChartOptions {
  readonly rows: readonly AllocationChartRow[];
  readonly title: string;
  readonly subtitle?: string;
  /** Axis title (default "Satuan per KK sasaran"); keep it short, a wide axis title narrows the plot. */
  readonly axisTitle?: string;
  /** Unit of the ratio, e.g. "paket per KK sasaran". */
  readonly unit: string;
  /** Reference ratio (default 1). */
  readonly reference?: number;
  readonly width?: number;
}

export const SERIES_ALLOCATED = "Alokasi terbit";
export const SERIES_RECEIVED = "Tercatat diterima (registri)";
const SERIES_COLORS = ["#1f5f8b", "#e07b1a"];

/** Rows in long form, areas ordered by the received ratio (lowest = least served first). */
export function allocationChartData(rows: readonly AllocationChartRow[], unit: string) {
  const order = [...rows].sort((a, b) => (a.received ?? Infinity) - (b.received ?? Infinity) || a.nama.localeCompare(b.nama, "id")).map((r) => r.nama);
  const data = rows.flatMap((r) => [
    { nama: r.nama, series: SERIES_ALLOCATED, value: r.allocated, label: r.allocated === null ? "alokasi tidak disebut sumber" : `${formatNumber(r.allocated, 2)} ${unit}` },
    { nama: r.nama, series: SERIES_RECEIVED, value: r.received, label: r.received === null ? "tidak ada KK sasaran" : `${formatNumber(r.received, 2)} ${unit}` }
  ]);
  return { order, data };
}

export function allocationChartSpec(options: AllocationChartOptions): TopLevelSpec {
  const names = new Set<string>();
  for (const r of options.rows) {
    if (names.has(r.nama)) throw new Error(`Nama wilayah "${r.nama}" muncul lebih dari sekali.`);
    names.add(r.nama);
  }
  const reference = options.reference ?? 1;
  const { order, data } = allocationChartData(options.rows, options.unit);
  const y = { field: "nama", type: "nominal", sort: order, title: null, axis: { labelLimit: 200 } } as const;
  const x = { field: "value", type: "quantitative", title: `${options.axisTitle ?? "Satuan per KK sasaran"} (${options.unit})`, axis: { format: NUMBER_FORMAT } } as const;
  const tooltip = [
    { field: "nama", type: "nominal", title: "Wilayah" },
    { field: "series", type: "nominal", title: "Ukuran" },
    { field: "label", type: "nominal", title: options.title }
  ] as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.subtitle ? { text: options.title, subtitle: options.subtitle } : options.title,
    width: options.width ?? 520,
    height: 44 * Math.max(1, order.length),
    data: { values: data },
    layer: [
      {
        name: "bars",
        transform: [{ filter: { field: "value", valid: true } }],
        mark: { type: "bar", height: { band: 0.4 } },
        encoding: {
          y,
          yOffset: { field: "series", type: "nominal", sort: [SERIES_ALLOCATED, SERIES_RECEIVED] },
          x,
          color: {
            field: "series",
            type: "nominal",
            title: null,
            scale: { domain: [SERIES_ALLOCATED, SERIES_RECEIVED], range: SERIES_COLORS },
            legend: { orient: "bottom", direction: "horizontal" }
          },
          tooltip: [...tooltip]
        }
      },
      {
        name: "missing_labels",
        transform: [{ filter: "!isValid(datum.value)" }, { calculate: "0", as: "zero" }],
        mark: { type: "text", align: "left", baseline: "middle", dx: 4, fontSize: 12, fontStyle: "italic", color: "#555" },
        encoding: {
          y,
          yOffset: { field: "series", type: "nominal", sort: [SERIES_ALLOCATED, SERIES_RECEIVED] },
          x: { field: "zero", type: "quantitative" },
          text: { field: "label", type: "nominal" },
          tooltip: [...tooltip]
        }
      },
      {
        name: "reference_rule",
        data: { values: [{ reference, label: `${formatNumber(reference, 0)} ${options.unit}` }] },
        mark: { type: "rule", color: COLORS.target, strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: {
          x: { field: "reference", type: "quantitative" },
          tooltip: [{ field: "label", type: "nominal", title: "Acuan" }]
        }
      }
    ],
    config: baseConfig()
  } as TopLevelSpec;
}
