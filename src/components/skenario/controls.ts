// The planner's controls (Bahasa Indonesia, with units and sources): the assumptions shared by every
// scenario, the scenario tabs, one card per programme, and the share/save buttons. Every control
// edits the state through the store (state.ts); numbers are read by number-input.ts.
import { formatNumber, formatRupiah } from "../core/format.js";
import { syntheticSuffix } from "../core/synthetic.js";
import { el } from "../core/ui.js";
import { effectLabel, funderLabel } from "../domain/programmes.js";
import { extremeLineRp } from "./measures.js";
import { numberInput } from "./number-input.js";
import type { PageData } from "./page-data.js";
import { HORIZONS, MAX_SCENARIOS, programmeParams, type Horizon } from "./spec.js";
import { addScenario, hasKecBudgets, removeScenario, withHorizon, withKabBudget, withKecBudget, withName, withOverride, withSetting, type ScenarioStore } from "./state.js";
import { TARGETING_RULES, type TargetingRule } from "./types.js";

export const RULE_LABELS: Record<TargetingRule, string> = {
  daftar: "Daftar sasaran dulu, lalu desil, lalu pengeluaran",
  desil: "Desil terendah dulu, lalu pengeluaran",
  pengeluaran: "Pengeluaran terendah dulu"
};

const JUTA = 1e6;
const KEC_BUDGET_TITLE = "Anggaran diisi per kecamatan di bawah";

export type ControlsData = Pick<PageData, "kab" | "wilayah" | "kecamatan" | "catalogue" | "baseline" | "ctx" | "line" | "trend" | "synthetic">;

/** What the file buttons do; the page owns downloads, uploads and saving. */
export interface FileActions {
  downloadJson(): void;
  uploadJson(file: File): void;
  exportXlsx(): void;
  saveBest(): void;
}

function field(label: string, input: HTMLElement, note?: string | Node): HTMLElement {
  return el("label", { class: "scn-field" }, el("span", { class: "scn-label" }, label), input, note ? el("span", { class: "ts-source" }, note) : null);
}

/** Rupiah to the juta shown in budget fields, to three decimals. */
function juta(rp: number): number {
  return Math.round((rp / JUTA) * 1000) / 1000;
}

export function sharedControls(data: ControlsData, store: ScenarioStore): HTMLElement {
  const state = store.state;
  const horizon = el("select", { "data-field": "horizon" }, ...HORIZONS.map((y) => el("option", { value: String(y) }, String(y))));
  horizon.value = String(state.horizon);
  horizon.addEventListener("change", () => void store.set(withHorizon(store.state, Number(horizon.value) as Horizon)));
  const povertyLine = numberInput({
    attributes: { "data-field": "poverty_line_rp", min: "100000", max: "5000000", step: "1000" },
    value: state.poverty_line_rp,
    placeholder: data.ctx.poverty_line_rp,
    onValue: (v) => refusal(store.set(withOverride(store.state, "poverty_line_rp", v)))
  });
  const ratio = numberInput({
    attributes: { "data-field": "extreme_ratio", min: "0.3", max: "1", step: "0.001" },
    value: state.extreme_ratio,
    placeholder: data.ctx.extreme_ratio,
    onValue: (v) => refusal(store.set(withOverride(store.state, "extreme_ratio", v)))
  });
  const trend = numberInput({
    attributes: { "data-field": "trend_pct", min: "-50", max: "50", step: "0.1" },
    value: state.trend_per_year === undefined ? undefined : state.trend_per_year * 100,
    placeholder: data.ctx.trend_per_year * 100,
    onValue: (v) => refusal(store.set(withOverride(store.state, "trend_per_year", v === undefined ? undefined : v / 100)))
  });
  const kabName = data.wilayah.short;
  const line = data.line;
  const trendNote = data.trend
    ? data.trend.kind === "extreme"
      ? `Bawaan ${formatNumber(data.ctx.trend_per_year * 100, 1)}% per tahun: tren perkiraan kemiskinan ekstrem ${data.trend.from}–${data.trend.to}, sama dengan Ringkasan dan Kemajuan. Isi 0 untuk tanpa tren.`
      : `Bawaan ${formatNumber(data.ctx.trend_per_year * 100, 1)}% per tahun: perubahan P0 ${kabName} Maret ${data.trend.from}–${data.trend.to} (BPS). Isi 0 untuk tanpa tren.`
    : "Tidak ada dua angka P0 BPS berturut-turut: bawaan 0.";
  return el(
    "div",
    { class: "scn-global" },
    field("Tahun sasaran", horizon, "2026: target RPJMN 0% kemiskinan ekstrem; 2027: lintasan RPJMN berikutnya."),
    field(
      "Garis kemiskinan (Rp per kapita per bulan)",
      povertyLine,
      `Bawaan Rp${formatNumber(data.ctx.poverty_line_rp)}: ${kabName} ${line.year}, tabel poverty_lines (${line.basis.split(":")[0]}; rumusnya di halaman Sumber data).`
    ),
    field(
      "Rasio garis ekstrem terhadap garis kemiskinan",
      ratio,
      `Bawaan ${formatNumber(data.ctx.extreme_ratio, 3)} (tabel poverty_lines, seri ${line.series}). Garis ekstrem yang dipakai: Rp${formatNumber(extremeLineRp(state, data.ctx))} per kapita per bulan.`
    ),
    field("Tren latar kemiskinan ekstrem (% per tahun)", trend, trendNote)
  );
}

