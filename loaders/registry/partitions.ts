// Which kab/kota the registry holds: written by the registry build (one partition per kab/kota code
// found in the households that the reference list knows), read by the table registry, the catalogue
// and Framework's config, so the published partition tables follow the data, never a typed list.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../lib/atomic.js";
import { BUILD_DIR } from "../lib/paths.js";
import { partitionTables } from "../../src/components/domain/wilayah.js";

export const PARTITIONS_FILE = path.join(BUILD_DIR, "registry_partitions.json");

export async function writePartitions(kabs: readonly string[], file = PARTITIONS_FILE): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify([...kabs].sort())}\n`);
}

/** The partitions of the last registry build, or null when the registry was not built yet. */
export function readPartitions(file = PARTITIONS_FILE): string[] | null {
  if (!existsSync(file)) return null;
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(parsed) || !parsed.every((k) => typeof k === "string" && /^\d{4}$/.test(k))) {
    throw new Error(`${file} is not a list of kab/kota codes`);
  }
  return parsed as string[];
}

/** Every published partition table of the given kab/kota (cells, programmes, pairs per kab/kota). */
export function partitionTableNames(kabs: readonly string[]): string[] {
  return kabs.flatMap(partitionTables);
}
