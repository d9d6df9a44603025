// Source lines: one de-duplicated line per chart or figure that names the original publisher and,
// for secondary copies, "dikutip dari" the news outlets or official sites that carried it. Copies on
// document-sharing sites, blogs, personal repositories and spam-like domains are dropped (they are
// kept in the data's source column for audit, never shown as a source).

/** Hosts that are not news outlets or official sites; matched on the host or a suffix of it. */
export const EXCLUDED_SOURCE_HOSTS: readonly string[] = ["123dok.com", "adoc.pub", "7wex0.group", "news.blog", "otomotif1.com", "scribd.com"];

export interface SourceEntry {
  /** Host name ("banten.antaranews.com") or a plain-text source. */
  readonly label: string;
  /** First URL seen for the host; null for plain text. */
  readonly url: string | null;
  readonly official: boolean;
}

/** The host of the URL that starts an entry ("https://x.y/…  (P0) …"), or null. */
export function hostOf(entry: string): string | null {
  const m = /^https?:\/\/([^/\s?#]+)/i.exec(entry.trim());
  return m ? m[1]!.toLowerCase().replace(/^www\./, "") : null;
}

/** How `bps import` records a BPS website table (loaders/bps/import-parse.ts): one line per table. */
const BPS_TABLE = /^BPS, tabel statistik "/;
/** The copy a table was taken from (recorded by `bps import --source`): audit only, like other copies. */
const COPY = /^salinan\b/i;

export function isExcludedSource(entry: string): boolean {
  if (COPY.test(entry.trim())) return true;
  const host = hostOf(entry);
  if (host === null) return false;
  if (host === "github.com") return !/^https?:\/\/(www\.)?github\.com\/bantenprov\//i.test(entry.trim()); // Pemprov Banten's own repositories stay
  return EXCLUDED_SOURCE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

function isOfficial(host: string): boolean {
  if (host === "tabel statistik BPS") return true;
  return host.endsWith(".go.id") || host === "github.com";
}

/** Every distinct source of the given strings (each may list several, separated by " ; "), excluded copies removed. */
export function sourceEntries(sources: readonly string[]): { entries: SourceEntry[]; dropped: number } {
  const byLabel = new Map<string, SourceEntry>();
  let dropped = 0;
  for (const raw of sources.flatMap((s) => s.split(" ; ")).map((s) => s.trim()).filter(Boolean)) {
    if (isExcludedSource(raw)) {
      dropped++;
      continue;
    }
    const host = hostOf(raw);
    // The BPS tables a figure was imported from are one source on screen; their titles stay in the data.
    const label = BPS_TABLE.test(raw) ? "tabel statistik BPS" : host === "github.com" ? "Pemprov Banten (GitHub)" : (host ?? raw);
    if (!byLabel.has(label)) byLabel.set(label, { label, url: host ? raw.split(/\s/)[0]! : null, official: isOfficial(host ?? label) });
  }
  // Official sites first, then the rest in first-seen order.
  const entries = [...byLabel.values()].sort((a, b) => Number(b.official) - Number(a.official));
  return { entries, dropped };
}