/** The refusal message of a store change, for the field that asked for it. */
function refusal(outcome: { ok: boolean; message?: string }): string | null {
  return outcome.ok ? null : (outcome.message ?? null);
}

export function scenarioTabs(store: ScenarioStore): HTMLElement {
  const state = store.state;
  const tabs = el("div", { class: "scn-tabs", role: "tablist" });
  state.scenarios.forEach((s, i) => {
    const tab = el("button", { type: "button", role: "tab", "aria-selected": String(i === store.active), "data-scenario-tab": String(i) }, `${i + 1}. ${s.name}`);
    // The results are kept per scenario: this only draws the active one's map and table.
    tab.addEventListener("click", () => store.select(i));
    tabs.append(tab);
  });
  if (state.scenarios.length < MAX_SCENARIOS) {
    const add = el("button", { type: "button", class: "scn-add", "data-action": "add-scenario" }, "+ Tambah skenario (salin yang aktif)");
    add.addEventListener("click", () => void store.edit(addScenario));
    tabs.append(add);
  }
  if (state.scenarios.length > 1) {
    const remove = el("button", { type: "button", class: "scn-remove", "data-action": "remove-scenario" }, "Hapus skenario aktif");
    remove.addEventListener("click", () => void store.edit(removeScenario));
    tabs.append(remove);
  }
  return tabs;
}

