// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { measureContext } from "../../../src/components/skenario/measures.js";
import { assumptions, comparisonTable, kecamatanTable, type ResultsData } from "../../../src/components/skenario/results.js";
import { defaultState } from "../../../src/components/skenario/spec.js";
import { toWilayah } from "../../../src/components/domain/wilayah.js";
import { area, result } from "./fixtures.js";

function data(kota: boolean, synthetic = false): ResultsData {
  const wilayah = kota ? toWilayah({ kode: "3673", nama: "Kota Serang", level: "kabkota", jenis: "kota" }) : toWilayah({ kode: "3604", nama: "Kabupaten Serang", level: "kabkota", jenis: "kabupaten" });
  return {
    kab: wilayah.kode,
    wilayah,
    names: new Map([["367302", "Kasemen"]]),
    ctx: { base_year: 2025, poverty_line_rp: 600_000, extreme_ratio: 0.5, trend_per_year: -0.02, catalogue: [], receipts: [], allowed: () => true, duplicate_pairs: [] },
    line: { region_kode: wilayah.kode, year: 2025, month: 3, series: "usd215_ppp2017", poverty_line_rp: 600_000, extreme_ratio: 0.5, extreme_line_rp: 300_000, basis: "terbit: x", source: "BPS" },
    sources: [{ name: "registry_cells_3673", source: "registri", retrieved_at: "2026-12-03", synthetic }],
    synthetic,
    trend: { trend: -0.02, from: 2022, to: 2025, kind: "extreme" },
    catalogue: [{ code: "blt_dana_desa", name: "BLT Dana Desa (bantuan langsung tunai dari Dana Desa; hanya desa)", funder: "pusat", unit: "KPM per tahun", unit_cost_rp: 3_600_000, eligible_desil_max: 1, effect: "transfer", graduation_prob_per_year: null, basis: "", source: "" }]
  };
}

const results = [result("Dasar", {}, { total_rp: 5e9, extra_rp: 0 }), result("Tambah", { poor_persons: 60, exits_persons: 30 }, { total_rp: 6e9, extra_rp: 1e9 }, [area("kec", "367302", { exits_persons: 30 }), area("kec", null)])];
const kabs = results.map((r) => r.rows[0]!);

describe("the planner's result tables", () => {
  it("puts each scenario's value in a cell that carries it, words marked as wrappable", () => {
    const table = comparisonTable(data(true), results, kabs, measureContext(kabs, 2026, 2025));
    expect([...table.querySelectorAll("#scenario-compare thead th")].map((th) => th.textContent)).toEqual(["Ukuran", "1. Dasar", "2. Tambah"]);
    const cell = (metric: string, i: number) => table.querySelector(`td[data-metric="${metric}"][data-scenario="${i}"]`)!;
    expect(cell("poor_persons", 1).getAttribute("data-value")).toBe("60");
    expect(cell("poor_persons", 1).textContent).toBe("60 jiwa");
    expect(cell("cost_per_exit", 0).className).toBe("num scn-words");
    expect(cell("cost_per_exit", 0).getAttribute("data-value")).toBe("");
    expect(table.querySelector('tr[data-metric-row="exits_persons"] th[scope="row"]')?.textContent).toBe("Keluar dari kemiskinan ekstrem karena skenario");
  });

  it("lists the active scenario's kecamatan with their hooks, undetailed cells last", () => {
    const table = kecamatanTable(data(true), defaultState("3673"), results[1]!, 1);
    expect(table.querySelector("h3")?.textContent).toBe("Per kecamatan: 2. Tambah");
    expect([...table.querySelectorAll("tbody tr")].map((tr) => tr.getAttribute("data-kec"))).toEqual(["367302", "tidak-dirinci"]);
    expect(table.querySelector('tr[data-kec="367302"] td[data-metric="exits_persons"]')?.getAttribute("data-value")).toBe("30");
    expect(table.querySelector('tr[data-kec="tidak-dirinci"] th')?.textContent).toBe("Tidak dirinci (sel tanpa kecamatan)");
  });

  it("states where the Dana Desa programme runs from the kab/kota's own areas, not from a typed name", () => {
    expect(assumptions(data(true), defaultState("3673"), 2e8, null).textContent).toContain("BLT Dana Desa hanya untuk desa: tidak tersedia untuk kelurahan Kota Serang.");
    expect(assumptions(data(false), defaultState("3604"), 2e8, null).textContent).toContain("BLT Dana Desa hanya untuk desa: tersedia untuk Kab. Serang.");
  });

  it("names synthetic cells synthetic in the assumptions and the sources", () => {
    const text = assumptions(data(true, true), defaultState("3673"), 2e8, null).textContent!;
    expect(text).toContain("sel registri Kota Serang (DATA SINTETIS)");
    expect(assumptions(data(true, false), defaultState("3673"), 2e8, null).textContent).not.toContain("SINTETIS");
  });
});
