// HTTP client for the BPS Web API: browser-like User-Agent, per-request timeout, paced requests,
// bounded retries with exponential backoff on timeouts, 5xx and HTML/WAF pages, no retry on a refused
// key, and a raw-response cache. The key travels only in the request URL; every message is redacted.
import { BpsApiError } from "./errors.js";
import { interpretBody, interpretResponse, type Interpreted } from "./interpret.js";
import type { RawCache, RequestParams } from "./raw-cache.js";
import { redactSecret } from "./redact.js";
import { DEFAULT_BASE_URL } from "./config.js";

/** The WAF blocks default curl/python/node agents; BPS clients send a browser's. */
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

export interface BpsClientOptions {
  readonly key: string;
  readonly baseUrl?: string;
  /** Per attempt, including reading the body. */
  readonly timeoutMs?: number;
  /** Attempts per request, first one included. */
  readonly maxAttempts?: number;
  /** Backoff before retry n is baseDelayMs × 2^(n-1). */
  readonly baseDelayMs?: number;
  /** Minimum gap between requests (public clients pace themselves at about 2 per second). */
  readonly minIntervalMs?: number;
  /** Injected in tests so backoff costs no wall time. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly fetch?: typeof fetch;
  readonly userAgent?: string;
  readonly now?: () => Date;
  readonly cache?: RawCache;
  /** Answer from the raw cache when it holds the request (false for a forced refresh). */
  readonly readCache?: boolean;
  /** Progress and retry lines, already redacted. */
  readonly onEvent?: (line: string) => void;
}

export type BpsAnswer = Interpreted & { readonly fetchedAt: string; readonly fromCache: boolean };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function encodeQueryValue(value: string): string {
  // ";" and ":" separate th lists and ranges; both are legal in a query, so keep them readable.
  return encodeURIComponent(value).replace(/%3B/gi, ";").replace(/%3A/gi, ":");
}

export class BpsClient {
  private readonly options: Required<Omit<BpsClientOptions, "cache" | "onEvent">> & Pick<BpsClientOptions, "cache" | "onEvent">;
  private lastRequestAt = Number.NEGATIVE_INFINITY;
  /** Requests sent over the network (not answered from the cache). */
  networkRequests = 0;

  constructor(options: BpsClientOptions) {
    if (!options.key) throw new Error("BpsClient needs a key");
    this.options = {
      baseUrl: DEFAULT_BASE_URL,
      timeoutMs: 20_000,
      maxAttempts: 4,
      baseDelayMs: 2_000,
      minIntervalMs: 500,
      sleep: defaultSleep,
      fetch: globalThis.fetch.bind(globalThis),
      userAgent: BROWSER_USER_AGENT,
      now: () => new Date(),
      readCache: true,
      // An option passed as undefined keeps its default.
      ...(Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as BpsClientOptions)
    };
  }

  /** A key-free description of a request for messages, e.g. "model=data domain=3600 var=621 th=123;124". */
  describe(params: RequestParams): string {
    return Object.entries(params)
      .filter(([name]) => name !== "key")
      .map(([name, value]) => `${name}=${value}`)
      .join(" ");
  }

  redact(text: string): string {
    return redactSecret(text, this.options.key);
  }

  private url(params: RequestParams): string {
    const base = this.options.baseUrl.endsWith("/") ? this.options.baseUrl : `${this.options.baseUrl}/`;
    const query = Object.entries({ ...params, key: this.options.key })
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeQueryValue(String(value))}`)
      .join("&");
    return `${new URL("list", base).toString()}?${query}`;
  }

  async request(params: RequestParams): Promise<BpsAnswer> {
    const { cache } = this.options;
    if (cache && this.options.readCache) {
      const cached = await cache.read(params);
      if (cached) return { ...interpretBody(cached.body), fetchedAt: cached.fetched_at, fromCache: true };
    }
    let answer;
    try {
      answer = await this.fetchWithRetries(params);
    } catch (error) {
      // A th-limit refusal is cached too, so a later run re-chunks without asking again.
      if (cache && error instanceof BpsApiError && error.kind === "th-limit" && error.details.body !== undefined) {
        await cache.write(params, error.details.body, this.options.now().toISOString());
      }
      throw error;
    }
    if (cache) await cache.write(params, answer.kind === "data" ? answer.body : answer.raw, answer.fetchedAt);
    return answer.kind === "data"
      ? { kind: "data", body: answer.body, fetchedAt: answer.fetchedAt, fromCache: false }
      : { kind: "no-data", reason: answer.reason, fetchedAt: answer.fetchedAt, fromCache: false };
  }

  private async fetchWithRetries(params: RequestParams): Promise<(Interpreted & { fetchedAt: string; raw: unknown })> {
    const { maxAttempts, baseDelayMs, sleep } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(params);
      } catch (error) {
        const failure = this.classify(error);
        if (!failure.retryable || attempt >= maxAttempts) {
          const tries = attempt > 1 ? ` setelah ${attempt} percobaan` : "";
          throw new BpsApiError(failure.kind, this.redact(`${this.describe(params)}: ${failure.message}${tries}`), failure.details);
        }
        const delay = baseDelayMs * 2 ** (attempt - 1);
        this.options.onEvent?.(this.redact(`  ${failure.message}; mencoba lagi (${attempt + 1}/${maxAttempts}) dalam ${delay} ms: ${this.describe(params)}`));
        await sleep(delay);
      }
    }
  }

  private classify(error: unknown): BpsApiError {
    if (error instanceof BpsApiError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new BpsApiError("network", this.redact(`koneksi ke BPS gagal (${message})`));
  }

  private async pace(): Promise<void> {
    const wait = this.lastRequestAt + this.options.minIntervalMs - Date.now();
    if (wait > 0) await this.options.sleep(wait);
    this.lastRequestAt = Date.now();
  }

  private async attempt(params: RequestParams): Promise<Interpreted & { fetchedAt: string; raw: unknown }> {
    await this.pace();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    try {
      this.networkRequests++;
      const fetchedAt = this.options.now().toISOString();
      const response = await this.options.fetch(this.url(params), {
        headers: { "User-Agent": this.options.userAgent, Accept: "application/json, text/plain, */*" },
        signal: controller.signal,
        redirect: "follow"
      });
      const text = await response.text();
      const interpreted = interpretResponse(response.status, response.headers.get("content-type") ?? "", text);
      const raw = interpreted.kind === "no-data" ? parseOrNull(text) : interpreted.body;
      return { ...interpreted, fetchedAt, raw };
    } catch (error) {
      if (timedOut) throw new BpsApiError("timeout", `tidak ada jawaban dalam ${this.options.timeoutMs} ms`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
