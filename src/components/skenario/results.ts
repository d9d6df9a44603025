// The planner's result tables and texts: the heading with the synthetic badge, the comparison of
// the scenarios (measures as rows), the active scenario's kecamatan table, and the assumptions in
// plain Indonesian with the sources. Built from measures.ts; the charts are in result-charts.ts.
import { formatNumber, formatRupiah } from "../core/format.js";
import { syntheticSuffix } from "../core/synthetic.js";
import { dataTable, type TableColumn } from "../core/table.js";
import { el, sourceLine, syntheticBadgeIf } from "../core/ui.js";
import { UNDETAILED_LABEL } from "../cakupan/queries.js";
import { DESA_ONLY_PROGRAMMES } from "../domain/programmes.js";
import { roundPersons } from "../domain/region-status.js";
import { MEASURES, extremeLineRp, kecamatanColumns, kecamatanRows, measureText, scenarioTitle, type Measure, type MeasureContext, type ScenarioResult } from "./measures.js";
import type { PageData } from "./page-data.js";
import type { ScenarioState } from "./spec.js";
import type { AreaResult } from "./types.js";

export type ResultsData = Pick<PageData, "kab" | "wilayah" | "names" | "ctx" | "line" | "sources" | "synthetic" | "catalogue" | "trend">;

/** The heading and the line saying what every figure is, with the time the recompute took. */
export function resultsHeading(data: ResultsData, state: ScenarioState, results: readonly ScenarioResult[]): HTMLElement[] {
  return [
    el("h2", {}, `Hasil perkiraan ${data.wilayah.short}, ${state.horizon} `, syntheticBadgeIf(data.synthetic)),
    el(
      "p",
      { class: "ts-muted" },
      `Semua angka hasil adalah perkiraan model atas sel registri${syntheticSuffix(data.synthetic)}, garis ekstrem Rp${formatNumber(extremeLineRp(state, data.ctx))} per kapita per bulan. Dihitung ulang dalam ${formatNumber(results.reduce((s, r) => s + r.ms, 0))} ms.`
    )
  ];
}

type MeasureRow = Record<string, unknown> & { readonly measure: Measure };

/** Measures as rows, one column per scenario; each cell carries its value for tests and benchmarks. */
export function comparisonTable(data: ResultsData, results: readonly ScenarioResult[], kabs: readonly AreaResult[], context: MeasureContext): HTMLElement {
  const columns: TableColumn<MeasureRow>[] = [
    { key: "label", header: "Ukuran", rowHeader: true, render: ({ measure }) => measure.label(context) },
    ...results.map((s, i): TableColumn<MeasureRow> => ({
      key: `scenario_${i}`,
      header: scenarioTitle(i, s.def),
      numeric: true,
      render: ({ measure }) => measureText(measure, measure.value(kabs[i]!, s, context)),
      cell: ({ measure }) => {
        const v = measure.value(kabs[i]!, s, context);
        // A value in words ("tidak ada yang keluar") may wrap; a number with its unit stays on one line.
        return { class: v === null ? "scn-words" : undefined, "data-metric": measure.key, "data-scenario": String(i), "data-value": v === null ? "" : String(v) };
      }
    }))
  ];
  return el(
    "div",
    { class: "scn-table-wrap" },
    el("h3", {}, "Perbandingan skenario"),
    dataTable(columns, MEASURES.map((measure) => ({ measure })), { id: "scenario-compare" }, { wrapper: null, row: ({ measure }) => ({ "data-metric-row": measure.key }) }),
    baselineNote(data, kabs[0]!, context),
    sourceLine(`sel registri ${data.wilayah.short}${syntheticSuffix(data.synthetic)}, katalog program, garis kemiskinan BPS; perkiraan model`)
  );
}

/** Why the registry's no-change count and the survey's differ, in one line with both figures. */
function baselineNote(data: ResultsData, first: AreaResult, context: MeasureContext): HTMLElement | null {
  const survey = context.surveyNoChange;
  if (survey?.year !== context.horizon) return null;
  const h = context.horizon;
  return el(
    "p",
    { class: "ts-muted", id: "baseline-note" },
    `Tanpa perubahan program, sel registri${syntheticSuffix(data.synthetic)} memberi ${formatNumber(first.status_quo_poor_persons)} jiwa pada ${h} dan perkiraan survei BPS ${formatNumber(roundPersons(survey.persons))} jiwa (angka yang sama di Ringkasan dan Kemajuan). ` +
      `Keduanya memakai tren yang sama; titik awalnya berbeda: registri mulai dari ${formatNumber(first.base_poor_persons)} jiwa yang tercatat dalam daftar rumah tangganya pada ${data.ctx.base_year}, perkiraan survei dari garis tren perkiraan model${data.trend?.kind === "extreme" ? ` ${data.trend.from}–${data.trend.to}` : ""} atas basis penduduk BPS.`
  );
}

