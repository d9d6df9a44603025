// The pieces of the Kemajuan page: indicator charts with their year coverage, the extreme-poverty
// chart with target and projection, small multiples, ranking and map. Data shaping is in
// bps-series.ts and region-status.ts; chart specs in charts/.
import {
  EXTREME_KIND_LABEL,
  otherExtremeFigures,
  povertySeries,
  yearCoverage,
  type ExtremeRow,
  type Figure,
  type PovertyField,
  type PovertyRow
} from "../domain/bps-series.js";
import { choroplethSpec, type TopologyLike } from "../charts/choropleth.js";
import { renderChart } from "../charts/embed.js";
import { rankingBarSpec } from "../charts/ranking.js";
import { smallMultiplesSpec, timeSeriesSpec } from "../charts/time-series.js";
import { estimateSeriesSpec } from "../charts/estimate-series.js";
import { seriesOfPublished } from "../domain/model/extreme-model.js";
import { TARGET_CEILING, TARGET_YEAR } from "../domain/model/model-status.js";
import { formatCount, formatNumber, formatPercent, formatPeriod } from "../core/format.js";
import { ZERO_TARGET_FLOOR } from "../domain/model/projection.js";
import { FIGURE_KIND_LABEL, MODEL_SOURCE, statusBadge } from "./status-view.js";
import { extremeOutlook, roundPersons, type RegionStatus } from "../domain/region-status.js";
import { el, sourceNote } from "../core/ui.js";
import { BOUNDARY_ATTRIBUTION } from "../core/attribution.js";
import { dataTable, keyValueTable, type TableColumn } from "../core/table.js";

export interface Indicator {
  readonly field: PovertyField;
  readonly title: string;
  readonly unit: string;
  readonly digits: number;
}

/** The five BPS poverty indicators, as BPS names them. */
export const INDICATORS: readonly Indicator[] = [
  { field: "p0_pct", title: "Persentase penduduk miskin (P0)", unit: "%", digits: 2 },
  { field: "poor_count", title: "Jumlah penduduk miskin", unit: "jiwa", digits: 0 },
  { field: "poverty_line_rp", title: "Garis kemiskinan", unit: "Rp/kapita/bulan", digits: 0 },
  { field: "p1", title: "Indeks kedalaman kemiskinan (P1)", unit: "", digits: 2 },
  { field: "p2", title: "Indeks keparahan kemiskinan (P2)", unit: "", digits: 2 }
];

function formatValue(value: number, indicator: Pick<Indicator, "unit" | "digits">): string {
  if (indicator.unit === "%") return formatPercent(value, indicator.digits);
  if (indicator.unit === "jiwa") return formatCount(value, "jiwa");
  if (indicator.unit.startsWith("Rp")) return `Rp${formatNumber(value)}`;
  return formatNumber(value, indicator.digits);
}

export function emptyState(text: string): HTMLElement {
  return el("p", { class: "ts-empty" }, text);
}

/** One indicator's March series for one region, or an empty state when nothing is published. */
export async function indicatorChart(poverty: readonly PovertyRow[], kode: string, nama: string, indicator: Indicator, width: number): Promise<HTMLElement> {
  const series = povertySeries(poverty, kode, indicator.field);
  const box = el("div", { class: "ts-indicator", "data-indicator": indicator.field, "data-points": String(series.length) });
  if (series.length === 0) {
    box.append(el("h3", {}, indicator.title), emptyState(`Belum ada angka ${indicator.title.toLowerCase()} terbitan untuk ${nama}.`));
    return box;
  }
  const spec = timeSeriesSpec({ rows: series.map((f) => ({ ...f })), field: "value", title: indicator.title, unit: indicator.unit, digits: indicator.digits, subtitle: `${nama}, Maret` });
  box.append(await renderChart(spec, { width, fileName: `${indicator.field}-${kode}` }), sourceNote(series));
  return box;
}

type CoverageYear = Record<string, unknown> & { year: number; figures: readonly (Figure | null)[] };

