// Typed rows of the three BPS tables, shared by the snapshot reader, the API path and the builders.
import type { LineSeries } from "../../src/components/domain/model/line-series.js";

/** One region × year × survey month of BPS monetary poverty (Susenas). */
export interface PovertyRow {
  region_kode: string;
  year: number;
  /** 3 = Maret, 9 = September. */
  month: number;
  /** Persons (whole number). */
  poor_count: number | null;
  p0_pct: number | null;
  /** Rp per capita per month. */
  poverty_line_rp: number | null;
  p1: number | null;
  p2: number | null;
  source: string;
  /** ISO date the figure was retrieved (snapshot date or API fetch date). */
  retrieved_at: string;
  note: string | null;
}

export const POVERTY_VALUE_FIELDS = ["poor_count", "p0_pct", "poverty_line_rp", "p1", "p2"] as const;
export type PovertyField = (typeof POVERTY_VALUE_FIELDS)[number];

export const EXTREME_KINDS = ["survey", "registry", "unclear", "line_only"] as const;
export type ExtremeKind = (typeof EXTREME_KINDS)[number];

export const COUNT_UNITS = ["jiwa", "KK", "keluarga"] as const;
export type CountUnit = (typeof COUNT_UNITS)[number];

/** One published extreme-poverty figure; survey estimates and registry counts are kept apart by `kind`. */
export interface ExtremePovertyRow {
  region_kode: string;
  year: number;
  month: number | null;
  kind: ExtremeKind;
  extreme_pct: number | null;
  extreme_count: number | null;
  count_unit: CountUnit | null;
  line_rp: number | null;
  line_basis: string | null;
  /** Line series of a survey rate (usd190_ppp2011 / usd215_ppp2017); null for other kinds. */
  series: LineSeries | null;
  /** Survey rates: false when kept as context only (conflicting quotes, early method); null for other kinds. */
  for_validation: boolean | null;
  source: string;
  retrieved_at: string;
  note: string | null;
}

export interface TargetRow {
  region_kode: string;
  indicator: string;
  year: number;
  value: number;
  basis: string;
  is_current: boolean;
  source: string;
  retrieved_at: string;
  note: string | null;
}

export function povertyKey(row: { region_kode: string; year: number; month: number }): string {
  return `${row.region_kode}|${row.year}|${row.month}`;
}
