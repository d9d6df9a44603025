// Plausibility checks on API-derived bps_poverty rows. A value that fails is dropped and reported; the
// bounds are definitions (a percentage lies in 0–100; FGT indices satisfy P2 ≤ P1 ≤ P0), not expectations.
import { POVERTY_VALUE_FIELDS, povertyKey, type PovertyRow } from "./rows.js";

export interface Validated {
  readonly rows: PovertyRow[];
  readonly problems: string[];
}

const RANGES: Record<(typeof POVERTY_VALUE_FIELDS)[number], [number, number]> = {
  poor_count: [0, 400_000_000],
  p0_pct: [0, 100],
  poverty_line_rp: [10_000, 50_000_000],
  p1: [0, 100],
  p2: [0, 100]
};

export function validatePovertyRows(rows: readonly PovertyRow[], currentYear: number): Validated {
  const problems: string[] = [];
  const out: PovertyRow[] = [];
  for (const original of rows) {
    const row = { ...original };
    const key = povertyKey(row);
    if (!Number.isInteger(row.year) || row.year < 1990 || row.year > currentYear + 1) {
      problems.push(`${key}: tahun ${row.year} di luar rentang`);
      continue;
    }
    if (row.month !== 3 && row.month !== 9) {
      problems.push(`${key}: bulan ${row.month} bukan 3 atau 9`);
      continue;
    }
    for (const field of POVERTY_VALUE_FIELDS) {
      const value = row[field];
      const [low, high] = RANGES[field];
      if (value !== null && !(Number.isFinite(value) && value >= low && value <= high)) {
        problems.push(`${key} ${field}: ${value} di luar rentang ${low}–${high}; nilai dibuang`);
        row[field] = null;
      }
    }
    if (row.p1 !== null && row.p0_pct !== null && row.p1 > row.p0_pct) {
      problems.push(`${key} p1: ${row.p1} lebih besar dari P0 ${row.p0_pct}; nilai dibuang`);
      row.p1 = null;
    }
    const p2Bound = row.p1 ?? row.p0_pct;
    if (row.p2 !== null && p2Bound !== null && row.p2 > p2Bound) {
      problems.push(`${key} p2: ${row.p2} lebih besar dari ${row.p1 !== null ? "P1" : "P0"} ${p2Bound}; nilai dibuang`);
      row.p2 = null;
    }
    if (POVERTY_VALUE_FIELDS.every((field) => row[field] === null)) continue;
    out.push(row);
  }
  return { rows: out, problems };
}
