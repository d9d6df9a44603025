// The coverage block of Ringkasan: target-list coverage per kab/kota, budget realisation (published
// plans against what the registry records as received) and the three largest gaps, each linking to
// the page that explains it. Reads the registry cells with duckdb-wasm (cakupan/queries.ts).
import { dataTable, cellSourceLine, kpiCard, type TableColumn } from "../core/table.js";
import type { Database } from "../core/database.js";
import { sourcesOf, type CatalogRow } from "../core/catalog.js";
import { formatCount, formatNumber, formatPercent } from "../core/format.js";
import { allocationTotals, coverageByArea, type AllocationTotalRow, type CellKab, type CoverageRow } from "../cakupan/queries.js";
import { el } from "../core/ui.js";
import { partitionTable, type Wilayah } from "../domain/wilayah.js";

export interface KabCoverage {
  readonly kab: CellKab;
  readonly target: number;
  readonly covered: number;
  readonly untouched: number;
}

export function kabCoverage(kab: CellKab, rows: readonly CoverageRow[]): KabCoverage {
  return {
    kab,
    target: rows.reduce((n, r) => n + r.target, 0),
    covered: rows.reduce((n, r) => n + r.covered, 0),
    untouched: rows.reduce((n, r) => n + r.untouched, 0)
  };
}

export interface Gap {
  readonly kab: Wilayah;
  readonly kode: string;
  readonly nama: string;
  readonly untouched: number;
  readonly target: number;
}

/** The `count` kecamatan with the most target households no programme reached, across kab/kota. */
export function largestGaps(byKab: readonly { kab: Wilayah; rows: readonly CoverageRow[] }[], count = 3): Gap[] {
  return byKab
    .flatMap(({ kab, rows }) => rows.filter((r) => r.kode !== null && r.untouched > 0).map((r) => ({ kab, kode: r.kode!, nama: r.nama, untouched: r.untouched, target: r.target })))
    .sort((a, b) => b.untouched - a.untouched || a.kode.localeCompare(b.kode))
    .slice(0, count);
}

type RealisationRow = AllocationTotalRow & { kab_nama: string; unit_pct: number | null; value_pct: number | null };

/** Plans (status "rencana") of the latest year per programme, with realisation from the registry. */
export function realisationRows(kab: Wilayah, rows: readonly AllocationTotalRow[]): RealisationRow[] {
  const latest = new Map<string, AllocationTotalRow>();
  for (const r of rows) {
    if (r.status !== "rencana") continue;
    const seen = latest.get(r.programme_code);
    if (!seen || r.year > seen.year) latest.set(r.programme_code, r);
  }
  return [...latest.values()].map((r) => ({
    ...r,
    kab_nama: kab.nama,
    unit_pct: r.planned_units > 0 ? (100 * r.received_units) / r.planned_units : null,
    value_pct: r.budget_rp !== null && r.budget_rp > 0 && r.received_value_rp > 0 ? (100 * r.received_value_rp) / r.budget_rp : null
  }));
}

const REALISATION_COLUMNS: TableColumn<RealisationRow>[] = [
  { key: "kab_nama", header: "Wilayah" },
  { key: "name", header: "Program" },
  { key: "year", header: "Tahun", render: (r) => String(r.year) },
  { key: "planned_units", header: "Rencana (satuan)", format: "int", render: (r) => `${formatNumber(r.planned_units)} ${r.unit}` },
  { key: "received_units", header: "Tercatat diterima", format: "int" },
  { key: "unit_pct", header: "Realisasi satuan (%)", format: "pct" },
  { key: "budget_rp", header: "Anggaran", format: "rp" },
  { key: "value_pct", header: "Realisasi anggaran (%)", format: "pct" }
];

/** The block for every kab/kota with published registry cells (`registry`, from the catalogue). */
export async function ringkasanCoverage(db: Database, registry: readonly Wilayah[], catalog: readonly CatalogRow[]): Promise<HTMLElement> {
  const perKab = await Promise.all(
    registry.map(async (kab) => {
      const [rows, totals] = await Promise.all([
        db.rows<CoverageRow>(coverageByArea({ kab: kab.kode, kec: null, programme: null, funder: null, strategy: null })),
        db.rows<AllocationTotalRow>(allocationTotals(kab.kode))
      ]);
      return { kab, rows, totals };
    })
  );
  const sources = sourcesOf(catalog, [
    ...registry.flatMap((k) => [partitionTable("registry_cells", k.kode), partitionTable("registry_cell_programmes", k.kode)]),
    "programme_allocations"
  ]);
  const cards = perKab.map(({ kab, rows }) => {
    const c = kabCoverage(kab.kode, rows);
    return kpiCard(
      `Cakupan daftar sasaran, ${kab.nama}`,
      formatPercent(c.target > 0 ? (100 * c.covered) / c.target : null, 1),
      el("span", {}, `${formatNumber(c.covered)} dari ${formatCount(c.target, "KK")}; ${formatCount(c.untouched, "KK")} belum tersentuh · `, el("a", { href: `./cakupan?wilayah=${kab.kode}` }, "rincian")),
      `coverage-${kab.kode}`
    );
  });
  const gaps = largestGaps(perKab);
  const realisation = perKab.flatMap(({ kab, totals }) => realisationRows(kab, totals));
  return el(
    "div",
    { id: "ringkasan-coverage" },
    el("div", { class: "ts-kpis" }, ...cards),
    el("h3", {}, "Tiga kesenjangan terbesar"),
    el(
      "ol",
      { id: "largest-gaps" },
      ...gaps.map((g) =>
        el(
          "li",
          { "data-kode": g.kode },
          el("a", { href: `./cakupan?wilayah=${g.kab.kode}&kec=${g.kode}` }, `${g.nama} (${g.kab.short})`),
          `: ${formatCount(g.untouched, "KK")} sasaran belum tersentuh program apa pun, dari ${formatCount(g.target, "KK")}`
        )
      )
    ),
    el("p", {}, "Siapa mengambil kesenjangan mana dibahas di ", el("a", { href: "./rakor" }, "Rakor sinkronisasi"), "."),
    el("h3", {}, "Realisasi anggaran"),
    realisation.length > 0 ? dataTable(REALISATION_COLUMNS, realisation, { id: "realisation-table" }) : el("p", { class: "ts-empty" }, "Belum ada rencana alokasi yang dipublikasikan."),
    el(
      "p",
      { class: "ts-muted" },
      "Rencana dan anggaran dari pernyataan resmi yang dikutip di tabel programme_allocations; yang diterima dihitung dari daftar penerima dalam registri. Realisasi anggaran hanya dihitung bila sumber menyebut anggaran dan daftar penerima mencatat nilai bantuan."
    ),
    cellSourceLine(sources)
  );
}
