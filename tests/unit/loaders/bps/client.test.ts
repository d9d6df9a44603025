// The BPS Web API client against a real HTTP server on 127.0.0.1 serving the documented answer shapes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { BpsClient, type BpsClientOptions } from "../../../../loaders/bps/client.js";
import { BpsApiError } from "../../../../loaders/bps/errors.js";
import { fetchDataChunked, listPeriods } from "../../../../loaders/bps/periods.js";
import { RawCache } from "../../../../loaders/bps/raw-cache.js";
import { tidyDataAnswer } from "../../../../loaders/bps/tidy.js";
import { makeTempDir } from "../../../support/tmp.js";
import { dataAnswer, KEY_ERROR, listAnswer, sendJson, sendText, startFakeBps, thLimitError, WAF_PAGE, type FakeBps, type Handler } from "./fake-bps.js";

const KEY = "kunci-RAHASIA-7f3a";
const tmp = makeTempDir("bps-client");
afterAll(() => tmp.remove());

let server: FakeBps | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Harness {
  client: BpsClient;
  sleeps: number[];
  events: string[];
}

async function harness(handler: Handler, options: Partial<BpsClientOptions> = {}): Promise<Harness> {
  server = await startFakeBps(handler);
  const sleeps: number[] = [];
  const events: string[] = [];
  const client = new BpsClient({
    key: KEY,
    baseUrl: server.baseUrl,
    timeoutMs: 2_000,
    maxAttempts: 3,
    baseDelayMs: 100,
    minIntervalMs: 0,
    sleep: async (ms) => void sleeps.push(ms),
    onEvent: (line) => events.push(line),
    ...options
  });
  return { client, sleeps, events };
}

async function failure(promise: Promise<unknown>): Promise<BpsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(BpsApiError);
  return error as BpsApiError;
}

const PLACEHOLDER = dataAnswer(
  {
    varId: 9001,
    vervar: [{ val: 3601, label: "Pandeglang" }, { val: 3673, label: "Kota Serang" }, { val: 9999, label: "Banten" }],
    tahun: [{ val: 123, label: "2023" }, { val: 124, label: "2024" }]
  },
  { "3601|123": 1.11, "3601|124": 2.22, "3673|123": 3.33 }
);