/** One programme's controls in the active scenario: budget (kab/kota or per kecamatan), targeting, leakage, cost, graduation. */
export function programmeCard(data: ControlsData, store: ScenarioStore, code: string): HTMLElement {
  const row = data.catalogue.find((c) => c.code === code)!;
  const base = data.baseline.find((b) => b.code === code)!;
  const active = store.active;
  const change = store.scenario.changes[code] ?? {};
  const params = programmeParams(row, change, null);
  const unitsFactor = base.params && row.unit_cost_rp ? base.params.cost_per_hh_year_rp / row.unit_cost_rp : null;
  const costPerHh = params && unitsFactor !== null ? (change.unit_cost_rp ?? row.unit_cost_rp!) * unitsFactor : (params?.cost_per_hh_year_rp ?? null);
  const kecBudgets = hasKecBudgets(change);
  const kabBudget = !kecBudgets ? change.budgets?.[data.kab] : undefined;
  const synth = syntheticSuffix(data.synthetic);

  const budget = numberInput({
    attributes: { "data-programme": code, "data-field": "budget", min: "0", step: "1", ...(kecBudgets ? { disabled: "", title: KEC_BUDGET_TITLE } : {}) },
    value: kabBudget === undefined ? undefined : juta(kabBudget),
    placeholder: base.baseline_rp / JUTA,
    onValue: (v) => refusal(store.set(withKabBudget(store.state, active, code, v === undefined ? undefined : v * JUTA)))
  });
  const rule = el("select", { "data-programme": code, "data-field": "rule" }, ...TARGETING_RULES.map((r) => el("option", { value: r }, RULE_LABELS[r])));
  rule.value = change.rule ?? "daftar";
  rule.addEventListener("change", () => void store.set(withSetting(store.state, active, code, "rule", rule.value === "daftar" ? undefined : (rule.value as TargetingRule))));
  const leakage = numberInput({
    attributes: { "data-programme": code, "data-field": "leakage", min: "0", max: "100", step: "1" },
    value: change.leakage === undefined ? undefined : change.leakage * 100,
    placeholder: 0,
    onValue: (v) => refusal(store.set(withSetting(store.state, active, code, "leakage", v === undefined || v === 0 ? undefined : v / 100)))
  });
  // A new unit cost changes the budget note above: redraw the controls.
  const unitCost = numberInput({
    attributes: { "data-programme": code, "data-field": "unit_cost", min: "1", step: "1000" },
    value: change.unit_cost_rp,
    placeholder: row.unit_cost_rp,
    onValue: (v) => refusal(store.set(withSetting(store.state, active, code, "unit_cost_rp", v), { controls: true }))
  });
  const budgetField = field(
    "Anggaran skenario (juta Rp per tahun)",
    budget,
    `Saat ini: ${formatNumber(base.households)} KK penerima × ${costPerHh === null ? "biaya belum diketahui" : formatRupiah(costPerHh)} per KK per tahun = ${formatRupiah(base.baseline_rp)} (registri${synth}).`
  );
  const costField = field(
    `Biaya satuan (Rp per ${row.unit})`,
    unitCost,
    row.unit_cost_rp === null ? "Belum ada angka terbit: isi sendiri agar program dapat disimulasikan." : `Katalog: ${row.basis.slice(0, 160)}${row.basis.length > 160 ? "…" : ""}`
  );
  const fields: HTMLElement[] = [
    field("Aturan penargetan tambahan penerima", rule),
    field("Kebocoran ke rumah tangga tidak layak (%)", leakage, "Bagian tambahan satuan yang jatuh ke sel di luar kriteria desil.")
  ];
  if (row.unit_cost_rp !== null) fields.push(costField);
  if (row.effect === "graduation") {
    const graduation = numberInput({
      attributes: { "data-programme": code, "data-field": "graduation", min: "0", max: "95", step: "1" },
      value: change.graduation === undefined ? undefined : change.graduation * 100,
      placeholder: (row.graduation_prob_per_year ?? 0) * 100,
      onValue: (v) => refusal(store.set(withSetting(store.state, active, code, "graduation", v === undefined ? undefined : v / 100)))
    });
    fields.push(field("Peluang graduasi penerima baru (% per tahun)", graduation, "Asumsi katalog; tidak ada angka kelulusan yang terbit."));
  }

  const kecGrid = el("div", { class: "scn-kec-grid" });
  for (const kec of data.kecamatan) {
    const baseKec = base.by_kec[kec.kode] ?? 0;
    const input = numberInput({
      attributes: { "data-programme": code, "data-field": "budget-kec", "data-kec": kec.kode, min: "0", step: "1" },
      value: kecBudgets && change.budgets![kec.kode] !== undefined ? juta(change.budgets![kec.kode]!) : undefined,
      placeholder: baseKec / JUTA,
      onValue: (v) => {
        const next = withKecBudget(store.state, active, code, kec.kode, v === undefined ? undefined : v * JUTA);
        const outcome = store.set(next);
        if (!outcome.ok) return outcome.message;
        // Only the kab/kota budget field depends on this one: update it in place, so the field being
        // typed in keeps its focus (redrawing the controls would replace it mid-word).
        const byKec = hasKecBudgets(store.scenario.changes[code]);
        budget.disabled = byKec;
        if (byKec) {
          budget.value = "";
          budget.title = KEC_BUDGET_TITLE;
        } else budget.removeAttribute("title");
        return null;
      }
    });
    kecGrid.append(field(`${kec.nama} (saat ini ${formatRupiah(baseKec)})`, input));
  }
  const kecDetails = el(
    "details",
    { class: "scn-kec", ...(kecBudgets ? { open: "" } : {}) },
    el("summary", {}, "Anggaran per kecamatan"),
    kecGrid,
    el("p", { class: "ts-source" }, "Kecamatan yang tidak diisi tetap pada anggaran saat ini. Sel registri tanpa rincian kecamatan tidak menerima anggaran kecamatan.")
  );
  const settingsChanged = Boolean(change.rule || change.leakage || change.graduation || change.unit_cost_rp);
  return el(
    "div",
    { class: "scn-programme card", "data-programme-card": code },
    el("h4", {}, row.name, " ", el("span", { class: "ts-muted" }, `(${funderLabel(row.funder)}; ${effectLabel(row.effect)})`)),
    row.unit_cost_rp === null ? costField : null,
    budgetField,
    el("details", { class: "scn-more", ...(settingsChanged ? { open: "" } : {}) }, el("summary", {}, "Penargetan, kebocoran, biaya satuan"), el("div", { class: "scn-fields" }, ...fields)),
    kecDetails,
    el("p", { class: "ts-source" }, `Sumber nilai: ${row.source.split(" ; ").slice(0, 2).join("; ")}`)
  );
}

