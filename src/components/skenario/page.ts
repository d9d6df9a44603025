// The /skenario page body: controls on the left, results on the right, for up to three scenarios
// side by side. This module only wires the pieces: the editing state (state.ts), the controls
// (controls.ts), the model runs with their cache (runner.ts), the results (results.ts and
// result-charts.ts) and the exports (export.ts, saved.ts).
import type { TopologyLike } from "../charts/choropleth.js";
import { formatDate } from "../core/format.js";
import { el, errorBox } from "../core/ui.js";
import { controlsPanel, type FileActions } from "./controls.js";
import { scenarioWorkbook } from "./export.js";
import { kabRow, measureContext, type ScenarioResult } from "./measures.js";
import { closeGapBps, type PageData } from "./page-data.js";
import { costBars, kecamatanMap, trajectoryChart } from "./result-charts.js";
import { assumptions, comparisonTable, kecamatanTable, resultsHeading } from "./results.js";
import { ScenarioRunner } from "./runner.js";
import { bestScenario, saveBestScenario } from "./saved.js";
import { ScenarioStateError, stateFromJson, stateToJson, type ScenarioState } from "./spec.js";
import { ScenarioStore } from "./state.js";

export interface AppOptions {
  readonly data: PageData;
  readonly state: ScenarioState;
  readonly topology: TopologyLike;
  readonly width: number;
  /** Called with every new state (the page writes it into the URL). */
  readonly onState: (state: ScenarioState) => void;
}

export function scenarioApp(options: AppOptions): HTMLElement {
  const { data } = options;
  const controls = el("div", { id: "scenario-controls", class: "ts-noprint" });
  const results = el("div", { id: "scenario-results", "aria-live": "polite" });
  const message = el("div", { id: "scenario-message" });
  const root = el("div", { id: "scenario-app" }, el("div", { class: "scn-left ts-noprint" }, controls, message), results);
  const say = (text: string) => message.replaceChildren(el("p", { class: "ts-muted", role: "status" }, text));

  const runner = new ScenarioRunner(data.model, data.ctx, data.kab);
  let generation = 0;
  let lastResults: ScenarioResult[] = [];

  const store = new ScenarioStore(options.state, { kabs: [data.kab] }, (editing, change) => {
    options.onState(editing.state);
    if (change.controls) renderControls();
    void recompute();
  });

  const actions: FileActions = {
    async downloadJson() {
      const { downloadFile, exportFileName } = await import("../core/export.js");
      downloadFile(stateToJson(store.state), exportFileName(`skenario-${data.kab}`, "json"));
    },
    async uploadJson(file) {
      try {
        const next = stateFromJson(await file.text(), { kabs: [data.kab] });
        say(`Skenario dari berkas ${file.name} dimuat.`);
        store.set(next, { controls: true, active: 0 });
      } catch (error) {
        const text = error instanceof ScenarioStateError ? error.message : "Berkas tidak dapat dibaca.";
        message.replaceChildren(el("div", { class: "ts-error", role: "alert" }, el("strong", {}, "Berkas tidak dipakai; skenario tidak berubah. "), text));
      }
    },
    async exportXlsx() {
      if (lastResults.length === 0) return;
      const { toXlsx, downloadFile, exportFileName } = await import("../core/export.js");
      downloadFile(await toXlsx(scenarioWorkbook(data, store.state, lastResults)), exportFileName(`skenario-${data.kab}`, "xlsx"));
    },
    saveBest() {
      const best = bestScenario(data, store.state, lastResults, new Date());
      const saved = best ? saveBestScenario(best) : null;
      say(saved ? `Tersimpan: "${saved.name}" (${formatDate(saved.saved_at)}). Tampil di Ringkasan pada perangkat ini.` : "Belum ada hasil untuk disimpan.");
    }
  };

  function renderControls(): void {
    controls.replaceChildren(...controlsPanel(data, store, actions));
  }

  async function recompute(): Promise<void> {
    const mine = ++generation;
    try {
      const started = performance.now();
      const computed = await runner.compute(store.state);
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
    const state = store.state;
    const kabs = computed.map((r) => kabRow(r.rows, data.kab));
    const context = measureContext(kabs, state.horizon, data.ctx.base_year, data.outlook?.noChange ?? null);
    const bpsGap = data.p1 ? closeGapBps(data.p1, state.poverty_line_rp ?? data.ctx.poverty_line_rp) : null;
    const activeIndex = Math.min(store.active, computed.length - 1);
    const activeResult = computed[activeIndex]!;
    const width = Math.min(results.clientWidth > 0 ? results.clientWidth : options.width, 760);

    results.replaceChildren(
      ...resultsHeading(data, state, computed),
      comparisonTable(data, computed, kabs, context),
      chartSlots.trajectory,
      chartSlots.map,
      chartSlots.cost,
      kecamatanTable(data, state, activeResult, activeIndex),
      assumptions(data, state, context.closeGapRp, bpsGap)
    );
    const draw = async (slot: HTMLElement, chart: () => Promise<HTMLElement>) => {
      if (mine !== generation) return;
      const drawn = await chart();
      if (mine === generation) slot.replaceChildren(drawn);
    };
    return (async () => {
      await draw(chartSlots.trajectory, () => trajectoryChart(data, state, computed, width));
      await draw(chartSlots.map, () => kecamatanMap(data, state, activeResult, activeIndex, options.topology, width));
      await draw(chartSlots.cost, () => costBars(data, computed, context.closeGapRp, bpsGap, width));
      if (mine === generation) results.dataset["chartsGeneration"] = String(mine);
      if (mine === 1) performance.mark("skenario:charts");
    })();
  }

  renderControls();
  void recompute();
  return root;
}
