// Poverty lines and extreme lines per region, year and survey month, with how each was obtained.
//
// BPS publishes a local poverty line (GK) per region and survey round, but the extreme line only as
// one national rupiah value now and then, on two lines whose periods line-series.ts states.
// The kab/kota extreme rates of 2022 behave as a fixed share of each region's own GK (review
// 2026-12), so the extreme line of region K is r_t × GK_K, with r_t = national extreme line ÷
// national GK. This module is pure: it takes the published rows and the ratio for each series and
// year, fills unpublished local lines by a stated formula, and never bridges the two series.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseCsvObjects } from "../lib/csv.js";
import { formatNumber } from "../../src/components/core/format.js";
import type { PovertyRow } from "./rows.js";
import { LINE_SERIES, seriesForRound, type LineSeries } from "../../src/components/domain/model/line-series.js";

export { LINE_SERIES, type LineSeries } from "../../src/components/domain/model/line-series.js";

export const SERIES_LABEL: Readonly<Record<LineSeries, string>> = {
  usd190_ppp2011: "garis lama US$1,90 PPP 2011",
  usd215_ppp2017: "garis baru US$2,15 PPP 2017"
};

/** The survey rounds measured on each extreme line; the periods are stated once, in line-series.ts. */
export const seriesFor = seriesForRound;

/** One published extreme line (data/reference/bps/lines.csv). */
export interface LineAnchor {
  region_kode: string;
  year: number;
  month: number | null;
  series: LineSeries;
  poverty_line_rp: number | null;
  extreme_line_rp: number;
  extreme_ratio: number;
  extreme_ratio_lo: number;
  extreme_ratio_hi: number;
  basis: string;
  source: string;
  note: string | null;
}

export class LinesFileError extends Error {}

function num(row: Record<string, string>, name: string, line: number, required: boolean): number | null {
  const raw = row[name]?.trim() ?? "";
  if (raw === "") {
    if (required) throw new LinesFileError(`lines.csv baris ${line}: kolom ${name} wajib diisi`);
    return null;
  }
  if (!/^-?\d+(\.\d+)?$/.test(raw)) throw new LinesFileError(`lines.csv baris ${line}: kolom ${name} bukan angka: "${raw}"`);
  return Number(raw);
}

export function parseLineAnchors(text: string): LineAnchor[] {
  return parseCsvObjects(text).map(({ line, row }) => {
    const series = row.series?.trim() as LineSeries;
    if (!LINE_SERIES.includes(series)) throw new LinesFileError(`lines.csv baris ${line}: series tidak dikenal: "${row.series}"`);
    const source = row.source?.trim() ?? "";
    if (source === "") throw new LinesFileError(`lines.csv baris ${line}: source wajib diisi`);
    const ratio = num(row, "extreme_ratio", line, true)!;
    const lo = num(row, "extreme_ratio_lo", line, true)!;
    const hi = num(row, "extreme_ratio_hi", line, true)!;
    if (!(lo <= ratio && ratio <= hi && lo > 0 && hi < 1)) throw new LinesFileError(`lines.csv baris ${line}: rasio harus 0 < lo ≤ rasio ≤ hi < 1`);
    return {
      region_kode: row.region_kode!.trim(),
      year: num(row, "year", line, true)!,
      month: num(row, "month", line, false),
      series,
      poverty_line_rp: num(row, "poverty_line_rp", line, false),
      extreme_line_rp: num(row, "extreme_line_rp", line, true)!,
      extreme_ratio: ratio,
      extreme_ratio_lo: lo,
      extreme_ratio_hi: hi,
      basis: row.basis?.trim() || "terbit",
      source,
      note: row.note?.trim() || null
    };
  });
}

export async function readLineAnchors(dir: string): Promise<LineAnchor[]> {
  return parseLineAnchors(await readFile(path.join(dir, "lines.csv"), "utf8"));
}

/** r_t for one series and year with its interval and where it came from. */
export interface RatioEstimate {
  ratio: number;
  lo: number;
  hi: number;
  /** "terbit" (a published line of that year) or "model" (carried or calibrated). */
  kind: "terbit" | "model";
  /** Indonesian sentence: how the ratio was obtained. */
  how: string;
  source: string;
}

const fmtRatio = (r: number): string => formatNumber(r, 3);

