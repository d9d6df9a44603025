// Raw BPS Web API answers on disk (data/cache/bps/raw/), one file per request, with the fetch time.
// File names and contents are built from the request parameters without the key, and any echo of the
// key in a body is redacted before writing.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../lib/atomic.js";
import { redactSecret } from "./redact.js";

export type RequestParams = Readonly<Record<string, string | number>>;

export interface RawCacheEntry {
  /** ISO timestamp of the fetch. */
  readonly fetched_at: string;
  readonly request: Readonly<Record<string, string>>;
  /** The parsed JSON body as received (null for a bare null answer). */
  readonly body: unknown;
}

/** A stable, key-free file name for a request, e.g. `data_domain-3600_lang-ind_th-123_124_var-621.json`. */
export function cacheFileName(params: RequestParams): string {
  const { model, ...rest } = params;
  const parts = Object.keys(rest)
    .filter((name) => name !== "key")
    .sort()
    .map((name) => `${name}-${String(rest[name])}`);
  const safe = [String(model ?? "request"), ...parts].join("_").replace(/[^A-Za-z0-9_-]+/g, "_");
  return `${safe}.json`;
}

function withoutKey(params: RequestParams): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => name !== "key").map(([k, v]) => [k, String(v)]));
}

export class RawCache {
  constructor(
    readonly dir: string,
    private readonly secret: string | undefined
  ) {}

  pathFor(params: RequestParams): string {
    return path.join(this.dir, cacheFileName(params));
  }

  async read(params: RequestParams): Promise<RawCacheEntry | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.pathFor(params), "utf8")) as RawCacheEntry;
      return typeof entry?.fetched_at === "string" && "body" in entry ? entry : undefined;
    } catch {
      return undefined; // missing or unreadable: fetch again
    }
  }

  async write(params: RequestParams, body: unknown, fetchedAt: string): Promise<void> {
    const entry: RawCacheEntry = { fetched_at: fetchedAt, request: withoutKey(params), body };
    const text = redactSecret(JSON.stringify(entry, null, 1), this.secret);
    await writeFileAtomic(this.pathFor(params), text);
  }
}
