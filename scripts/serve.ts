// Minimal static server for the built site on loopback (tests, benchmarks, `npm start`).
// Serves Framework's clean URLs (/data → data.html) and optional extra directories under a prefix.
// Hostile input gets a short Indonesian answer, never a crash: malformed percent-encoding (400),
// over-long URLs (414), anything but GET/HEAD (405), paths outside the root or naming a dotfile
// (404, like any other unknown path, answered with the site's own 404 page when it has one).
import { createServer, type Server } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".parquet": "application/octet-stream",
  ".csv": "text/csv; charset=utf-8", ".png": "image/png", ".txt": "text/plain; charset=utf-8"
};

/** Longest request target served; longer ones get 414 (no page of the site comes close). */
export const MAX_URL_LENGTH = 4096;

export interface StaticSite { server: Server; url: string; port: number; close(): Promise<void> }

/** The decoded path, or null when its percent-encoding is malformed. */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/**
 * The file under root that a decoded URL path names, or null. Refuses NUL bytes, any segment that
 * starts with a dot (`..`, `.tepat-build.json`, `.git`), and anything that resolves outside root.
 */
export function resolveFile(root: string, decodedPath: string): string | null {
  if (decodedPath.includes("\0")) return null;
  const segments = decodedPath.split(/[/\\]+/).filter((s) => s !== "");
  if (segments.some((s) => s.startsWith("."))) return null;
  const base = path.resolve(root, ...segments);
  if (base !== root && !base.startsWith(root + path.sep)) return null;
  for (const candidate of [base, `${base}.html`, path.join(base, "index.html")]) {
    try {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    } catch {
      // unreadable or vanished between the two calls: treat as absent
    }
  }
  return null;
}

function sendText(response: import("node:http").ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end(`${text}\n`);
}

/** Framework's content-hashed file names (name.<8 hex digits>.ext): their bytes never change. */
const CONTENT_HASHED = /\.[0-9a-f]{8}\.[A-Za-z0-9]+$/;

/**
 * A page or an asset. Hashed assets may be kept for good; everything else (pages, and the
 * DuckDB and Parquet WebAssembly files, whose names carry no hash) is revalidated on each visit
 * by its ETag, so a return visit reuses the browser's copy (and its compiled WebAssembly) while a
 * new build is still seen at once. Error answers are never stored.
 */
function sendFile(response: import("node:http").ServerResponse, file: string, status: number, headOnly: boolean, ifNoneMatch?: string): void {
  let size: number;
  let mtimeMs: number;
  try {
    ({ size, mtimeMs } = statSync(file));
  } catch {
    sendText(response, 404, "Halaman tidak ditemukan.");
    return;
  }
  const headers: Record<string, string | number> = { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" };
  if (status === 200) {
    const etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
    headers["etag"] = etag;
    headers["cache-control"] = CONTENT_HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache";
    if (ifNoneMatch !== undefined && ifNoneMatch.split(",").some((tag) => tag.trim() === etag)) {
      response.writeHead(304, headers).end();
      return;
    }
  } else {
    headers["cache-control"] = "no-store";
  }
  headers["content-length"] = size;
  response.writeHead(status, headers);
  if (headOnly) {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on("error", () => response.destroy()); // e.g. the file vanished while a new build was swapped in
  stream.pipe(response);
}

export async function serveStatic(root: string, mounts: Record<string, string> = {}, port = 0): Promise<StaticSite> {
  const absoluteRoot = path.resolve(root);
  const server = createServer((request, response) => {
    const target = request.url ?? "/";
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("allow", "GET, HEAD");
      sendText(response, 405, "Metode tidak diizinkan: situs ini hanya dapat dibaca.");
      return;
    }
    if (target.length > MAX_URL_LENGTH) {
      sendText(response, 414, "Alamat terlalu panjang.");
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(target, "http://localhost").pathname;
    } catch {
      sendText(response, 400, "Alamat tidak sah.");
      return;
    }
    const decoded = decodePath(pathname);
    if (decoded === null) {
      sendText(response, 400, "Alamat tidak sah: pengodean persen rusak.");
      return;
    }
    const headOnly = request.method === "HEAD";
    const mount = Object.keys(mounts).find((prefix) => decoded.startsWith(prefix));
    const file = mount ? resolveFile(path.resolve(mounts[mount]!), decoded.slice(mount.length)) : resolveFile(absoluteRoot, decoded);
    if (file) {
      sendFile(response, file, 200, headOnly, request.headers["if-none-match"]);
      return;
    }
    const notFoundPage = path.join(absoluteRoot, "404.html");
    if (existsSync(notFoundPage)) sendFile(response, notFoundPage, 404, headOnly);
    else sendText(response, 404, "Halaman tidak ditemukan.");
  });
  // Requests Node cannot parse (e.g. headers over its size limit) must not take the server down.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const status = error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-type: text/plain; charset=utf-8\r\n\r\nPermintaan tidak sah.\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    server,
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}

/** How many ports after the requested one `listenOnFreePort` tries. */
export const PORT_ATTEMPTS = 20;

/**
 * Serves root on the first free port from `port` on. `onTaken` is told about every port that was
 * already in use. Other listen errors propagate.
 */
export async function listenOnFreePort(
  root: string,
  port: number,
  onTaken: (port: number) => void = () => {}
): Promise<StaticSite> {
  for (let candidate = port; candidate < port + PORT_ATTEMPTS; candidate++) {
    try {
      return await serveStatic(root, {}, candidate);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
      onTaken(candidate);
    }
  }
  throw new PortsTakenError(port);
}

export class PortsTakenError extends Error {
  constructor(port: number) {
    super(`Port ${port}–${port + PORT_ATTEMPTS - 1} semuanya sudah dipakai. Hentikan program yang memakainya atau pilih port lain, mis. PORT=8080 npm start.`);
    this.name = "PortsTakenError";
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { startServer } = await import("./start.js");
  await startServer({ build: false });
}
