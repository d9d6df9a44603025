// What the planner's results are made of, without the DOM: the result of one scenario, the measures
// compared between scenarios (one definition for the screen table and the XLSX columns), the
// kecamatan columns (screen and XLSX alike), the trajectory points and the cost bars.
import { roundPersons } from "../domain/region-status.js";
import type { BarRow, TrajectoryPoint } from "../charts/scenario.js";
import type { ColumnFormat } from "../core/export.js";
import { formatNumber, formatPercent, formatRupiah } from "../core/format.js";
import type { TableColumn } from "../core/table.js";
import type { RunContext, ScenarioDef, ScenarioState } from "./spec.js";
import { exclusionError, inclusionError, type AreaResult } from "./types.js";

export interface ScenarioResult {
  readonly def: ScenarioDef;
  readonly rows: readonly AreaResult[];
  readonly total_rp: number;
  readonly extra_rp: number;
  /** Time spent on this scenario in the last recompute (0 when its results were kept). */
  readonly ms: number;
}

/** The kab/kota row of a scenario's results (every run has one). */
export function kabRow(rows: readonly AreaResult[], kab: string): AreaResult {
  const row = rows.find((r) => r.level === "kab" && r.area_kode === kab);
  if (!row) throw new Error(`hasil ${kab} tidak ada`);
  return row;
}

/** Additional budget per person leaving extreme poverty; null when nobody leaves or nothing is added. */
export function costPerExit(extraRp: number, exits: number): number | null {
  return exits > 0.5 && extraRp > 0 ? extraRp / exits : null;
}

/** A share (0–1) as a percentage, for the XLSX columns in %. */
export function pct100(share: number | null): number | null {
  return share === null ? null : share * 100;
}

/** The extreme line the scenarios run on (Rp per capita per month): the planner's overrides or the published defaults. */
export function extremeLineRp(state: Pick<ScenarioState, "poverty_line_rp" | "extreme_ratio">, ctx: Pick<RunContext, "poverty_line_rp" | "extreme_ratio">): number {
  return (state.poverty_line_rp ?? ctx.poverty_line_rp) * (state.extreme_ratio ?? ctx.extreme_ratio);
}

/** "2. Tambah sembako", as scenarios are named in headers, legends and sheets. */
export function scenarioTitle(index: number, def: Pick<ScenarioDef, "name">): string {
  return `${index + 1}. ${def.name}`;
}

export interface MeasureContext {
  readonly horizon: number;
  readonly baseYear: number;
  /** The first scenario's kab/kota row (the "difference with scenario 1" measure). */
  readonly first: AreaResult;
  /** Cost of closing the 2025 gap with perfect targeting (the same for every scenario). */
  readonly closeGapRp: number;
  /**
   * The kab/kota's extreme-poor persons without change from the survey-based model (the figure of
   * Ringkasan and /kemajuan), when it is for the horizon; null otherwise.
   */
  readonly surveyNoChange: { readonly year: number; readonly persons: number } | null;
}

/** "jiwa_model": persons from the survey-based model, shown and exported rounded to hundreds (roundPersons), as everywhere. */
type Unit = "jiwa" | "jiwa_model" | "kk" | "rp" | "share" | "diff" | "per_exit";

export interface Measure {
  /** `data-metric` on screen and the column key in the XLSX. */
  readonly key: string;
  /** Row label on screen. */
  readonly label: (c: MeasureContext) => string;
  /** Column header in the XLSX, with its unit; null: shown on screen only. */
  readonly header: ((c: MeasureContext) => string) | null;
  readonly unit: Unit;
  readonly value: (kab: AreaResult, result: ScenarioResult, c: MeasureContext) => number | null;
}

