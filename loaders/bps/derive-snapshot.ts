// Writes the tidy BPS snapshot (data/reference/bps/*.csv) from the published reference files
// (run: npx tsx loaders/bps/derive-snapshot.ts). The output is committed; this script documents how
// it was made, and a unit test checks that the committed files still equal its output.
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatCsv } from "../lib/csv.js";
import { writeFileAtomic } from "../lib/atomic.js";
import {
  deriveExtremeRecords,
  derivePovertyRecords,
  EXTREME_HEADER,
  POVERTY_HEADER,
  TARGET_RECORDS,
  TARGETS_HEADER
} from "./derive.js";
import { BPS_SNAPSHOT_DIR, PUBLISHED_DIR } from "./paths.js";

export interface SnapshotFiles {
  "bps_poverty.csv": string;
  "bps_extreme_poverty.csv": string;
  "targets.csv": string;
}

export function renderSnapshot(publishedDir = PUBLISHED_DIR): SnapshotFiles {
  const read = (name: string) => readFileSync(path.join(publishedDir, name), "utf8");
  return {
    "bps_poverty.csv": formatCsv(POVERTY_HEADER, derivePovertyRecords(read("bps_poverty_kabkota.csv"), read("national_poverty.csv"))),
    "bps_extreme_poverty.csv": formatCsv(EXTREME_HEADER, deriveExtremeRecords(read("extreme_poverty.csv"))),
    "targets.csv": formatCsv(TARGETS_HEADER, TARGET_RECORDS)
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, text] of Object.entries(renderSnapshot())) {
    await writeFileAtomic(path.join(BPS_SNAPSHOT_DIR, name), text);
    console.log(`${name}: ${text.trimEnd().split("\n").length - 1} baris`);
  }
}