/**
 * The ratio for `series` in `year` from the published anchors alone: the anchor of that year, or
 * the nearest anchor year of the same series (later on ties), its interval widened by 0,01 per year
 * of distance.
 */
export function anchorRatio(anchors: readonly LineAnchor[], series: LineSeries, year: number): RatioEstimate | null {
  const own = anchors.filter((a) => a.series === series && a.region_kode === "00");
  if (own.length === 0) return null;
  const best = [...own].sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year)[0]!;
  const distance = Math.abs(best.year - year);
  if (distance === 0) {
    return {
      ratio: best.extreme_ratio,
      lo: best.extreme_ratio_lo,
      hi: best.extreme_ratio_hi,
      kind: "terbit",
      how: `rasio ${fmtRatio(best.extreme_ratio)} dari garis ekstrem nasional ${best.year} (Rp${formatNumber(best.extreme_line_rp)})`,
      source: best.source
    };
  }
  const widen = 0.01 * distance;
  return {
    ratio: best.extreme_ratio,
    lo: Math.max(0.01, best.extreme_ratio_lo - widen),
    hi: Math.min(0.99, best.extreme_ratio_hi + widen),
    kind: "model",
    how: `rasio ${fmtRatio(best.extreme_ratio)} dari garis ekstrem nasional ${best.year}, dibawa ${distance} tahun (selang dilebarkan 0,01 per tahun)`,
    source: best.source
  };
}

/** A local poverty line for one region and survey round: published, filled by a formula, or absent. */
export interface ResolvedLine {
  value: number;
  kind: "terbit" | "turunan";
  /** Formula in words (Indonesian) for filled lines; empty for published ones. */
  how: string;
  source: string;
}

const period = (year: number, month: number): number => year * 12 + month;
const monthName = (month: number): string => (month === 3 ? "Maret" : month === 9 ? "September" : `bulan ${month}`);
const label = (kode: string, year: number, month: number): string => `GK ${kode} ${monthName(month)} ${year}`;

export function parentOf(kode: string): string | null {
  if (kode === "00") return null;
  if (kode === "36") return "00";
  return "36";
}

/**
 * Resolves local poverty lines. Published values are kept. A missing kab/kota or province line is
 * filled from that region's own published line of the nearest earlier round (or, if none, the
 * nearest later one) moved by the growth of the parent's line (province for kab/kota, national for
 * the province) between the two rounds: GK_K(t) = GK_K(s) × GK_induk(t) ÷ GK_induk(s). A missing
 * national line is interpolated log-linearly between the neighbouring published rounds.
 */
export class LineResolver {
  private readonly published = new Map<string, { year: number; month: number; value: number; source: string }[]>();
  private readonly memo = new Map<string, ResolvedLine | null>();

  constructor(rows: readonly PovertyRow[]) {
    for (const row of rows) {
      if (row.poverty_line_rp === null) continue;
      const list = this.published.get(row.region_kode) ?? [];
      list.push({ year: row.year, month: row.month, value: row.poverty_line_rp, source: row.source });
      this.published.set(row.region_kode, list);
    }
    for (const list of this.published.values()) list.sort((a, b) => period(a.year, a.month) - period(b.year, b.month));
  }

  resolve(kode: string, year: number, month: number): ResolvedLine | null {
    const key = `${kode}|${year}|${month}`;
    if (!this.memo.has(key)) this.memo.set(key, this.compute(kode, year, month));
    return this.memo.get(key)!;
  }

  private compute(kode: string, year: number, month: number): ResolvedLine | null {
    const list = this.published.get(kode) ?? [];
    const t = period(year, month);
    const exact = list.find((p) => period(p.year, p.month) === t);
    if (exact) return { value: exact.value, kind: "terbit", how: "", source: exact.source };
    const before = [...list].reverse().find((p) => period(p.year, p.month) < t);
    const after = list.find((p) => period(p.year, p.month) > t);
    const parent = parentOf(kode);
    if (parent === null) {
      if (!before || !after) return null;
      const w = (t - period(before.year, before.month)) / (period(after.year, after.month) - period(before.year, before.month));
      const value = Math.exp(Math.log(before.value) * (1 - w) + Math.log(after.value) * w);
      return {
        value,
        kind: "turunan",
        how: `interpolasi log-linear antara ${label(kode, before.year, before.month)} dan ${label(kode, after.year, after.month)}`,
        source: `${before.source} ; ${after.source}`
      };
    }
    const base = before ?? after;
    if (!base) return null;
    const parentNow = this.resolve(parent, year, month);
    const parentThen = this.resolve(parent, base.year, base.month);
    if (!parentNow || !parentThen) return null;
    const derivedParent = parentNow.kind === "turunan" || parentThen.kind === "turunan" ? " (GK induk sebagian turunan)" : "";
    return {
      value: (base.value * parentNow.value) / parentThen.value,
      kind: "turunan",
      how:
        `${label(kode, base.year, base.month)} (terbit, Rp${formatNumber(base.value)}) × ` +
        `${label(parent, year, month)} ÷ ${label(parent, base.year, base.month)}${derivedParent}`,
      source: base.source
    };
  }
}

