// The pieces of /cakupan: KPI cards, maps, area table with drill-down, EE/IE table, untouched by
// flag, allocation versus need. Queries are in queries.ts; charts in charts/.
import type { Wilayah } from "../domain/wilayah.js";
import { funderLabel, strategyLabel } from "../domain/programmes.js";
import { allocationChartSpec } from "../charts/allocation.js";
import type { TopologyLike } from "../charts/choropleth.js";
import { filterTopology, labelledChoroplethSpec } from "../charts/coverage-map.js";
import { renderChart } from "../charts/embed.js";
import { dataTable, kpiCard, type TableColumn } from "../core/table.js";
import { formatCount, formatNumber, formatPercent } from "../core/format.js";
import {
  CELL_FLAGS,
  FLAG_LABEL_ID,
  type AllocationRow,
  type CoverageFilter,
  type CoverageRow,
  type ErrorRow,
  type StrategyCoverageRow,
  type UntouchedRow
} from "./queries.js";
import { el } from "../core/ui.js";

export const BOUNDARY_ATTRIBUTION =
  "Batas wilayah: cahyadsn/wilayah_boundaries (MIT, © 2024 Cahya DSN), kode Kemendagri 2025, disederhanakan.";

function sum(rows: readonly CoverageRow[], key: keyof CoverageRow): number {
  return rows.reduce((n, r) => n + (Number(r[key]) || 0), 0);
}

/** "57,2%" or, when only bounds are known, "41,0–44,3%". */
export function pctRange(lo: number | null, hi: number | null): string {
  if (lo === null) return "–";
  if (hi === null || Math.abs(hi - lo) < 0.05) return formatPercent(lo, 1);
  return `${formatNumber(lo, 1)}–${formatPercent(hi, 1)}`;
}

export function coverageKpis(rows: readonly CoverageRow[], filtered: boolean): HTMLElement {
  const target = sum(rows, "target");
  const covered = sum(rows, "covered");
  const lo = covered + sum(rows, "undetailed_covered_lo");
  const hi = covered + sum(rows, "undetailed_covered_hi");
  const untouched = sum(rows, "untouched");
  const undetailed = sum(rows, "target_undetailed");
  return el(
    "div",
    { class: "ts-kpis", id: "coverage-kpis" },
    kpiCard("Rumah tangga sasaran", formatCount(target, "KK"), "daftar sasaran penghapusan kemiskinan ekstrem", "target"),
    kpiCard(
      filtered ? "Cakupan program terpilih" : "Cakupan (sedikitnya satu program)",
      target > 0 ? pctRange((100 * lo) / target, (100 * hi) / target) : "–",
      lo === hi
        ? `${formatNumber(lo)} dari ${formatNumber(target)} KK`
        : `${formatNumber(lo)}–${formatNumber(hi)} dari ${formatNumber(target)} KK: ${formatNumber(undetailed)} KK di sel yang kombinasi programnya tidak dirinci`,
      "coverage"
    ),
    kpiCard("Belum tersentuh program apa pun", formatCount(untouched, "KK"), `${formatPercent(target > 0 ? (100 * untouched) / target : null, 1)} dari rumah tangga sasaran`, "untouched")
  );
}

export interface MapInput {
  readonly filter: CoverageFilter;
  readonly rows: readonly CoverageRow[];
  /** The kab/kota shown (names the missing-boundary message). */
  readonly kab: Wilayah;
  /** Kab/kota and kecamatan boundaries of the province (object `kecamatan`, property `kab_kode`). */
  readonly kecamatan: TopologyLike;
  /** Desa/kelurahan boundaries (object `kelurahan`, property `kec_kode`) of the kab/kota that have them. */
  readonly villages: TopologyLike;
  readonly width: number;
}

