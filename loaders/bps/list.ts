// Paged list models (var, th, …): `data` = [ {page, pages, …}, [items…] ], page size 10, loop 1..pages.
import { BpsApiError } from "./errors.js";
import type { BpsClient } from "./client.js";
import type { RequestParams } from "./raw-cache.js";

export interface PageMeta {
  readonly page: number;
  readonly pages: number;
}

/** Splits one list answer into its page header and items; tolerant of a missing header. */
export function readListPage(body: Record<string, unknown>): { meta: PageMeta; items: Record<string, unknown>[] } {
  const data = body.data;
  if (!Array.isArray(data)) {
    if (data === "" || data === undefined || data === null) return { meta: { page: 1, pages: 1 }, items: [] };
    throw new BpsApiError("malformed", "daftar BPS tanpa larik data");
  }
  const [head, items] = data as [unknown, unknown];
  const meta = head && typeof head === "object" && !Array.isArray(head) ? (head as Record<string, unknown>) : {};
  const page = Number(meta.page ?? 1);
  const pages = Number(meta.pages ?? 1);
  if (!Array.isArray(items)) throw new BpsApiError("malformed", "daftar BPS tanpa larik item pada data[1]");
  return {
    meta: { page: Number.isFinite(page) ? page : 1, pages: Number.isFinite(pages) && pages >= 1 ? pages : 1 },
    items: items.filter((item): item is Record<string, unknown> => !!item && typeof item === "object")
  };
}

export interface ListOptions {
  /** Safety bound: domain 3600 had 80 pages of variables. */
  readonly maxPages?: number;
  readonly onPage?: (page: number, pages: number) => void;
}

export async function fetchAllPages(client: BpsClient, params: RequestParams, options: ListOptions = {}): Promise<Record<string, unknown>[]> {
  const maxPages = options.maxPages ?? 300;
  const all: Record<string, unknown>[] = [];
  for (let page = 1, pages = 1; page <= pages; page++) {
    if (page > maxPages) throw new BpsApiError("malformed", `daftar ${client.describe(params)} melebihi ${maxPages} halaman`);
    const answer = await client.request({ ...params, page });
    if (answer.kind === "no-data") break;
    const { meta, items } = readListPage(answer.body);
    pages = meta.pages;
    all.push(...items);
    options.onPage?.(page, pages);
  }
  return all;
}
