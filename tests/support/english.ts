// The one place that says what counts as English on a rendered page (tests/browser/routes.test.ts).
// Interface text is formal Bahasa Indonesia; identifiers shown in <code> (table and column names)
// are exempt, as are the proper names and units below.

/**
 * Phrases that may appear although they contain a listed word: proper names of products, sources
 * and licences, and units. Keep it short; translate instead of adding to it.
 */
export const ENGLISH_ALLOWED_PHRASES: readonly string[] = [
  "Observable Framework", "Web API", "Open Source", "Vega-Lite", "DuckDB", "Creative Commons"
];

/**
 * Common English words that are not also Indonesian words or loanwords ("data", "program", "status",
 * "target", "total", "model", "snapshot", "seed" of a random generator, "per", "no" are absent).
 * A rendered page must contain none.
 */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  "the", "and", "of", "to", "in", "is", "are", "was", "were", "be", "been", "for", "with", "without", "from", "by",
  "this", "that", "these", "those", "it", "its", "or", "not", "yes", "true", "false", "null", "undefined", "nan",
  "as", "at", "on", "off", "if", "then", "else", "but", "all", "any", "each", "every", "than", "which",
  "who", "what", "when", "where", "why", "how", "has", "have", "had", "will", "would", "can", "could", "should", "may",
  "must", "do", "does", "did", "done", "new", "old", "more", "less", "most", "least", "only", "also", "other",
  "about", "after", "before", "between", "into", "over", "under", "up", "down", "out", "our", "your", "their",
  "we", "you", "they", "he", "she", "page", "pages", "table", "tables", "row", "rows", "column", "columns",
  "source", "sources", "download", "downloads", "loading", "error", "errors", "warning", "found", "missing",
  "unknown", "select", "search", "toggle", "sidebar", "contents", "next", "previous", "back", "home", "save",
  "open", "close", "view", "show", "hide", "click", "here", "more", "see", "note", "notes", "kind", "survey",
  "registry", "estimate", "estimated", "projection", "year", "years", "month", "region", "regions", "province",
  "city", "regency", "district", "village", "poverty", "extreme", "poor", "rate", "count", "number", "share",
  "percent", "people", "persons", "households", "household", "programme", "programmes", "coverage", "gap",
  "overlap", "scenario", "budget", "funding", "funder", "value", "values", "none", "unavailable", "synthetic",
  "built", "retrieved", "draft", "todo", "fixme", "lorem", "ipsum", "track", "risk",
  "insufficient", "on_track", "off_track", "at_risk"
]);

/** Text that reveals internals: repository paths, design-document sections, seed file names. */
export const INTERNAL_TEXT: readonly RegExp[] = [/\/work\//, /\bDESIGN\.md\b/, /\bseed\s+\d{3}_/i, /\.txt\b/, /§\d/];

/** Web addresses and repository references (`github:owner/repo path@commit`) are not words. */
const REFERENCES = /\b(?:https?:\/\/|github:)\S+/g;

/**
 * The listed English words found in a text (lower-cased, each once), after removing web addresses,
 * repository references, the given identifiers and allowed phrases.
 */
export function englishWordsIn(text: string, identifiers: Iterable<string> = []): string[] {
  let rest = text.replace(REFERENCES, " ");
  // Identifiers the page names in places that cannot hold <code> (an <option>, an aria-label),
  // e.g. published table names; whole words only.
  for (const id of identifiers) rest = rest.replace(new RegExp(`(?<![\\w])${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w])`, "g"), " ");
  for (const phrase of ENGLISH_ALLOWED_PHRASES) rest = rest.replaceAll(phrase, " ");
  const words = rest.toLowerCase().match(/[a-z_]+/g) ?? [];
  return [...new Set(words.filter((w) => ENGLISH_WORDS.has(w)))];
}

/** The internal-looking fragments found in a text. */
export function internalTextIn(text: string): string[] {
  return INTERNAL_TEXT.flatMap((pattern) => {
    const match = pattern.exec(text);
    return match ? [match[0]] : [];
  });
}
