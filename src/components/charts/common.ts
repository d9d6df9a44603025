// Pieces every chart builder shares: schema version, Indonesian config, colours, label formatting.
import type { Config } from "vega-lite";
import { formatNumber } from "../core/format.js";
import type { ModelStatus } from "../domain/model/model-status.js";
import { LOCALE_ID } from "./locale.js";

/** Vega-Lite major version the specs are written for (the schema in node_modules/vega-lite). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Observed data, projection, target, missing values. */
export const COLORS = {
  observed: "#1f5f8b",
  projection: "#e07b1a",
  target: "#8c1c13",
  missing: "#d9d9d9",
  boundary: "#ffffff"
} as const;

/** Status colours from a diverging red–blue scheme that stays distinguishable with red–green colour blindness. */
export const STATUS_COLORS: Readonly<Record<ModelStatus, string>> = {
  off_track: "#b2182b",
  at_risk: "#ef8a62",
  on_track: "#2166ac",
  insufficient_data: "#bababa"
};

/** d3-format specifiers; the locale turns them into "5,51" and "1.300". */
export const NUMBER_FORMAT = ",.2~f";
export const YEAR_FORMAT = "d";

export function baseConfig(): Config {
  return {
    locale: LOCALE_ID,
    font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    view: { stroke: null },
    // Vega describes axes and legends to screen readers in English ("X-axis titled … for a linear
    // scale"); they are left out of the accessibility tree, the marks keep their Indonesian labels.
    axis: { labelFontSize: 13, titleFontSize: 13, titleFontWeight: "normal", aria: false },
    legend: { labelFontSize: 13, titleFontSize: 13, titleFontWeight: "normal", aria: false },
    title: { anchor: "start", fontSize: 16, fontWeight: "bold", subtitleFontSize: 13 }
  };
}

/**
 * Splits `text` at spaces into lines of at most `maxChars` characters (a longer word stays whole),
 * for chart titles that Vega does not wrap by itself.
 */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * A chart title (16 px bold) and subtitle (13 px) wrapped to fit `width` pixels: with autosize
 * fit-x a line wider than the chart would squeeze the plot instead. One line stays a plain string.
 */
export function fittedTitle(title: string, subtitle: string | undefined, width: number): string | { text: string | string[]; subtitle?: string | string[] } {
  const one = (lines: string[]) => (lines.length === 1 ? lines[0]! : lines);
  const text = one(wrapWords(title, Math.floor(width / 10)));
  if (subtitle === undefined) return typeof text === "string" ? text : { text };
  return { text, subtitle: one(wrapWords(subtitle, Math.floor(width / 7.5))) };
}

function withUnit(formatted: string, unit: string): string {
  if (formatted === "–" || unit === "") return formatted;
  return unit === "%" ? `${formatted}%` : `${formatted} ${unit}`;
}

/** "5,51%" or "41,07 ribu jiwa": unit glued on for "%", spaced for words. */
export function valueLabel(value: number | null | undefined, unit: string, digits = 2): string {
  return withUnit(formatNumber(value, digits), unit);
}

/** Like valueLabel without trailing decimal zeros: "0%", "4,5%", "0,25%". */
export function shortValueLabel(value: number | null | undefined, unit: string, digits = 2): string {
  let n = formatNumber(value, digits);
  if (n.includes(",")) n = n.replace(/0+$/, "").replace(/,$/, "");
  return withUnit(n, unit);
}

/** Axis title with its unit: "Penduduk miskin (%)". */
export function titleWithUnit(title: string, unit: string): string {
  return unit ? `${title} (${unit})` : title;
}
