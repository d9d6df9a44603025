// Small page elements shared by every page: error boxes, source lines, synthetic-data badges.
import { DataError } from "./database.js";
import { formatDate } from "./format.js";
import { sourceEntries } from "./sources.js";
import { SYNTHETIC_LABEL, SYNTHETIC_MEANING } from "./synthetic.js";

type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and children; strings become text nodes (never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/**
 * Text in which `backticked` parts are identifiers (column names, code values, file paths): those
 * become <code> elements, the rest stays text (never HTML).
 */
export function textWithCode(text: string): (Node | string)[] {
  return text.split(/(`[^`]+`)/).filter((part) => part !== "").map((part) =>
    part.length > 2 && part.startsWith("`") && part.endsWith("`") ? el("code", {}, part.slice(1, -1)) : part
  );
}

/** A readable Indonesian error box; the technical detail stays available on hover and in the console. */
export function errorBox(error: unknown): HTMLElement {
  const message = error instanceof DataError ? error.userMessage : "Terjadi kesalahan saat menyiapkan tampilan ini.";
  const detail = error instanceof DataError ? error.detail : error instanceof Error ? error.message : String(error);
  console.warn(error);
  return el("div", { class: "ts-error", role: "alert", title: detail }, el("strong", {}, "Data tidak dapat ditampilkan. "), message);
}

/** Awaits a render and shows an Indonesian error box instead of a failed cell if it throws. */
export async function guarded(render: () => Promise<Node> | Node): Promise<Node> {
  try {
    return await render();
  } catch (error) {
    return errorBox(error);
  }
}

/** One line under a figure: "Sumber: … · diambil 23 Sep 2025". */
export function sourceLine(source: string, retrievedAt?: string | null): HTMLElement {
  return el("p", { class: "ts-source" }, ...textWithCode(`Sumber: ${source}`), retrievedAt ? ` · diambil ${formatDate(retrievedAt)}` : "");
}

/** Badge that must accompany any synthetic figure. */
export function syntheticBadge(): HTMLElement {
  return el("span", { class: "ts-synthetic", title: `Data ${SYNTHETIC_MEANING}` }, SYNTHETIC_LABEL);
}

/** The badge when the figure's tables are synthetic (the catalogue's flag), nothing otherwise. */
export function syntheticBadgeIf(synthetic: boolean): HTMLElement | null {
  return synthetic ? syntheticBadge() : null;
}

interface Sourced {
  readonly source: string;
  readonly retrieved_at: string | Date;
}

/**
 * One line under a figure or chart: "Sumber: BPS, dikutip dari bps.go.id, detik.com … · snapshot
 * 5 Okt 2026". `publisher` names the original publisher; the sites after "dikutip dari" are the
 * distinct hosts of the figures' sources (official first), without document-sharing copies, blogs or
 * spam-like domains. At most `maxSites` are listed; the rest are counted and listed on hover.
 */
export function sourceNote(figures: readonly Sourced[], options: { publisher?: string; maxSites?: number } = {}): HTMLElement {
  const { entries } = sourceEntries(figures.map((f) => f.source));
  const max = options.maxSites ?? 6;
  const dates = [...new Set(figures.map((f) => (f.retrieved_at instanceof Date ? f.retrieved_at.toISOString() : String(f.retrieved_at)).slice(0, 10)))].sort();
  const note = el("p", { class: "ts-source" }, "Sumber: ");
  if (options.publisher) note.append(options.publisher, entries.length > 0 ? ", dikutip dari " : "");
  entries.slice(0, max).forEach((entry, i) => {
    if (i > 0) note.append(", ");
    note.append(entry.url ? el("a", { href: entry.url, rel: "noreferrer" }, entry.label) : entry.label);
  });
  if (entries.length > max) {
    const rest = entries.slice(max);
    note.append(" ", el("span", { title: rest.map((e) => e.label).join(", ") }, `dan ${rest.length} situs lain`));
  }
  if (dates.length > 0) note.append(` · snapshot ${dates.map((d) => formatDate(d)).join(", ")}`);
  return note;
}
