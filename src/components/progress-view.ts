// Headline cards and the status table for Ringkasan (and the ranking on Kemajuan).
import { EXTREME_KIND_LABEL, latestWithChange, povertySeries, type Figure, type PovertyRow } from "./bps-series.js";
import { formatCount, formatNumber, formatPercent, formatPeriod } from "./format.js";
import { STATUS_LABEL_ID, STATUS_ORDER, type ProjectionStatus } from "./model/projection.js";
import type { RegionStatus } from "./region-status.js";
import { el, sourceNote } from "./ui.js";

function change(latest: ReturnType<typeof latestWithChange>, format: (n: number) => string, unitLabel: string): string {
  if (!latest || latest.change === null || !latest.previous) return `Tidak ada angka ${latest ? latest.year - 1 : "tahun sebelumnya"} untuk pembanding.`;
  const direction = latest.change < 0 ? "turun" : latest.change > 0 ? "naik" : "tetap";
  return `${direction} ${format(Math.abs(latest.change))}${unitLabel} dari ${formatPeriod(latest.previous.year, latest.previous.month)}`;
}

function kpi(label: string, region: string, kind: string, figure: Figure | null, value: string, detail: string): HTMLElement {
  if (!figure) return el("div", { class: "ts-kpi", "data-kpi": kind, "data-region": region }, el("h3", {}, label), el("p", { class: "ts-pending" }, "Belum ada angka terbitan."));
  return el(
    "div",
    { class: "ts-kpi", "data-kpi": kind, "data-region": region, "data-year": String(figure.year), "data-value": String(figure.value) },
    el("h3", {}, label),
    el("div", { class: "ts-kpi-value" }, value),
    el("div", { class: "ts-kpi-detail" }, `${formatPeriod(figure.year, figure.month)} · ${detail}`),
    sourceNote([figure])
  );
}

export function statusBadge(status: ProjectionStatus): HTMLElement {
  return el("span", { class: `ts-status ts-status-${status}`, "data-status": status }, STATUS_LABEL_ID[status]);
}

/** One card per region: P0, number of poor, the latest extreme-poverty figure, and the 2026 status. */
export function headlineCard(poverty: readonly PovertyRow[], status: RegionStatus): HTMLElement {
  const p0 = latestWithChange(povertySeries(poverty, status.kode, "p0_pct"));
  const poor = latestWithChange(povertySeries(poverty, status.kode, "poor_count"));
  const extreme = status.latestExtreme;
  const extremeValue = extreme
    ? extreme.extreme_pct !== null
      ? formatPercent(extreme.extreme_pct)
      : formatCount(extreme.extreme_count, extreme.count_unit ?? "")
    : "";
  const extremeFigure: Figure | null = extreme
    ? { year: extreme.year, month: extreme.month, value: extreme.extreme_pct ?? extreme.extreme_count ?? 0, source: extreme.source, retrieved_at: String(extreme.retrieved_at instanceof Date ? extreme.retrieved_at.toISOString() : extreme.retrieved_at) }
    : null;
  return el(
    "section",
    { class: "card ts-region-card", "data-region": status.kode },
    el("h2", {}, status.nama),
    el(
      "div",
      { class: "ts-kpis" },
      kpi("Persentase penduduk miskin (P0)", status.kode, "p0", p0, p0 ? formatPercent(p0.value) : "", change(p0, (n) => formatNumber(n, 2), " poin")),
      kpi("Jumlah penduduk miskin", status.kode, "poor_count", poor, poor ? formatCount(poor.value, "jiwa") : "", change(poor, (n) => formatNumber(n), " jiwa")),
      kpi("Kemiskinan ekstrem, angka terakhir", status.kode, "extreme", extremeFigure, extremeValue, extreme ? EXTREME_KIND_LABEL[extreme.kind] : "")
    ),
    el(
      "div",
      { class: "ts-status-line" },
      el("strong", {}, "Menuju 0% pada 2026: "),
      status.projection ? statusBadge(status.projection.status) : "target belum tersedia",
      " ",
      el("span", { class: "ts-muted" }, status.projection?.statusReason ?? "")
    )
  );
}

/** Regions by status toward 2026 (worst first), with the figures the status rests on. */
export function statusTable(statuses: readonly RegionStatus[]): HTMLElement {
  const rank = (s: RegionStatus) => STATUS_ORDER.indexOf(s.projection?.status ?? "insufficient_data");
  const rows = [...statuses].sort((a, b) => rank(a) - rank(b) || a.kode.localeCompare(b.kode));
  return el(
    "table",
    { class: "ts-table", id: "status-table" },
    el("thead", {}, el("tr", {}, el("th", {}, "Wilayah"), el("th", {}, "Status 2026"), el("th", { class: "num" }, "Angka survei terakhir"), el("th", {}, "Dasar status"))),
    el(
      "tbody",
      {},
      ...rows.map((s) => {
        const latest = s.projection?.latest;
        return el(
          "tr",
          { "data-region": s.kode },
          el("td", {}, s.nama),
          el("td", {}, s.projection ? statusBadge(s.projection.status) : "–"),
          el("td", { class: "num" }, latest ? `${formatPercent(latest.value)} (${latest.year})` : "–"),
          el("td", { class: "ts-muted" }, s.projection?.statusReason ?? "Target belum tersedia.")
        );
      })
    )
  );
}
