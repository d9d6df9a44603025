// A loopback stand-in for the BPS Web API (node:http on 127.0.0.1, port 0) that answers with the shapes
// documented in data/reference/published/bps-api.md. Every value it serves is a placeholder, not a figure.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
}

/** Answers a request; return "hang" to never answer (the client must time out). */
export type Handler = (request: SeenRequest, response: ServerResponse) => void | "hang";

export interface FakeBps {
  readonly baseUrl: string;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startFakeBps(handler: Handler): Promise<FakeBps> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const seen = { path: url.pathname, query: url.searchParams, headers: req.headers };
    requests.push(seen);
    handler(seen, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1/api/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

export function sendJson(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

export function sendText(response: ServerResponse, text: string, status: number, contentType: string): void {
  response.writeHead(status, { "content-type": contentType });
  response.end(text);
}

export const WAF_PAGE = "<!DOCTYPE html><html><head><title>Perimeter WAF Block</title></head><body>Request blocked</body></html>";
export const KEY_ERROR = { status: "Error", message: "You are not Allowed to take this action. Please re-check your key" };

export function thLimitError(limit: number, provided: number) {
  return { status: "Error", message: `The maximum allowed number of years for the 'th' parameter is ${limit}. You provided ${provided}.` };
}

export interface Dims {
  varId: number;
  title?: string;
  unit?: string;
  vervar: { val: number | string; label: string }[];
  turvar?: { val: number | string; label: string }[];
  tahun: { val: number; label: string }[];
  turtahun?: { val: number; label: string }[];
  related?: unknown;
}

/**
 * A model=data answer. `values` maps "vervar|tahun" (or "vervar|tahun|turtahun") to the cell; the key is
 * laid out as the documentation states: vervar + var + turvar + tahun + turtahun, no separators.
 */
export function dataAnswer(dims: Dims, values: Record<string, unknown>) {
  const turvar = dims.turvar ?? [{ val: "0", label: "Tidak ada" }];
  const turtahun = dims.turtahun ?? [{ val: 0, label: "Tahun" }];
  const datacontent: Record<string, unknown> = {};
  for (const [where, value] of Object.entries(values)) {
    const [vervar, tahun, round = String(turtahun[0]!.val)] = where.split("|");
    datacontent[`${vervar}${dims.varId}${turvar[0]!.val}${tahun}${round}`] = value;
  }
  return {
    status: "OK",
    "data-availability": "available",
    last_update: "2026-01-01 00:00:00",
    var: [{ val: dims.varId, label: dims.title ?? "Variabel contoh", unit: dims.unit ?? "Persen", subj: "Contoh", def: "", decimal: 2, note: "" }],
    turvar,
    labelvervar: "Kabupaten/Kota",
    vervar: dims.vervar,
    tahun: dims.tahun,
    turtahun,
    datacontent,
    related: dims.related ?? []
  };
}

/** A paged list answer: data = [ {page, pages, …}, [items…] ]. */
export function listAnswer(page: number, pages: number, items: unknown[]) {
  return { status: "OK", "data-availability": "available", data: [{ page, pages, per_page: 10, count: items.length, total: items.length }, items] };
}