describe("BpsClient over HTTP", () => {
  it("sends a browser User-Agent and the key as a query parameter, and returns the body", async () => {
    const { client } = await harness((_req, res) => sendJson(res, PLACEHOLDER));
    const answer = await client.request({ model: "data", domain: "3600", var: 9001, th: "123;124" });
    expect(answer.kind).toBe("data");
    const seen = server!.requests[0]!;
    expect(seen.path).toBe("/v1/api/list");
    expect(seen.query.get("model")).toBe("data");
    expect(seen.query.get("th")).toBe("123;124");
    expect(seen.query.get("key")).toBe(KEY);
    expect(seen.headers["user-agent"]).toMatch(/^Mozilla\/5\.0 .*(Chrome|Firefox|Safari)/);
  });

  it("re-chunks th to the limit the API states and fetches every year", async () => {
    const events: string[] = [];
    const { client } = await harness((req, res) => {
      const ths = (req.query.get("th") ?? "").split(";");
      if (ths.length > 2) return sendJson(res, thLimitError(2, ths.length));
      sendJson(res, dataAnswer({ varId: 9001, vervar: [{ val: 3601, label: "Pandeglang" }], tahun: ths.map((t) => ({ val: Number(t), label: String(Number(t) + 1900) })) }, {}));
    });
    const periods = [119, 120, 121, 122, 123].map((th) => ({ th: String(th), year: th + 1900 }));
    const { chunks, chunkSize } = await fetchDataChunked(client, { domain: "3600", varId: 9001, periods, initialChunk: 3 }, (line) => events.push(line));
    expect(server!.requests.map((r) => r.query.get("th"))).toEqual(["119;120;121", "119;120", "121;122", "123"]);
    expect(chunks.map((c) => c.th)).toEqual(["119;120", "121;122", "123"]);
    expect(chunkSize).toBe(2);
    expect(events.join("\n")).toMatch(/2 tahun per permintaan/);
  });

  it("does not retry a refused key (HTTP 200 with status Error)", async () => {
    const { client, sleeps } = await harness((_req, res) => sendJson(res, KEY_ERROR));
    const error = await failure(client.request({ model: "var", domain: "3600", page: 1 }));
    expect(error.kind).toBe("auth");
    expect(error.retryable).toBe(false);
    expect(server!.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("retries after a WAF 403 HTML page, then succeeds", async () => {
    let calls = 0;
    const { client, sleeps } = await harness((_req, res) => (calls++ === 0 ? sendText(res, WAF_PAGE, 403, "text/html") : sendJson(res, PLACEHOLDER)));
    const answer = await client.request({ model: "data", domain: "3600", var: 9001, th: "123" });
    expect(answer.kind).toBe("data");
    expect(server!.requests).toHaveLength(2);
    expect(sleeps).toEqual([100]);
  });

  it("retries after HTTP 500, then succeeds", async () => {
    let calls = 0;
    const { client } = await harness((_req, res) => (calls++ === 0 ? sendText(res, "Internal Server Error", 500, "text/plain") : sendJson(res, PLACEHOLDER)));
    const answer = await client.request({ model: "data", domain: "3600", var: 9001, th: "123" });
    expect(answer.kind).toBe("data");
    expect(server!.requests).toHaveLength(2);
  });

  it("gives up on a server that never answers after the bounded attempts, backing off exponentially", async () => {
    const { client, sleeps } = await harness(() => "hang", { timeoutMs: 60, maxAttempts: 3 });
    const error = await failure(client.request({ model: "data", domain: "3600", var: 9001, th: "123" }));
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/tidak ada jawaban dalam 60 ms setelah 3 percobaan/);
    expect(error.message).toContain("var=9001");
    expect(server!.requests).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it("reports malformed JSON without retrying", async () => {
    const { client } = await harness((_req, res) => sendText(res, '{"status":"OK","datacontent":{', 200, "application/json"));
    const error = await failure(client.request({ model: "data", domain: "3600", var: 9001, th: "123" }));
    expect(error.kind).toBe("malformed");
    expect(server!.requests).toHaveLength(1);
  });

  it("treats list-not-available and a JSON null body as no data", async () => {
    const bodies = [{ status: "OK", "data-availability": "list-not-available", data: "" }, null, { status: "OK", "data-availability": "not-available" }];
    let i = 0;
    const { client } = await harness((req, res) =>
      sendJson(res, req.query.get("model") === "th" ? { status: "OK", "data-availability": "list-not-available", data: "" } : bodies[i++])
    );
    for (const th of ["101", "102", "103"]) {
      const answer = await client.request({ model: "data", domain: "3600", var: 9001, th });
      expect(answer.kind).toBe("no-data");
    }
    expect(await listPeriods(client, "3600", 9001)).toEqual([]);
  });

  it("reads a turvar val sent as the string \"0\" and related sent as an object", async () => {
    const body = dataAnswer(
      {
        varId: 9001,
        turvar: [{ val: "0", label: "Tidak ada" }],
        vervar: [{ val: 3673, label: "Kota Serang" }],
        tahun: [{ val: 124, label: "2024" }],
        related: { "1": { id: "X", title: "Tabel terkait", tablesource: 2, link: "/x" }, "2": { id: "Y", title: "Lain", tablesource: 2, link: "/y" } }
      },
      { "3673|124": 4.44 }
    );
    expect(Object.keys(body.datacontent)).toEqual(["3673900101240"]);
    const { client } = await harness((_req, res) => sendJson(res, body));
    const answer = await client.request({ model: "data", domain: "3600", var: 9001, th: "124" });
    if (answer.kind !== "data") throw new Error("expected data");
    const tidied = tidyDataAnswer(answer.body, { field: "p0_pct", domain: "3600", varId: 9001, unitHint: null, fetchedAt: answer.fetchedAt });
    expect(tidied.problems).toEqual([]);
    expect(tidied.observations).toMatchObject([{ region_kode: "3673", year: 2024, month: 3, value: 4.44, month_assumed: true }]);
  });

  it("pages model=th and reads the th ids it lists", async () => {
    const { client } = await harness((req, res) => {
      const page = Number(req.query.get("page"));
      const items = page === 1 ? [{ th_id: 117, th: 2017 }, { th_id: 118, th: "2018" }] : [{ th_id: 125, th: 2025 }];
      sendJson(res, listAnswer(page, 2, items));
    });
    expect(await listPeriods(client, "3600", 9001)).toEqual([
      { th: "117", year: 2017 },
      { th: "118", year: 2018 },
      { th: "125", year: 2025 }
    ]);
    expect(server!.requests.map((r) => r.query.get("page"))).toEqual(["1", "2"]);
  });
});

describe("keeping the key secret", () => {
  it("never writes the key into cache file names or contents, logs, or errors", async () => {
    const cacheDir = path.join(tmp.dir, "raw");
    let calls = 0;
    const { client, events } = await harness(
      (req, res) => {
        calls++;
        if (req.query.get("th") === "500") return sendText(res, "Internal Server Error", 500, "text/plain");
        if (req.query.get("model") === "var") return sendJson(res, { status: "Error", message: `You are not Allowed to take this action with key ${KEY}. Please re-check your key` });
        // An answer that echoes the key back must not carry it to disk.
        sendJson(res, { ...PLACEHOLDER, related: { "1": { link: `/list?key=${KEY}` } } });
      },
      { cache: new RawCache(cacheDir, KEY), maxAttempts: 2 }
    );
    await client.request({ model: "data", domain: "3600", var: 9001, th: "123;124" });
    const authError = await failure(client.request({ model: "var", domain: "3600", page: 1 }));
    const httpError = await failure(client.request({ model: "data", domain: "3600", var: 9001, th: "500" }));
    expect(calls).toBe(4);

    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(1);
    for (const file of files) {
      expect(file).not.toContain(KEY);
      const text = readFileSync(path.join(cacheDir, file), "utf8");
      expect(text).not.toContain(KEY);
      expect(JSON.parse(text)).toMatchObject({ request: { model: "data", var: "9001", th: "123;124" }, fetched_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    }
    for (const text of [authError.message, String(authError.stack), httpError.message, ...events]) expect(text).not.toContain(KEY);
    expect(authError.message).toMatch(/kunci API ditolak/);
  });

  it("answers a cached request without touching the network", async () => {
    const cacheDir = path.join(tmp.dir, "reuse");
    const { client } = await harness((_req, res) => sendJson(res, PLACEHOLDER), { cache: new RawCache(cacheDir, KEY) });
    const first = await client.request({ model: "data", domain: "3600", var: 9001, th: "123" });
    const second = await client.request({ model: "data", domain: "3600", var: 9001, th: "123" });
    expect(server!.requests).toHaveLength(1);
    expect(first.fromCache).toBe(false);
    expect(second).toMatchObject({ kind: "data", fromCache: true, fetchedAt: first.fetchedAt });
  });
});