/** Year × indicator table for one region: every year in range, unpublished cells said so. */
export function coverageTable(poverty: readonly PovertyRow[], kode: string): HTMLElement {
  const seriesByField = new Map(INDICATORS.map((i) => [i.field, povertySeries(poverty, kode, i.field)]));
  const years = [...seriesByField.values()].flat().map((f) => f.year);
  if (years.length === 0) return emptyState("Belum ada angka kemiskinan BPS untuk wilayah ini.");
  const [from, to] = [Math.min(...years), Math.max(...years)];
  const coverage = INDICATORS.map((i) => yearCoverage(seriesByField.get(i.field) ?? [], from, to));
  const rows: CoverageYear[] = coverage[0]!.map((_, index) => ({ year: from + index, figures: coverage.map((c) => c[index]!.figure) }));
  const columns: TableColumn<CoverageYear>[] = [
    { key: "year", header: "Tahun (Maret)", render: (r) => String(r.year) },
    ...INDICATORS.map((indicator, i): TableColumn<CoverageYear> => ({
      key: indicator.field,
      header: indicator.title,
      numeric: true,
      render: (r) => (r.figures[i] ? formatValue(r.figures[i]!.value, indicator) : "–"),
      cell: () => ({ "data-field": indicator.field })
    }))
  ];
  return dataTable(columns, rows, { id: "coverage-table" }, {
    wrapper: { class: "ts-table-wrap" },
    row: (r) => ({ "data-year": String(r.year), class: r.figures.every((f) => f === null) ? "ts-gap" : undefined }),
    spanning: (r) => (r.figures.every((f) => f === null) ? "Tidak ada angka terbitan BPS untuk tahun ini." : null)
  });
}

function extremeValueText(row: ExtremeRow): string {
  if (row.extreme_pct !== null) return formatPercent(row.extreme_pct);
  return formatCount(row.extreme_count, row.count_unit ?? "");
}

/**
 * The region's model estimates on the current line with their intervals, BPS survey rates (marked
 * apart, with their line), the projection to 2026 with its 80% band, and the ≤ 0,5% target.
 */
export async function extremeChart(status: RegionStatus, survey: readonly ExtremeRow[], width: number): Promise<HTMLElement> {
  const box = el("div", { id: "extreme-chart", "data-region": status.kode, "data-points": String(status.estimates.length), "data-survey-points": String(survey.length) });
  if (status.estimates.length === 0 && survey.length === 0) {
    box.append(emptyState(`Belum ada angka survei BPS maupun perkiraan model kemiskinan ekstrem untuk ${status.nama}.`));
    return box;
  }
  const m = status.model;
  const spec = estimateSeriesSpec({
    title: `Kemiskinan ekstrem, ${status.nama}`,
    subtitle: "Perkiraan model pada garis baru (US$2,15 PPP 2017) dan angka survei BPS; target 0% dibaca ≤0,5%",
    estimates: status.estimates.map((e) => ({ year: e.year, value: e.value_pct, lower: e.lower_pct, upper: e.upper_pct })),
    survey: survey.map((r) => ({ year: r.year, value: r.extreme_pct!, series: seriesOfPublished(r), source: r.source })),
    ...(m.path.length > 0 ? { projection: m.path } : {}),
    target: ZERO_TARGET_FLOOR.value,
    width: Math.min(width, 760),
    height: 280
  });
  box.append(
    await renderChart(spec, { width: Math.min(width, 760), fileName: `kemiskinan-ekstrem-${status.kode}` }),
    sourceNote([...survey, ...status.estimates], { publisher: "BPS (angka survei dan P0, P1, P2); perkiraan: model Tepat Sasaran" })
  );
  return box;
}

/** The caveats the December 2026 review attached to a row ("[TELAAH] …" in its note), for display beside the figure. */
export function reviewCaveats(note: string | null): string {
  return (note ?? "").split(" | ").filter((part) => part.startsWith("[TELAAH] ")).map((part) => part.slice("[TELAAH] ".length)).join(" ");
}

const OTHER_FIGURE_COLUMNS: TableColumn<ExtremeRow & Record<string, unknown>>[] = [
  { key: "year", header: "Periode", render: (r) => formatPeriod(r.year, r.month) },
  { key: "kind", header: "Jenis angka", render: (r) => EXTREME_KIND_LABEL[r.kind] },
  { key: "extreme_pct", header: "Angka", numeric: true, render: extremeValueText },
  { key: "note", header: "Catatan", render: (r) => reviewCaveats(r.note), cell: () => ({ class: "ts-muted" }) },
  { key: "source", header: "Sumber", render: (r) => sourceNote([r]) }
];

/** Registry and unlabelled extreme-poverty figures, kept apart from the survey series. */
export function otherFiguresTable(extreme: readonly ExtremeRow[], kode: string): HTMLElement {
  const rows = otherExtremeFigures(extreme, kode);
  if (rows.length === 0) return emptyState("Tidak ada angka registri (P3KE/DTKS/DTSEN) atau angka lain untuk wilayah ini.");
  return dataTable(OTHER_FIGURE_COLUMNS, rows as (ExtremeRow & Record<string, unknown>)[], { id: "other-extreme" }, { wrapper: null, row: (r) => ({ "data-kind": r.kind }) });
}

