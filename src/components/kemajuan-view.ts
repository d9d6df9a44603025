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
} from "./bps-series.js";
import { choroplethSpec, type TopologyLike } from "./charts/choropleth.js";
import { renderChart } from "./charts/embed.js";
import { rankingBarSpec } from "./charts/ranking.js";
import { smallMultiplesSpec, timeSeriesSpec } from "./charts/time-series.js";
import { formatCount, formatNumber, formatPercent, formatPeriod } from "./format.js";
import { ZERO_TARGET_FLOOR } from "./model/projection.js";
import { statusBadge } from "./progress-view.js";
import type { RegionStatus } from "./region-status.js";
import { el, sourceNote } from "./ui.js";

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

/** Year × indicator table for one region: every year in range, unpublished cells said so. */
export function coverageTable(poverty: readonly PovertyRow[], kode: string): HTMLElement {
  const seriesByField = new Map(INDICATORS.map((i) => [i.field, povertySeries(poverty, kode, i.field)]));
  const years = [...seriesByField.values()].flat().map((f) => f.year);
  if (years.length === 0) return emptyState("Belum ada angka kemiskinan BPS untuk wilayah ini.");
  const [from, to] = [Math.min(...years), Math.max(...years)];
  const coverage = INDICATORS.map((i) => yearCoverage(seriesByField.get(i.field) ?? [], from, to));
  const rows = coverage[0]!.map((_, index) => {
    const year = from + index;
    const cells = coverage.map((c) => c[index]!.figure);
    if (cells.every((f) => f === null)) {
      return el("tr", { class: "ts-gap", "data-year": String(year) }, el("td", {}, String(year)), el("td", { colspan: String(INDICATORS.length) }, "Tidak ada angka terbitan BPS untuk tahun ini."));
    }
    return el(
      "tr",
      { "data-year": String(year) },
      el("td", {}, String(year)),
      ...cells.map((figure, i) => el("td", { class: "num", "data-field": INDICATORS[i]!.field }, figure ? formatValue(figure.value, INDICATORS[i]!) : "–"))
    );
  });
  return el(
    "table",
    { class: "ts-table", id: "coverage-table" },
    el("thead", {}, el("tr", {}, el("th", {}, "Tahun (Maret)"), ...INDICATORS.map((i) => el("th", { class: "num" }, i.title)))),
    el("tbody", {}, ...rows)
  );
}

function extremeValueText(row: ExtremeRow): string {
  if (row.extreme_pct !== null) return formatPercent(row.extreme_pct);
  return formatCount(row.extreme_count, row.count_unit ?? "");
}

/** The survey series toward 2026 with the target and, when the data allow, the projection band. */
export async function extremeChart(status: RegionStatus, survey: readonly Figure[], width: number): Promise<HTMLElement> {
  const box = el("div", { id: "extreme-chart", "data-region": status.kode, "data-points": String(survey.length) });
  const projection = status.projection;
  if (survey.length === 0) {
    box.append(emptyState(`Belum ada angka survei BPS (Susenas) kemiskinan ekstrem untuk ${status.nama}. Status menuju 2026 tidak dapat dihitung.`));
    return box;
  }
  const spec = timeSeriesSpec({
    rows: survey.map((f) => ({ ...f })),
    field: "value",
    title: "Kemiskinan ekstrem (survei BPS)",
    unit: "%",
    observedLabel: "Angka survei BPS",
    subtitle: `${status.nama}; target 0% dibaca sebagai paling tinggi ${formatPercent(ZERO_TARGET_FLOOR.value, 1)}`,
    ...(projection ? { target: projection.effectiveTarget, targetYear: projection.targetYear } : {}),
    ...(projection && projection.path.length > 0 ? { projection } : {})
  });
  box.append(await renderChart(spec, { width, fileName: `kemiskinan-ekstrem-${status.kode}` }), sourceNote(survey));
  for (const excluded of projection?.excluded ?? []) {
    box.append(el("p", { class: "ts-muted" }, excluded.message));
  }
  return box;
}