/** Topology and object for the filter's level, or null when no boundary of that level covers the area. */
function mapLayer(input: MapInput): { topology: TopologyLike; objectName: string; level: string } | null {
  const { filter } = input;
  const layer = filter.kec === null
    ? { topology: filterTopology(input.kecamatan, "kecamatan", "kab_kode", filter.kab), objectName: "kecamatan", level: "kecamatan" }
    : { topology: filterTopology(input.villages, "kelurahan", "kec_kode", filter.kec), objectName: "kelurahan", level: input.kab.villageNoun };
  return (layer.topology.objects[layer.objectName]?.geometries ?? []).length > 0 ? layer : null;
}

/** Two choropleths (coverage %, untouched households) with names on the map and the boundary attribution. */
export async function coverageMaps(input: MapInput): Promise<HTMLElement> {
  const layer = mapLayer(input);
  const box = el("div", { id: "coverage-maps" });
  if (!layer) {
    box.append(el("p", { class: "ts-empty" }, `Batas ${input.kab.villageNoun} ${input.kab.nama} belum tersedia dalam paket peta; angka per ${input.kab.villageNoun} ada pada tabel di bawah.`));
    return box;
  }
  const areas = input.rows.filter((r) => r.kode !== null);
  // vega-embed adds about 38 px on the right for its menu: keep the whole chart inside the column.
  const half = (input.width >= 760 ? Math.floor((input.width - 24) / 2) : input.width) - 40;
  const height = Math.max(260, Math.min(440, Math.round(half * 0.85)));
  const coverage = labelledChoroplethSpec({
    topology: layer.topology,
    objectName: layer.objectName,
    values: areas.map((r) => ({ kode: r.kode!, value: r.coverage_pct, label: r.coverage_pct === null ? "tidak ada KK sasaran" : pctRange(r.coverage_pct, r.coverage_hi_pct) })),
    title: "Cakupan daftar sasaran",
    unit: "%",
    scheme: "blues",
    height,
    missingLabel: layer.level === "kecamatan" ? "Tidak ada KK sasaran" : "Tidak ada KK sasaran yang terinci di sini",
    subtitle: `per ${layer.level}; makin gelap makin tercakup${input.rows.some((r) => r.target_undetailed > 0) ? " (batas bawah)" : ""}`
  });
  const untouched = labelledChoroplethSpec({
    topology: layer.topology,
    objectName: layer.objectName,
    values: areas.map((r) => ({ kode: r.kode!, value: r.untouched, label: formatCount(r.untouched, "KK") })),
    title: "Belum tersentuh",
    unit: "KK",
    scheme: "oranges",
    digits: 0,
    height,
    subtitle: `rumah tangga sasaran tanpa program apa pun, per ${layer.level}`
  });
  const narrow = half < 480;
  if (narrow) for (const spec of [coverage, untouched]) narrowMap(spec);
  const charts = await Promise.all([
    renderChart(coverage, { width: half, fileName: "peta-cakupan" }),
    renderChart(untouched, { width: half, fileName: "peta-belum-tersentuh" })
  ]);
  // Cells of fewer than k households are merged upward: say how many target households the map cannot place.
  const unplaced = input.rows.filter((r) => r.kode === null).reduce((sum, r) => sum + r.target, 0);
  const note = unplaced > 0
    ? el("p", { class: "ts-note", id: "coverage-maps-unplaced" },
        `${formatCount(unplaced, "KK")} sasaran tidak tampil di peta ini karena selnya hanya dirinci sampai tingkat yang lebih tinggi (sel berisi kurang dari k rumah tangga digabung); angkanya ada pada baris "Tidak dirinci" di tabel.`)
    : null;
  box.append(el("div", { class: "ts-map-grid" }, ...charts), ...(note ? [note] : []), el("p", { class: "ts-source" }, BOUNDARY_ATTRIBUTION));
  return box;
}

