// Scenario state: URL and JSON round trips, rejection of malformed input with Indonesian messages,
// programme parameters from the catalogue, default lines and trend, and the model run it produces.
import { describe, expect, it } from "vitest";
import {
  ScenarioStateError,
  baselineProgrammes,
  decodeState,
  defaultLine,
  defaultState,
  encodeState,
  p0Trend,
  parseState,
  programmeParams,
  scenarioBudget,
  stateFromJson,
  stateToJson,
  toModelRun,
  unitsPerHouseholdYear,
  type CatalogueRow,
  type LineRow,
  type RunContext,
  type ScenarioState
} from "../../../src/components/skenario/spec.js";

const LIMITS = { kabs: ["3673", "3604"] };

const FULL: ScenarioState = {
  v: 1,
  kab: "3673",
  horizon: 2027,
  poverty_line_rp: 600_000,
  extreme_ratio: 0.65,
  trend_per_year: -0.03,
  scenarios: [
    { name: "Dasar (penerima saat ini)", changes: {} },
    { name: "Sembako Kasemen ×2 — uji ‘kutip’ & ünïcödé", changes: { sembako_kota: { budgets: { "367302": 1_019_426_122, "367306": 0 }, rule: "desil", leakage: 0.1 } } },
    { name: "PKH", changes: { pkh: { budgets: { "3673": 3e10 }, graduation: 0.05, unit_cost_rp: 2_500_000 } } }
  ]
};

describe("scenario state in the URL and in JSON", () => {
  it("round-trips through the URL parameter (URL-safe characters only)", () => {
    const param = encodeState(FULL);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeState(param, LIMITS)).toEqual(FULL);
  });

  it("round-trips through a JSON file", () => {
    expect(stateFromJson(stateToJson(FULL), LIMITS)).toEqual(FULL);
    expect(stateFromJson(stateToJson(defaultState("3604")), LIMITS)).toEqual(defaultState("3604"));
  });

  const reject = (value: unknown, message: RegExp) => {
    expect(() => parseState(value, LIMITS)).toThrow(ScenarioStateError);
    expect(() => parseState(value, LIMITS)).toThrow(message);
  };
  const withScenario = (changes: unknown) => ({ ...FULL, scenarios: [{ name: "x", changes }] });

  it("rejects malformed states with a clear Indonesian message", () => {
    reject(null, /objek JSON/);
    reject([], /objek JSON/);
    reject({ ...FULL, v: 2 }, /Versi/);
    reject({ ...FULL, kab: "3601" }, /tidak tersedia/);
    reject({ ...FULL, horizon: 2030 }, /Tahun sasaran/);
    reject({ ...FULL, extreme_ratio: 2 }, /Rasio garis ekstrem.*0.3 dan 1/);
    reject({ ...FULL, poverty_line_rp: "600000" }, /Garis kemiskinan harus berupa angka/);
    reject({ ...FULL, trend_per_year: Number.NaN }, /angka/);
    reject({ ...FULL, scenarios: [] }, /1 sampai 3/);
    reject({ ...FULL, scenarios: [...FULL.scenarios, FULL.scenarios[0]] }, /1 sampai 3/);
    reject({ ...FULL, extra: 1 }, /"extra" tidak dikenal/);
    reject({ ...FULL, scenarios: [{ name: "", changes: {} }] }, /nama/);
    reject(withScenario({ "DROP TABLE": {} }), /kode program tidak sah/);
    reject(withScenario({ pkh: { rule: "acak" } }), /aturan penargetan/);
    reject(withScenario({ pkh: { leakage: -0.1 } }), /kebocoran/);
    reject(withScenario({ pkh: { graduation: 1 } }), /graduasi/);
    reject(withScenario({ pkh: { budgets: { "3604": 1 } } }), /tidak sah untuk 3673/);
    reject(withScenario({ pkh: { budgets: { "3673": -5 } } }), /anggaran 3673/);
    reject(withScenario({ pkh: { budgets: { "3673": 1, "367302": 1 } } }), /tidak keduanya/);
    reject(withScenario({ pkh: { budget: 1 } }), /"budget" tidak dikenal/);
  });

  it("rejects broken links and files", () => {
    expect(() => decodeState("%%%", LIMITS)).toThrow(/karakter tidak sah/);
    expect(() => decodeState("bm90IGpzb24", LIMITS)).toThrow(/bukan JSON/); // "not json"
    expect(() => decodeState("x".repeat(20_001), LIMITS)).toThrow(/terlalu panjang/);
    expect(() => stateFromJson("{", LIMITS)).toThrow(/bukan JSON yang sah/);
    expect(() => stateFromJson('{"v":1}', LIMITS)).toThrow(ScenarioStateError);
  });
});

