// Framework entry points (src/data/*.parquet.ts) call this: build the table if needed, stream it to stdout.
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { ensureBuilt } from "../build.js";

export async function emitTable(name: string): Promise<void> {
  const file = await ensureBuilt(name);
  await pipeline(createReadStream(file), process.stdout);
}