/** The measures compared between scenarios, in screen order. */
export const MEASURES: readonly Measure[] = [
  { key: "base_poor_persons", label: (c) => `Miskin ekstrem ${c.baseYear} (registri)`, header: (c) => `Miskin ekstrem ${c.baseYear} (jiwa)`, unit: "jiwa", value: (k) => k.base_poor_persons },
  { key: "status_quo_poor_persons", label: (c) => `Perkiraan ${c.horizon} tanpa perubahan program`, header: (c) => `${c.horizon} tanpa perubahan (jiwa)`, unit: "jiwa", value: (k) => k.status_quo_poor_persons },
  {
    key: "survey_no_change",
    label: (c) => `Perkiraan ${c.horizon} tanpa perubahan, survei BPS (model)`,
    header: (c) => `${c.horizon} tanpa perubahan, survei BPS (jiwa)`,
    unit: "jiwa_model",
    value: (_k, _s, c) => (c.surveyNoChange?.year === c.horizon ? c.surveyNoChange.persons : null)
  },
  { key: "poor_persons", label: (c) => `Perkiraan ${c.horizon} dengan skenario`, header: (c) => `${c.horizon} skenario (jiwa)`, unit: "jiwa", value: (k) => k.poor_persons },
  { key: "poor_households", label: (c) => `Rumah tangga miskin ekstrem ${c.horizon}`, header: (c) => `${c.horizon} skenario (KK)`, unit: "kk", value: (k) => k.poor_households },
  { key: "exits_persons", label: () => "Keluar dari kemiskinan ekstrem karena skenario", header: () => "Keluar (jiwa)", unit: "jiwa", value: (k) => k.exits_persons },
  { key: "diff_first", label: () => "Selisih dengan skenario 1", header: null, unit: "diff", value: (k, _s, c) => k.poor_persons - c.first.poor_persons },
  { key: "total_rp", label: () => "Anggaran program per tahun", header: () => "Anggaran per tahun (Rp)", unit: "rp", value: (_k, s) => s.total_rp },
  { key: "extra_rp", label: () => "Tambahan anggaran dibanding saat ini", header: () => "Tambahan anggaran (Rp)", unit: "rp", value: (_k, s) => s.extra_rp },
  { key: "cost_per_exit", label: () => "Biaya tambahan per orang keluar", header: () => "Biaya per orang keluar (Rp)", unit: "per_exit", value: (k, s) => costPerExit(s.extra_rp, k.exits_persons) },
  { key: "gap_rp_year", label: (c) => `Sisa celah ${c.horizon} (Rp per tahun)`, header: () => "Sisa celah (Rp per tahun)", unit: "rp", value: (k) => k.gap_rp_year },
  { key: "close_gap", label: () => "Biaya menutup celah 2025, penargetan sempurna", header: null, unit: "rp", value: (_k, _s, c) => c.closeGapRp },
  { key: "exclusion_error", label: () => "Galat eksklusi (miskin ekstrem tanpa program)", header: () => "Galat eksklusi (%)", unit: "share", value: (k) => exclusionError(k) },
  { key: "inclusion_error", label: () => "Galat inklusi (penerima bukan miskin ekstrem)", header: () => "Galat inklusi (%)", unit: "share", value: (k) => inclusionError(k) },
  { key: "overlaps_created", label: () => "Tumpang tindih terlarang baru", header: () => "Tumpang tindih terlarang baru (KK)", unit: "kk", value: (k) => k.overlaps_created }
];

/** A measure's value as shown on screen (with its unit), "–" when there is none. */
export function measureText(measure: Pick<Measure, "unit">, value: number | null): string {
  if (measure.unit === "per_exit") return value === null ? "tidak ada yang keluar" : formatRupiah(value);
  if (value === null) return "–";
  switch (measure.unit) {
    case "jiwa":
      return `${formatNumber(value)} jiwa`;
    case "jiwa_model":
      return `${formatNumber(roundPersons(value))} jiwa`;
    case "kk":
      return `${formatNumber(value)} KK`;
    case "diff":
      return `${value > 0 ? "+" : ""}${formatNumber(value)} jiwa`;
    case "share":
      return formatPercent(value * 100, 1);
    case "rp":
      return formatRupiah(value);
  }
}

const EXPORT_FORMAT: Record<Unit, ColumnFormat> = { jiwa: "int", jiwa_model: "int", kk: "int", diff: "int", rp: "rp", per_exit: "rp", share: "pct" };

/** The context of the measures of a run: the first scenario's kab/kota row and the 2025 gap it carries. */
export function measureContext(kabs: readonly AreaResult[], horizon: number, baseYear: number, surveyNoChange: MeasureContext["surveyNoChange"] = null): MeasureContext {
  const first = kabs[0];
  if (!first) throw new Error("no scenario results");
  return { horizon, baseYear, first, closeGapRp: first.close_gap_rp_year, surveyNoChange };
}

/** The XLSX comparison sheet: one row per scenario, one column per measure with a header. */
export function comparisonSheet(
  results: readonly ScenarioResult[],
  kab: string,
  horizon: number,
  baseYear: number,
  surveyNoChange: MeasureContext["surveyNoChange"] = null
): { columns: { key: string; header: string; format?: ColumnFormat }[]; rows: Record<string, unknown>[] } {
  if (results.length === 0) return { columns: [], rows: [] };
  const kabs = results.map((r) => kabRow(r.rows, kab));
  const c = measureContext(kabs, horizon, baseYear, surveyNoChange);
  const exported = MEASURES.filter((m) => m.header !== null);
  return {
    columns: [{ key: "skenario", header: "Skenario" }, ...exported.map((m) => ({ key: m.key, header: m.header!(c), format: EXPORT_FORMAT[m.unit] }))],
    rows: results.map((s, i) => ({
      skenario: scenarioTitle(i, s.def),
      ...Object.fromEntries(exported.map((m) => {
        const v = m.value(kabs[i]!, s, c);
        return [m.key, m.unit === "share" ? pct100(v) : m.unit === "jiwa_model" && v !== null ? roundPersons(v) : v];
      }))
    }))
  };
}

/** One kecamatan (or the cells without one) of a scenario's results, as its table shows it. */
export type KecamatanRow = Record<string, unknown> & {
  readonly kec: string;
  /** Kecamatan code, or null for the cells not detailed to a kecamatan. */
  readonly area_kode: string | null;
  readonly base: number;
  readonly sq: number;
  readonly poor: number;
  readonly exits: number;
  /** Exclusion and inclusion errors in %. */
  readonly ee: number | null;
  readonly ie: number | null;
  readonly gap: number;
};

