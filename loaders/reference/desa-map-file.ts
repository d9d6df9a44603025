// Reads the Banten desa boundaries (data/geo/banten-desa.topojson) and writes one kab/kota's map
// (desa-boundaries.ts) as JSON: the body of src/data/batas-desa-[kab].json.ts.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";
import { GEO_DIR } from "../lib/paths.js";
import { desaMap, type DesaTopology } from "./desa-boundaries.js";

export const BANTEN_DESA_FILE = path.join(GEO_DIR, "banten-desa.topojson");

export async function readBantenDesa(file = BANTEN_DESA_FILE): Promise<DesaTopology> {
  return JSON.parse(await readFile(file, "utf8")) as DesaTopology;
}

export async function writeDesaMap(kab: string, out: Writable, file = BANTEN_DESA_FILE): Promise<void> {
  const text = JSON.stringify(desaMap(await readBantenDesa(file), kab));
  await new Promise<void>((resolve, reject) => out.write(text, (error) => (error ? reject(error) : resolve())));
}
