// Small page elements shared by every page: error boxes, source lines, synthetic-data badges.
import { DataError } from "./database.js";
import { formatDate } from "./format.js";

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
  return el("p", { class: "ts-source" }, `Sumber: ${source}`, retrievedAt ? ` · diambil ${formatDate(retrievedAt)}` : "");
}

/** Badge that must accompany any synthetic figure. */
export function syntheticBadge(): HTMLElement {
  return el("span", { class: "ts-synthetic", title: "Data dibangkitkan untuk demonstrasi, bukan data penduduk sebenarnya" }, "DATA SINTETIS");
}