interface NamedRegion {
  readonly kode: string;
  readonly nama: string;
}

/** One small P0 chart per kab/kota, same scale, so the eight can be compared at a glance. */
export async function p0SmallMultiples(poverty: readonly PovertyRow[], regions: readonly NamedRegion[], width: number): Promise<HTMLElement> {
  const rows = regions.flatMap((r) => povertySeries(poverty, r.kode, "p0_pct").map((f) => ({ ...f, region_nama: r.nama })));
  const columns = width >= 900 ? 4 : width >= 560 ? 2 : 1;
  const spec = smallMultiplesSpec({
    rows,
    field: "value",
    // Short: the title is also each row's y-axis title.
    title: "P0",
    subtitle: "Persentase penduduk miskin per kabupaten/kota, Maret",
    unit: "%",
    regionOrder: regions.map((r) => r.nama),
    columns,
    cellWidth: Math.max(140, Math.floor(width / columns) - 70),
    cellHeight: 110
  });
  const box = el("div", { id: "small-multiples" });
  box.append(await renderChart(spec, { width, fileName: "p0-kabkota" }), sourceNote(rows));
  return box;
}

/** Regions by status (furthest behind first), bars at the projected 2026 rate; the table gives the reasons. */
export async function rankingChart(statuses: readonly RegionStatus[], width: number): Promise<HTMLElement> {
  const rows = statuses.map((s) => {
    const p = s.model.projection;
    return {
      kode: s.kode,
      nama: s.nama,
      value: p?.value ?? null,
      status: s.model.status,
      // On a phone the bar keeps only the value; the probability is in the status table below.
      ...(p ? { label: width < 480 ? formatPercent(p.value) : `${formatPercent(p.value)} (peluang ≤0,5%: ${Math.round((s.model.probability ?? 0) * 100)}%)` } : {}),
      note: s.model.reason
    };
  });
  const spec = rankingBarSpec({
    rows,
    title: `Perkiraan kemiskinan ekstrem ${TARGET_YEAR}`,
    unit: "%",
    subtitle: "Perkiraan model, bukan angka resmi BPS; warna = status; urutan dari yang paling tertinggal",
    target: ZERO_TARGET_FLOOR.value,
    targetLabel: "Target ≤0,5%",
    width
  });
  (spec as { description?: string }).description = `Peringkat perkiraan kemiskinan ekstrem ${TARGET_YEAR} per wilayah, dari yang paling tertinggal.`;
  (spec as { config?: Record<string, unknown> }).config = { ...(spec as { config?: Record<string, unknown> }).config, aria: false };
  return renderChart(spec, { width, fileName: "peringkat-status" });
}

/** Latest year in which every region has a P0 figure, else the latest year any has one. */
export function mapYear(poverty: readonly PovertyRow[], regions: readonly NamedRegion[]): number | null {
  const yearsByRegion = regions.map((r) => new Set(povertySeries(poverty, r.kode, "p0_pct").map((f) => f.year)));
  const all = [...new Set(yearsByRegion.flatMap((s) => [...s]))].sort((a, b) => b - a);
  return all.find((y) => yearsByRegion.every((s) => s.has(y))) ?? all[0] ?? null;
}

/** Kab/kota map of P0 in one year; areas without a figure stay grey and say so. */
export async function p0Map(poverty: readonly PovertyRow[], regions: readonly NamedRegion[], topology: TopologyLike, width: number): Promise<HTMLElement> {
  const year = mapYear(poverty, regions);
  if (year === null) return emptyState("Belum ada angka P0 kabupaten/kota untuk dipetakan.");
  const figures = regions.map((r) => ({ kode: r.kode, figure: povertySeries(poverty, r.kode, "p0_pct").find((f) => f.year === year) ?? null }));
  const spec = choroplethSpec({
    topology,
    objectName: "kabkota",
    values: figures.map(({ kode, figure }) => ({ kode, value: figure?.value ?? null })),
    title: `Persentase penduduk miskin (P0), Maret ${year}`,
    unit: "%",
    legendTitle: "P0 (%)",
    showNames: true,
    description: `Peta persentase penduduk miskin (P0) kabupaten/kota Banten, Maret ${year}, dengan nama wilayah.`,
    width: Math.min(width, 720),
    height: Math.round(Math.min(width, 720) * 0.62)
  });
  const published = figures.flatMap((f) => (f.figure ? [f.figure] : []));
  const box = el("div", { id: "p0-map", "data-year": String(year) });
  box.append(
    await renderChart(spec, { width: Math.min(width, 720), fileName: `peta-p0-${year}` }),
    sourceNote(published),
    el("p", { class: "ts-source" }, BOUNDARY_ATTRIBUTION)
  );
  return box;
}

