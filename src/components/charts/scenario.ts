// Charts of the scenario planner: the extreme-poor trajectory of each scenario to the target year,
// and horizontal bars comparing scenarios on one rupiah measure (cost per exit, budget to close the gap).
import type { TopLevelSpec } from "vega-lite";
import { COLORS, NUMBER_FORMAT, VEGA_LITE_SCHEMA, YEAR_FORMAT, baseConfig, fittedTitle, titleWithUnit } from "./common.js";

/** Scenario colours (up to three scenarios plus the status quo), distinguishable in greyscale print. */
export const SCENARIO_COLORS = ["#1f5f8b", "#e07b1a", "#5b8c2a", "#7b3294"] as const;

export interface TrajectoryPoint {
  readonly scenario: string;
  readonly year: number;
  readonly value: number;
  /** Tooltip text (e.g. "12.345 jiwa (perkiraan)"). */
  readonly label: string;
}

export interface TrajectoryOptions {
  readonly points: readonly TrajectoryPoint[];
  /** Scenario names in legend order. */
  readonly scenarios: readonly string[];
  readonly title: string;
  readonly subtitle?: string;
  readonly unit: string;
  readonly target: { readonly year: number; readonly value: number; readonly label: string };
  readonly width?: number;
  readonly height?: number;
}

export function trajectorySpec(options: TrajectoryOptions): TopLevelSpec {
  const years = [...new Set([...options.points.map((p) => p.year), options.target.year])].sort((a, b) => a - b);
  const domain = options.scenarios;
  const x = { field: "year", type: "quantitative", title: "Tahun", axis: { format: YEAR_FORMAT, values: years, tickMinStep: 1 }, scale: { domain: [years[0]!, years.at(-1)!], nice: false } } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    // Wrapped to the chart width: on a phone the subtitle would otherwise run past the edge.
    title: fittedTitle(options.title, options.subtitle, options.width ?? 560),
    width: options.width ?? 560,
    height: options.height ?? 280,
    config: baseConfig(),
    layer: [
      {
        name: "scenario_lines",
        data: { values: options.points.map((p) => ({ ...p })) },
        mark: { type: "line", aria: false, point: { size: 60, filled: true, aria: false }, strokeWidth: 2 },
        encoding: {
          x,
          y: { field: "value", type: "quantitative", title: titleWithUnit(options.title, options.unit), axis: { format: NUMBER_FORMAT, title: options.unit }, scale: { zero: true } },
          color: { field: "scenario", type: "nominal", title: "Skenario", scale: { domain: [...domain], range: SCENARIO_COLORS.slice(0, domain.length) }, legend: { orient: "bottom", columns: 1, labelLimit: 320 } },
          strokeDash: { field: "scenario", type: "nominal", title: "Skenario", scale: { domain: [...domain], range: domain.map((_, i) => (i === 0 ? [1, 0] : i === 1 ? [6, 3] : i === 2 ? [2, 2] : [8, 2, 2, 2])) } },
          tooltip: [
            { field: "scenario", type: "nominal", title: "Skenario" },
            { field: "year", type: "quantitative", title: "Tahun", format: YEAR_FORMAT },
            { field: "label", type: "nominal", title: options.title }
          ]
        }
      },
      {
        name: "target",
        data: { values: [{ year: options.target.year, value: options.target.value, label: options.target.label }] },
        mark: { type: "point", aria: false, shape: "diamond", size: 140, filled: true, color: COLORS.target },
        encoding: {
          x,
          y: { field: "value", type: "quantitative" },
          tooltip: [{ field: "label", type: "nominal", title: "Target" }]
        }
      },
      {
        name: "target_label",
        data: { values: [{ year: options.target.year, value: options.target.value, label: options.target.label }] },
        mark: { type: "text", aria: false, align: "right", dx: -8, dy: -10, color: COLORS.target, fontSize: 12 },
        encoding: { x, y: { field: "value", type: "quantitative" }, text: { field: "label", type: "nominal" } }
      }
    ]
  } as unknown as TopLevelSpec;
}

export interface BarRow {
  readonly label: string;
  /** null = not defined (e.g. no exits, so no cost per exit): shown as text, not as a zero bar. */
  readonly value: number | null;
  readonly text: string;
  /** Colour group (e.g. "Skenario" or "Biaya menutup celah"). */
  readonly group: string;
}

export interface BarsOptions {
  readonly rows: readonly BarRow[];
  readonly title: string;
  readonly subtitle?: string;
  readonly unit: string;
  readonly groups: readonly string[];
  readonly width?: number;
  readonly rowHeight?: number;
}

export function barsSpec(options: BarsOptions): TopLevelSpec {
  const labels = options.rows.map((r) => r.label);
  if (new Set(labels).size !== labels.length) throw new Error("Label batang harus unik.");
  const data = options.rows.map((r) => ({ label: r.label, value: r.value, text: r.text, group: r.group, bar: r.value ?? 0 }));
  const y = { field: "label", type: "nominal", title: null, sort: labels, axis: { labelLimit: 200 } } as const;
  // Room on the right for the value labels.
  const max = Math.max(0, ...data.map((d) => d.bar));
  const domain = [0, max > 0 ? max * 1.45 : 1];
  return {
    $schema: VEGA_LITE_SCHEMA,
    // Wrapped to the chart width: on a phone the subtitle would otherwise run past the edge.
    title: fittedTitle(options.title, options.subtitle, options.width ?? 560),
    width: options.width ?? 560,
    height: { step: options.rowHeight ?? 28 },
    config: baseConfig(),
    data: { values: data },
    layer: [
      {
        name: "bars",
        mark: { type: "bar", aria: false, cornerRadiusEnd: 2 },
        encoding: {
          y,
          x: { field: "bar", type: "quantitative", title: titleWithUnit(options.title, options.unit), axis: { format: NUMBER_FORMAT, tickCount: 4 }, scale: { domain, nice: false } },
          color: {
            field: "group",
            type: "nominal",
            title: null,
            scale: { domain: [...options.groups], range: [SCENARIO_COLORS[0], COLORS.target, SCENARIO_COLORS[1], SCENARIO_COLORS[2]].slice(0, options.groups.length) },
            legend: { orient: "bottom", direction: "vertical", labelLimit: 360 }
          },
          tooltip: [
            { field: "label", type: "nominal", title: "Butir" },
            { field: "text", type: "nominal", title: options.title }
          ]
        }
      },
      {
        name: "labels",
        mark: { type: "text", aria: false, align: "left", dx: 4, fontSize: 12 },
        encoding: { y, x: { field: "bar", type: "quantitative" }, text: { field: "text", type: "nominal" } }
      }
    ]
  } as unknown as TopLevelSpec;
}