/** One row of the published poverty_lines table. */
export interface PovertyLineRow {
  region_kode: string;
  year: number;
  month: number;
  series: LineSeries;
  poverty_line_rp: number | null;
  poverty_line_basis: "terbit" | "turunan" | null;
  extreme_ratio: number;
  extreme_ratio_lo: number;
  extreme_ratio_hi: number;
  extreme_line_rp: number | null;
  extreme_line_lo_rp: number | null;
  extreme_line_hi_rp: number | null;
  basis: string;
  source: string;
  note: string | null;
}

export type RatioLookup = (series: LineSeries, year: number, month: number) => RatioEstimate | null;

/**
 * The grid: Indonesia and Banten for every national survey round in the rows, kab/kota for every
 * March from the first to the last year in the rows; one row per applicable line series.
 */
export function buildPovertyLineRows(
  povertyRows: readonly PovertyRow[],
  anchors: readonly LineAnchor[],
  ratioFor: RatioLookup,
  kabKota: readonly string[]
): PovertyLineRow[] {
  const resolver = new LineResolver(povertyRows);
  const years = povertyRows.map((r) => r.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const nationalRounds = povertyRows.filter((r) => r.region_kode === "00").map((r) => [r.year, r.month] as const);
  const grid: [string, number, number][] = [];
  for (const kode of ["00", "36"]) for (const [y, m] of nationalRounds) grid.push([kode, y, m]);
  for (const kode of kabKota) for (let y = first; y <= last; y++) grid.push([kode, y, 3]);

  const rows: PovertyLineRow[] = [];
  for (const [kode, year, month] of grid) {
    for (const series of seriesFor(year, month)) {
      const ratio = ratioFor(series, year, month);
      if (!ratio) continue;
      const line = resolver.resolve(kode, year, month);
      const anchor = anchors.find((a) => a.region_kode === kode && a.series === series && a.year === year && a.month === month);
      let extreme: number | null = null;
      let basis: string;
      if (anchor) {
        extreme = anchor.extreme_line_rp;
        basis = `terbit: garis ekstrem Rp${formatNumber(anchor.extreme_line_rp)} diterbitkan (${SERIES_LABEL[series]})`;
      } else if (line) {
        extreme = ratio.ratio * line.value;
        const tag = ratio.kind === "terbit" && line.kind === "terbit" ? "turunan" : "model";
        basis = `${tag}: garis ekstrem = ${fmtRatio(ratio.ratio)} × GK (${ratio.how})`;
        if (line.kind === "turunan") basis += `; GK tidak terbit, diisi: ${line.how}`;
      } else {
        basis = `model: rasio ${fmtRatio(ratio.ratio)} (${ratio.how}); GK wilayah tidak terbit dan tidak dapat diturunkan`;
      }
      const sources = [line?.source, ratio.source].filter((s): s is string => !!s);
      rows.push({
        region_kode: kode,
        year,
        month,
        series,
        poverty_line_rp: line ? Math.round(line.value) : null,
        poverty_line_basis: line ? line.kind : null,
        extreme_ratio: ratio.ratio,
        extreme_ratio_lo: ratio.lo,
        extreme_ratio_hi: ratio.hi,
        extreme_line_rp: extreme === null ? null : Math.round(extreme),
        extreme_line_lo_rp: line ? Math.round(ratio.lo * line.value) : null,
        extreme_line_hi_rp: line ? Math.round(ratio.hi * line.value) : null,
        basis,
        source: [...new Set(sources.flatMap((s) => s.split(" ; ").map((x) => x.trim())))].join(" ; "),
        note: anchor?.note ?? null
      });
    }
  }
  return rows;
}