const row = (r: Partial<CatalogueRow> & Pick<CatalogueRow, "code" | "unit">): CatalogueRow => ({
  name: r.code,
  funder: "pusat",
  unit_cost_rp: null,
  eligible_desil_max: 2,
  effect: "transfer",
  graduation_prob_per_year: null,
  basis: "",
  source: "",
  ...r
});

describe("programme parameters from the catalogue", () => {
  it("turns the catalogue unit into an annual cost per household", () => {
    expect(unitsPerHouseholdYear("KPM per tahun", null)).toBe(1);
    expect(unitsPerHouseholdYear("paket", 3)).toBe(1);
    expect(unitsPerHouseholdYear("anak per bulan", 13.8)).toBe(13.8); // child-months per recipient household
    expect(unitsPerHouseholdYear("anak per bulan", null)).toBe(12);
    expect(unitsPerHouseholdYear("jiwa (peserta)", 3.9)).toBeCloseTo(46.8, 9); // 12 months × 3,9 members
  });

  it("sets the transfer by effect and applies overrides", () => {
    const bpnt = programmeParams(row({ code: "bpnt", unit: "KPM per tahun", unit_cost_rp: 2_400_000, eligible_desil_max: 4 }), undefined, 1)!;
    expect(bpnt).toEqual({ code: "bpnt", cost_per_hh_year_rp: 2_400_000, transfer_per_hh_year_rp: 2_400_000, eligible_desil_max: 4, graduation_prob_per_year: 0 });
    const pbi = programmeParams(row({ code: "pbi", unit: "jiwa (peserta)", unit_cost_rp: 42_000, effect: "health_cover" }), undefined, 4)!;
    expect(pbi.cost_per_hh_year_rp).toBe(42_000 * 12 * 4);
    expect(pbi.transfer_per_hh_year_rp).toBe(0);
    const kube = row({ code: "kube", unit: "KK anggota", effect: "graduation", graduation_prob_per_year: 0.1 });
    expect(programmeParams(kube, undefined, null)).toBeNull(); // no cost known
    expect(programmeParams(kube, { unit_cost_rp: 5_000_000, graduation: 0.2 }, null)).toEqual({
      code: "kube",
      cost_per_hh_year_rp: 5_000_000,
      transfer_per_hh_year_rp: 0,
      eligible_desil_max: 2,
      graduation_prob_per_year: 0.2
    });
  });
});

describe("defaults from published tables", () => {
  const line = (r: Partial<LineRow>): LineRow => ({
    region_kode: "3673",
    year: 2024,
    month: 3,
    series: "usd190_ppp2011",
    poverty_line_rp: 1,
    extreme_ratio: 0.6,
    extreme_line_rp: 0.6,
    basis: "",
    source: "",
    ...r
  });
  it("takes the latest year ≤ base year with both lines, newer series first", () => {
    const rows = [
      line({ year: 2024, series: "usd190_ppp2011", poverty_line_rp: 548_779 }),
      line({ year: 2024, series: "usd215_ppp2017", poverty_line_rp: 548_780 }),
      line({ year: 2025, poverty_line_rp: null }),
      line({ year: 2026, poverty_line_rp: 600_000 }),
      line({ region_kode: "3604", year: 2025, poverty_line_rp: 469_907 })
    ];
    expect(defaultLine(rows, "3673", 2025)?.poverty_line_rp).toBe(548_780);
    expect(defaultLine(rows, "3604", 2025)?.poverty_line_rp).toBe(469_907);
    expect(defaultLine(rows, "3601", 2025)).toBeNull();
  });
  it("computes the background trend from the two latest March P0 figures", () => {
    const t = p0Trend(
      [
        { region_kode: "3673", year: 2024, month: 3, p0_pct: 5.65 },
        { region_kode: "3673", year: 2025, month: 3, p0_pct: 5.51 },
        { region_kode: "3673", year: 2025, month: 9, p0_pct: 1 },
        { region_kode: "3673", year: 2022, month: 3, p0_pct: 5.94 }
      ],
      "3673"
    )!;
    expect(t.trend).toBeCloseTo(5.51 / 5.65 - 1, 12);
    expect([t.from, t.to]).toEqual([2024, 2025]);
  });
});

