// Poverty series over the years: observed values (line + points), optionally the projected trend
// to the target year (dashed line inside its prediction band) and the target (rule). One region
// (timeSeriesSpec) or one small chart per region (smallMultiplesSpec) with the same layers.
//
// Everything the layers draw travels in one inline data set with a `kind` column, because the
// layers of a faceted chart cannot each bring their own data.
import type { TopLevelSpec } from "vega-lite";
import type { LayerSpec } from "vega-lite/types_unstable/spec/index.js";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import { formatNumber } from "../core/format.js";
import { DEFAULT_TARGET_YEAR } from "../domain/model/projection.js";
import {
  COLORS,
  NUMBER_FORMAT,
  VEGA_LITE_SCHEMA,
  YEAR_FORMAT,
  baseConfig,
  shortValueLabel,
  titleWithUnit,
  valueLabel
} from "./common.js";

type Layer = LayerSpec<Field>["layer"][number];

/** A projected year: the shape of ProjectionResult["path"] items (model/projection.ts). */
export interface ProjectedYear {
  readonly year: number;
  readonly value: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** What the chart needs from a ProjectionResult; a ProjectionResult can be passed as is. */
export interface ProjectionInput {
  readonly path: readonly ProjectedYear[];
  readonly level: number;
}

export type TrendKind = "observed" | "projection" | "target";

/** One row of the chart's inline data. */
export interface TrendDatum {
  kind: TrendKind;
  /** Legend entry. */
  series: string;
  region: string | null;
  year: number;
  value: number;
  lower: number | null;
  upper: number | null;
  /** Pre-formatted for tooltips and labels, Indonesian ("5,51%"). */
  value_label: string;
  interval_label: string | null;
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
  /** Year the target applies to (default 2026). */
  readonly targetYear?: number;
  /** Optional subtitle (e.g. the source line). */
  readonly subtitle?: string;
}

export interface TimeSeriesOptions extends CommonOptions {
  /** Target value in the series' units, drawn as a horizontal rule. */
  readonly target?: number;
  /** Projected trend and prediction band (e.g. a ProjectionResult). */
  readonly projection?: ProjectionInput;
  readonly width?: number;
  readonly height?: number;
}

export interface SmallMultiplesOptions extends CommonOptions {
  /** Column naming each row's region (default "region_nama"); one small chart per region. */
  readonly regionField?: string;
  /** Panel order (default: order of first appearance in `rows`). */
  readonly regionOrder?: readonly string[];
  /** Target per region, or one target for all. */
  readonly target?: number | Readonly<Record<string, number>>;
  /** Projection per region (keyed like `regionField`). */
  readonly projections?: Readonly<Record<string, ProjectionInput>>;
  readonly columns?: number;
  /** Size of each small chart. */
  readonly cellWidth?: number;
  readonly cellHeight?: number;
}

function projectionLabel(level: number): string {
  return `Proyeksi tren (interval ${formatNumber(level * 100, 0)}%)`;
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
      kind: "observed",
      series,
      region,
      year,
      value,
      lower: null,
      upper: null,
      value_label: valueLabel(value, options.unit, digits),
      interval_label: null,
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

function projectionData(projection: ProjectionInput, unit: string, digits: number, region: string | null): TrendDatum[] {
  const series = projectionLabel(projection.level);
  return projection.path.map((p) => ({
    kind: "projection",
    series,
    region,
    year: p.year,
    value: p.value,
    lower: p.lower,
    upper: p.upper,
    value_label: valueLabel(p.value, unit, digits),
    interval_label:
      p.lower === null || p.upper === null
        ? null
        : `${valueLabel(p.lower, unit, digits)} – ${valueLabel(p.upper, unit, digits)}`,
    source: null,
    segment: 0
  }));
}

function targetDatum(value: number, year: number, unit: string, digits: number, region: string | null): TrendDatum {
  return {
    kind: "target",
    series: "Target",
    region,
    year,
    value,
    lower: null,
    upper: null,
    value_label: `Target ${year}: ${shortValueLabel(value, unit, digits)}`,
    interval_label: null,
    source: null,
    segment: 0
  };
}

const only = (kind: TrendKind) => [{ filter: { field: "kind", equal: kind } }];

interface LayerPlan {
  title: string;
  unit: string;
  level: number | null;
  hasProjection: boolean;
  hasBand: boolean;
  hasTarget: boolean;
  hasSource: boolean;
  seriesDomain: string[];
}

/** The layers shared by the single chart and the small multiples. Layer names become Vega mark
 * names (`observed_points_marks`), which keeps the SVG readable and testable. */
function trendLayers(plan: LayerPlan): Layer[] {
  const x = { field: "year", type: "quantitative", title: "Tahun", scale: { zero: false, nice: false }, axis: { format: YEAR_FORMAT, tickMinStep: 1 } } as const;
  const y = { field: "value", type: "quantitative", title: titleWithUnit(plan.title, plan.unit), scale: { zero: true }, axis: { format: NUMBER_FORMAT } } as const;
  const color = {
    field: "series",
    type: "nominal",
    // Named for the marks' screen-reader labels ("Keterangan: Angka BPS"); the legend shows no title.
    title: "Keterangan",
    scale: { domain: plan.seriesDomain, range: [COLORS.observed, COLORS.projection].slice(0, plan.seriesDomain.length) },
    legend: { orient: "bottom", direction: "horizontal", labelLimit: 320, title: null }
  } as const;
  const levelText = plan.level === null ? "" : ` ${formatNumber(plan.level * 100, 0)}%`;

  const layers: Layer[] = [];
  if (plan.hasBand) {
    layers.push({
      name: "band",
      transform: only("projection"),
      mark: { type: "area", opacity: 0.22, color: COLORS.projection },
      encoding: {
        x,
        y: { field: "lower", type: "quantitative", title: titleWithUnit(plan.title, plan.unit) },
        y2: { field: "upper" },
        tooltip: [
          { field: "year", type: "quantitative", title: "Tahun", format: YEAR_FORMAT },
          { field: "interval_label", type: "nominal", title: `Interval prediksi${levelText}` }
        ]
      }
    });
  }
  if (plan.hasProjection) {
    layers.push(
      { name: "projection_line", transform: only("projection"), mark: { type: "line", strokeDash: [6, 4] }, encoding: { x, y, color } },
      {
        name: "projection_points",
        transform: only("projection"),
        mark: { type: "point", filled: false, size: 40 },
        encoding: {
          x,
          y,
          color,
          tooltip: [
            { field: "year", type: "quantitative", title: "Tahun", format: YEAR_FORMAT },
            { field: "value_label", type: "nominal", title: "Proyeksi tren" },
            { field: "interval_label", type: "nominal", title: `Interval prediksi${levelText}` }
          ]
        }
      }
    );
  }
  layers.push(
    {
      name: "observed_line",
      transform: only("observed"),
      mark: { type: "line" },
      encoding: { x, y, color, detail: { field: "segment", type: "nominal" } }
    },
    {
      name: "observed_points",
      transform: only("observed"),
      mark: { type: "point", filled: true, size: 45 },
      encoding: {
        x,
        y,
        color,
        tooltip: [
          { field: "year", type: "quantitative", title: "Tahun", format: YEAR_FORMAT },
          { field: "value_label", type: "nominal", title: plan.title },
          ...(plan.hasSource ? [{ field: "source", type: "nominal", title: "Sumber" } as const] : [])
        ]
      }
    }
  );
  if (plan.hasTarget) {
    layers.push(
      {
        name: "target_rule",
        transform: only("target"),
        mark: { type: "rule", color: COLORS.target, strokeDash: [2, 3], strokeWidth: 1.5 },
        encoding: { y, tooltip: [{ field: "value_label", type: "nominal", title: "Target" }] }
      },
      {
        name: "target_label",
        transform: only("target"),
        mark: { type: "text", color: COLORS.target, align: "right", baseline: "bottom", dy: -3, fontSize: 12 },
        encoding: { x, y, text: { field: "value_label", type: "nominal" } }
      }
    );
  }
  return layers;
}

function plan(data: readonly TrendDatum[], title: string, unit: string, level: number | null, observedLabel: string): LayerPlan {
  const projection = data.filter((d) => d.kind === "projection");
  const seriesDomain = [observedLabel];
  if (projection.length > 0 && level !== null) seriesDomain.push(projectionLabel(level));
  return {
    title,
    unit,
    level,
    hasProjection: projection.length > 0,
    hasBand: projection.some((d) => d.lower !== null && d.upper !== null),
    hasTarget: data.some((d) => d.kind === "target"),
    hasSource: data.some((d) => d.source !== null),
    seriesDomain
  };
}

function chartTitle(title: string, subtitle: string | undefined) {
  return subtitle ? { text: title, subtitle } : title;
}

/** One region's series with optional projection band and target. */
export function timeSeriesSpec(options: TimeSeriesOptions): TopLevelSpec {
  const digits = options.digits ?? 2;
  const targetYear = options.targetYear ?? DEFAULT_TARGET_YEAR;
  const data = observedData(options.rows, options, null);
  if (options.projection) data.push(...projectionData(options.projection, options.unit, digits, null));
  if (options.target !== undefined) data.push(targetDatum(options.target, targetYear, options.unit, digits, null));
  const observedLabel = options.observedLabel ?? "Angka BPS";
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(options.title, options.subtitle),
    width: options.width ?? 640,
    height: options.height ?? 280,
    data: { values: data },
    layer: trendLayers(plan(data, options.title, options.unit, options.projection?.level ?? null, observedLabel)),
    config: baseConfig()
  };
}

/** One small chart per region (e.g. the 8 kab/kota), same layers, shared y scale. */
export function smallMultiplesSpec(options: SmallMultiplesOptions): TopLevelSpec {
  const digits = options.digits ?? 2;
  const targetYear = options.targetYear ?? DEFAULT_TARGET_YEAR;
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

  const data: TrendDatum[] = [];
  const levels = new Set<number>();
  for (const region of order) {
    data.push(...observedData(byRegion.get(region) ?? [], options, region));
    const projection = options.projections?.[region];
    if (projection) {
      levels.add(projection.level);
      data.push(...projectionData(projection, options.unit, digits, region));
    }
    const target = typeof options.target === "number" ? options.target : options.target?.[region];
    if (target !== undefined) data.push(targetDatum(target, targetYear, options.unit, digits, region));
  }
  if (levels.size > 1) throw new Error("Semua proyeksi dalam satu grafik harus memakai tingkat interval yang sama.");
  const level = levels.size === 1 ? [...levels][0]! : null;

  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(options.title, options.subtitle),
    data: { values: data },
    columns: options.columns ?? 4,
    facet: { field: "region", type: "nominal", title: null, sort: order, header: { labelFontWeight: "bold", labelFontSize: 13 } },
    spec: {
      width: options.cellWidth ?? 170,
      height: options.cellHeight ?? 120,
      layer: trendLayers(plan(data, options.title, options.unit, level, observedLabel))
    },
    config: baseConfig()
  };
}