/** Status, the 2026 projection with its interval, probability and people remaining, and what it rests on. */
export function projectionSummary(status: RegionStatus): HTMLElement {
  const m = status.model;
  const outlook = extremeOutlook(status);
  const latest = m.latest;
  const items: [string, string][] = [
    ["Perkiraan terakhir (model)", latest ? `${formatPercent(latest.value)} (${latest.year}), ${FIGURE_KIND_LABEL.estimate}` : "belum ada"],
    [
      `Perkiraan ${TARGET_YEAR}`,
      m.projection ? `${formatPercent(m.projection.value)}, selang 80%: ${formatPercent(m.projection.lower)} – ${formatPercent(m.projection.upper)}` : "tidak dapat dihitung"
    ],
    [`Peluang mencapai ≤${formatNumber(TARGET_CEILING, 1)}% pada ${TARGET_YEAR}`, m.probability === null ? "–" : `${Math.round(m.probability * 100)}%`],
    [`Masih miskin ekstrem pada ${TARGET_YEAR} tanpa perubahan`, outlook.noChange ? `${formatCount(roundPersons(outlook.noChange.persons), "jiwa")} (selang 80%: ${formatNumber(roundPersons(outlook.noChange.lower))}–${formatCount(roundPersons(outlook.noChange.upper), "jiwa")})` : "–"],
    ["Tren provinsi (dipakai bersama)", m.slope ? `${formatNumber((Math.exp(m.slope.slope) - 1) * 100, 1)}% per tahun, ${m.slope.fromYear}–${m.slope.toYear} (${m.slope.n} titik)` : "belum dapat dihitung"],
    ["Angka survei BPS terakhir", status.latestSurvey ? `${formatPercent(status.latestSurvey.extreme_pct)} (${formatPeriod(status.latestSurvey.year, status.latestSurvey.month)}, ${seriesOfPublished(status.latestSurvey) === "usd215_ppp2017" ? "garis baru" : "garis lama, tidak sebanding dengan garis baru"})` : "belum ada untuk wilayah ini"]
  ];
  return el(
    "div",
    { class: "card", id: "projection-summary", "data-region": status.kode, "data-status": m.status },
    el("p", {}, el("strong", {}, `Status ${status.nama} menuju ${TARGET_YEAR}: `), statusBadge(m.status), " ", el("span", { class: "ts-muted" }, m.reason)),
    keyValueTable(items)
  );
}

/** Kab/kota map of the model's extreme-poverty estimate in its latest year (estimate, not BPS). */
export async function extremeMap(statuses: readonly RegionStatus[], topology: TopologyLike, width: number): Promise<HTMLElement> {
  const kabkota = statuses.filter((s) => s.kode.length === 4);
  const years = kabkota.map((s) => s.latestEstimate?.year ?? null).filter((y): y is number => y !== null);
  if (years.length === 0) return emptyState("Belum ada perkiraan model kemiskinan ekstrem kabupaten/kota untuk dipetakan.");
  const year = Math.max(...years);
  const values = kabkota.map((s) => {
    const e = s.estimates.find((x) => x.year === year) ?? null;
    return { kode: s.kode, value: e?.value_pct ?? null, ...(e ? { label: `${formatPercent(e.value_pct)} (selang 80%: ${formatNumber(e.lower_pct, 2)}–${formatPercent(e.upper_pct)})` } : {}) };
  });
  const w = Math.min(width, 720);
  const spec = choroplethSpec({
    topology,
    objectName: "kabkota",
    values,
    title: `Kemiskinan ekstrem ${year}: perkiraan model`,
    subtitle: "Bukan angka resmi BPS; garis baru US$2,15 PPP 2017",
    unit: "%",
    legendTitle: "Perkiraan (%)",
    scheme: "purples",
    showNames: true,
    description: `Peta perkiraan model kemiskinan ekstrem kabupaten/kota Banten ${year}, bukan angka resmi BPS.`,
    width: w,
    height: Math.round(w * 0.62)
  });
  const box = el("div", { id: "extreme-map", "data-year": String(year) });
  box.append(
    await renderChart(spec, { width: w, fileName: `peta-kemiskinan-ekstrem-${year}` }),
    sourceNote(kabkota.flatMap((s) => s.estimates.filter((e) => e.year === year)), { publisher: MODEL_SOURCE }),
    el("p", { class: "ts-source" }, BOUNDARY_ATTRIBUTION)
  );
  return box;
}
