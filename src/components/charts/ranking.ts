// Regions ranked by projection status (worst first), then by value: which areas are behind.
// Bars carry the projected (or latest) value, coloured by status; regions without enough data are
// listed with a text label instead of a bar, so they are not mistaken for "zero".
import type { TopLevelSpec } from "vega-lite";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import type { LayerSpec } from "vega-lite/types_unstable/spec/index.js";
import { MODEL_STATUS_LABEL, MODEL_STATUS_ORDER, type ModelStatus } from "../domain/model/model-status.js";
import { COLORS, NUMBER_FORMAT, STATUS_COLORS, VEGA_LITE_SCHEMA, baseConfig, fittedTitle, shortValueLabel, titleWithUnit, valueLabel, wrapWords } from "./common.js";

type Layer = LayerSpec<Field>["layer"][number];

export interface RankingRow {
  readonly kode: string;
  readonly nama: string;
  /** The value the bar shows (e.g. projected 2026 value); null when there is none. */
  readonly value: number | null;
  readonly status: ModelStatus;
  /** Bar label; default the value with its unit, or the status label when there is no value. */
  readonly label?: string;
  /** Extra tooltip line (e.g. the status reason). */
  readonly note?: string;
}

export interface RankingOptions {
  readonly rows: readonly RankingRow[];
  /** Chart title; also the value's name on the axis. */
  readonly title: string;
  readonly unit: string;
  readonly subtitle?: string;
  /** Target value drawn as a vertical rule. */
  readonly target?: number;
  readonly targetLabel?: string;
  readonly width?: number;
  /** Height of one bar row in pixels. */
  readonly rowHeight?: number;
  readonly digits?: number;
}

/** Rows in display order: status (worst first), then larger value first, then name. */
export function rankRows(rows: readonly RankingRow[]): RankingRow[] {
  const rank = (s: ModelStatus) => MODEL_STATUS_ORDER.indexOf(s);
  return [...rows].sort(
    (a, b) =>
      rank(a.status) - rank(b.status) ||
      (b.value ?? -Infinity) - (a.value ?? -Infinity) ||
      a.nama.localeCompare(b.nama, "id")
  );
}

export function rankingBarSpec(options: RankingOptions): TopLevelSpec {
  const names = new Set<string>();
  for (const row of options.rows) {
    if (names.has(row.nama)) throw new Error(`Nama wilayah "${row.nama}" muncul lebih dari sekali.`);
    names.add(row.nama);
  }
  const digits = options.digits ?? 2;
  const ordered = rankRows(options.rows);
  const data = ordered.map((row) => ({
    kode: row.kode,
    nama: row.nama,
    value: row.value,
    status: row.status,
    status_label: MODEL_STATUS_LABEL[row.status],
    label: row.label ?? (row.value === null ? MODEL_STATUS_LABEL[row.status] : valueLabel(row.value, options.unit, digits)),
    // Text sits at the bar's end, or at 0 when there is no bar.
    label_x: row.value ?? 0,
    note: row.note ?? ""
  }));
  // On a phone (fit-x) long texts would squeeze the bars: the axis title wraps, region names are cut earlier.
  const width = options.width ?? 520;
  const narrow = width < 480;
  const xTitle = titleWithUnit(options.title, options.unit);
  const y = { field: "nama", type: "nominal", title: "Wilayah", sort: ordered.map((r) => r.nama), axis: { title: null, labelLimit: narrow ? Math.round(width * 0.4) : 240 } } as const;
  const x = { field: "value", type: "quantitative", title: narrow ? wrapWords(xTitle, Math.floor(width / 7.5)) : xTitle, axis: { format: NUMBER_FORMAT } } as const;
  const tooltip = [
    { field: "nama", type: "nominal", title: "Wilayah" },
    { field: "label", type: "nominal", title: options.title },
    { field: "status_label", type: "nominal", title: "Status" },
    ...(data.some((d) => d.note !== "") ? [{ field: "note", type: "nominal", title: "Keterangan" } as const] : [])
  ] as const;

  const target: Layer[] =
    options.target === undefined
      ? []
      : [
          {
            // Its own one-row data set: on the shared data the rule would be drawn once per region.
            name: "target_rule",
            data: {
              values: [{ target: options.target, label: options.targetLabel ?? `Target: ${shortValueLabel(options.target, options.unit, digits)}` }]
            },
            mark: { type: "rule", color: COLORS.target, strokeDash: [2, 3], strokeWidth: 1.5 },
            encoding: {
              x: { ...x, field: "target" },
              tooltip: [{ field: "label", type: "nominal", title: "Target" }]
            }
          }
        ];

  return {
    $schema: VEGA_LITE_SCHEMA,
    title: fittedTitle(options.title, options.subtitle, width),
    width,
    // A fixed height (not {step}) so renderChart can fit the width without vega-lite's "fit" warning.
    height: (options.rowHeight ?? 26) * Math.max(1, ordered.length),
    data: { values: data },
    layer: [
      {
        name: "bars",
        transform: [{ filter: { field: "value", valid: true } }],
        mark: { type: "bar" },
        encoding: {
          y,
          x,
          color: {
            field: "status_label",
            type: "nominal",
            title: "Status",
            scale: {
              domain: MODEL_STATUS_ORDER.map((s) => MODEL_STATUS_LABEL[s]),
              range: MODEL_STATUS_ORDER.map((s) => STATUS_COLORS[s])
            },
            // Four status names side by side need about 480 px; on a phone they stack.
            legend: { orient: "bottom", direction: narrow ? "vertical" : "horizontal" }
          },
          tooltip: [...tooltip]
        }
      },
      {
        name: "labels",
        mark: { type: "text", align: "left", baseline: "middle", dx: 4, fontSize: 12 },
        encoding: {
          y,
          x: { ...x, field: "label_x" },
          text: { field: "label", type: "nominal" },
          tooltip: [...tooltip]
        }
      },
      ...target
    ],
    config: baseConfig()
  };
}
