// The /skenario page body: controls (Bahasa Indonesia, with units and sources), up to three scenarios
// side by side, results (comparison table, trajectory, kecamatan map, cost bars, kecamatan table),
// assumptions in plain Indonesian, URL state, JSON download/upload, XLSX export and print.
import { barsSpec, trajectorySpec, type BarRow, type TrajectoryPoint } from "../charts/scenario.js";
import { choroplethSpec, type TopologyLike } from "../charts/choropleth.js";
import { renderChart } from "../charts/embed.js";
import { formatDate, formatNumber, formatPercent, formatRupiah } from "../core/format.js";
import { el, errorBox, sourceLine, syntheticBadgeIf } from "../core/ui.js";
import { effectLabel, funderLabel } from "../domain/programmes.js";
import { closeGapBps, type PageData } from "./page-data.js";
import { roundPersons } from "../domain/region-status.js";
import {
  MAX_SCENARIOS,
  ScenarioStateError,
  encodeState,
  programmeParams,
  scenarioBudget,
  stateFromJson,
  stateToJson,
  toModelRun,
  type ProgrammeChange,
  type ScenarioDef,
  type ScenarioState
} from "./spec.js";
import { saveBestScenario, type SavedScenario } from "./saved.js";
import { SYNTHETIC_LABEL, syntheticSuffix } from "../core/synthetic.js";
import { exclusionError, inclusionError, TARGETING_RULES, type AreaResult, type TargetingRule } from "./types.js";

export const RULE_LABELS: Record<TargetingRule, string> = {
  daftar: "Daftar sasaran dulu, lalu desil, lalu pengeluaran",
  desil: "Desil terendah dulu, lalu pengeluaran",
  pengeluaran: "Pengeluaran terendah dulu"
};


export interface ScenarioResult {
  readonly def: ScenarioDef;
  readonly rows: readonly AreaResult[];
  readonly total_rp: number;
  readonly extra_rp: number;
  readonly ms: number;
}

export interface AppOptions {
  readonly data: PageData;
  readonly state: ScenarioState;
  readonly topology: TopologyLike;
  readonly width: number;
  /** Called with every new state (the page writes it into the URL). */
  readonly onState: (state: ScenarioState) => void;
}

const JUTA = 1e6;

function kabRow(rows: readonly AreaResult[], kab: string): AreaResult {
  const row = rows.find((r) => r.level === "kab" && r.area_kode === kab);
  if (!row) throw new Error(`hasil ${kab} tidak ada`);
  return row;
}

function pct100(share: number | null): number | null {
  return share === null ? null : share * 100;
}

export function costPerExit(extraRp: number, exits: number): number | null {
  return exits > 0.5 && extraRp > 0 ? extraRp / exits : null;
}

function withChange(state: ScenarioState, index: number, code: string, update: (c: ProgrammeChange) => ProgrammeChange): ScenarioState {
  const scenarios = state.scenarios.map((s, i) => {
    if (i !== index) return s;
    const next = update(s.changes[code] ?? {});
    const changes = { ...s.changes };
    if (Object.keys(next).length === 0) delete changes[code];
    else changes[code] = next;
    return { ...s, changes };
  });
  return { ...state, scenarios };
}

