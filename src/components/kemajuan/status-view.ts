// Headline cards and the status table for Ringkasan (the table also on Kemajuan).
import { latestWithChange, povertySeries, type ExtremeRow, type PovertyRow } from "../domain/bps-series.js";
import { formatCount, formatNumber, formatPercent, formatPeriod } from "../core/format.js";
import { MODEL_STATUS_LABEL, MODEL_STATUS_ORDER, TARGET_CEILING, TARGET_YEAR, type ModelStatus } from "../domain/model/model-status.js";
import { extremeOutlook, roundPersons, type EstimateRow, type RegionStatus } from "../domain/region-status.js";
import { el, sourceNote } from "../core/ui.js";
import { dataTable, kpiCard, type TableColumn } from "../core/table.js";

/** The three kinds of extreme-poverty figure, as labelled on screen. */
export const FIGURE_KIND_LABEL = {
  survey: "angka survei BPS",
  estimate: "perkiraan model, bukan angka resmi BPS",
  registry: "daftar sasaran (registri), bukan angka survei"
} as const;
export type FigureKind = keyof typeof FIGURE_KIND_LABEL;

export const MODEL_SOURCE = "Perkiraan model Tepat Sasaran dari P0, P1, P2 BPS";

export function statusBadge(status: ModelStatus): HTMLElement {
  return el("span", { class: `ts-status ts-status-${status}`, "data-status": status }, MODEL_STATUS_LABEL[status]);
}

export interface LatestExtremeFigure {
  kind: FigureKind;
  year: number;
  month: number | null;
  value: number;
  text: string;
  detail: string;
  source: string;
  retrieved_at: string;
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);

/**
 * The latest extreme-poverty rate of a region: the model estimate or the BPS survey rate, whichever
 * is newer (the survey rate on a tie). Registry counts are a different measure and are shown apart.
 */
export function latestExtremeFigure(status: Pick<RegionStatus, "latestEstimate" | "latestSurvey">): LatestExtremeFigure | null {
  const e: EstimateRow | null = status.latestEstimate;
  const s: ExtremeRow | null = status.latestSurvey;
  if (s && (!e || s.year >= e.year)) {
    return {
      kind: "survey",
      year: s.year,
      month: s.month,
      value: s.extreme_pct!,
      text: formatPercent(s.extreme_pct),
      detail: `${formatPeriod(s.year, s.month)} · ${FIGURE_KIND_LABEL.survey}${s.line_basis?.includes("1.90") ? ", garis lama" : ""}`,
      source: s.source,
      retrieved_at: iso(s.retrieved_at)
    };
  }
  if (!e) return null;
  return {
    kind: "estimate",
    year: e.year,
    month: e.month,
    value: e.value_pct,
    text: formatPercent(e.value_pct),
    detail: `${formatPeriod(e.year, e.month)} · ${FIGURE_KIND_LABEL.estimate} · selang 80%: ${formatNumber(e.lower_pct, 2)}–${formatPercent(e.upper_pct)}`,
    source: e.source,
    retrieved_at: iso(e.retrieved_at)
  };
}

/** A headline figure inside a region card (no frame of its own). */
function kpi(kind: string, region: string, label: string, value: string | null, detail: string, attributes: Record<string, string> = {}, unit?: string): HTMLElement {
  return kpiCard(label, value, detail, kind, { framed: false, attributes: { "data-region": region, ...attributes }, ...(unit ? { unit } : {}) });
}

/**
 * One card per region for leadership: the status toward 2026 with its probability, the latest
 * extreme-poverty rate with its year and kind, the persons still in extreme poverty in 2026 without
 * change (extremeOutlook, the figure every page shows), P0 and the number of poor (survey). Every
 * count in the card is in jiwa; registry counts (KK, keluarga) are in their own card (registryCard).
 */
export function headlineCard(poverty: readonly PovertyRow[], status: RegionStatus): HTMLElement {
  const m = status.model;
  const latest = latestExtremeFigure(status);
  const outlook = extremeOutlook(status);
  const p0 = latestWithChange(povertySeries(poverty, status.kode, "p0_pct"));
  const poor = latestWithChange(povertySeries(poverty, status.kode, "poor_count"));
  const probability = m.probability === null ? "" : `peluang ≤${formatNumber(TARGET_CEILING, 1)}% pada ${TARGET_YEAR}: ${Math.round(m.probability * 100)}%`;
  const kpis: HTMLElement[] = [];
  kpis.push(
    latest
      ? kpi("extreme", status.kode, "Kemiskinan ekstrem", latest.text, latest.detail, {
          "data-year": String(latest.year),
          "data-value": String(latest.value),
          "data-kind": latest.kind
        })
      : kpi("extreme", status.kode, "Kemiskinan ekstrem", null, "Belum ada angka.")
  );
  const noChange = outlook.noChange;
  kpis.push(
    noChange
      ? kpi(
          "remaining_2026",
          status.kode,
          `Jiwa miskin ekstrem ${TARGET_YEAR}`,
          formatNumber(roundPersons(noChange.persons)),
          `perkiraan model tanpa perubahan · selang 80%: ${formatNumber(roundPersons(noChange.lower))}–${formatCount(roundPersons(noChange.upper), "jiwa")}`,
          { "data-year": String(TARGET_YEAR), "data-value": String(noChange.persons), "data-kind": "estimate" },
          "jiwa"
        )
      : kpi("remaining_2026", status.kode, `Jiwa miskin ekstrem ${TARGET_YEAR}`, "–", "belum dapat diperkirakan", { "data-kind": "estimate" })
  );
  const figures = [
    ...(p0 ? [p0] : []),
    ...(latest ? [{ source: latest.source, retrieved_at: latest.retrieved_at }] : [])
  ];
  const survey = el(
    "ul",
    { class: "ts-card-lines" },
    p0 ? el("li", { "data-kpi": "p0", "data-region": status.kode, "data-year": String(p0.year), "data-value": String(p0.value) }, `Penduduk miskin (P0): `, el("strong", {}, formatPercent(p0.value)), ` · ${formatPeriod(p0.year, p0.month)}, ${FIGURE_KIND_LABEL.survey}`) : null,
    poor ? el("li", { "data-kpi": "poor_count", "data-region": status.kode, "data-year": String(poor.year), "data-value": String(poor.value) }, `Jumlah penduduk miskin: `, el("strong", {}, formatCount(poor.value, "jiwa")), ` · ${formatPeriod(poor.year, poor.month)}, ${FIGURE_KIND_LABEL.survey}`) : null
  );
  return el(
    "section",
    { class: "card ts-region-card", "data-region": status.kode, "data-status": m.status },
    el("h2", {}, status.nama),
    el("div", { class: "ts-status-line" }, statusBadge(m.status), " ", el("span", {}, probability || m.reason)),
    el("div", { class: "ts-kpis" }, ...kpis),
    survey,
    sourceNote(figures, { publisher: "BPS; perkiraan: model Tepat Sasaran" })
  );
}