/** At phone width: legend under the map and no subtitle (a wide subtitle would squeeze the map). */
function narrowMap(spec: object): void {
  const s = spec as { title?: unknown; layer?: { encoding?: { color?: { legend?: Record<string, unknown> | null } } }[] };
  if (typeof s.title === "object" && s.title !== null) s.title = (s.title as { text: string }).text;
  for (const layer of s.layer ?? []) {
    const legend = layer.encoding?.color?.legend;
    if (legend) Object.assign(legend, { orient: "bottom", direction: "horizontal", titleLimit: 260 });
  }
}

/** Area table; each kecamatan row links to its kelurahan (drill-down). */
export function areaTable(rows: readonly CoverageRow[], filter: CoverageFilter, drill: (kec: string | null) => void): HTMLElement {
  const level = filter.kec === null ? "Kecamatan" : "Kelurahan/desa";
  const columns: TableColumn<CoverageRow>[] = [
    {
      key: "nama",
      header: level,
      render: (r) => {
        if (filter.kec !== null || r.kode === null) return r.nama;
        const link = el("a", { href: `?wilayah=${filter.kab}&kec=${r.kode}`, "data-drill": r.kode }, r.nama);
        link.addEventListener("click", (event) => {
          event.preventDefault();
          drill(r.kode);
        });
        return link;
      }
    },
    { key: "target", header: "KK sasaran", format: "int" },
    { key: "coverage_pct", header: "Cakupan (%)", format: "pct", render: (r) => pctRange(r.coverage_pct, r.coverage_hi_pct) },
    { key: "untouched", header: "Belum tersentuh (KK)", format: "int" },
    { key: "untouched_pct", header: "Belum tersentuh (%)", format: "pct" }
  ];
  const box = el("div", { id: "area-table" });
  if (filter.kec !== null) {
    const back = el("a", { href: `?wilayah=${filter.kab}`, class: "ts-back" }, "← Kembali ke semua kecamatan");
    back.addEventListener("click", (event) => {
      event.preventDefault();
      drill(null);
    });
    box.append(el("p", { class: "ts-noprint" }, back));
  }
  box.append(dataTable(columns, rows, { "data-level": filter.kec === null ? "kecamatan" : "kelurahan" }));
  return box;
}

export const AREA_EXPORT_COLUMNS: TableColumn<CoverageRow>[] = [
  { key: "kode", header: "Kode wilayah" },
  { key: "nama", header: "Wilayah" },
  { key: "households", header: "Rumah tangga (KK)", format: "int" },
  { key: "target", header: "KK sasaran", format: "int" },
  { key: "target_detailed", header: "KK sasaran terinci (KK)", format: "int" },
  { key: "covered", header: "Tercakup (KK)", format: "int" },
  { key: "coverage_pct", header: "Cakupan, batas bawah (%)", format: "pct" },
  { key: "coverage_hi_pct", header: "Cakupan, batas atas (%)", format: "pct" },
  { key: "untouched", header: "Belum tersentuh (KK)", format: "int" },
  { key: "untouched_pct", header: "Belum tersentuh (%)", format: "pct" },
  { key: "target_undetailed", header: "Kombinasi tidak dirinci (KK)", format: "int" },
  { key: "undetailed_covered_lo", header: "Tidak dirinci: tercakup paling sedikit (KK)", format: "int" },
  { key: "undetailed_covered_hi", header: "Tidak dirinci: tercakup paling banyak (KK)", format: "int" },
  { key: "target_unknown", header: "Status sasaran tidak dirinci (KK)", format: "int" }
];

type StrategyView = StrategyCoverageRow & { label: string };
export const STRATEGY_COLUMNS: TableColumn<StrategyView>[] = [
  { key: "label", header: "Strategi Inpres 4/2022" },
  { key: "target", header: "KK sasaran", format: "int" },
  { key: "coverage_pct", header: "Cakupan, batas bawah (%)", format: "pct" },
  { key: "coverage_hi_pct", header: "Cakupan, batas atas (%)", format: "pct" }
];
export function strategyRows(rows: readonly StrategyCoverageRow[]): StrategyView[] {
  return rows.map((r) => ({ ...r, label: strategyLabel(r.strategy) }));
}