/** Registry and unlabelled extreme-poverty figures, kept apart from the survey series. */
export function otherFiguresTable(extreme: readonly ExtremeRow[], kode: string): HTMLElement {
  const rows = otherExtremeFigures(extreme, kode);
  if (rows.length === 0) return emptyState("Tidak ada angka registri (P3KE/DTKS/DTSEN) atau angka lain untuk wilayah ini.");
  return el(
    "table",
    { class: "ts-table", id: "other-extreme" },
    el("thead", {}, el("tr", {}, el("th", {}, "Periode"), el("th", {}, "Jenis angka"), el("th", { class: "num" }, "Angka"), el("th", {}, "Sumber"))),
    el(
      "tbody",
      {},
      ...rows.map((r) =>
        el(
          "tr",
          { "data-kind": r.kind },
          el("td", {}, formatPeriod(r.year, r.month)),
          el("td", {}, EXTREME_KIND_LABEL[r.kind]),
          el("td", { class: "num" }, extremeValueText(r)),
          el("td", {}, sourceNote([r]))
        )
      )
    )
  );
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

/** Regions by status, bars at the latest survey rate; the table beside it gives the reasons. */
export async function rankingChart(statuses: readonly RegionStatus[], width: number): Promise<HTMLElement> {
  const rows = statuses.map((s) => {
    const latest = s.projection?.latest ?? null;
    return {
      kode: s.kode,
      nama: s.nama,
      value: latest?.value ?? null,
      status: s.projection?.status ?? ("insufficient_data" as const),
      ...(latest ? { label: `${formatPercent(latest.value)} (${latest.year})` } : {}),
      note: s.projection?.statusReason ?? "Target belum tersedia."
    };
  });
  const spec = rankingBarSpec({
    rows,
    title: "Kemiskinan ekstrem, angka survei terakhir",
    unit: "%",
    subtitle: "Warna menunjukkan status menuju 2026; urutan dari yang paling tertinggal"
  });
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
    width: Math.min(width, 720),
    height: Math.round(Math.min(width, 720) * 0.62)
  });
  const published = figures.flatMap((f) => (f.figure ? [f.figure] : []));
  const box = el("div", { id: "p0-map", "data-year": String(year) });
  box.append(
    await renderChart(spec, { width: Math.min(width, 720), fileName: `peta-p0-${year}` }),
    sourceNote(published),
    el("p", { class: "ts-source" }, "Batas wilayah: cahyadsn/wilayah_boundaries (MIT, © 2024 Cahya DSN), disederhanakan.")
  );
  return box;
}

/** Status, projection for the target year, and the decline needed versus the decline seen. */
export function projectionSummary(status: RegionStatus): HTMLElement {
  const p = status.projection;
  if (!p) return emptyState(`Target kemiskinan ekstrem untuk ${status.nama} belum tersedia.`);
  const rate = (r: { pointsPerYear: number; percentPerYear: number }) =>
    `${formatNumber(r.pointsPerYear, 2)} poin per tahun (${formatNumber(r.percentPerYear, 1)}% per tahun)`;
  const items: [string, string][] = [
    ["Angka survei terakhir", p.latest ? `${formatPercent(p.latest.value)} (${p.latest.year})` : "belum ada"],
    [
      `Proyeksi tren ${p.targetYear}`,
      p.projection
        ? `${formatPercent(p.projection.value)}${p.projection.lower !== null && p.projection.upper !== null ? `, interval ${formatNumber(p.level * 100, 0)}%: ${formatPercent(p.projection.lower)} – ${formatPercent(p.projection.upper)}` : " (tanpa interval)"}`
        : "tidak dapat dihitung"
    ],
    [`Penurunan yang diperlukan sampai ${p.targetYear}`, p.required ? (p.required.alreadyMet ? "target sudah tercapai pada angka terakhir" : rate(p.required)) : "tidak dapat dihitung"],
    ["Penurunan historis (tren)", p.historical ? `${rate(p.historical)}, ${p.historical.fromYear}–${p.historical.toYear}` : "belum dapat dihitung (kurang dari 2 titik)"]
  ];
  return el(
    "div",
    { class: "card", id: "projection-summary", "data-region": status.kode, "data-status": p.status },
    el("p", {}, el("strong", {}, `Status ${status.nama} menuju ${p.targetYear}: `), statusBadge(p.status), " ", el("span", { class: "ts-muted" }, p.statusReason)),
    el("table", { class: "ts-table" }, el("tbody", {}, ...items.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v))))),
    ...p.notes.map((n) => el("p", { class: "ts-muted", "data-note": n.code }, n.message))
  );
}