/**
 * The latest registry count of each region, in the unit the source gives (KK, keluarga or jiwa):
 * its own card, so no card mixes registry units with the survey's jiwa.
 */
export function registryCard(statuses: readonly RegionStatus[]): HTMLElement {
  const rows = statuses.filter((s) => s.latestRegistry !== null);
  return el(
    "section",
    { class: "card", id: "registry-counts" },
    el("h2", {}, "Daftar sasaran (registri)"),
    el("p", { class: "ts-muted" }, `Hitungan daftar sasaran (P3KE, DTKS/DTSEN, Dinsos) dalam satuannya sendiri; ${FIGURE_KIND_LABEL.registry}, jadi tidak dijumlahkan atau dibandingkan dengan jiwa hasil survei.`),
    rows.length === 0
      ? el("p", { class: "ts-empty" }, "Belum ada hitungan daftar sasaran.")
      : el(
          "ul",
          { class: "ts-card-lines" },
          ...rows.map((s) =>
            el(
              "li",
              { "data-kpi": "registry", "data-region": s.kode, "data-year": String(s.latestRegistry!.year), "data-unit": s.latestRegistry!.count_unit ?? "" },
              `${s.nama}: `,
              el("strong", {}, formatCount(s.latestRegistry!.extreme_count, s.latestRegistry!.count_unit ?? "")),
              ` · ${formatPeriod(s.latestRegistry!.year, s.latestRegistry!.month)}`
            )
          )
        ),
    sourceNote(rows.map((s) => ({ source: s.latestRegistry!.source, retrieved_at: s.latestRegistry!.retrieved_at })))
  );
}

/** Regions furthest behind first: status (worst first), then lower probability of reaching the target. */
export function rankStatuses(statuses: readonly RegionStatus[]): RegionStatus[] {
  const rank = (s: RegionStatus) => MODEL_STATUS_ORDER.indexOf(s.model.status);
  return [...statuses].sort((a, b) => rank(a) - rank(b) || (a.model.probability ?? 2) - (b.model.probability ?? 2) || a.kode.localeCompare(b.kode));
}

type StatusView = RegionStatus & Record<string, unknown>;

const STATUS_COLUMNS: TableColumn<StatusView>[] = [
  { key: "nama", header: "Wilayah" },
  { key: "status", header: `Status ${TARGET_YEAR}`, render: (s) => statusBadge(s.model.status) },
  { key: "latest", header: "Perkiraan terakhir", numeric: true, render: ({ model: m }) => (m.latest ? `${formatPercent(m.latest.value)} (${m.latest.year})` : "–") },
  {
    key: "projection",
    header: `Perkiraan ${TARGET_YEAR} (selang 80%)`,
    numeric: true,
    render: ({ model: m }) => (m.projection ? `${formatPercent(m.projection.value)} (${formatNumber(m.projection.lower, 2)}–${formatNumber(m.projection.upper, 2)})` : "–")
  },
  { key: "probability", header: `Peluang ≤${formatNumber(TARGET_CEILING, 1)}%`, numeric: true, render: ({ model: m }) => (m.probability === null ? "–" : `${Math.round(m.probability * 100)}%`) },
  { key: "people", header: `Jiwa ${TARGET_YEAR}`, numeric: true, render: ({ model: m }) => (m.people ? formatNumber(roundPersons(m.people.value)) : "–") },
  {
    key: "basis",
    header: "Dasar status",
    render: ({ model: m }) => (m.projection && m.slope ? `${m.points.length} titik perkiraan ${m.points[0]!.year}–${m.latest!.year}; tren provinsi ${formatNumber((Math.exp(m.slope.slope) - 1) * 100, 1)}% per tahun` : m.reason),
    cell: () => ({ class: "ts-muted" })
  }
];

/** Regions by status toward 2026 (furthest behind first), with the figures the status rests on. */
export function statusTable(statuses: readonly RegionStatus[]): HTMLElement {
  return dataTable(STATUS_COLUMNS, rankStatuses(statuses) as StatusView[], { id: "status-table" }, {
    wrapper: { class: "ts-table-wrap" },
    row: (s) => ({ "data-region": s.kode, "data-points": String(s.model.points.length) })
  });
}
