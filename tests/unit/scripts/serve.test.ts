// The static server against hostile requests, on a real socket on 127.0.0.1: raw request lines, so
// nothing (fetch, URL parsing) normalises the path before the server sees it.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { connect } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_URL_LENGTH, listenOnFreePort, resolveFile, serveStatic, type StaticSite } from "../../../scripts/serve.js";
import { makeTempDir } from "../../support/tmp.js";

const tmp = makeTempDir("serve");
const root = path.join(tmp.dir, "site");
const SECRET = "RAHASIA-DI-LUAR-SITUS";

/** Sends one raw HTTP/1.1 request and returns the status code and body. */
function rawRequest(port: number, target: string, method = "GET"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (data += chunk));
    socket.on("end", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf("\r\n\r\n") + 4) });
    });
    socket.on("error", reject);
  });
}

let site: StaticSite;

beforeAll(async () => {
  mkdirSync(path.join(root, "sub"), { recursive: true });
  writeFileSync(path.join(root, "index.html"), "<p>beranda</p>");
  writeFileSync(path.join(root, "data.html"), "<p>sumber data</p>");
  writeFileSync(path.join(root, "404.html"), "<p>Halaman tidak ditemukan</p>");
  writeFileSync(path.join(root, "sub", "page.html"), "<p>sub</p>");
  writeFileSync(path.join(root, "sub", "chart.0123abcd.js"), "export default 1;");
  writeFileSync(path.join(root, ".tepat-build.json"), '{"inputs":"x"}');
  writeFileSync(path.join(tmp.dir, "secret.txt"), SECRET);
  site = await serveStatic(root);
});

afterAll(async () => {
  await site.close();
  tmp.remove();
});

describe("serveStatic", () => {
  it("serves clean URLs and the index", async () => {
    expect(await rawRequest(site.port, "/")).toEqual({ status: 200, body: "<p>beranda</p>" });
    expect(await rawRequest(site.port, "/data")).toEqual({ status: 200, body: "<p>sumber data</p>" });
    expect(await rawRequest(site.port, "/sub/page")).toEqual({ status: 200, body: "<p>sub</p>" });
    expect(await rawRequest(site.port, "/data?wilayah=3673")).toEqual({ status: 200, body: "<p>sumber data</p>" });
  });

  it("answers unknown paths with the site's 404 page and status 404", async () => {
    expect(await rawRequest(site.port, "/tidak-ada")).toEqual({ status: 404, body: "<p>Halaman tidak ditemukan</p>" });
  });

  it("answers malformed percent-encoding with 400 and keeps serving", async () => {
    for (const target of ["/%E0%A4%A", "/%", "/%zz", "/data%C0"]) {
      const response = await rawRequest(site.port, target);
      expect(response.status, target).toBe(400);
      expect(response.body).toContain("Alamat tidak sah");
    }
    expect((await rawRequest(site.port, "/")).status).toBe(200);
  });

  it("refuses over-long URLs (414) and oversized request lines (431) without dying", async () => {
    const long = `/${"a".repeat(MAX_URL_LENGTH)}`;
    expect((await rawRequest(site.port, long)).status).toBe(414);
    expect((await rawRequest(site.port, `/${"b".repeat(100_000)}`)).status).toBe(431);
    expect((await rawRequest(site.port, "/data")).status).toBe(200);
  });

  it("never serves a file outside the root, whatever the encoding of ..", async () => {
    const attempts = [
      "/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
      "/..%5csecret.txt", "/sub/%2e%2e/%2e%2e/secret.txt", "//../secret.txt", "/.%2e/secret.txt", "/%2e%2e%2f%2e%2e%2fsecret.txt"
    ];
    for (const target of attempts) {
      const response = await rawRequest(site.port, target);
      expect(response.status, target).toBe(404);
      expect(response.body, target).not.toContain(SECRET);
    }
  });

  it("does not serve dotfiles or paths with a NUL byte", async () => {
    expect((await rawRequest(site.port, "/.tepat-build.json")).status).toBe(404);
    expect((await rawRequest(site.port, "/data%00.html")).status).toBe(404);
  });

  it("allows only GET and HEAD", async () => {
    expect((await rawRequest(site.port, "/", "POST")).status).toBe(405);
    expect(await rawRequest(site.port, "/data", "HEAD")).toEqual({ status: 200, body: "" });
  });
});

describe("resolveFile", () => {
  it("stays inside the root for decoded traversal paths", () => {
    expect(resolveFile(root, "/../secret.txt")).toBeNull();
    expect(resolveFile(root, "\\..\\secret.txt")).toBeNull();
    expect(resolveFile(root, "/sub/page")).toBe(path.join(root, "sub", "page.html"));
  });
});

describe("listenOnFreePort", () => {
  it("moves to the next port when the asked one is taken, and says which was taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const taken = (blocker.address() as { port: number }).port;
    const told: number[] = [];
    const moved = await listenOnFreePort(root, taken, (port) => told.push(port));
    try {
      expect(told[0]).toBe(taken);
      expect(moved.port).toBeGreaterThan(taken);
      expect((await rawRequest(moved.port, "/")).status).toBe(200);
    } finally {
      await moved.close();
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe("serveStatic caching", () => {
  it("keeps content-hashed files for good and revalidates everything else by its ETag", async () => {
    const hashed = await fetch(`${site.url}/sub/chart.0123abcd.js`);
    expect(hashed.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const page = await fetch(`${site.url}/data`);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const etag = page.headers.get("etag");
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await fetch(`${site.url}/data`, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const stale = await fetch(`${site.url}/data`, { headers: { "if-none-match": 'W/"0-0"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe("<p>sumber data</p>");
  });

  it("never lets a browser store an error answer", async () => {
    const missing = await fetch(`${site.url}/tidak-ada`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("no-store");
    expect(missing.headers.get("etag")).toBeNull();
  });
});
