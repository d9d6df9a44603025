// The validation block of Kemajuan: the leave-one-out verdict, the error by year and line, every
// published point against its leave-one-out estimate, the tail-model comparison, and the
// calibration per line series. Everything is read from the published tables.
import { formatNumber, formatPercent, formatPeriod } from "../core/format.js";
import { el, sourceNote } from "../core/ui.js";
import { SERIES_LABEL_ID, isLineSeries } from "../domain/model/line-series.js";
import { validationSummaryOf, type CalibrationRow, type ComparisonRow, type ValidationTableRow } from "../domain/region-status.js";
import { TAIL_CHOICE_LABEL, type TailChoice } from "../domain/model/shapes.js";

const seriesLabel = (s: string) => (isLineSeries(s) ? SERIES_LABEL_ID[s] : s);
const pctSigned = (v: number) => `${v > 0 ? "+" : ""}${formatNumber(v * 100, 0)}%`;

function table(id: string, head: readonly (string | [string, "num"])[], rows: readonly HTMLElement[]): HTMLElement {
  return el(
    "div",
    { class: "ts-table-wrap" },
    el(
      "table",
      { class: "ts-table", id },
      el("thead", {}, el("tr", {}, ...head.map((h) => (Array.isArray(h) ? el("th", { class: "num" }, h[0]) : el("th", {}, h))))),
      el("tbody", {}, ...rows)
    )
  );
}

/** The verdict and the signed error by year and line (the closing note's table). */
export function validationVerdict(rows: readonly ValidationTableRow[]): HTMLElement {
  const summary = validationSummaryOf(rows);
  const byYear = summary.byYearLine.map((g) =>
    el(
      "tr",
      { "data-year": String(g.year), "data-series": g.series },
      el("td", {}, String(g.year)),
      el("td", {}, SERIES_LABEL_ID[g.series]),
      el("td", { class: "num" }, String(g.n)),
      el("td", { class: "num", "data-median-signed": String(g.medianSigned) }, pctSigned(g.medianSigned)),
      el("td", { class: "num" }, `${g.inside} dari ${g.n}`)
    )
  );
  return el(
    "div",
    { id: "validation-summary", "data-acceptable": String(summary.acceptable) },
    el("p", { class: summary.acceptable ? "" : "ts-error", id: "validation-verdict" }, summary.verdict),
    table("validation-by-year", ["Tahun", "Garis", ["Titik", "num"], ["Galat bertanda (median)", "num"], ["Dalam selang 80%", "num"]], byYear)
  );
}

/** Every published survey rate against its leave-one-out estimate and interval. */
export function validationTable(rows: readonly ValidationTableRow[], names: ReadonlyMap<string, string>): HTMLElement {
  const ordered = [...rows].sort((a, b) => (a.role === "context" ? 1 : 0) - (b.role === "context" ? 1 : 0) || a.region_kode.localeCompare(b.region_kode) || a.year - b.year || a.month - b.month);
  const pct = (v: number | null) => (v === null ? "–" : formatPercent(v));
  const body = ordered.map((r) =>
    el(
      "tr",
      { "data-region": r.region_kode, "data-year": String(r.year), "data-month": String(r.month), "data-series": r.series, "data-role": r.role },
      el("td", {}, names.get(r.region_kode) ?? r.region_kode),
      el("td", {}, formatPeriod(r.year, r.month)),
      el("td", {}, seriesLabel(r.series)),
      el("td", { class: "num" }, pct(r.published_pct)),
      el("td", { class: "num" }, r.estimate_pct === null ? "–" : `${pct(r.estimate_pct)} (${formatNumber(r.lower_pct, 2)}–${formatNumber(r.upper_pct, 2)})`),
      el("td", { class: "num", "data-error": r.error_points === null ? "" : String(r.error_points) }, r.error_points === null ? "–" : `${formatNumber(r.error_points, 2)} poin (${pctSigned(r.error_relative!)})`),
      el("td", { class: "ts-muted" }, [r.role === "context" ? "konteks, tidak dinilai" : r.in_interval === false ? "di luar selang 80%" : "", r.note ?? ""].filter(Boolean).join("; "))
    )
  );
  return el(
    "div",
    { id: "validation" },
    table("validation-table", ["Wilayah", "Periode", "Garis", ["Angka survei BPS", "num"], ["Perkiraan tanpa titik ini (selang 80%)", "num"], ["Galat", "num"], "Catatan"], body),
    sourceNote(rows, { publisher: "BPS (angka survei kemiskinan ekstrem)" })
  );
}

/** The tail models by leave-one-out error; the first is the one published. */
export function comparisonTable(rows: readonly ComparisonRow[]): HTMLElement {
  const body = [...rows]
    .sort((a, b) => a.rank - b.rank)
    .map((r) =>
      el(
        "tr",
        { "data-model": r.tail_model, "data-chosen": String(r.chosen) },
        el("td", {}, TAIL_CHOICE_LABEL[r.tail_model as TailChoice] ?? r.label, r.chosen ? el("strong", {}, " (dipakai)") : null),
        el("td", { class: "num" }, r.median_abs_relative === null ? "–" : formatPercent(r.median_abs_relative * 100, 1)),
        el("td", { class: "num" }, r.mean_abs_log === null ? "–" : formatNumber(r.mean_abs_log, 3)),
        el("td", { class: "num" }, r.coverage === null ? "–" : formatPercent(r.coverage * 100, 0)),
        el("td", { class: "num" }, String(r.scored))
      )
    );
  return table("model-comparison", ["Model ekor", ["Galat relatif median", "num"], ["Rata-rata |galat log|", "num"], ["Dalam selang 80%", "num"], ["Titik", "num"]], body);
}

/** The ratio of each line series, fitted on that series' published points only, and the interval term. */
export function calibrationTable(rows: readonly CalibrationRow[]): HTMLElement {
  const first = rows[0];
  const body = [...rows]
    .sort((a, b) => a.series.localeCompare(b.series))
    .map((r) =>
      el(
        "tr",
        { "data-series": r.series },
        el("td", {}, seriesLabel(r.series)),
        el("td", { class: "num" }, formatNumber(r.ratio_t0, 3)),
        el("td", { class: "num" }, `${r.change_per_year > 0 ? "+" : ""}${formatNumber(r.change_per_year * 100, 1)}%`),
        el("td", { class: "num" }, String(r.points)),
        el("td", { class: "ts-muted" }, r.how)
      )
    );
  return el(
    "div",
    { id: "calibration" },
    table("calibration-table", ["Garis", ["Rasio efektif r", "num"], ["Perubahan r per tahun", "num"], ["Angka terbitan", "num"], "Dasar"], body),
    first
      ? el(
          "p",
          { class: "ts-muted", id: "interval-note" },
          `Suku validasi selang: ${formatNumber(first.validation_se, 3)} pada skala log, dari galat leave-one-out semua angka terbitan (kedua garis digabung karena garis baru baru memiliki sedikit titik); hanya lebar selang yang memakai angka gabungan ini, bukan nilai perkiraan. ` +
            (first.widened ? `Selang dilebarkan: suku validasi diambil pada kuantil ${formatNumber(first.interval_level * 100, 0)}% karena cakupan 80% tidak tercapai pada kuantil 80%.` : "Cakupan 80% tercapai tanpa pelebaran.")
        )
      : null
  );
}
