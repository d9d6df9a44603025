// Framework entry points (src/data/*.parquet.ts) call these: build the table if needed, stream it to stdout.
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { ensureBuilt } from "../build.js";
import { partitionTable, type RegistryFamily } from "../../src/components/domain/wilayah.js";

export async function emitTable(name: string): Promise<void> {
  const file = await ensureBuilt(name);
  await pipeline(createReadStream(file), process.stdout);
}

/** A parameterised entry point (`registry_cells_[kab].parquet.ts`): Framework passes `--kab=<kode>`. */
export async function emitPartition(family: RegistryFamily, argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { kab: { type: "string" } }, strict: false });
  const kab = values.kab;
  if (typeof kab !== "string") throw new Error(`${family}: Framework did not pass --kab`);
  await emitTable(partitionTable(family, kab));
}
