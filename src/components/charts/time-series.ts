// Poverty series over the years: published values as a line with points, the line broken where a
// year is missing. One region (timeSeriesSpec) or one small chart per region (smallMultiplesSpec)
// with the same layers. (Projections are drawn by estimate-series.ts.)
import type { TopLevelSpec } from "vega-lite";
import type { LayerSpec } from "vega-lite/types_unstable/spec/index.js";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import { COLORS, NUMBER_FORMAT, VEGA_LITE_SCHEMA, YEAR_FORMAT, baseConfig, titleWithUnit, valueLabel } from "./common.js";

type Layer = LayerSpec<Field>["layer"][number];

/** One row of the chart's inline data. */
export interface TrendDatum {
  /** Legend entry. */
  series: string;
  region: string | null;
  year: number;
  value: number;
  /** Pre-formatted for tooltips, Indonesian ("5,51%"). */
  value_label: string;
  source: string | null;
  /** Observed rows: runs of consecutive years share a segment; the line is not drawn across a gap. */
  segment: number;
}

interface CommonOptions {
  /** Observed rows, e.g. query results; the value column is named by `field`. */
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  /** Column holding the value to plot. */
  readonly field: string;
  /** Chart title; also the value's name in tooltips and on the y axis. */
  readonly title: string;
  /** Unit of the value: "%", "ribu jiwa", "Rp/kapita/bulan". */
  readonly unit: string;
  /** Column holding the year (default "year"). */
  readonly yearField?: string;
  /** Column holding the row's source, shown in tooltips (default "source"; skipped if absent). */
  readonly sourceField?: string;
  /** Decimal places in tooltips and labels (default 2). */
  readonly digits?: number;
  /** Legend name of the observed series (default "Angka BPS"). */
  readonly observedLabel?: string;
  /** Optional subtitle (e.g. the source line). */
  readonly subtitle?: string;
}

export interface TimeSeriesOptions extends CommonOptions {
  readonly width?: number;
  readonly height?: number;
}

export interface SmallMultiplesOptions extends CommonOptions {
  /** Column naming each row's region (default "region_nama"); one small chart per region. */
  readonly regionField?: string;
  /** Panel order (default: order of first appearance in `rows`). */
  readonly regionOrder?: readonly string[];
  readonly columns?: number;
  /** Size of each small chart. */
  readonly cellWidth?: number;
  readonly cellHeight?: number;
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = Number(value); // also converts DuckDB BIGINT values (bigint)
  return Number.isFinite(n) ? n : null;
}

function observedData(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: CommonOptions,
  region: string | null
): TrendDatum[] {
  const yearField = options.yearField ?? "year";
  const sourceField = options.sourceField ?? "source";
  const digits = options.digits ?? 2;
  const series = options.observedLabel ?? "Angka BPS";
  const seen = new Set<number>();
  const data: TrendDatum[] = [];
  for (const row of rows) {
    const year = toNumber(row[yearField]);
    const value = toNumber(row[options.field]);
    if (year === null) throw new Error(`Baris tanpa tahun yang valid pada kolom "${yearField}".`);
    if (seen.has(year)) {
      const where = region ? ` untuk ${region}` : "";
      throw new Error(`Tahun ${year} muncul lebih dari sekali${where}; pisahkan seri Maret dan September.`);
    }
    seen.add(year);
    if (value === null) continue; // a gap in the series: see withSegments
    const source = row[sourceField];
    data.push({
      series,
      region,
      year,
      value,
      value_label: valueLabel(value, options.unit, digits),
      source: typeof source === "string" && source !== "" ? source : null,
      segment: 0
    });
  }
  return withSegments(data.sort((a, b) => a.year - b.year));
}

/** Numbers runs of consecutive years, so a missing year breaks the line instead of being bridged
 * by a straight stroke that reads like an interpolated figure. */
function withSegments(sorted: TrendDatum[]): TrendDatum[] {
  let segment = 0;
  return sorted.map((d, i) => {
    if (i > 0 && d.year - sorted[i - 1]!.year > 1) segment++;
    return { ...d, segment };
  });
}

/** The layers shared by the single chart and the small multiples. Layer names become Vega mark
 * names (`observed_points_marks`), which keeps the SVG readable and testable. */
function trendLayers(title: string, unit: string, observedLabel: string, hasSource: boolean): Layer[] {
  const x = { field: "year", type: "quantitative", title: "Tahun", scale: { zero: false, nice: false }, axis: { format: YEAR_FORMAT, tickMinStep: 1 } } as const;
  const y = { field: "value", type: "quantitative", title: titleWithUnit(title, unit), scale: { zero: true }, axis: { format: NUMBER_FORMAT } } as const;
  const color = {
    field: "series",
    type: "nominal",
    // Named for the marks' screen-reader labels ("Keterangan: Angka BPS"); the legend shows no title.
    title: "Keterangan",
    scale: { domain: [observedLabel], range: [COLORS.observed] },
    legend: { orient: "bottom", direction: "horizontal", labelLimit: 320, title: null }
  } as const;
  return [
    { name: "observed_line", mark: { type: "line" }, encoding: { x, y, color, detail: { field: "segment", type: "nominal" } } },
    {
      name: "observed_points",
      mark: { type: "point", filled: true, size: 45 },
      encoding: {
        x,
        y,
        color,
        tooltip: [
          { field: "year", type: "quantitative", title: "Tahun", format: YEAR_FORMAT },
          { field: "value_label", type: "nominal", title },
          ...(hasSource ? [{ field: "source", type: "nominal", title: "Sumber" } as const] : [])
        ]
      }
    }
  ];
}

function chartTitle(title: string, subtitle: string | undefined) {
  return subtitle ? { text: title, subtitle } : title;
}

/** One region's series. */
export function timeSeriesSpec(options: TimeSeriesOptions): TopLevelSpec {
  const data = observedData(options.rows, options, null);
  const observedLabel = options.observedLabel ?? "Angka BPS";
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(options.title, options.subtitle),
    width: options.width ?? 640,
    height: options.height ?? 280,
    data: { values: data },
    layer: trendLayers(options.title, options.unit, observedLabel, data.some((d) => d.source !== null)),
    config: baseConfig()
  };
}

/** One small chart per region (e.g. the 8 kab/kota), same layers, shared y scale. */
export function smallMultiplesSpec(options: SmallMultiplesOptions): TopLevelSpec {
  const regionField = options.regionField ?? "region_nama";
  const observedLabel = options.observedLabel ?? "Angka BPS";

  const byRegion = new Map<string, Readonly<Record<string, unknown>>[]>();
  for (const row of options.rows) {
    const region = row[regionField];
    if (typeof region !== "string" || region === "") {
      throw new Error(`Baris tanpa nama wilayah pada kolom "${regionField}".`);
    }
    const list = byRegion.get(region) ?? [];
    list.push(row);
    byRegion.set(region, list);
  }
  const order = options.regionOrder ? [...options.regionOrder] : [...byRegion.keys()];
  const data = order.flatMap((region) => observedData(byRegion.get(region) ?? [], options, region));

  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(options.title, options.subtitle),
    data: { values: data },
    columns: options.columns ?? 4,
    facet: { field: "region", type: "nominal", title: null, sort: order, header: { labelFontWeight: "bold", labelFontSize: 13 } },
    spec: {
      width: options.cellWidth ?? 170,
      height: options.cellHeight ?? 120,
      layer: trendLayers(options.title, options.unit, observedLabel, data.some((d) => d.source !== null))
    },
    config: baseConfig()
  };
}
