// Helpers for the registry tests: obviously fake but structurally valid NIK/NO_KK (Kota Serang
// kecamatan, a real date, serial 99xx), and checking a CSV/XLSX written to a temp file.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { checkFile, type CheckFileOptions, type FileReport } from "../../../../loaders/registry/check-file.js";
import { makeColumnResolver } from "../../../../loaders/registry/columns.js";
import { loadRegionIndex, type RegionIndex } from "../../../../loaders/registry/region-match.js";
import { makeTempDir } from "../../../support/tmp.js";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export interface NikParts {
  kec?: string;
  day?: number;
  month?: number;
  yy?: number;
  female?: boolean;
  serial?: number;
}

/** A fake NIK: kecamatan 367301 (Serang, Kota Serang), born 15-05-1980, serial 9999 unless told. */
export function fakeNik({ kec = "367301", day = 15, month = 5, yy = 80, female = false, serial = 9999 }: NikParts = {}): string {
  return `${kec}${pad(female ? day + 40 : day)}${pad(month)}${pad(yy)}${pad(serial, 4)}`;
}

/** A fake NO_KK: kecamatan 367301, issued 01-01-2020, serial 9999 unless told. */
export function fakeKk({ kec = "367301", day = 1, month = 1, yy = 20, serial = 9999 }: NikParts = {}): string {
  return `${kec}${pad(day)}${pad(month)}${pad(yy)}${pad(serial, 4)}`;
}

let regions: Promise<RegionIndex> | null = null;
export function regionIndex(): Promise<RegionIndex> {
  regions ??= loadRegionIndex();
  return regions;
}

export type Temp = ReturnType<typeof makeTempDir>;

/** Writes `content` to `name` inside `temp.dir` (optionally in a sub-folder) and returns its path. */
export function writeTemp(temp: Temp, name: string, content: string | Uint8Array): string {
  const file = path.join(temp.dir, name);
  writeFileSync(file, content);
  return file;
}

/** Checks one file the way `validate` does (its own registry state, built-in aliases). */
export async function checkPath(file: string, options: Partial<CheckFileOptions> = {}): Promise<FileReport> {
  return checkFile({
    path: file,
    label: path.basename(file),
    resolver: makeColumnResolver(),
    regions: await regionIndex(),
    ...options
  });
}

/** Row → error codes found on it (warnings and notes left out), in the order reported. */
export function errorCodesByRow(report: FileReport): Map<number, string[]> {
  const byRow = new Map<number, string[]>();
  for (const issue of report.issues) {
    if (issue.row === null || issue.severity !== "error") continue;
    byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue.code]);
  }
  return byRow;
}

/** The conservation law every report must satisfy. */
export function conserved(report: FileReport): boolean {
  return report.accepted + report.rejected === report.rows;
}