function without<T extends object, K extends keyof T>(obj: T, key: K): Omit<T, K> {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

export function scenarioApp(options: AppOptions): HTMLElement {
  const { data } = options;
  let state = options.state;
  let active = 0;
  let generation = 0;
  let lastResults: ScenarioResult[] = [];

  const root = el("div", { id: "scenario-app" });
  const controls = el("div", { id: "scenario-controls", class: "ts-noprint" });
  const results = el("div", { id: "scenario-results", "aria-live": "polite" });
  const message = el("div", { id: "scenario-message" });
  root.append(el("div", { class: "scn-left ts-noprint" }, controls, message), results);

  const kabName = data.wilayah.short;
  // The synthetic-data note after a source, when the registry cells are synthetic (the catalogue's flag).
  const synth = syntheticSuffix(data.synthetic);
  const lineRp = () => (state.poverty_line_rp ?? data.ctx.poverty_line_rp) * (state.extreme_ratio ?? data.ctx.extreme_ratio);

  function setState(next: ScenarioState, rerenderControls = false): void {
    state = next;
    options.onState(state);
    if (rerenderControls) renderControls();
    void recompute();
  }

  // ---- controls --------------------------------------------------------------------------------

  function numberInput(attrs: Record<string, string>, value: number | undefined, placeholder: number | null, onValue: (v: number | undefined) => void): HTMLInputElement {
    const input = el("input", { type: "number", inputmode: "decimal", ...attrs });
    if (value !== undefined) input.value = String(value);
    if (placeholder !== null) input.placeholder = formatNumber(placeholder, 3).replace(/,?0+$/, "");
    let timer: ReturnType<typeof setTimeout> | undefined;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const text = input.value.trim();
        if (text === "") return onValue(undefined);
        const v = Number(text);
        if (!Number.isFinite(v) || (input.min !== "" && v < Number(input.min)) || (input.max !== "" && v > Number(input.max))) {
          input.setAttribute("aria-invalid", "true");
          return;
        }
        input.removeAttribute("aria-invalid");
        onValue(v);
      }, 30); // a short pause while typing; recomputing is cheaper than the wait
    });
    return input;
  }

  function field(label: string, input: HTMLElement, note?: string | Node): HTMLElement {
    return el("label", { class: "scn-field" }, el("span", { class: "scn-label" }, label), input, note ? el("span", { class: "ts-source" }, note) : null);
  }

  function renderGlobal(): HTMLElement {
    const horizon = el("select", { "data-field": "horizon" }, ...[2026, 2027].map((y) => el("option", { value: String(y) }, String(y))));
    horizon.value = String(state.horizon);
    horizon.addEventListener("change", () => setState({ ...state, horizon: Number(horizon.value) as 2026 | 2027 }));
    const line = data.line;
    const povertyLine = numberInput({ "data-field": "poverty_line_rp", min: "100000", max: "5000000", step: "1000" }, state.poverty_line_rp, data.ctx.poverty_line_rp, (v) =>
      setState(v === undefined ? without(state, "poverty_line_rp") : { ...state, poverty_line_rp: v })
    );
    const ratio = numberInput({ "data-field": "extreme_ratio", min: "0.3", max: "1", step: "0.001" }, state.extreme_ratio, data.ctx.extreme_ratio, (v) =>
      setState(v === undefined ? without(state, "extreme_ratio") : { ...state, extreme_ratio: v })
    );
    const trend = numberInput({ "data-field": "trend_pct", min: "-50", max: "50", step: "0.1" }, state.trend_per_year === undefined ? undefined : state.trend_per_year * 100, data.ctx.trend_per_year * 100, (v) =>
      setState(v === undefined ? without(state, "trend_per_year") : { ...state, trend_per_year: v / 100 })
    );
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
        `Bawaan ${formatNumber(data.ctx.extreme_ratio, 3)} (tabel poverty_lines, seri ${line.series}). Garis ekstrem yang dipakai: Rp${formatNumber(lineRp())} per kapita per bulan.`
      ),
      field("Tren latar kemiskinan ekstrem (% per tahun)", trend, trendNote)
    );
  }

  function renderTabs(): HTMLElement {
    const tabs = el("div", { class: "scn-tabs", role: "tablist" });
    state.scenarios.forEach((s, i) => {
      const tab = el("button", { type: "button", role: "tab", "aria-selected": String(i === active), "data-scenario-tab": String(i) }, `${i + 1}. ${s.name}`);
      tab.addEventListener("click", () => {
        active = i;
        renderControls();
        void recompute(); // the results are kept per scenario: this only draws the active one's map and table

      });
      tabs.append(tab);
    });
    if (state.scenarios.length < MAX_SCENARIOS) {
      const add = el("button", { type: "button", class: "scn-add", "data-action": "add-scenario" }, "+ Tambah skenario (salin yang aktif)");
      add.addEventListener("click", () => {
        const copy = { ...state.scenarios[active]!, name: `Skenario ${state.scenarios.length + 1}` };
        active = state.scenarios.length;
        setState({ ...state, scenarios: [...state.scenarios, copy] }, true);
      });
      tabs.append(add);
    }
    if (state.scenarios.length > 1) {
      const remove = el("button", { type: "button", class: "scn-remove", "data-action": "remove-scenario" }, "Hapus skenario aktif");
      remove.addEventListener("click", () => {
        const scenarios = state.scenarios.filter((_, i) => i !== active);
        active = Math.max(0, active - 1);
        setState({ ...state, scenarios }, true);
      });
      tabs.append(remove);
    }
    return tabs;
  }

  function programmeCard(code: string): HTMLElement {
    const row = data.catalogue.find((c) => c.code === code)!;
    const base = data.baseline.find((b) => b.code === code)!;
    const scenario = state.scenarios[active]!;
    const change = scenario.changes[code] ?? {};
    const params = programmeParams(row, change, null);
    const baseParams = base.params;
    const unitsFactor = baseParams && row.unit_cost_rp ? baseParams.cost_per_hh_year_rp / row.unit_cost_rp : null;
    const costPerHh = params && unitsFactor !== null ? (change.unit_cost_rp ?? row.unit_cost_rp!) * unitsFactor : params?.cost_per_hh_year_rp ?? null;
    const kecBudgets = change.budgets && Object.keys(change.budgets).some((k) => k.length === 6);
    const kabBudget = !kecBudgets ? change.budgets?.[data.kab] : undefined;

    const budget = numberInput(
      { "data-programme": code, "data-field": "budget", min: "0", step: "1", ...(kecBudgets ? { disabled: "", title: "Anggaran diisi per kecamatan di bawah" } : {}) },
      kabBudget === undefined ? undefined : Math.round((kabBudget / JUTA) * 1000) / 1000,
      base.baseline_rp / JUTA,
      (v) => setState(withChange(state, active, code, (c) => (v === undefined ? without(c, "budgets") : { ...c, budgets: { [data.kab]: v * JUTA } })))
    );
    const rule = el("select", { "data-programme": code, "data-field": "rule" }, ...TARGETING_RULES.map((r) => el("option", { value: r }, RULE_LABELS[r])));
    rule.value = change.rule ?? "daftar";
    rule.addEventListener("change", () => setState(withChange(state, active, code, (c) => (rule.value === "daftar" ? without(c, "rule") : { ...c, rule: rule.value as TargetingRule }))));
    const leakage = numberInput({ "data-programme": code, "data-field": "leakage", min: "0", max: "100", step: "1" }, change.leakage === undefined ? undefined : change.leakage * 100, 0, (v) =>
      setState(withChange(state, active, code, (c) => (v === undefined || v === 0 ? without(c, "leakage") : { ...c, leakage: v / 100 })))
    );
    const unitCost = numberInput({ "data-programme": code, "data-field": "unit_cost", min: "1", step: "1000" }, change.unit_cost_rp, row.unit_cost_rp, (v) =>
      setState(withChange(state, active, code, (c) => (v === undefined ? without(c, "unit_cost_rp") : { ...c, unit_cost_rp: v })), true)
    );
    const budgetField = field(
      "Anggaran skenario (juta Rp per tahun)",
      budget,
      `Saat ini: ${formatNumber(base.households)} KK penerima × ${costPerHh === null ? "biaya belum diketahui" : formatRupiah(costPerHh)} per KK per tahun = ${formatRupiah(base.baseline_rp)} (registri${synth}).`
    );
    const costField = field(`Biaya satuan (Rp per ${row.unit})`, unitCost, row.unit_cost_rp === null ? "Belum ada angka terbit: isi sendiri agar program dapat disimulasikan." : `Katalog: ${row.basis.slice(0, 160)}${row.basis.length > 160 ? "…" : ""}`);
    const fields: HTMLElement[] = [
      field("Aturan penargetan tambahan penerima", rule),
      field("Kebocoran ke rumah tangga tidak layak (%)", leakage, "Bagian tambahan satuan yang jatuh ke sel di luar kriteria desil.")
    ];
    if (row.unit_cost_rp !== null) fields.push(costField);
    if (row.effect === "graduation") {
      const grad = numberInput({ "data-programme": code, "data-field": "graduation", min: "0", max: "95", step: "1" }, change.graduation === undefined ? undefined : change.graduation * 100, (row.graduation_prob_per_year ?? 0) * 100, (v) =>
        setState(withChange(state, active, code, (c) => (v === undefined ? without(c, "graduation") : { ...c, graduation: v / 100 })))
      );
      fields.push(field("Peluang graduasi penerima baru (% per tahun)", grad, "Asumsi katalog; tidak ada angka kelulusan yang terbit."));
    }
    const kecDetails = el("details", { class: "scn-kec", ...(kecBudgets ? { open: "" } : {}) }, el("summary", {}, "Anggaran per kecamatan"));
    const kecGrid = el("div", { class: "scn-kec-grid" });
    for (const kec of data.kecamatan) {
      const baseKec = base.by_kec[kec.kode] ?? 0;
      const input = numberInput(
        { "data-programme": code, "data-field": "budget-kec", "data-kec": kec.kode, min: "0", step: "1" },
        kecBudgets && change.budgets![kec.kode] !== undefined ? Math.round((change.budgets![kec.kode]! / JUTA) * 1000) / 1000 : undefined,
        baseKec / JUTA,
        (v) => {
          const next = withChange(state, active, code, (c) => {
            const current = c.budgets && Object.keys(c.budgets).some((k) => k.length === 6) ? { ...c.budgets } : {};
            if (v === undefined) delete current[kec.kode];
            else current[kec.kode] = v * JUTA;
            return Object.keys(current).length === 0 ? without(c, "budgets") : { ...c, budgets: current };
          });
          // Only the kab/kota budget field depends on this one: update it in place, so the field being
          // typed in keeps its focus (re-rendering the controls would replace it mid-word).
          const byKec = Object.keys(next.scenarios[active]!.changes[code]?.budgets ?? {}).some((k) => k.length === 6);
          budget.disabled = byKec;
          if (byKec) {
            budget.value = "";
            budget.title = "Anggaran diisi per kecamatan di bawah";
          } else budget.removeAttribute("title");
          setState(next);
        }
      );
      kecGrid.append(field(`${kec.nama} (saat ini ${formatRupiah(baseKec)})`, input));
    }
    kecDetails.append(kecGrid, el("p", { class: "ts-source" }, "Kecamatan yang tidak diisi tetap pada anggaran saat ini. Sel registri tanpa rincian kecamatan tidak menerima anggaran kecamatan."));
    const changed = Object.keys(change).length > 0;
    return el(
      "div",
      { class: "scn-programme card", "data-programme-card": code },
      el("h4", {}, row.name, " ", el("span", { class: "ts-muted" }, `(${funderLabel(row.funder)}; ${effectLabel(row.effect)})`)),
      row.unit_cost_rp === null ? costField : null,
      budgetField,
      el("details", { class: "scn-more", ...(changed && (change.rule || change.leakage || change.graduation || change.unit_cost_rp) ? { open: "" } : {}) }, el("summary", {}, "Penargetan, kebocoran, biaya satuan"), el("div", { class: "scn-fields" }, ...fields)),
      kecDetails,
      el("p", { class: "ts-source" }, `Sumber nilai: ${row.source.split(" ; ").slice(0, 2).join("; ")}`)
    );
  }

  function renderControls(): void {
    const scenario = state.scenarios[active]!;
    const name = el("input", { type: "text", maxlength: "60", "data-field": "name" });
    name.value = scenario.name;
    name.addEventListener("change", () => {
      const v = name.value.trim();
      if (!v) return;
      setState({ ...state, scenarios: state.scenarios.map((s, i) => (i === active ? { ...s, name: v } : s)) }, true);
    });
    const codes = data.baseline.map((b) => b.code);
    controls.replaceChildren(
      el("p", { class: "scn-jump" }, el("a", { href: "#scenario-results" }, "Langsung ke hasil ↓")),
      el("h2", {}, "Asumsi bersama"),
      renderGlobal(),
      el("h2", {}, "Skenario"),
      renderTabs(),
      field("Nama skenario aktif", name),
      el("p", { class: "ts-muted" }, "Anggaran yang sama dengan saat ini berarti penerima saat ini tetap (sudah tercermin dalam pengeluaran 2025). Tambahan anggaran menjangkau rumah tangga baru menurut aturan penargetan; pengurangan menghentikan bantuan sebagian penerima saat ini."),
      el("div", { class: "scn-programmes" }, ...codes.map(programmeCard)),
      fileControls()
    );
  }

  function fileControls(): HTMLElement {
    const download = el("button", { type: "button", "data-action": "download-json" }, "Unduh skenario (JSON)");
    download.addEventListener("click", async () => {
      const { downloadFile, exportFileName } = await import("../core/export.js");
      downloadFile(stateToJson(state), exportFileName(`skenario-${data.kab}`, "json"));
    });
    const upload = el("input", { type: "file", accept: "application/json,.json", "data-action": "upload-json" });
    upload.addEventListener("change", async () => {
      const file = upload.files?.[0];
      if (!file) return;
      try {
        const next = stateFromJson(await file.text(), { kabs: [data.kab] });
        active = 0;
        message.replaceChildren(el("p", { class: "ts-muted", role: "status" }, `Skenario dari berkas ${file.name} dimuat.`));
        setState(next, true);
      } catch (error) {
        const text = error instanceof ScenarioStateError ? error.message : "Berkas tidak dapat dibaca.";
        message.replaceChildren(el("div", { class: "ts-error", role: "alert" }, el("strong", {}, "Berkas tidak dipakai; skenario tidak berubah. "), text));
      }
      upload.value = "";
    });
    const xlsx = el("button", { type: "button", "data-action": "xlsx" }, "Ekspor perbandingan (XLSX)");
    xlsx.addEventListener("click", () => void exportXlsx());
    const print = el("button", { type: "button", "data-action": "print" }, "Cetak (A4)");
    print.addEventListener("click", () => window.print());
    const save = el("button", { type: "button", "data-action": "save-best" }, "Simpan skenario terbaik di perangkat ini");
    save.addEventListener("click", () => {
      const saved = saveBest();
      message.replaceChildren(el("p", { class: "ts-muted", role: "status" }, saved ? `Tersimpan: "${saved.name}" (${formatDate(saved.saved_at)}). Tampil di Ringkasan pada perangkat ini.` : "Belum ada hasil untuk disimpan."));
    });
    return el(
      "div",
      { class: "scn-files" },
      el("h3", {}, "Bagikan dan simpan"),
      el("p", { class: "ts-muted" }, "Alamat halaman ini sudah memuat seluruh skenario: salin tautannya untuk dibagikan."),
      el("div", { class: "scn-buttons" }, download, el("label", { class: "scn-upload", title: "Pilih berkas JSON skenario dari perangkat ini" }, "Muat skenario (JSON)", upload), xlsx, print, save)
    );
  }

  // ---- results ---------------------------------------------------------------------------------

  /** Results of the scenarios computed last, by model input: a control change reruns only its scenario. */
  let cache = new Map<string, ScenarioResult>();

  async function compute(): Promise<ScenarioResult[]> {
    const out: ScenarioResult[] = [];
    const next = new Map<string, ScenarioResult>();
    for (const def of state.scenarios) {
      const run = toModelRun(state, def, data.ctx);
      const key = JSON.stringify(run);
      const started = performance.now();
      const rows = cache.get(key)?.rows ?? (await data.model.run(run));
      const budget = scenarioBudget(def, data.ctx, data.kab);
      // ms: time spent on this scenario in this recompute (0 when its results were kept).
      const result = { def, rows, total_rp: budget.total_rp, extra_rp: budget.extra_rp, ms: performance.now() - started };
      next.set(key, result);
      out.push(result);
    }
    cache = next;
    return out;
  }

  async function recompute(): Promise<void> {
    const mine = ++generation;
    try {
      const started = performance.now();
      const computed = await compute();
      if (mine !== generation) return;
      lastResults = computed;
      const charts = renderResults(computed, mine);
      results.dataset["recomputeMs"] = String(Math.round(performance.now() - started));
      results.dataset["generation"] = String(mine);
      if (mine === 1) performance.mark("skenario:results"); // load phases, read by the benchmark
      await charts;
      // The targeting orders are needed only once a budget changes: build them after the first results.
      if (mine === 1) setTimeout(() => void data.model.prepareOrders().catch((error: unknown) => message.replaceChildren(errorBox(error))), 0);
    } catch (error) {
      if (mine === generation) results.replaceChildren(errorBox(error));
    }
  }

  function saveBest(): SavedScenario | null {
    if (lastResults.length === 0) return null;
    const scored = lastResults.map((r, i) => ({ r, i, k: kabRow(r.rows, data.kab) }));
    scored.sort((a, b) => a.k.poor_persons - b.k.poor_persons || a.r.total_rp - b.r.total_rp);
    const best = scored[0]!;
    const single: ScenarioState = { ...state, scenarios: [best.r.def] };
    return saveBestScenario({
      name: best.r.def.name,
      kab: data.kab,
      horizon: state.horizon,
      poor_persons: best.k.poor_persons,
      status_quo_poor_persons: best.k.status_quo_poor_persons,
      exits_persons: best.k.exits_persons,
      total_rp: best.r.total_rp,
      extra_rp: best.r.extra_rp,
      synthetic: data.synthetic,
      saved_at: new Date().toISOString(),
      link: `./skenario?s=${encodeState(single)}`
    });
  }

  /** Chart slots kept across renders: a chart stays on screen until its replacement is drawn. */
  const chartSlots = {
    trajectory: el("div", { class: "scn-chart-slot", "data-chart": "trajectory" }),
    map: el("div", { class: "scn-chart-slot", "data-chart": "map" }),
    cost: el("div", { class: "scn-chart-slot", "data-chart": "cost" })
  };

  /**
   * The figures first (comparison and kecamatan tables, at once), then the charts: Vega takes longer
   * than the model, and a planner moving a control should see the numbers without waiting for it.
   * Returns the charts' promise (they are skipped if a newer recompute started meanwhile).
   */
  function renderResults(computed: readonly ScenarioResult[], mine: number): Promise<void> {
    if (computed.length === 0) return Promise.resolve();
    const kabs = computed.map((r) => kabRow(r.rows, data.kab));
    const cellGap = kabs[0]!.close_gap_rp_year;
    const bpsGap = data.p1 ? closeGapBps(data.p1, state.poverty_line_rp ?? data.ctx.poverty_line_rp) : null;
    const activeResult = computed[Math.min(active, computed.length - 1)]!;
    const width = Math.min(results.clientWidth > 0 ? results.clientWidth : options.width, 760);

    results.replaceChildren(
      el("h2", {}, `Hasil perkiraan ${kabName}, ${state.horizon} `, syntheticBadgeIf(data.synthetic)),
      el("p", { class: "ts-muted" }, `Semua angka hasil adalah perkiraan model atas sel registri${synth}, garis ekstrem Rp${formatNumber(lineRp())} per kapita per bulan. Dihitung ulang dalam ${formatNumber(computed.reduce((s, r) => s + r.ms, 0))} ms.`),
      comparisonTable(computed, kabs, cellGap),
      chartSlots.trajectory,
      chartSlots.map,
      chartSlots.cost,
      kecamatanTable(activeResult),
      assumptions(cellGap, bpsGap)
    );
    const draw = async (slot: HTMLElement, chart: () => Promise<HTMLElement>) => {
      if (mine !== generation) return;
      const drawn = await chart();
      if (mine === generation) slot.replaceChildren(drawn);
    };
    return (async () => {
      await draw(chartSlots.trajectory, () => trajectoryChart(computed, kabs, width));
      await draw(chartSlots.map, () => kecamatanMap(activeResult, width));
      await draw(chartSlots.cost, () => costBars(computed, kabs, cellGap, bpsGap, width));
      if (mine === generation) results.dataset["chartsGeneration"] = String(mine);
      if (mine === 1) performance.mark("skenario:charts");
    })();
  }

  function comparisonTable(computed: readonly ScenarioResult[], kabs: readonly AreaResult[], cellGap: number): HTMLElement {
    const h = state.horizon;
    const surveyNoChange = data.outlook?.noChange ?? null;
    type Metric = [key: string, label: string, value: (r: AreaResult, s: ScenarioResult) => number | null, format: (v: number | null) => string];
    const jiwa = (v: number | null) => (v === null ? "–" : `${formatNumber(v)} jiwa`);
    const kk = (v: number | null) => (v === null ? "–" : `${formatNumber(v)} KK`);
    const rp = (v: number | null) => (v === null ? "–" : formatRupiah(v));
    const pct = (v: number | null) => (v === null ? "–" : formatPercent(v * 100, 1));
    const metrics: Metric[] = [
      ["base_poor_persons", `Miskin ekstrem ${data.ctx.base_year} (registri)`, (r) => r.base_poor_persons, jiwa],
      ["status_quo_poor_persons", `Perkiraan ${h} tanpa perubahan program`, (r) => r.status_quo_poor_persons, jiwa],
      ["survey_no_change", `Perkiraan ${h} tanpa perubahan, survei BPS (model)`, () => (surveyNoChange?.year === h ? surveyNoChange.persons : null), (v) => (v === null ? "–" : jiwa(roundPersons(v)))],
      ["poor_persons", `Perkiraan ${h} dengan skenario`, (r) => r.poor_persons, jiwa],
      ["poor_households", `Rumah tangga miskin ekstrem ${h}`, (r) => r.poor_households, kk],
      ["exits_persons", "Keluar dari kemiskinan ekstrem karena skenario", (r) => r.exits_persons, jiwa],
      ["diff_first", "Selisih dengan skenario 1", (r) => r.poor_persons - kabs[0]!.poor_persons, (v) => (v === null ? "–" : `${v > 0 ? "+" : ""}${formatNumber(v)} jiwa`)],
      ["total_rp", "Anggaran program per tahun", (_r, s) => s.total_rp, rp],
      ["extra_rp", "Tambahan anggaran dibanding saat ini", (_r, s) => s.extra_rp, rp],
      ["cost_per_exit", "Biaya tambahan per orang keluar", (r, s) => costPerExit(s.extra_rp, r.exits_persons), (v) => (v === null ? "tidak ada yang keluar" : formatRupiah(v))],
      ["gap_rp_year", `Sisa celah ${h} (Rp per tahun)`, (r) => r.gap_rp_year, rp],
      ["close_gap", "Biaya menutup celah 2025, penargetan sempurna", () => cellGap, rp],
      ["exclusion_error", "Galat eksklusi (miskin ekstrem tanpa program)", (r) => exclusionError(r), pct],
      ["inclusion_error", "Galat inklusi (penerima bukan miskin ekstrem)", (r) => inclusionError(r), pct],
      ["overlaps_created", "Tumpang tindih terlarang baru", (r) => r.overlaps_created, kk]
    ];
    const table = el(
      "table",
      { class: "ts-table", id: "scenario-compare" },
      el("thead", {}, el("tr", {}, el("th", {}, "Ukuran"), ...computed.map((s, i) => el("th", { class: "num", scope: "col" }, `${i + 1}. ${s.def.name}`)))),
      el(
        "tbody",
        {},
        ...metrics.map(([key, label, value, format]) =>
          el(
            "tr",
            { "data-metric-row": key },
            el("th", { scope: "row" }, label),
            ...computed.map((s, i) => {
              const v = value(kabs[i]!, s);
              // A value in words ("tidak ada yang keluar") may wrap; a number with its unit stays on one line.
              return el("td", { class: v === null ? "num scn-words" : "num", "data-metric": key, "data-scenario": String(i), "data-value": v === null ? "" : String(v) }, format(v));
            })
          )
        )
      )
    );
    // The registry's count and the survey's differ; say why in one line, with both figures.
    const sq = kabs[0]!.status_quo_poor_persons;
    const why =
      surveyNoChange?.year === h
        ? el(
            "p",
            { class: "ts-muted", id: "baseline-note" },
            `Tanpa perubahan program, sel registri${synth} memberi ${formatNumber(sq)} jiwa pada ${h} dan perkiraan survei BPS ${formatNumber(roundPersons(surveyNoChange.persons))} jiwa (angka yang sama di Ringkasan dan Kemajuan). ` +
              `Keduanya memakai tren yang sama; titik awalnya berbeda: registri mulai dari ${formatNumber(kabs[0]!.base_poor_persons)} jiwa yang tercatat dalam daftar rumah tangganya pada ${data.ctx.base_year}, perkiraan survei dari garis tren perkiraan model${data.trend?.kind === "extreme" ? ` ${data.trend.from}–${data.trend.to}` : ""} atas basis penduduk BPS.`
          )
        : null;
    return el("div", { class: "scn-table-wrap" }, el("h3", {}, "Perbandingan skenario"), table, why, sourceLine(`sel registri ${kabName}${synth}, katalog program, garis kemiskinan BPS; perkiraan model`));
  }

  async function trajectoryChart(computed: readonly ScenarioResult[], kabs: readonly AreaResult[], width: number): Promise<HTMLElement> {
    const points: TrajectoryPoint[] = [];
    const names = ["Tanpa perubahan program", ...computed.map((s, i) => `${i + 1}. ${s.def.name}`)];
    const years = state.horizon === 2027 ? [2026, 2027] : [2026];
    const at = (k: AreaResult, year: number, scenario: boolean) => {
      // Between the base year and the horizon, effects and trend are interpolated geometrically per year.
      const t = (year - data.ctx.base_year) / (state.horizon - data.ctx.base_year);
      const end = scenario ? k.poor_persons : k.status_quo_poor_persons;
      return k.base_poor_persons * Math.pow(end / Math.max(k.base_poor_persons, 1e-9), t);
    };
    const push = (name: string, year: number, value: number) => points.push({ scenario: name, year, value, label: `${formatNumber(value)} jiwa (perkiraan)` });
    push(names[0]!, data.ctx.base_year, kabs[0]!.base_poor_persons);
    for (const y of years) push(names[0]!, y, at(kabs[0]!, y, false));
    computed.forEach((_, i) => {
      push(names[i + 1]!, data.ctx.base_year, kabs[i]!.base_poor_persons);
      for (const y of years) push(names[i + 1]!, y, at(kabs[i]!, y, true));
    });
    const spec = trajectorySpec({
      points,
      scenarios: names,
      title: "Penduduk miskin ekstrem",
      subtitle: `${kabName}, perkiraan model atas registri${synth}`,
      unit: "jiwa",
      target: { year: 2026, value: 0, label: "Target 2026: 0% (RPJMN 2025–2029)" },
      width,
      height: 260
    });
    return el("div", { id: "scenario-trajectory" }, el("h3", {}, "Lintasan menuju target"), await renderChart(spec, { width, fileName: `lintasan-skenario-${data.kab}` }), sourceLine("target: RPJMN 2025–2029 (tabel targets); titik 2025: registri pada garis ekstrem; titik berikutnya: perkiraan model"));
  }

  async function kecamatanMap(result: ScenarioResult, width: number): Promise<HTMLElement> {
    const kecRows = result.rows.filter((r) => r.level === "kec" && r.area_kode !== null);
    if (kecRows.every((r) => Math.abs(r.exits_persons) < 0.5)) {
      return el(
        "div",
        { id: "scenario-map" },
        el("h3", {}, "Perubahan per kecamatan (skenario aktif)"),
        el("p", { class: "ts-empty" }, `Skenario ${state.scenarios.indexOf(result.def) + 1}. ${result.def.name} tidak mengubah jumlah penduduk miskin ekstrem di kecamatan mana pun dibanding tanpa perubahan program. Ubah anggaran program (misalnya anggaran per kecamatan) untuk melihat petanya.`)
      );
    }
    const geometries = (options.topology.objects["kecamatan"]?.geometries ?? []).filter((g) => String(g.properties?.["kode"] ?? "").startsWith(data.kab));
    const topology: TopologyLike = { ...options.topology, objects: { kecamatan: { type: "GeometryCollection", geometries } } };
    const codes = new Set(geometries.map((g) => String(g.properties?.["kode"])));
    const spec = choroplethSpec({
      topology,
      objectName: "kecamatan",
      values: kecRows.filter((r) => codes.has(r.area_kode!)).map((r) => ({ kode: r.area_kode!, value: r.exits_persons, label: `${formatNumber(r.exits_persons)} jiwa keluar (perkiraan)` })),
      title: `Orang keluar dari kemiskinan ekstrem, ${state.horizon}`,
      subtitle: `Skenario ${state.scenarios.indexOf(result.def) + 1}. ${result.def.name}, dibanding tanpa perubahan program`,
      unit: "jiwa",
      legendTitle: "Keluar (jiwa)",
      scheme: "greens",
      digits: 0,
      width: Math.min(width, 640),
      height: Math.round(Math.min(width, 640) * 0.7)
    });
    const undetailed = result.rows.find((r) => r.level === "kec" && r.area_kode === null);
    return el(
      "div",
      { id: "scenario-map" },
      el("h3", {}, "Perubahan per kecamatan (skenario aktif)"),
      await renderChart(spec, { width: Math.min(width, 640), fileName: `peta-skenario-${data.kab}` }),
      undetailed ? el("p", { class: "ts-source" }, `Sel tanpa rincian kecamatan (tidak dirinci): ${formatNumber(undetailed.exits_persons)} jiwa keluar, tidak dipetakan.`) : null,
      el("p", { class: "ts-source" }, `Batas wilayah: cahyadsn/wilayah_boundaries (MIT, © 2024 Cahya DSN), disederhanakan. Angka: perkiraan model atas sel registri${synth}.`)
    );
  }

  async function costBars(computed: readonly ScenarioResult[], kabs: readonly AreaResult[], cellGap: number, bpsGap: number | null, width: number): Promise<HTMLElement> {
    const miliar = (v: number) => v / 1e9;
    const rows: BarRow[] = computed.map((s, i) => {
      const v = costPerExit(s.extra_rp, kabs[i]!.exits_persons);
      return {
        label: `Skenario ${i + 1}: tambahan`,
        value: s.extra_rp > 0 ? miliar(s.extra_rp) : null,
        text: s.extra_rp > 0 ? `${formatRupiah(s.extra_rp)}${v === null ? "" : `; ${formatRupiah(v)}/orang keluar`}` : "tidak ada tambahan",
        group: "Tambahan anggaran skenario"
      };
    });
    rows.push({ label: "Celah ekstrem (sel registri)", value: miliar(cellGap), text: formatRupiah(cellGap), group: "Biaya menutup celah, penargetan sempurna" });
    if (bpsGap !== null) rows.push({ label: `Celah kemiskinan (P1 BPS ${data.p1!.year})`, value: miliar(bpsGap), text: formatRupiah(bpsGap), group: "Biaya menutup celah, penargetan sempurna" });
    const spec = barsSpec({ rows, groups: ["Tambahan anggaran skenario", "Biaya menutup celah, penargetan sempurna"], title: "Anggaran per tahun", unit: "Rp miliar", width: Math.max(200, width - 220) });
    return el(
      "div",
      { id: "scenario-bars" },
      el("h3", {}, "Biaya: skenario dibanding biaya menutup celah"),
      await renderChart(spec, { width, fileName: `biaya-skenario-${data.kab}` }),
      el(
        "p",
        { class: "ts-source" },
        `Menutup celah = biaya tahunan mengangkat setiap orang tepat sampai garis dengan penargetan sempurna. Dari sel: jiwa × rata-rata kekurangan terhadap garis ekstrem × 12. ` +
          (data.p1 ? `Rumus BPS: P1/100 × garis kemiskinan × penduduk × 12 (P1 ${formatNumber(data.p1.p1, 2)} tahun ${data.p1.year}, penduduk ${formatNumber(data.p1.population)} = jumlah miskin ÷ P0; memakai garis kemiskinan, bukan garis ekstrem). Sumber: BPS (tabel bps_poverty).` : "P1 BPS belum tersedia untuk wilayah ini.")
      )
    );
  }

  function kecamatanTable(result: ScenarioResult): HTMLElement {
    const rows = result.rows.filter((r) => r.level === "kec").sort((a, b) => (a.area_kode ?? "~").localeCompare(b.area_kode ?? "~"));
    const name = (r: AreaResult) => (r.area_kode === null ? "Tidak dirinci (sel tanpa kecamatan)" : (data.names.get(r.area_kode) ?? r.area_kode));
    return el(
      "div",
      { class: "scn-table-wrap" },
      el("h3", {}, `Per kecamatan: ${state.scenarios.indexOf(result.def) + 1}. ${result.def.name}`),
      el(
        "table",
        { class: "ts-table", id: "scenario-kecamatan" },
        el(
          "thead",
          {},
          el("tr", {}, ...["Kecamatan", `Miskin ekstrem 2025 (jiwa)`, `${state.horizon} tanpa perubahan (jiwa)`, `${state.horizon} skenario (jiwa)`, "Keluar (jiwa)", "Galat eksklusi (%)", "Galat inklusi (%)", "Sisa celah (Rp/tahun)"].map((h, i) => el("th", { class: i === 0 ? "" : "num" }, h)))
        ),
        el(
          "tbody",
          {},
          ...rows.map((r) =>
            el(
              "tr",
              { "data-kec": r.area_kode ?? "tidak-dirinci" },
              el("th", { scope: "row" }, name(r)),
              el("td", { class: "num" }, formatNumber(r.base_poor_persons)),
              el("td", { class: "num" }, formatNumber(r.status_quo_poor_persons)),
              el("td", { class: "num", "data-value": String(r.poor_persons) }, formatNumber(r.poor_persons)),
              el("td", { class: "num", "data-metric": "exits_persons", "data-value": String(r.exits_persons) }, formatNumber(r.exits_persons)),
              el("td", { class: "num" }, formatNumber((exclusionError(r) ?? NaN) * 100, 1)),
              el("td", { class: "num" }, formatNumber((inclusionError(r) ?? NaN) * 100, 1)),
              el("td", { class: "num" }, formatRupiah(r.gap_rp_year))
            )
          )
        )
      )
    );
  }

  function assumptions(cellGap: number, bpsGap: number | null): HTMLElement {
    const items = [
      `Pengeluaran per kapita tiap rumah tangga diambil dari sel registri ${kabName}${synth}: setiap sel memuat sedikitnya k rumah tangga dan satu rentang pengeluaran; di dalam rentang, pengeluaran dianggap tersebar merata. Rentang terbuka ke atas dianggap selebar batas bawahnya.`,
      `Seseorang miskin ekstrem bila pengeluarannya di bawah garis ekstrem Rp${formatNumber(lineRp())} per kapita per bulan = rasio ${formatNumber(state.extreme_ratio ?? data.ctx.extreme_ratio, 3)} × garis kemiskinan Rp${formatNumber(state.poverty_line_rp ?? data.ctx.poverty_line_rp)} (${state.poverty_line_rp || state.extreme_ratio ? "diubah pengguna" : `tabel poverty_lines, ${data.line.year}`}).`,
      "Pengeluaran 2025 sudah memuat bantuan yang diterima saat ini. Anggaran sama dengan saat ini berarti tidak ada perubahan; tambahan anggaran menjangkau rumah tangga yang belum menerima program itu; pengurangan menghentikan bantuan sebagian penerima saat ini secara merata.",
      "Satuan tambahan dibagikan menurut urutan penargetan (dihitung sekali saat halaman dibuka); sel terakhir yang terjangkau menerima sebagian. Semua hasil adalah nilai harapan tanpa undian acak, sehingga sama setiap kali dihitung.",
      "Rumah tangga yang layak: desil tertinggi sel tidak melebihi batas desil program (katalog), atau desil tidak diketahui tetapi masuk daftar sasaran. Kebocoran dibagikan ke sel yang tidak layak sebanding dengan jumlah rumah tangganya.",
      "Di dalam satu sel, program yang berbeda dianggap menjangkau rumah tangga yang sama lebih dulu (bertumpuk); ini juga dasar hitungan penerima, galat inklusi/eksklusi, dan tumpang tindih.",
      "Nilai bantuan per tahun dibagi 12 bulan dan jumlah anggota rumah tangga rata-rata sel. Paket sekali salur dihitung sebagai rata-rata bulanan dalam setahun. PBI-JK dan bedah rumah tidak menambah konsumsi yang diukur: biayanya dihitung, pengaruhnya terhadap kemiskinan ekstrem nol.",
      `Tren latar ${formatNumber((state.trend_per_year ?? data.ctx.trend_per_year) * 100, 1)}% per tahun mengalikan semua angka ${state.horizon} (dengan dan tanpa skenario). Program pemberdayaan menurunkan peluang tetap miskin ekstrem penerima baru sebesar peluang graduasi per tahun.`,
      `Galat eksklusi = rumah tangga miskin ekstrem 2025 yang tidak menerima program apa pun ÷ semua rumah tangga miskin ekstrem. Galat inklusi = penerima yang tidak miskin ekstrem ÷ semua penerima.`,
      `Biaya menutup celah dengan penargetan sempurna: ${formatRupiah(cellGap)} per tahun menurut sel (garis ekstrem)${bpsGap === null ? "" : `; ${formatRupiah(bpsGap)} menurut rumus P1 BPS (garis kemiskinan, mencakup semua penduduk miskin)`}.`,
      "BLT Dana Desa hanya untuk desa: tersedia untuk Kab. Serang, tidak untuk kelurahan Kota Serang. Program tanpa biaya satuan terbit baru dapat disimulasikan setelah biayanya diisi."
    ];
    return el("div", { id: "scenario-assumptions", class: "ts-method" }, el("h3", {}, "Asumsi yang dipakai"), el("ol", {}, ...items.map((t) => el("li", {}, t))), ...sourcesList());
  }

  function sourcesList(): Node[] {
    return data.sources.map((s) => sourceLine(`\`${s.name}\`: ${s.source}${syntheticSuffix(s.synthetic)}`, s.retrieved_at));
  }

  async function exportXlsx(): Promise<void> {
    if (lastResults.length === 0) return;
    const { toXlsx, downloadFile, exportFileName } = await import("../core/export.js");
    const kabs = lastResults.map((r) => kabRow(r.rows, data.kab));
    const compare = lastResults.map((s, i) => ({
      skenario: `${i + 1}. ${s.def.name}`,
      base: kabs[i]!.base_poor_persons,
      sq: kabs[i]!.status_quo_poor_persons,
      poor: kabs[i]!.poor_persons,
      hh: kabs[i]!.poor_households,
      exits: kabs[i]!.exits_persons,
      total: s.total_rp,
      extra: s.extra_rp,
      cpe: costPerExit(s.extra_rp, kabs[i]!.exits_persons),
      gap: kabs[i]!.gap_rp_year,
      ee: pct100(exclusionError(kabs[i]!)),
      ie: pct100(inclusionError(kabs[i]!)),
      overlaps: kabs[i]!.overlaps_created
    }));
    const kecSheets = lastResults.map((s, i) => ({
      name: `Kecamatan ${i + 1}`,
      caption: `${i + 1}. ${s.def.name} — perkiraan model${synth}`,
      columns: [
        { key: "kec", header: "Kecamatan" },
        { key: "base", header: "Miskin ekstrem 2025 (jiwa)", format: "int" as const },
        { key: "sq", header: `${state.horizon} tanpa perubahan (jiwa)`, format: "int" as const },
        { key: "poor", header: `${state.horizon} skenario (jiwa)`, format: "int" as const },
        { key: "exits", header: "Keluar (jiwa)", format: "int" as const },
        { key: "ee", header: "Galat eksklusi (%)", format: "pct" as const },
        { key: "ie", header: "Galat inklusi (%)", format: "pct" as const },
        { key: "gap", header: "Sisa celah (Rp per tahun)", format: "rp" as const }
      ],
      rows: s.rows
        .filter((r) => r.level === "kec")
        .map((r) => ({ kec: r.area_kode === null ? "Tidak dirinci" : (data.names.get(r.area_kode) ?? r.area_kode), base: r.base_poor_persons, sq: r.status_quo_poor_persons, poor: r.poor_persons, exits: r.exits_persons, ee: pct100(exclusionError(r)), ie: pct100(inclusionError(r)), gap: r.gap_rp_year }))
    }));
    const bytes = await toXlsx({
      title: `Perbandingan skenario ${kabName} ${state.horizon}`,
      sheets: [
        {
          name: "Perbandingan",
          caption: `${data.synthetic ? `${SYNTHETIC_LABEL} — ` : ""}perkiraan model; garis ekstrem Rp${formatNumber(lineRp())} per kapita per bulan`,
          columns: [
            { key: "skenario", header: "Skenario" },
            { key: "base", header: "Miskin ekstrem 2025 (jiwa)", format: "int" },
            { key: "sq", header: `${state.horizon} tanpa perubahan (jiwa)`, format: "int" },
            { key: "poor", header: `${state.horizon} skenario (jiwa)`, format: "int" },
            { key: "hh", header: `${state.horizon} skenario (KK)`, format: "int" },
            { key: "exits", header: "Keluar (jiwa)", format: "int" },
            { key: "total", header: "Anggaran per tahun (Rp)", format: "rp" },
            { key: "extra", header: "Tambahan anggaran (Rp)", format: "rp" },
            { key: "cpe", header: "Biaya per orang keluar (Rp)", format: "rp" },
            { key: "gap", header: "Sisa celah (Rp per tahun)", format: "rp" },
            { key: "ee", header: "Galat eksklusi (%)", format: "pct" },
            { key: "ie", header: "Galat inklusi (%)", format: "pct" },
            { key: "overlaps", header: "Tumpang tindih terlarang baru (KK)", format: "int" }
          ],
          rows: compare
        },
        ...kecSheets
      ],
      sources: data.sources.map((s) => ({ item: s.name, source: s.source, date: formatDate(s.retrieved_at), note: s.synthetic ? SYNTHETIC_LABEL : undefined }))
    });
    downloadFile(bytes, exportFileName(`skenario-${data.kab}`, "xlsx"));
  }

  renderControls();
  void recompute();
  return root;
}
