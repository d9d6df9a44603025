// Everything the scenario page reads once per load: catalogue, current receipts, default lines and
// trend, BPS P1 for the budget-to-close-the-gap formula, area names, sources. Then prepare() the SQL
// model's cells (its targeting orders follow after the first figures, see page.ts).
import type { Database } from "../core/database.js";
import { sourcesOf, type CatalogRow, type CatalogSource } from "../core/catalog.js";
import { anySynthetic } from "../core/synthetic.js";
import type { Wilayah } from "../domain/wilayah.js";
import { DESA_ONLY_PROGRAMMES } from "../domain/programmes.js";
import { areaNamesQuery, catalogueQuery, cellPartition, currentReceiptsQuery, duplicatePairsQuery, linesQuery, povertyQuery, sourceTables } from "./queries.js";
import { ScenarioSql } from "./sql-model.js";
import { baselineProgrammes, defaultLine, p0Trend, type BaselineProgramme, type CatalogueRow, type CurrentReceipt, type LineRow, type RunContext } from "./spec.js";
import type { ProgrammeParams } from "./types.js";
import type { ExtremeOutlook } from "../domain/region-status.js";

export const BASE_YEAR = 2025;

export interface P1Figure {
  readonly year: number;
  readonly p1: number;
  readonly population: number;
  readonly source: string;
}

export interface PageData {
  readonly kab: string;
  /** The kab/kota of the scenario, from the reference list. */
  readonly wilayah: Wilayah;
  readonly names: ReadonlyMap<string, string>;
  readonly kecamatan: readonly { kode: string; nama: string }[];
  readonly catalogue: readonly CatalogueRow[];
  readonly line: LineRow;
  /** The background trend: the extreme-poverty outlook's (kind "extreme"), else P0's change (kind "p0"). */
  readonly trend: { trend: number; from: number; to: number; kind: "extreme" | "p0" } | null;
  /** The kab/kota's extreme-poor persons from the survey-based model, as Ringkasan and Kemajuan show them. */
  readonly outlook: ExtremeOutlook | null;
  readonly p1: P1Figure | null;
  readonly ctx: RunContext;
  readonly baseline: readonly BaselineProgramme[];
  readonly sources: readonly CatalogSource[];
  /** The registry cells are synthetic (the catalogue's flag). */
  readonly synthetic: boolean;
  readonly model: ScenarioSql;
}

/** A Dana Desa programme goes to desa only: a kabupaten, not the kelurahan of a kota. */
export function programmeAllowed(code: string, kab: Pick<Wilayah, "hasDesa">): boolean {
  return !DESA_ONLY_PROGRAMMES.includes(code) || kab.hasDesa;
}

export async function loadPageData(db: Database, wilayah: Wilayah, catalog: readonly CatalogRow[]): Promise<PageData> {
  const kab = wilayah.kode;
  const [catalogue, pairs, receipts, lines, poverty, names, outlook] = await Promise.all([
    db.rows<CatalogueRow & Record<string, unknown>>(catalogueQuery()),
    db.rows<{ programme_a: string; programme_b: string }>(duplicatePairsQuery()),
    db.rows<{ code: string; kec_kode: string | null; households: number; units: number | null }>(currentReceiptsQuery(kab)),
    db.rows<LineRow & Record<string, unknown>>(linesQuery(kab)),
    db.rows<{ region_kode: string; year: number; month: number | null; p0_pct: number | null; p1: number | null; poor_count: number | null; source: string }>(povertyQuery(kab)),
    db.rows<{ kode: string; nama: string; level: string }>(areaNamesQuery(kab)),
    // Loaded on demand: the published-table URLs it needs exist only in the built site.
    import("../kemajuan/data.js").then((m) => m.loadOutlook(kab)).catch(() => null)
  ]);
  const sources = sourcesOf(catalog, sourceTables(kab));
  performance.mark("skenario:tables"); // load phases, read by the benchmark
  const line = defaultLine(lines, kab, BASE_YEAR);
  if (!line) throw new Error(`Garis kemiskinan ${kab} untuk ${BASE_YEAR} tidak tersedia di tabel poverty_lines.`);
  // One trend on every page: the outlook's (the province's pooled trend of the extreme-poverty estimates).
  const years = outlook?.byYear.map((y) => y.year) ?? [];
  const p0 = p0Trend(poverty, kab);
  const trend =
    outlook?.trendPerYear != null && years.length > 0
      ? { trend: outlook.trendPerYear, from: Math.min(...years), to: Math.max(...years), kind: "extreme" as const }
      : p0 && { ...p0, kind: "p0" as const };
  const p1Row = [...poverty].reverse().find((r) => r.p1 !== null && r.poor_count !== null && r.p0_pct !== null && r.year <= BASE_YEAR);
  const p1 = p1Row ? { year: p1Row.year, p1: p1Row.p1!, population: p1Row.poor_count! / (p1Row.p0_pct! / 100), source: p1Row.source } : null;
  const currentReceipts: CurrentReceipt[] = receipts.map((r) => ({ code: r.code, kec_kode: r.kec_kode, households: r.households, units: r.units ?? 0 }));
  const ctx: RunContext = {
    base_year: BASE_YEAR,
    poverty_line_rp: line.poverty_line_rp!,
    extreme_ratio: line.extreme_ratio!,
    trend_per_year: trend?.trend ?? 0,
    catalogue,
    receipts: currentReceipts,
    allowed: (code) => programmeAllowed(code, wilayah),
    duplicate_pairs: pairs.map((p) => [p.programme_a, p.programme_b] as const)
  };
  const baseline = baselineProgrammes(ctx);
  const nameMap = new Map(names.map((n) => [n.kode, n.nama]));
  const kecamatan = names.filter((n) => n.level === "kecamatan").map((n) => ({ kode: n.kode, nama: n.nama })).sort((a, b) => a.kode.localeCompare(b.kode));

  // Targeting orders for every programme that could enter a scenario (with a catalogue cost, or a
  // user cost later: eligibility does not depend on the cost, so one preparation serves both).
  const params: ProgrammeParams[] = catalogue
    .filter((row) => programmeAllowed(row.code, wilayah))
    .map((row) => ({ code: row.code, cost_per_hh_year_rp: 1, transfer_per_hh_year_rp: 0, eligible_desil_max: row.eligible_desil_max ?? 1, graduation_prob_per_year: 0 }));
  const model = new ScenarioSql(db, `scn_${kab}`);
  await model.prepare([cellPartition(kab)], params);
  performance.mark("skenario:cells");

  const cells = cellPartition(kab).cells;
  return {
    kab,
    wilayah,
    names: nameMap,
    kecamatan,
    catalogue,
    line,
    trend,
    outlook,
    p1,
    ctx,
    baseline,
    sources,
    synthetic: anySynthetic(sources.filter((s) => s.name === cells)),
    model
  };
}

/** BPS P1 formula: annual cost to lift every poor person to the poverty line, P1/100 × line × population × 12. */
export function closeGapBps(p1: P1Figure, povertyLineRp: number): number {
  return (p1.p1 / 100) * povertyLineRp * p1.population * 12;
}