/** The kecamatan rows of a result in code order, cells without a kecamatan last. */
export function kecamatanRows(result: ScenarioResult, names: ReadonlyMap<string, string>, undetailed: string): KecamatanRow[] {
  return result.rows
    .filter((r) => r.level === "kec")
    .sort((a, b) => (a.area_kode === null ? 1 : b.area_kode === null ? -1 : a.area_kode.localeCompare(b.area_kode)))
    .map((r) => ({
      kec: r.area_kode === null ? undetailed : (names.get(r.area_kode) ?? r.area_kode),
      area_kode: r.area_kode,
      base: r.base_poor_persons,
      sq: r.status_quo_poor_persons,
      poor: r.poor_persons,
      exits: r.exits_persons,
      ee: pct100(exclusionError(r)),
      ie: pct100(inclusionError(r)),
      gap: r.gap_rp_year
    }));
}

const onePlace = (v: number | null) => formatNumber(v, 1);

/** The kecamatan columns: on screen (with data hooks) and in each scenario's XLSX sheet. */
export function kecamatanColumns(horizon: number, baseYear: number): TableColumn<KecamatanRow>[] {
  return [
    { key: "kec", header: "Kecamatan", rowHeader: true },
    { key: "base", header: `Miskin ekstrem ${baseYear} (jiwa)`, format: "int" },
    { key: "sq", header: `${horizon} tanpa perubahan (jiwa)`, format: "int" },
    { key: "poor", header: `${horizon} skenario (jiwa)`, format: "int", cell: (r) => ({ "data-value": String(r.poor) }) },
    { key: "exits", header: "Keluar (jiwa)", format: "int", cell: (r) => ({ "data-metric": "exits_persons", "data-value": String(r.exits) }) },
    { key: "ee", header: "Galat eksklusi (%)", format: "pct", render: (r) => onePlace(r.ee) },
    { key: "ie", header: "Galat inklusi (%)", format: "pct", render: (r) => onePlace(r.ie) },
    { key: "gap", header: "Sisa celah (Rp per tahun)", format: "rp" }
  ];
}

/**
 * The trajectory chart's points: the registry count in the base year, then each year to the horizon
 * without any change and with each scenario (interpolated geometrically between base and horizon).
 */
export function trajectoryPoints(results: readonly ScenarioResult[], kab: string, horizon: number, baseYear: number): { names: string[]; points: TrajectoryPoint[] } {
  const kabs = results.map((r) => kabRow(r.rows, kab));
  const names = ["Tanpa perubahan program", ...results.map((s, i) => scenarioTitle(i, s.def))];
  const years: number[] = [];
  for (let y = baseYear + 1; y <= horizon; y++) years.push(y);
  const at = (k: AreaResult, year: number, scenario: boolean) => {
    const t = (year - baseYear) / (horizon - baseYear);
    const end = scenario ? k.poor_persons : k.status_quo_poor_persons;
    return k.base_poor_persons * Math.pow(end / Math.max(k.base_poor_persons, 1e-9), t);
  };
  const points: TrajectoryPoint[] = [];
  const push = (name: string, year: number, value: number) => points.push({ scenario: name, year, value, label: `${formatNumber(value)} jiwa (perkiraan)` });
  if (kabs.length === 0) return { names, points };
  push(names[0]!, baseYear, kabs[0]!.base_poor_persons);
  for (const y of years) push(names[0]!, y, at(kabs[0]!, y, false));
  kabs.forEach((k, i) => {
    push(names[i + 1]!, baseYear, k.base_poor_persons);
    for (const y of years) push(names[i + 1]!, y, at(k, y, true));
  });
  return { names, points };
}

export const COST_GROUPS = ["Tambahan anggaran skenario", "Biaya menutup celah, penargetan sempurna"] as const;

/** The cost bars: each scenario's additional budget, then the cost of closing the gap (cells, and BPS's P1 formula when known). */
export function costBarRows(results: readonly ScenarioResult[], kab: string, cellGapRp: number, bps: { gapRp: number; year: number } | null): BarRow[] {
  const miliar = (v: number) => v / 1e9;
  const rows: BarRow[] = results.map((s, i) => {
    const perExit = costPerExit(s.extra_rp, kabRow(s.rows, kab).exits_persons);
    return {
      label: `Skenario ${i + 1}: tambahan`,
      value: s.extra_rp > 0 ? miliar(s.extra_rp) : null,
      text: s.extra_rp > 0 ? `${formatRupiah(s.extra_rp)}${perExit === null ? "" : `; ${formatRupiah(perExit)}/orang keluar`}` : "tidak ada tambahan",
      group: COST_GROUPS[0]
    };
  });
  rows.push({ label: "Celah ekstrem (sel registri)", value: miliar(cellGapRp), text: formatRupiah(cellGapRp), group: COST_GROUPS[1] });
  if (bps) rows.push({ label: `Celah kemiskinan (P1 BPS ${bps.year})`, value: miliar(bps.gapRp), text: formatRupiah(bps.gapRp), group: COST_GROUPS[1] });
  return rows;
}
