// Column names: the aliases and resolver are shared with the browser (src/components/domain/registry-rules/
// columns.ts); this module adds the site's own spellings from data/private/column-map.csv.
import { readFile } from "node:fs/promises";
import { parseCsv } from "../lib/csv.js";
import { CANONICAL_COLUMNS, normaliseHeader, SiteSettingsError, type CanonicalColumn } from "../../src/components/domain/registry-rules/columns.js";

export * from "../../src/components/domain/registry-rules/columns.js";

/** Reads data/private/column-map.csv (`alias,column`); a missing file means no site aliases. */
export async function loadColumnMap(file: string): Promise<Map<string, CanonicalColumn>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  const delimiter = text.split("\n", 1)[0]!.includes(";") ? ";" : ",";
  const [header, ...rows] = parseCsv(text, delimiter);
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const aliasAt = names.indexOf("alias");
  const columnAt = names.indexOf("column");
  if (aliasAt < 0 || columnAt < 0) throw new SiteSettingsError(`Berkas ${file} harus memiliki kolom "alias" dan "column".`);
  const known = new Set<string>(CANONICAL_COLUMNS);
  const map = new Map<string, CanonicalColumn>();
  for (const row of rows) {
    const alias = row.fields[aliasAt]?.trim() ?? "";
    const column = normaliseHeader(row.fields[columnAt] ?? "");
    if (alias === "" && column === "") continue;
    if (!known.has(column)) {
      throw new SiteSettingsError(`Berkas ${file} baris ${row.line}: kolom tujuan "${column}" tidak dikenal; pilihan: ${CANONICAL_COLUMNS.join(", ")}.`);
    }
    map.set(alias, column as CanonicalColumn);
  }
  return map;
}
