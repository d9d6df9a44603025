// `npm start`: take a free port first (saying in Indonesian which one when the asked one is busy),
// rebuild the site only when its inputs changed since the last build (or with --rebuild), then serve
// dist/ on 127.0.0.1.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DIST_DIR, ROOT } from "../loaders/lib/paths.js";
import { inputFingerprint, isUpToDate, readStamp } from "./build-stamp.js";
import { PortsTakenError, listenOnFreePort } from "./serve.js";

export const DEFAULT_PORT = 3000;

/** The port from the PORT variable, or an Indonesian explanation of why it is not one. */
export function parsePort(value: string | undefined): number | string {
  if (value === undefined || value.trim() === "") return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `PORT=${value} bukan nomor port (1–65535).`;
  return port;
}

export async function startServer({ build = true, rebuild = false } = {}): Promise<void> {
  const port = parsePort(process.env.PORT);
  if (typeof port === "string") {
    console.error(port);
    process.exit(2);
  }
  let site;
  try {
    site = await listenOnFreePort(DIST_DIR, port, (taken) => console.log(`Port ${taken} sudah dipakai program lain; mencoba port ${taken + 1}.`));
  } catch (error) {
    if (error instanceof PortsTakenError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (site.port !== port) console.log(`Memakai port ${site.port} karena port ${port} sudah dipakai.`);

  if (build) {
    const upToDate = !rebuild && isUpToDate(DIST_DIR, inputFingerprint());
    if (upToDate) {
      console.log(`Situs di dist/ sudah mutakhir (dibangun ${readStamp(DIST_DIR)?.builtAt ?? "?"}); tidak dibangun ulang.`);
    } else {
      console.log(rebuild ? "Membangun ulang situs (--rebuild)…" : "Sumber berubah sejak pembangunan terakhir (atau belum pernah dibangun): membangun situs…");
      const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/build.ts"], { cwd: ROOT, stdio: "inherit" });
      if (result.status !== 0) {
        await site.close();
        process.exit(1);
      }
    }
  }
  console.log(`Tepat Sasaran berjalan di ${site.url} (tekan Ctrl+C untuk berhenti)`);
  const stop = () => void site.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await startServer({ rebuild: process.argv.includes("--rebuild") });
}
