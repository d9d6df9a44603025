// Extreme poverty of one region: model estimates on the current line (hollow circles with their 80%
// interval as a vertical bar), BPS survey figures (filled squares, one colour per line), the
// projection to 2026 with its 80% band, and the target ceiling. Estimates and survey figures differ
// in marker, colour and legend entry, so a model figure is never read as an official one.
import type { TopLevelSpec } from "vega-lite";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import type { LayerSpec } from "vega-lite/types_unstable/spec/index.js";
import { COLORS, NUMBER_FORMAT, VEGA_LITE_SCHEMA, YEAR_FORMAT, baseConfig, fittedTitle, shortValueLabel, valueLabel } from "./common.js";

type Layer = LayerSpec<Field>["layer"][number];

export const ESTIMATE_LABEL = "Perkiraan model, bukan angka resmi BPS";
export const PROJECTION_LABEL = "Proyeksi ke 2026 (selang 80%)";
export const SURVEY_OLD_LABEL = "Angka survei BPS, garis lama (US$1,90)";
export const SURVEY_NEW_LABEL = "Angka survei BPS, garis baru (US$2,15)";
const ESTIMATE_COLOR = "#6a3d9a";
const SURVEY_OLD_COLOR = "#7f7f7f";

export interface EstimatePointInput {
  readonly year: number;
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

export interface SurveyPointInput {
  readonly year: number;
  readonly value: number;
  readonly series: "usd190_ppp2011" | "usd215_ppp2017";
  readonly source?: string;
}

export interface EstimateSeriesOptions {
  readonly estimates: readonly EstimatePointInput[];
  readonly survey?: readonly SurveyPointInput[];
  readonly projection?: readonly EstimatePointInput[];
  /** Ceiling drawn as a rule (0,5 for the 2026 target read as ≤ 0,5%). */
  readonly target?: number;
  readonly targetYear?: number;
  readonly title: string;
  readonly subtitle?: string;
  readonly width?: number;
  readonly height?: number;
}

interface Datum {
  kind: "estimate" | "survey" | "projection" | "target";
  series: string;
  year: number;
  value: number;
  lower: number | null;
  upper: number | null;
  value_label: string;
  interval_label: string | null;
  source: string | null;
}

const pct = (v: number) => valueLabel(v, "%", 2);

export function estimateSeriesSpec(options: EstimateSeriesOptions): TopLevelSpec {
  const data: Datum[] = [];
  for (const e of options.estimates) {
    data.push({ kind: "estimate", series: ESTIMATE_LABEL, year: e.year, value: e.value, lower: e.lower, upper: e.upper, value_label: pct(e.value), interval_label: `${pct(e.lower)} – ${pct(e.upper)}`, source: null });
  }
  for (const s of options.survey ?? []) {
    data.push({ kind: "survey", series: s.series === "usd215_ppp2017" ? SURVEY_NEW_LABEL : SURVEY_OLD_LABEL, year: s.year, value: s.value, lower: null, upper: null, value_label: pct(s.value), interval_label: null, source: s.source ?? null });
  }
  for (const p of options.projection ?? []) {
    data.push({ kind: "projection", series: PROJECTION_LABEL, year: p.year, value: p.value, lower: p.lower, upper: p.upper, value_label: pct(p.value), interval_label: `${pct(p.lower)} – ${pct(p.upper)}`, source: null });
  }
  const targetYear = options.targetYear ?? 2026;
  if (options.target !== undefined) {
    data.push({ kind: "target", series: "Target", year: targetYear, value: options.target, lower: null, upper: null, value_label: `Target ${targetYear}: ≤${shortValueLabel(options.target, "%")}`, interval_label: null, source: null });
  }
  const domain = [ESTIMATE_LABEL, ...(options.projection?.length ? [PROJECTION_LABEL] : []), ...(data.some((d) => d.series === SURVEY_OLD_LABEL) ? [SURVEY_OLD_LABEL] : []), ...(data.some((d) => d.series === SURVEY_NEW_LABEL) ? [SURVEY_NEW_LABEL] : [])];
  const range = domain.map((d) => (d === ESTIMATE_LABEL ? ESTIMATE_COLOR : d === PROJECTION_LABEL ? COLORS.projection : d === SURVEY_OLD_LABEL ? SURVEY_OLD_COLOR : COLORS.observed));
  const shapes = domain.map((d) => (d === ESTIMATE_LABEL || d === PROJECTION_LABEL ? "circle" : "square"));
  const x = { field: "year", type: "quantitative", title: "Tahun", scale: { zero: false, nice: false, padding: 12 }, axis: { format: YEAR_FORMAT, tickMinStep: 1 } } as const;
  const y = { field: "value", type: "quantitative", title: "Penduduk miskin ekstrem (%)", scale: { zero: true }, axis: { format: NUMBER_FORMAT } } as const;
  const color = { field: "series", type: "nominal", title: null, scale: { domain, range }, legend: { orient: "bottom", direction: "vertical", labelLimit: 420 } } as const;
  const shape = { field: "series", type: "nominal", title: null, scale: { domain, range: shapes } } as const;
  const tooltip = [
    { field: "year", type: "quantitative", title: "Tahun", format: YEAR_FORMAT },
    { field: "series", type: "nominal", title: "Jenis angka" },
    { field: "value_label", type: "nominal", title: "Nilai" },
    { field: "interval_label", type: "nominal", title: "Selang 80%" }
  ] as const;
  const only = (kind: Datum["kind"]) => [{ filter: { field: "kind", equal: kind } }];
  const layers: Layer[] = [];
  if (options.projection?.length) {
    layers.push(
      { name: "projection_band", transform: only("projection"), mark: { type: "area", opacity: 0.2, color: COLORS.projection }, encoding: { x, y: { field: "lower", type: "quantitative", title: "Penduduk miskin ekstrem (%)" }, y2: { field: "upper" } } },
      { name: "projection_line", transform: only("projection"), mark: { type: "line", strokeDash: [6, 4] }, encoding: { x, y, color } },
      { name: "projection_points", transform: only("projection"), mark: { type: "point", filled: false, size: 30 }, encoding: { x, y, color, shape, tooltip: [...tooltip] } }
    );
  }
  layers.push(
    { name: "estimate_intervals", transform: only("estimate"), mark: { type: "rule", strokeWidth: 2, opacity: 0.6 }, encoding: { x, y: { field: "lower", type: "quantitative", title: "Penduduk miskin ekstrem (%)" }, y2: { field: "upper" }, color } },
    { name: "estimate_points", transform: only("estimate"), mark: { type: "point", filled: false, size: 70, strokeWidth: 2 }, encoding: { x, y, color, shape, tooltip: [...tooltip] } },
    {
      name: "survey_points",
      transform: only("survey"),
      mark: { type: "point", filled: true, size: 80 },
      encoding: { x, y, color, shape, tooltip: [tooltip[0], tooltip[1], tooltip[2], { field: "source", type: "nominal", title: "Sumber" }] }
    }
  );
  if (options.target !== undefined) {
    layers.push(
      { name: "target_rule", transform: only("target"), mark: { type: "rule", color: COLORS.target, strokeDash: [2, 3], strokeWidth: 1.5 }, encoding: { y } },
      { name: "target_label", transform: only("target"), mark: { type: "text", color: COLORS.target, align: "right", baseline: "bottom", dy: -3, fontSize: 12 }, encoding: { x, y, text: { field: "value_label", type: "nominal" } } }
    );
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: fittedTitle(options.title, options.subtitle, options.width ?? 640),
    width: options.width ?? 640,
    height: options.height ?? 280,
    data: { values: data },
    layer: layers,
    // Vega's automatic ARIA texts are English; the chart is described in Indonesian instead.
    description: `${options.title}: perkiraan model per tahun dengan selang 80%, angka survei BPS${options.projection?.length ? ", proyeksi ke 2026" : ""}${options.target !== undefined ? " dan target" : ""}.`,
    config: { ...baseConfig(), aria: false }
  };
}