type ErrorView = ErrorRow & { funder_label: string; band: string };
export const ERROR_COLUMNS: TableColumn<ErrorView>[] = [
  { key: "name", header: "Program" },
  { key: "funder_label", header: "Penyandang dana" },
  { key: "band", header: "Layak (desil)" },
  { key: "eligible", header: "KK layak (perkiraan)", format: "int" },
  { key: "receiving", header: "KK penerima", format: "int" },
  { key: "ee_pct", header: "Galat eksklusi (%)", format: "pct" },
  { key: "ie_pct", header: "Galat inklusi (%)", format: "pct" },
  { key: "straddling_households", header: "KK di sel lintas batas desil", format: "int" },
  { key: "undetailed_households", header: "KK tanpa desil", format: "int" }
];
export function errorRows(rows: readonly ErrorRow[]): ErrorView[] {
  return rows
    .filter((r) => r.is_total)
    .map((r) => ({
      ...r,
      funder_label: funderLabel(r.funder),
      band: r.eligible_desil_max === null ? "batas tidak ditetapkan" : r.eligible_desil_max === 1 ? "desil 1" : `desil 1–${r.eligible_desil_max}`
    }));
}

type FlagView = { flag: string; households: number };
export const FLAG_COLUMNS: TableColumn<FlagView>[] = [
  { key: "flag", header: "Kerentanan" },
  { key: "households", header: "KK sasaran belum tersentuh", format: "int" }
];
export function flagRows(rows: readonly UntouchedRow[]): { rows: FlagView[]; undetailed: number; total: number } {
  const total = rows.reduce((n, r) => n + r.untouched, 0);
  const undetailed = rows.reduce((n, r) => n + r.untouched_flags_undetailed, 0);
  return {
    rows: CELL_FLAGS.map((f) => ({ flag: FLAG_LABEL_ID[f], households: rows.reduce((n, r) => n + Number(r[`hh_${f}`] ?? 0), 0) })),
    undetailed,
    total
  };
}

export const ALLOCATION_COLUMNS: TableColumn<AllocationRow>[] = [
  { key: "nama", header: "Wilayah" },
  { key: "target", header: "KK sasaran (kebutuhan)", format: "int" },
  { key: "allocated_units", header: "Alokasi terbit (satuan)", format: "int", render: (r) => (r.allocated_units === null ? "tidak disebut" : `${r.approximate ? "± " : ""}${formatNumber(r.allocated_units)} (${r.allocation_status})`) },
  { key: "allocated_per_target", header: "Alokasi per KK sasaran", format: "number" },
  { key: "received_units", header: "Tercatat diterima (satuan)", format: "int" },
  { key: "received_per_target", header: "Diterima per KK sasaran", format: "number" }
];

export async function allocationChart(rows: readonly AllocationRow[], programmeName: string, unit: string, width: number): Promise<HTMLElement> {
  const narrow = width < 560;
  const spec = allocationChartSpec({
    rows: rows.map((r) => ({ nama: r.nama, allocated: r.allocated_per_target, received: r.received_per_target })),
    title: narrow ? "Satuan per KK sasaran" : `${programmeName}: satuan per KK sasaran`,
    unit: `${unit}/KK`,
    ...(narrow ? {} : { subtitle: "Garis putus-putus: satu satuan per KK sasaran. Di kiri garis = kurang terlayani, di kanan = lebih." })
  });
  const box = el("div", {}, await renderChart(spec, { width, fileName: "alokasi-kebutuhan" }));
  if (narrow) box.append(el("p", { class: "ts-muted" }, `${programmeName}. Garis putus-putus: satu satuan per KK sasaran; di kiri garis kurang terlayani, di kanan lebih.`));
  return box;
}
