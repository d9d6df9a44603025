// The planner's three charts: the trajectory toward the 2026 target, the active scenario's
// kecamatan map, and the cost bars (scenario budgets against the cost of closing the gap). Data
// from measures.ts, specs from charts/.
import { barsSpec, trajectorySpec } from "../charts/scenario.js";
import { choroplethSpec, type TopologyLike } from "../charts/choropleth.js";
import { renderChart } from "../charts/embed.js";
import { BOUNDARY_ATTRIBUTION } from "../core/attribution.js";
import { TARGET_YEAR } from "../domain/model/model-status.js";
import { formatNumber } from "../core/format.js";
import { syntheticSuffix } from "../core/synthetic.js";
import { el, sourceLine } from "../core/ui.js";
import { COST_GROUPS, costBarRows, scenarioTitle, trajectoryPoints, type ScenarioResult } from "./measures.js";
import type { PageData } from "./page-data.js";
import type { ScenarioState } from "./spec.js";

export type ChartData = Pick<PageData, "kab" | "wilayah" | "ctx" | "synthetic" | "p1">;

export async function trajectoryChart(data: ChartData, state: ScenarioState, results: readonly ScenarioResult[], width: number): Promise<HTMLElement> {
  const { names, points } = trajectoryPoints(results, data.kab, state.horizon, data.ctx.base_year);
  const spec = trajectorySpec({
    points,
    scenarios: names,
    title: "Penduduk miskin ekstrem",
    subtitle: `${data.wilayah.short}, perkiraan model atas registri${syntheticSuffix(data.synthetic)}`,
    unit: "jiwa",
    target: { year: TARGET_YEAR, value: 0, label: `Target ${TARGET_YEAR}: 0% (RPJMN 2025–2029)` },
    width,
    height: 260
  });
  return el(
    "div",
    { id: "scenario-trajectory" },
    el("h3", {}, "Lintasan menuju target"),
    await renderChart(spec, { width, fileName: `lintasan-skenario-${data.kab}` }),
    sourceLine("target: RPJMN 2025–2029 (tabel targets); titik 2025: registri pada garis ekstrem; titik berikutnya: perkiraan model")
  );
}

/** The people leaving extreme poverty per kecamatan under one scenario, against no change. */
export async function kecamatanMap(data: ChartData, state: ScenarioState, result: ScenarioResult, index: number, topology: TopologyLike, width: number): Promise<HTMLElement> {
  const heading = el("h3", {}, "Perubahan per kecamatan (skenario aktif)");
  const kecRows = result.rows.filter((r) => r.level === "kec" && r.area_kode !== null);
  if (kecRows.every((r) => Math.abs(r.exits_persons) < 0.5)) {
    return el(
      "div",
      { id: "scenario-map" },
      heading,
      el("p", { class: "ts-empty" }, `Skenario ${scenarioTitle(index, result.def)} tidak mengubah jumlah penduduk miskin ekstrem di kecamatan mana pun dibanding tanpa perubahan program. Ubah anggaran program (misalnya anggaran per kecamatan) untuk melihat petanya.`)
    );
  }
  const geometries = (topology.objects["kecamatan"]?.geometries ?? []).filter((g) => String(g.properties?.["kode"] ?? "").startsWith(data.kab));
  const kabTopology: TopologyLike = { ...topology, objects: { kecamatan: { type: "GeometryCollection", geometries } } };
  const codes = new Set(geometries.map((g) => String(g.properties?.["kode"])));
  const mapWidth = Math.min(width, 640);
  const spec = choroplethSpec({
    topology: kabTopology,
    objectName: "kecamatan",
    values: kecRows.filter((r) => codes.has(r.area_kode!)).map((r) => ({ kode: r.area_kode!, value: r.exits_persons, label: `${formatNumber(r.exits_persons)} jiwa keluar (perkiraan)` })),
    title: `Orang keluar dari kemiskinan ekstrem, ${state.horizon}`,
    subtitle: `Skenario ${scenarioTitle(index, result.def)}, dibanding tanpa perubahan program`,
    unit: "jiwa",
    legendTitle: "Keluar (jiwa)",
    scheme: "greens",
    digits: 0,
    width: mapWidth,
    height: Math.round(mapWidth * 0.7)
  });
  const undetailed = result.rows.find((r) => r.level === "kec" && r.area_kode === null);
  return el(
    "div",
    { id: "scenario-map" },
    heading,
    await renderChart(spec, { width: mapWidth, fileName: `peta-skenario-${data.kab}` }),
    undetailed ? el("p", { class: "ts-source" }, `Sel tanpa rincian kecamatan (tidak dirinci): ${formatNumber(undetailed.exits_persons)} jiwa keluar, tidak dipetakan.`) : null,
    el("p", { class: "ts-source" }, `${BOUNDARY_ATTRIBUTION} Angka: perkiraan model atas sel registri${syntheticSuffix(data.synthetic)}.`)
  );
}

export async function costBars(data: ChartData, results: readonly ScenarioResult[], cellGap: number, bpsGap: number | null, width: number): Promise<HTMLElement> {
  const rows = costBarRows(results, data.kab, cellGap, bpsGap !== null && data.p1 ? { gapRp: bpsGap, year: data.p1.year } : null);
  const spec = barsSpec({ rows, groups: [...COST_GROUPS], title: "Anggaran per tahun", unit: "Rp miliar", width: Math.max(200, width - 220) });
  return el(
    "div",
    { id: "scenario-bars" },
    el("h3", {}, "Biaya: skenario dibanding biaya menutup celah"),
    await renderChart(spec, { width, fileName: `biaya-skenario-${data.kab}` }),
    el(
      "p",
      { class: "ts-source" },
      `Menutup celah = biaya tahunan mengangkat setiap orang tepat sampai garis dengan penargetan sempurna. Dari sel: jiwa × rata-rata kekurangan terhadap garis ekstrem × 12. ` +
        (data.p1
          ? `Rumus BPS: P1/100 × garis kemiskinan × penduduk × 12 (P1 ${formatNumber(data.p1.p1, 2)} tahun ${data.p1.year}, penduduk ${formatNumber(data.p1.population)} = jumlah miskin ÷ P0; memakai garis kemiskinan, bukan garis ekstrem). Sumber: BPS (tabel bps_poverty).`
          : "P1 BPS belum tersedia untuk wilayah ini.")
    )
  );
}
