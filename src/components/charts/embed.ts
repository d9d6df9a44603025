// Renders a Vega-Lite spec in the page with vega-embed: SVG renderer, Indonesian number and time
// formats, Indonesian menu texts, and only the export actions (PNG/SVG download). The source,
// compiled-spec and editor actions stay off: the editor link would send the chart to another host.
import embed, { type EmbedOptions, type Result } from "vega-embed";
import type { TopLevelSpec } from "vega-lite";
import { NUMBER_LOCALE_ID, TIME_LOCALE_ID } from "./locale.js";

export const EMBED_I18N_ID = {
  CLICK_TO_VIEW_ACTIONS: "Klik untuk melihat pilihan",
  COMPILED_ACTION: "Lihat spesifikasi Vega",
  EDITOR_ACTION: "Buka di editor Vega",
  PNG_ACTION: "Unduh PNG",
  SOURCE_ACTION: "Lihat spesifikasi",
  SVG_ACTION: "Unduh SVG"
} as const;

export interface RenderOptions {
  /** Available width in pixels (e.g. from Framework's `resize`). Applied to single-view specs. */
  readonly width: number;
  /** Name of downloaded PNG/SVG files, without extension. */
  readonly fileName?: string;
  /** Framework's `invalidation` promise: the view is finalized when the cell re-runs. */
  readonly invalidation?: Promise<unknown>;
}

/** The vega-embed options used for every chart. */
export function embedOptions(fileName = "grafik"): EmbedOptions {
  return {
    renderer: "svg",
    actions: { export: true, source: false, compiled: false, editor: false },
    formatLocale: { ...NUMBER_LOCALE_ID },
    timeFormatLocale: { ...TIME_LOCALE_ID },
    i18n: { ...EMBED_I18N_ID },
    downloadFileName: fileName
  };
}

/**
 * A single view (one mark or layers) stretched to `width`, legends and axes included. Faceted and
 * concatenated specs are returned unchanged: their cell sizes are set by the builder.
 */
export function withWidth(spec: TopLevelSpec, width: number): TopLevelSpec {
  if (!("mark" in spec) && !("layer" in spec)) return spec;
  return { ...spec, width: Math.max(0, Math.floor(width)), autosize: { type: "fit-x", contains: "padding" } } as TopLevelSpec;
}

/** The spec's title as plain text, if it has one. */
function titleText(spec: TopLevelSpec): string | null {
  const title = (spec as { title?: unknown }).title;
  const text = typeof title === "object" && title !== null && "text" in title ? (title as { text: unknown }).text : title;
  if (typeof text === "string") return text;
  if (Array.isArray(text)) return text.join(" ");
  return null;
}

/**
 * Gives vega-embed's action menu (a <details> whose <summary> holds only an icon) an accessible
 * name that says what it offers and for which chart.
 */
export function labelActionMenu(container: HTMLElement, chartTitle: string | null): void {
  const summary = container.querySelector(".vega-actions")?.parentElement?.querySelector("summary")
    ?? container.querySelector("details > summary");
  if (!summary) return;
  const label = `Pilihan grafik${chartTitle ? ` "${chartTitle}"` : ""}: unduh PNG atau SVG`;
  summary.setAttribute("aria-label", label);
  summary.setAttribute("title", label);
}

/** Render `spec` into a new element; resolves once the chart is drawn. */
export async function renderChart(spec: TopLevelSpec, options: RenderOptions): Promise<HTMLElement> {
  const element = document.createElement("div");
  element.className = "chart";
  const result: Result = await embed(element, withWidth(spec, options.width), embedOptions(options.fileName));
  labelActionMenu(element, titleText(spec));
  void options.invalidation?.then(() => result.finalize());
  return element;
}
