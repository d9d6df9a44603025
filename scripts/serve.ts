// Minimal static server for the built site on loopback (tests, benchmarks, `npm start`).
// Serves Framework's clean URLs (/data → data.html) and optional extra directories under a prefix.
import { createServer, type Server } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".parquet": "application/octet-stream",
  ".csv": "text/csv; charset=utf-8", ".png": "image/png", ".txt": "text/plain; charset=utf-8"
};

export interface StaticSite { server: Server; url: string; close(): Promise<void> }

function resolveFile(root: string, pathname: string): string | null {
  const clean = path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const base = path.join(root, clean);
  if (!base.startsWith(root)) return null;
  for (const candidate of [base, `${base}.html`, path.join(base, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export async function serveStatic(root: string, mounts: Record<string, string> = {}, port = 0): Promise<StaticSite> {
  const absoluteRoot = path.resolve(root);
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    let file: string | null = null;
    const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
    file = mount ? resolveFile(path.resolve(mounts[mount]!), pathname.slice(mount.length)) : resolveFile(absoluteRoot, pathname);
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    server,
    url: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.env.PORT ?? 3000);
  const site = await serveStatic(path.resolve("dist"), {}, port);
  console.log(`Tepat Sasaran berjalan di ${site.url} (tekan Ctrl+C untuk berhenti)`);
}