describe("model run from a scenario", () => {
  const ctx: RunContext = {
    base_year: 2025,
    poverty_line_rp: 573_960,
    extreme_ratio: 0.657,
    trend_per_year: -0.025,
    catalogue: [
      row({ code: "sembako_kota", unit: "paket", unit_cost_rp: 400_000 }),
      row({ code: "kube", unit: "KK anggota", effect: "graduation", graduation_prob_per_year: 0.1 }),
      row({ code: "blt_dana_desa", unit: "KPM per tahun", unit_cost_rp: 3_600_000 })
    ],
    receipts: [
      { code: "sembako_kota", kec_kode: "367302", households: 1300, units: 1 },
      { code: "sembako_kota", kec_kode: "367306", households: 1000, units: 1 },
      { code: "sembako_kota", kec_kode: null, households: 11, units: 1 }
    ],
    allowed: (code) => code !== "blt_dana_desa",
    duplicate_pairs: [["a", "b"]]
  };

  it("the baseline costs current recipients and leaves the 2025 status quo unchanged", () => {
    const base = baselineProgrammes(ctx);
    expect(base.map((b) => b.code)).toEqual(["sembako_kota", "kube"]); // BLT Dana Desa not allowed in Kota Serang
    expect(base[0]!.baseline_rp).toBe(2311 * 400_000);
    expect(base[0]!.by_kec).toEqual({ "367302": 520_000_000, "367306": 400_000_000 });
    const run = toModelRun(defaultState("3673"), defaultState("3673").scenarios[0]!, ctx);
    expect(run.programmes).toEqual([]);
    expect(run.regions).toEqual([{ kab_kode: "3673", poverty_line_rp: 573_960, extreme_ratio: 0.657, trend_per_year: -0.025 }]);
  });

  it("raising the Kasemen budget gives kecamatan pools; other kecamatan stay at their baseline", () => {
    const state: ScenarioState = { ...defaultState("3673"), scenarios: [{ name: "Kasemen", changes: { sembako_kota: { budgets: { "367302": 1_040_000_000 } } } }] };
    const run = toModelRun(state, state.scenarios[0]!, ctx);
    expect(run.programmes).toHaveLength(1);
    expect(run.programmes[0]!.pools).toEqual([
      { area_kode: "367302", baseline_rp: 520_000_000, budget_rp: 1_040_000_000 },
      { area_kode: "367306", baseline_rp: 400_000_000, budget_rp: 400_000_000 }
    ]);
    expect(scenarioBudget(state.scenarios[0]!, ctx, "3673")).toEqual({ total_rp: 2311 * 400_000 + 520_000_000, extra_rp: 520_000_000 });
  });

  it("overrides lines and trend from the state", () => {
    const state: ScenarioState = { ...defaultState("3673"), poverty_line_rp: 600_000, extreme_ratio: 0.7, trend_per_year: 0, horizon: 2027 };
    const run = toModelRun(state, state.scenarios[0]!, ctx);
    expect(run.horizon).toBe(2027);
    expect(run.regions[0]).toEqual({ kab_kode: "3673", poverty_line_rp: 600_000, extreme_ratio: 0.7, trend_per_year: 0 });
  });
});
