// data/private/receipts/manifest.csv: one row per beneficiary file, naming the programme, who
// funds it and the period, because distribution lists rarely say so themselves.
import { readFile } from "node:fs/promises";
import { parseCsv } from "../lib/csv.js";

import { FUNDERS, isFunder, type Funder } from "../../src/components/domain/programmes.js";

export interface ReceiptManifestEntry {
  readonly file: string;
  readonly programmeCode: string;
  readonly funder: Funder;
  /** YYYY or YYYY-MM. */
  readonly period: string;
  readonly kabKode: string | null;
  readonly sheet: string | null;
  readonly source: string | null;
}

export interface ManifestProblem {
  readonly file: string | null;
  readonly line: number;
  readonly message: string;
}

export interface ReceiptManifest {
  readonly entries: ReadonlyMap<string, ReceiptManifestEntry>;
  readonly problems: readonly ManifestProblem[];
  readonly found: boolean;
}

const PERIOD = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;
const PROGRAMME_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const KAB_KODE = /^\d{4}$/;

/** Parses the manifest text; invalid rows become problems (their files are then not loaded). */
export function parseReceiptManifest(text: string): ReceiptManifest {
  const delimiter = (text.split("\n", 1)[0] ?? "").includes(";") ? ";" : ",";
  const [header, ...rows] = parseCsv(text, delimiter);
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const at = (name: string) => names.indexOf(name);
  const problems: ManifestProblem[] = [];
  const entries = new Map<string, ReceiptManifestEntry>();
  const missing = ["file", "programme_code", "funder", "period"].filter((n) => at(n) < 0);
  if (missing.length > 0) {
    problems.push({ file: null, line: header?.line ?? 1, message: `manifest.csv tidak memiliki kolom ${missing.join(", ")}.` });
    return { entries, problems, found: true };
  }
  const get = (fields: string[], name: string) => (at(name) < 0 ? "" : (fields[at(name)] ?? "").trim());
  for (const row of rows) {
    const file = get(row.fields, "file");
    if (file === "" && row.fields.every((f) => f.trim() === "")) continue;
    const programmeCode = get(row.fields, "programme_code");
    const funder = get(row.fields, "funder").toLowerCase();
    const period = get(row.fields, "period");
    const kab = get(row.fields, "kab_kode").replaceAll(".", "");
    const errors: string[] = [];
    if (file === "") errors.push("nama berkas kosong");
    if (!PROGRAMME_CODE.test(programmeCode)) errors.push("programme_code kosong atau berisi karakter tidak sah");
    if (!isFunder(funder)) errors.push(`funder harus salah satu dari ${FUNDERS.join(", ")}`);
    if (!PERIOD.test(period)) errors.push("period harus YYYY atau YYYY-MM");
    if (kab !== "" && !KAB_KODE.test(kab)) errors.push("kab_kode harus 4 digit");
    if (entries.has(file)) errors.push("berkas sudah disebut pada baris lain");
    if (errors.length > 0) {
      problems.push({ file: file || null, line: row.line, message: `manifest.csv baris ${row.line}: ${errors.join("; ")}.` });
      continue;
    }
    entries.set(file, {
      file,
      programmeCode,
      funder: funder as Funder,
      period,
      kabKode: kab || null,
      sheet: get(row.fields, "sheet") || null,
      source: get(row.fields, "source") || null
    });
  }
  return { entries, problems, found: true };
}

export async function loadReceiptManifest(file: string): Promise<ReceiptManifest> {
  try {
    return parseReceiptManifest(await readFile(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { entries: new Map(), problems: [], found: false };
    throw error;
  }
}