export function fileControls(actions: FileActions): HTMLElement {
  const download = el("button", { type: "button", "data-action": "download-json" }, "Unduh skenario (JSON)");
  download.addEventListener("click", () => actions.downloadJson());
  const upload = el("input", { type: "file", accept: "application/json,.json", "data-action": "upload-json" });
  upload.addEventListener("change", () => {
    const file = upload.files?.[0];
    upload.value = "";
    if (file) actions.uploadJson(file);
  });
  const xlsx = el("button", { type: "button", "data-action": "xlsx" }, "Ekspor perbandingan (XLSX)");
  xlsx.addEventListener("click", () => actions.exportXlsx());
  const print = el("button", { type: "button", "data-action": "print" }, "Cetak (A4)");
  print.addEventListener("click", () => window.print());
  const save = el("button", { type: "button", "data-action": "save-best" }, "Simpan skenario terbaik di perangkat ini");
  save.addEventListener("click", () => actions.saveBest());
  return el(
    "div",
    { class: "scn-files" },
    el("h3", {}, "Bagikan dan simpan"),
    el("p", { class: "ts-muted" }, "Alamat halaman ini sudah memuat seluruh skenario: salin tautannya untuk dibagikan."),
    el("div", { class: "scn-buttons" }, download, el("label", { class: "scn-upload", title: "Pilih berkas JSON skenario dari perangkat ini" }, "Muat skenario (JSON)", upload), xlsx, print, save)
  );
}

/** Every control of the active scenario, top to bottom. */
export function controlsPanel(data: ControlsData, store: ScenarioStore, actions: FileActions): HTMLElement[] {
  const name = el("input", { type: "text", maxlength: "60", "data-field": "name" });
  name.value = store.scenario.name;
  name.addEventListener("change", () => {
    const v = name.value.trim();
    if (v) void store.set(withName(store.state, store.active, v), { controls: true });
  });
  return [
    el("p", { class: "scn-jump" }, el("a", { href: "#scenario-results" }, "Langsung ke hasil ↓")),
    el("h2", {}, "Asumsi bersama"),
    sharedControls(data, store),
    el("h2", {}, "Skenario"),
    scenarioTabs(store),
    field("Nama skenario aktif", name),
    el(
      "p",
      { class: "ts-muted" },
      "Anggaran yang sama dengan saat ini berarti penerima saat ini tetap (sudah tercermin dalam pengeluaran 2025). Tambahan anggaran menjangkau rumah tangga baru menurut aturan penargetan; pengurangan menghentikan bantuan sebagian penerima saat ini."
    ),
    el("div", { class: "scn-programmes" }, ...data.baseline.map((b) => programmeCard(data, store, b.code))),
    fileControls(actions)
  ];
}
