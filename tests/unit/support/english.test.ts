import { describe, expect, it } from "vitest";
import { englishWordsIn, internalTextIn } from "../../support/english.js";

describe("englishWordsIn", () => {
  it("finds English words and codes, case-insensitively, once each", () => {
    expect(englishWordsIn("Status: on_track. The table was not found; the rows")).toEqual(["on_track", "the", "table", "was", "not", "found", "rows"]);
    expect(englishWordsIn("kind = survey, True")).toEqual(["kind", "survey", "true"]);
  });
  it("ignores web addresses and repository references, not the words around them", () => {
    expect(englishWordsIn("Sumber: https://example.org/all-the-page?page=2 ; github:owner/the-table data.csv@abc")).toEqual([]);
    expect(englishWordsIn("https://example.org/x as tabulated in github:o/r")).toEqual(["as", "in"]);
  });
  it("skips given identifiers as whole words only", () => {
    expect(englishWordsIn("Unduh tabel programmes sebagai CSV", ["programmes"])).toEqual([]);
    expect(englishWordsIn("programmes_x table", ["programmes"])).toEqual(["table"]);
  });
  it("passes Indonesian text, loanwords and allowed proper names", () => {
    expect(englishWordsIn("Data per kapita program bantuan, status target 2026; No 300.2.2; dibangun dengan Observable Framework dan DuckDB")).toEqual([]);
  });
});

describe("internalTextIn", () => {
  it("flags repository paths, design sections and seed file names", () => {
    expect(internalTextIn("lihat /work/shared/DESIGN.md §3")).toEqual(["/work/", "DESIGN.md", "§3"]);
    expect(internalTextIn("seed 000_serang.txt")).toEqual(["seed 000_", ".txt"]);
    expect(internalTextIn("Sumber: bps.go.id · diambil 23 Sep 2025")).toEqual([]);
  });
});
