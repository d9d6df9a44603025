// API rows over the snapshot: cells the API has win, gaps keep the published figure; the diff says what moved.
import { describe, expect, it } from "vitest";
import { diffPoverty, formatDiff, mergePoverty } from "../../../../loaders/bps/merge.js";
import type { PovertyRow } from "../../../../loaders/bps/rows.js";
import { validatePovertyRows } from "../../../../loaders/bps/validate.js";

function row(values: Partial<PovertyRow>): PovertyRow {
  return {
    region_kode: "3673", year: 2024, month: 3, poor_count: null, p0_pct: null, poverty_line_rp: null, p1: null, p2: null,
    source: "https://contoh.test/terbitan", retrieved_at: "2026-10-05", note: null, ...values
  };
}

const snapshot = [row({ p0_pct: 5.5, poverty_line_rp: 400000 }), row({ year: 2023, p0_pct: 6 })];
const api = [
  row({ p0_pct: 5.6, p1: 0.7, source: "BPS Web API domain 3600 var 9001 (p0_pct), var 9004 (p1), diambil 2026-11-02", retrieved_at: "2026-11-02" }),
  row({ year: 2025, p0_pct: 5.0, source: "BPS Web API domain 3600 var 9001 (p0_pct), diambil 2026-11-02", retrieved_at: "2026-11-02" })
];

describe("mergePoverty", () => {
  it("lets API cells win, fills API gaps from the snapshot and says so in the source", () => {
    const merged = mergePoverty(snapshot, api);
    expect(merged.map((r) => r.year)).toEqual([2023, 2024, 2025]);
    const y2024 = merged[1]!;
    expect([y2024.p0_pct, y2024.p1, y2024.poverty_line_rp]).toEqual([5.6, 0.7, 400000]);
    expect(y2024.source).toBe(
      "BPS Web API domain 3600 var 9001 (p0_pct), var 9004 (p1), diambil 2026-11-02 ; poverty_line_rp dari snapshot (2026-10-05): https://contoh.test/terbitan"
    );
    expect(merged[0]).toEqual(snapshot[1]);
    expect(merged[2]).toEqual(api[1]);
  });
});

describe("diffPoverty and formatDiff", () => {
  it("lists new rows, revised figures old → new, and filled cells", () => {
    const diff = diffPoverty(snapshot, api);
    expect(diff.added).toEqual(["3673|2025|3"]);
    expect(diff.revised).toEqual([{ key: "3673|2024|3", field: "p0_pct", old: 5.5, new: 5.6 }]);
    expect(diff.filled).toEqual([{ key: "3673|2024|3", field: "p1", value: 0.7 }]);
    const lines = formatDiff(diff);
    expect(lines).toContain("  + 3673 Maret 2025");
    expect(lines).toContain("  ~ 3673 Maret 2024 p0_pct: 5.5 → 5.6");
    expect(lines[0]).toMatch(/tahun 2025/);
  });

  it("says so when nothing changed", () => {
    expect(formatDiff(diffPoverty(snapshot, [row({ p0_pct: 5.5 })]))).toEqual(["Tidak ada perbedaan dengan snapshot."]);
  });
});

describe("validatePovertyRows", () => {
  it("drops values outside their definition and rows left empty, and reports each", () => {
    const { rows, problems } = validatePovertyRows(
      [
        row({ p0_pct: 140 }),
        row({ year: 2025, p0_pct: 5, p1: 6, p2: 0.2 }),
        row({ year: 2026, p0_pct: 5, p1: 1, p2: 2, poverty_line_rp: 12 }),
        row({ year: 1800, p0_pct: 5 })
      ],
      2026
    );
    expect(rows.map((r) => [r.year, r.p0_pct, r.p1, r.p2, r.poverty_line_rp])).toEqual([
      [2025, 5, null, 0.2, null],
      [2026, 5, 1, null, null]
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^3673\|2024\|3 p0_pct: 140 di luar rentang/),
      expect.stringMatching(/^3673\|2025\|3 p1: 6 lebih besar dari P0 5/),
      expect.stringMatching(/^3673\|2026\|3 poverty_line_rp: 12 di luar rentang/),
      expect.stringMatching(/^3673\|2026\|3 p2: 2 lebih besar dari P1 1/),
      expect.stringMatching(/^3673\|1800\|3: tahun 1800/)
    ]);
  });

  it("bounds P2 by P0 when P1 is missing", () => {
    const { rows, problems } = validatePovertyRows([row({ p0_pct: 1, p2: 2 }), row({ year: 2025, p0_pct: 1, p2: 0.5 })], 2026);
    expect(rows.map((r) => r.p2)).toEqual([null, 0.5]);
    expect(problems).toEqual([expect.stringMatching(/p2: 2 lebih besar dari P0 1/)]);
  });
});
