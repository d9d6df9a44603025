// Optional data/private/registry/manifest.csv: per BNBA file, the snapshot date (otherwise the
// file's modification date), the kab/kota its region names belong to, the sheet and a source label.
import { readFile, stat } from "node:fs/promises";
import { parseCsv } from "../lib/csv.js";

export interface RegistryManifestEntry {
  readonly file: string;
  readonly snapshotDate: string | null;
  readonly kabKode: string | null;
  readonly sheet: string | null;
  readonly source: string | null;
}

export interface RegistryManifest {
  readonly entries: ReadonlyMap<string, RegistryManifestEntry>;
  readonly problems: readonly { file: string | null; line: number; message: string }[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KAB_KODE = /^\d{4}$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

export function parseRegistryManifest(text: string): RegistryManifest {
  const delimiter = (text.split("\n", 1)[0] ?? "").includes(";") ? ";" : ",";
  const [header, ...rows] = parseCsv(text, delimiter);
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const at = (name: string) => names.indexOf(name);
  const entries = new Map<string, RegistryManifestEntry>();
  const problems: { file: string | null; line: number; message: string }[] = [];
  if (at("file") < 0) {
    problems.push({ file: null, line: header?.line ?? 1, message: "manifest.csv registri tidak memiliki kolom file." });
    return { entries, problems };
  }
  const get = (fields: string[], name: string) => (at(name) < 0 ? "" : (fields[at(name)] ?? "").trim());
  for (const row of rows) {
    if (row.fields.every((f) => f.trim() === "")) continue;
    const file = get(row.fields, "file");
    const snapshot = get(row.fields, "snapshot_date");
    const kab = get(row.fields, "kab_kode").replaceAll(".", "");
    const errors: string[] = [];
    if (file === "") errors.push("nama berkas kosong");
    if (snapshot !== "" && !isIsoDate(snapshot)) errors.push("snapshot_date harus tanggal YYYY-MM-DD");
    if (kab !== "" && !KAB_KODE.test(kab)) errors.push("kab_kode harus 4 digit");
    if (errors.length > 0) {
      problems.push({ file: file || null, line: row.line, message: `manifest.csv registri baris ${row.line}: ${errors.join("; ")}.` });
      continue;
    }
    entries.set(file, {
      file,
      snapshotDate: snapshot || null,
      kabKode: kab || null,
      sheet: get(row.fields, "sheet") || null,
      source: get(row.fields, "source") || null
    });
  }
  return { entries, problems };
}

export async function loadRegistryManifest(file: string): Promise<RegistryManifest> {
  try {
    return parseRegistryManifest(await readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { entries: new Map(), problems: [] };
    throw error;
  }
}

/** The file's modification date as a local calendar date (the export date when no manifest says otherwise). */
export async function fileDate(file: string): Promise<string> {
  const modified = (await stat(file)).mtime;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${modified.getFullYear()}-${pad(modified.getMonth() + 1)}-${pad(modified.getDate())}`;
}