/** The kecamatan table of one scenario (the active one). */
export function kecamatanTable(data: ResultsData, state: ScenarioState, result: ScenarioResult, index: number): HTMLElement {
  const rows = kecamatanRows(result, data.names, `${UNDETAILED_LABEL} (sel tanpa kecamatan)`);
  return el(
    "div",
    { class: "scn-table-wrap" },
    el("h3", {}, `Per kecamatan: ${scenarioTitle(index, result.def)}`),
    dataTable(kecamatanColumns(state.horizon, data.ctx.base_year), rows, { id: "scenario-kecamatan" }, { wrapper: null, row: (r) => ({ "data-kec": r.area_kode ?? "tidak-dirinci" }) })
  );
}

/** Where the Dana Desa programmes can run: desa only, so in a kabupaten and not among a kota's kelurahan. */
function villageProgrammeNote(data: ResultsData): string {
  return DESA_ONLY_PROGRAMMES.map((code) => {
    // The catalogue's name without its explanation in brackets ("BLT Dana Desa (…)").
    const name = (data.catalogue.find((c) => c.code === code)?.name ?? code).replace(/\s*\(.*\)$/, "");
    return data.wilayah.hasDesa ? `${name} hanya untuk desa: tersedia untuk ${data.wilayah.short}.` : `${name} hanya untuk desa: tidak tersedia untuk kelurahan ${data.wilayah.short}.`;
  }).join(" ");
}

/** What the model assumes, in the figures of the current state, then every source with its date. */
export function assumptions(data: ResultsData, state: ScenarioState, cellGap: number, bpsGap: number | null): HTMLElement {
  const synth = syntheticSuffix(data.synthetic);
  const items = [
    `Pengeluaran per kapita tiap rumah tangga diambil dari sel registri ${data.wilayah.short}${synth}: setiap sel memuat sedikitnya k rumah tangga dan satu rentang pengeluaran; di dalam rentang, pengeluaran dianggap tersebar merata. Rentang terbuka ke atas dianggap selebar batas bawahnya.`,
    `Seseorang miskin ekstrem bila pengeluarannya di bawah garis ekstrem Rp${formatNumber(extremeLineRp(state, data.ctx))} per kapita per bulan = rasio ${formatNumber(state.extreme_ratio ?? data.ctx.extreme_ratio, 3)} × garis kemiskinan Rp${formatNumber(state.poverty_line_rp ?? data.ctx.poverty_line_rp)} (${state.poverty_line_rp || state.extreme_ratio ? "diubah pengguna" : `tabel poverty_lines, ${data.line.year}`}).`,
    "Pengeluaran 2025 sudah memuat bantuan yang diterima saat ini. Anggaran sama dengan saat ini berarti tidak ada perubahan; tambahan anggaran menjangkau rumah tangga yang belum menerima program itu; pengurangan menghentikan bantuan sebagian penerima saat ini secara merata.",
    "Satuan tambahan dibagikan menurut urutan penargetan (dihitung sekali saat halaman dibuka); sel terakhir yang terjangkau menerima sebagian. Semua hasil adalah nilai harapan tanpa undian acak, sehingga sama setiap kali dihitung.",
    "Rumah tangga yang layak: desil tertinggi sel tidak melebihi batas desil program (katalog), atau desil tidak diketahui tetapi masuk daftar sasaran. Kebocoran dibagikan ke sel yang tidak layak sebanding dengan jumlah rumah tangganya.",
    "Di dalam satu sel, program yang berbeda dianggap menjangkau rumah tangga yang sama lebih dulu (bertumpuk); ini juga dasar hitungan penerima, galat inklusi/eksklusi, dan tumpang tindih.",
    "Nilai bantuan per tahun dibagi 12 bulan dan jumlah anggota rumah tangga rata-rata sel. Paket sekali salur dihitung sebagai rata-rata bulanan dalam setahun. PBI-JK dan bedah rumah tidak menambah konsumsi yang diukur: biayanya dihitung, pengaruhnya terhadap kemiskinan ekstrem nol.",
    `Tren latar ${formatNumber((state.trend_per_year ?? data.ctx.trend_per_year) * 100, 1)}% per tahun mengalikan semua angka ${state.horizon} (dengan dan tanpa skenario). Program pemberdayaan menurunkan peluang tetap miskin ekstrem penerima baru sebesar peluang graduasi per tahun.`,
    `Galat eksklusi = rumah tangga miskin ekstrem 2025 yang tidak menerima program apa pun ÷ semua rumah tangga miskin ekstrem. Galat inklusi = penerima yang tidak miskin ekstrem ÷ semua penerima.`,
    `Biaya menutup celah dengan penargetan sempurna: ${formatRupiah(cellGap)} per tahun menurut sel (garis ekstrem)${bpsGap === null ? "" : `; ${formatRupiah(bpsGap)} menurut rumus P1 BPS (garis kemiskinan, mencakup semua penduduk miskin)`}.`,
    `${villageProgrammeNote(data)} Program tanpa biaya satuan terbit baru dapat disimulasikan setelah biayanya diisi.`
  ];
  return el(
    "div",
    { id: "scenario-assumptions", class: "ts-method" },
    el("h3", {}, "Asumsi yang dipakai"),
    el("ol", {}, ...items.map((t) => el("li", {}, t))),
    ...data.sources.map((s) => sourceLine(`\`${s.name}\`: ${s.source}${syntheticSuffix(s.synthetic)}`, s.retrieved_at))
  );
}
