// Turns one HTTP answer from the BPS Web API into data, "no data", or a classified error.
// The API reports errors with HTTP 200 and status "Error", so the body decides, not the status code.
import { BpsApiError } from "./errors.js";

export type Interpreted =
  | { readonly kind: "data"; readonly body: Record<string, unknown> }
  | { readonly kind: "no-data"; readonly reason: string };

const NO_DATA_AVAILABILITY = new Set(["list-not-available", "not-available", "unavailable"]);

export function looksLikeHtml(contentType: string, text: string): boolean {
  return /text\/html/i.test(contentType) || /^\s*<(!doctype|html|head|body|\?xml)/i.test(text);
}

/** The N in "The maximum allowed number of years for the 'th' parameter is N." */
export function parseMaxYears(message: string): number | undefined {
  const match = /maximum allowed number of years[^0-9]*?\bis\s+(\d+)/i.exec(message);
  const n = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function isAuthMessage(message: string): boolean {
  return /not\s+allowed/i.test(message) && /\bkey\b/i.test(message);
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

export function interpretResponse(status: number, contentType: string, text: string): Interpreted {
  if (status >= 500) throw new BpsApiError("http", `server BPS menjawab HTTP ${status}`, { status });
  if (looksLikeHtml(contentType, text)) {
    throw new BpsApiError("waf", `BPS mengirim halaman HTML, bukan JSON (HTTP ${status}; kemungkinan diblokir WAF)`, { status });
  }
  if (status === 429) throw new BpsApiError("http", "BPS membatasi laju permintaan (HTTP 429)", { status, retryable: true });
  if (status >= 400) throw new BpsApiError("http", `BPS menjawab HTTP ${status}: ${shorten(text)}`, { status, retryable: false });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BpsApiError("malformed", `jawaban BPS bukan JSON yang sah (${text.length} byte)`, { status });
  }
  return interpretBody(body, status);
}

/** Classifies a parsed body (also used for answers read back from the raw cache). */
export function interpretBody(body: unknown, status = 200): Interpreted {
  // An invalid var/domain/th combination has been answered with a bare JSON null.
  if (body === null) return { kind: "no-data", reason: "jawaban kosong (null)" };
  if (typeof body !== "object" || Array.isArray(body)) {
    throw new BpsApiError("malformed", "jawaban BPS bukan objek JSON", { status });
  }
  const record = body as Record<string, unknown>;
  const apiStatus = typeof record.status === "string" ? record.status : undefined;
  if (apiStatus !== undefined && apiStatus.toUpperCase() !== "OK") {
    const message = typeof record.message === "string" ? record.message : "(tanpa pesan)";
    if (isAuthMessage(message)) throw new BpsApiError("auth", `kunci API ditolak BPS: "${shorten(message)}"`, { status });
    const maxYears = parseMaxYears(message);
    if (maxYears !== undefined) {
      // The body travels with the error: it is a stable fact about this request, worth caching.
      throw new BpsApiError("th-limit", `BPS membatasi parameter th sampai ${maxYears} tahun per permintaan`, { status, maxYears, body });
    }
    throw new BpsApiError("api", `BPS menjawab status "${apiStatus}": "${shorten(message)}"`, { status });
  }
  const availability = record["data-availability"];
  if (typeof availability === "string" && NO_DATA_AVAILABILITY.has(availability)) {
    return { kind: "no-data", reason: `data-availability: ${availability}` };
  }
  return { kind: "data", body: record };
}
