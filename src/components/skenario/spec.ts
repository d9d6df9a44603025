// The planner's scenario state (what the URL and the JSON file carry), its validation, and its
// translation into a model run. Pure: no DOM, no database. Budgets and settings are stored only where
// they differ from the baseline (current receipts), so a link stays short and survives data updates.
import { formatDecimal } from "../core/format.js";
import { TARGETING_RULES, type ModelRun, type ProgrammeParams, type ProgrammeRun, type TargetingRule } from "./types.js";

export const STATE_VERSION = 1;
export const MAX_SCENARIOS = 3;
export const HORIZONS = [2026, 2027] as const;
export type Horizon = (typeof HORIZONS)[number];

/** Changes to one programme, relative to the baseline. */
export interface ProgrammeChange {
  readonly rule?: TargetingRule;
  /** Share 0–1 of additional units that leak to ineligible households. */
  readonly leakage?: number;
  readonly graduation?: number;
  /** Cost per unit as in the catalogue (Rp), for programmes whose cost is missing or disputed. */
  readonly unit_cost_rp?: number;
  /** Annual budget (Rp) per pool: the kab/kota code, or kecamatan codes. */
  readonly budgets?: Readonly<Record<string, number>>;
}

export interface ScenarioDef {
  readonly name: string;
  readonly changes: Readonly<Record<string, ProgrammeChange>>;
}

export interface ScenarioState {
  readonly v: typeof STATE_VERSION;
  readonly kab: string;
  readonly horizon: Horizon;
  /** Overrides of the published defaults (absent = default from poverty_lines / bps_poverty). */
  readonly poverty_line_rp?: number;
  readonly extreme_ratio?: number;
  readonly trend_per_year?: number;
  readonly scenarios: readonly ScenarioDef[];
}

export class ScenarioStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScenarioStateError";
  }
}

const AREA = /^\d{4}(\d{2})?$/;
const CODE = /^[a-z][a-z0-9_]{0,40}$/;

function fail(message: string): never {
  throw new ScenarioStateError(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(`${where}: isian "${key}" tidak dikenal.`);
}

function numberIn(value: unknown, min: number, max: number, where: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(`${where} harus berupa angka.`);
  if (value < min || value > max) fail(`${where} harus di antara ${formatDecimal(min, 3)} dan ${formatDecimal(max, 3)} (tertulis ${formatDecimal(value, 6)}).`);
  return value;
}

export interface StateLimits {
  /** kab/kota codes the page can show. */
  readonly kabs: readonly string[];
}

/** Validates an untrusted value (parsed JSON or a URL parameter) into a ScenarioState, or throws a ScenarioStateError in Indonesian. */
export function parseState(value: unknown, limits: StateLimits): ScenarioState {
  if (!isRecord(value)) fail("Berkas skenario harus berupa objek JSON.");
  onlyKeys(value, ["v", "kab", "horizon", "poverty_line_rp", "extreme_ratio", "trend_per_year", "scenarios"], "Skenario");
  if (value["v"] !== STATE_VERSION) fail(`Versi berkas skenario tidak dikenal (harus ${STATE_VERSION}).`);
  const kab = value["kab"];
  if (typeof kab !== "string" || !limits.kabs.includes(kab)) fail(`Kode kabupaten/kota tidak tersedia: ${String(kab)}.`);
  const horizon = value["horizon"];
  if (!HORIZONS.includes(horizon as Horizon)) fail(`Tahun sasaran harus ${HORIZONS.join(" atau ")}.`);
  const state: { -readonly [K in keyof ScenarioState]: ScenarioState[K] } = { v: STATE_VERSION, kab, horizon: horizon as Horizon, scenarios: [] };
  if (value["poverty_line_rp"] !== undefined) state.poverty_line_rp = numberIn(value["poverty_line_rp"], 100_000, 5_000_000, "Garis kemiskinan");
  if (value["extreme_ratio"] !== undefined) state.extreme_ratio = numberIn(value["extreme_ratio"], 0.3, 1, "Rasio garis ekstrem");
  if (value["trend_per_year"] !== undefined) state.trend_per_year = numberIn(value["trend_per_year"], -0.5, 0.5, "Tren latar per tahun");
  const scenarios = value["scenarios"];
  if (!Array.isArray(scenarios) || scenarios.length < 1 || scenarios.length > MAX_SCENARIOS) fail(`Jumlah skenario harus 1 sampai ${MAX_SCENARIOS}.`);
  state.scenarios = scenarios.map((s, i) => parseScenario(s, `Skenario ${i + 1}`, kab));
  return state;
}

function parseScenario(value: unknown, where: string, kab: string): ScenarioDef {
  if (!isRecord(value)) fail(`${where} harus berupa objek.`);
  onlyKeys(value, ["name", "changes"], where);
  const name = value["name"];
  if (typeof name !== "string" || name.trim() === "" || name.length > 60) fail(`${where}: nama harus teks 1–60 karakter.`);
  const changes = value["changes"];
  if (!isRecord(changes)) fail(`${where}: "changes" harus berupa objek.`);
  const out: Record<string, ProgrammeChange> = {};
  for (const [code, change] of Object.entries(changes)) {
    if (!CODE.test(code)) fail(`${where}: kode program tidak sah: ${code}.`);
    out[code] = parseChange(change, `${where}, program ${code}`, kab);
  }
  return { name: name.trim(), changes: out };
}

function parseChange(value: unknown, where: string, kab: string): ProgrammeChange {
  if (!isRecord(value)) fail(`${where} harus berupa objek.`);
  onlyKeys(value, ["rule", "leakage", "graduation", "unit_cost_rp", "budgets"], where);
  const out: { -readonly [K in keyof ProgrammeChange]: ProgrammeChange[K] } = {};
  if (value["rule"] !== undefined) {
    if (!TARGETING_RULES.includes(value["rule"] as TargetingRule)) fail(`${where}: aturan penargetan harus salah satu dari ${TARGETING_RULES.join(", ")}.`);
    out.rule = value["rule"] as TargetingRule;
  }
  if (value["leakage"] !== undefined) out.leakage = numberIn(value["leakage"], 0, 1, `${where}: kebocoran`);
  if (value["graduation"] !== undefined) out.graduation = numberIn(value["graduation"], 0, 0.95, `${where}: peluang graduasi`);
  if (value["unit_cost_rp"] !== undefined) out.unit_cost_rp = numberIn(value["unit_cost_rp"], 1, 1e9, `${where}: biaya satuan`);
  if (value["budgets"] !== undefined) {
    const budgets = value["budgets"];
    if (!isRecord(budgets)) fail(`${where}: anggaran harus berupa objek wilayah → rupiah.`);
    const out2: Record<string, number> = {};
    let kabLevel = false;
    let kecLevel = false;
    for (const [area, rp] of Object.entries(budgets)) {
      if (!AREA.test(area) || !area.startsWith(kab)) fail(`${where}: kode wilayah anggaran tidak sah untuk ${kab}: ${area}.`);
      if (area.length === 4) kabLevel = true;
      else kecLevel = true;
      out2[area] = numberIn(rp, 0, 1e13, `${where}: anggaran ${area}`);
    }
    if (kabLevel && kecLevel) fail(`${where}: anggaran diisi per kabupaten/kota atau per kecamatan, tidak keduanya.`);
    out.budgets = out2;
  }
  return out;
}

// --- URL ----------------------------------------------------------------------------------------

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) fail("Tautan skenario rusak (karakter tidak sah).");
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    fail("Tautan skenario rusak (bukan base64).");
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    fail("Tautan skenario rusak (bukan UTF-8).");
  }
}

export const URL_PARAM = "s";

/** The value of the `s` URL parameter for a state. */
export function encodeState(state: ScenarioState): string {
  return toBase64Url(JSON.stringify(state));
}

export function decodeState(param: string, limits: StateLimits): ScenarioState {
  if (param.length > 20_000) fail("Tautan skenario terlalu panjang.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(param));
  } catch (error) {
    if (error instanceof ScenarioStateError) throw error;
    fail("Tautan skenario rusak (bukan JSON).");
  }
  return parseState(parsed, limits);
}

/** Reads a JSON file's text into a state; a bad file gets a ScenarioStateError with a clear message. */
export function stateFromJson(text: string, limits: StateLimits): ScenarioState {
  if (text.length > 1_000_000) fail("Berkas skenario terlalu besar.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail("Berkas bukan JSON yang sah.");
  }
  return parseState(parsed, limits);
}

export function stateToJson(state: ScenarioState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

// --- Programme parameters and the model run ------------------------------------------------------

/** A programme catalogue row (the `programmes` table) as the page reads it. */
export interface CatalogueRow {
  readonly code: string;
  readonly name: string;
  readonly funder: string;
  readonly unit: string;
  readonly unit_cost_rp: number | null;
  readonly eligible_desil_max: number | null;
  readonly effect: string;
  readonly graduation_prob_per_year: number | null;
  readonly basis: string;
  readonly source: string;
}

/** Current recipients of one programme in one area (from registry_cell_programmes). */
export interface CurrentReceipt {
  readonly code: string;
  /** kab/kota or kecamatan code; null = cells not detailed to kecamatan. */
  readonly kec_kode: string | null;
  readonly households: number;
  /** Units received per recipient household over the snapshot (e.g. children × months, persons). */
  readonly units: number;
}

/**
 * Units of the catalogue's unit that one household uses in a year, from the unit's name. Where the
 * unit counts people (children, members), the number per household comes from the current receipts
 * (units ÷ recipient households); without receipts, one.
 */
export function unitsPerHouseholdYear(unit: string, unitsPerRecipient: number | null): number {
  const u = unit.toLowerCase();
  if (u.includes("per tahun") || u === "paket" || u.includes("unit rumah")) return 1;
  if (u.includes("per bulan")) return unitsPerRecipient ?? 12; // e.g. "anak per bulan": receipts count child-months
  if (u.startsWith("jiwa")) return 12 * (unitsPerRecipient ?? 1); // premium per person per month × members
  return unitsPerRecipient ?? 1;
}

/** Model parameters for a catalogue programme, with the user's overrides. Null when no cost is known. */
export function programmeParams(row: CatalogueRow, change: ProgrammeChange | undefined, unitsPerRecipient: number | null): ProgrammeParams | null {
  const unitCost = change?.unit_cost_rp ?? row.unit_cost_rp;
  if (unitCost === null || !(unitCost > 0)) return null;
  const cost = unitCost * unitsPerHouseholdYear(row.unit, unitsPerRecipient);
  return {
    code: row.code,
    cost_per_hh_year_rp: cost,
    transfer_per_hh_year_rp: row.effect === "transfer" ? cost : 0,
    eligible_desil_max: row.eligible_desil_max ?? 1,
    graduation_prob_per_year: change?.graduation ?? row.graduation_prob_per_year ?? 0
  };
}

export interface RunContext {
  readonly base_year: number;
  readonly poverty_line_rp: number;
  readonly extreme_ratio: number;
  readonly trend_per_year: number;
  readonly catalogue: readonly CatalogueRow[];
  readonly receipts: readonly CurrentReceipt[];
  /** Programmes allowed in this kab/kota (e.g. BLT Dana Desa only where there are desa). */
  readonly allowed: (code: string) => boolean;
  readonly duplicate_pairs: readonly (readonly [string, string])[];
}

export interface BaselineProgramme {
  readonly code: string;
  readonly params: ProgrammeParams | null;
  readonly households: number;
  readonly baseline_rp: number;
  /** Baseline per kecamatan (households receiving there × cost). */
  readonly by_kec: Readonly<Record<string, number>>;
}

function unitsPerRecipient(receipts: readonly CurrentReceipt[], code: string): number | null {
  const rows = receipts.filter((r) => r.code === code);
  const hh = rows.reduce((s, r) => s + r.households, 0);
  const units = rows.reduce((s, r) => s + r.units * r.households, 0);
  return hh > 0 && units > 0 ? units / hh : null;
}

/** The baseline of every allowed programme: current recipients and what they cost a year. */
export function baselineProgrammes(ctx: RunContext, scenario?: ScenarioDef): BaselineProgramme[] {
  return ctx.catalogue
    .filter((row) => ctx.allowed(row.code))
    .map((row) => {
      const params = programmeParams(row, scenario?.changes[row.code], unitsPerRecipient(ctx.receipts, row.code));
      const rows = ctx.receipts.filter((r) => r.code === row.code);
      const byKec: Record<string, number> = {};
      let households = 0;
      for (const r of rows) {
        households += r.households;
        if (r.kec_kode !== null) byKec[r.kec_kode] = (byKec[r.kec_kode] ?? 0) + r.households * (params?.cost_per_hh_year_rp ?? 0);
      }
      return { code: row.code, params, households, baseline_rp: households * (params?.cost_per_hh_year_rp ?? 0), by_kec: byKec };
    });
}

/** The model run for one scenario of the state. */
export function toModelRun(state: ScenarioState, scenario: ScenarioDef, ctx: RunContext): ModelRun {
  const programmes: ProgrammeRun[] = [];
  for (const base of baselineProgrammes(ctx, scenario)) {
    const change = scenario.changes[base.code];
    if (!base.params) continue;
    const budgets = change?.budgets;
    let pools: ProgrammeRun["pools"];
    if (budgets && Object.keys(budgets).some((a) => a.length === 6)) {
      const kecs = new Set([...Object.keys(base.by_kec), ...Object.keys(budgets)]);
      pools = [...kecs].map((kec) => ({ area_kode: kec, baseline_rp: base.by_kec[kec] ?? 0, budget_rp: budgets[kec] ?? base.by_kec[kec] ?? 0 }));
    } else {
      pools = [{ area_kode: state.kab, baseline_rp: base.baseline_rp, budget_rp: budgets?.[state.kab] ?? base.baseline_rp }];
    }
    if (pools.every((p) => p.budget_rp === p.baseline_rp)) continue; // unchanged: already in the 2025 expenditure
    programmes.push({ params: base.params, rule: change?.rule ?? "daftar", leakage: change?.leakage ?? 0, pools });
  }
  return {
    base_year: ctx.base_year,
    horizon: state.horizon,
    regions: [
      {
        kab_kode: state.kab,
        poverty_line_rp: state.poverty_line_rp ?? ctx.poverty_line_rp,
        extreme_ratio: state.extreme_ratio ?? ctx.extreme_ratio,
        trend_per_year: state.trend_per_year ?? ctx.trend_per_year
      }
    ],
    programmes,
    duplicate_pairs: ctx.duplicate_pairs
  };
}

/** Total annual budget of a scenario (Rp) and the part above the baseline. */
export function scenarioBudget(scenario: ScenarioDef, ctx: RunContext, kab: string): { total_rp: number; extra_rp: number } {
  let total = 0;
  let baseline = 0;
  for (const base of baselineProgrammes(ctx, scenario)) {
    if (!base.params) continue;
    const budgets = scenario.changes[base.code]?.budgets;
    baseline += base.baseline_rp;
    if (budgets && Object.keys(budgets).some((a) => a.length === 6)) {
      const noKec = base.baseline_rp - Object.values(base.by_kec).reduce((s, v) => s + v, 0);
      const kecs = new Set([...Object.keys(base.by_kec), ...Object.keys(budgets)]);
      total += noKec + [...kecs].reduce((s, k) => s + (budgets[k] ?? base.by_kec[k] ?? 0), 0);
    } else {
      total += budgets?.[kab] ?? base.baseline_rp;
    }
  }
  return { total_rp: total, extra_rp: total - baseline };
}

export function defaultState(kab: string): ScenarioState {
  return {
    v: STATE_VERSION,
    kab,
    horizon: 2026,
    scenarios: [{ name: "Dasar (penerima saat ini)", changes: {} }]
  };
}

/** Latest line row with year ≤ base year and both lines; on a tie of year, the newer series (US$2,15 PPP 2017). */
export interface LineRow {
  readonly region_kode: string;
  readonly year: number;
  readonly month: number | null;
  readonly series: string;
  readonly poverty_line_rp: number | null;
  readonly extreme_ratio: number | null;
  readonly extreme_line_rp: number | null;
  readonly basis: string;
  readonly source: string;
}

export function defaultLine(rows: readonly LineRow[], kab: string, baseYear: number): LineRow | null {
  const usable = rows.filter((r) => r.region_kode === kab && r.year <= baseYear && r.poverty_line_rp !== null && r.extreme_line_rp !== null && r.extreme_ratio !== null);
  usable.sort((a, b) => b.year - a.year || (b.month ?? 0) - (a.month ?? 0) || (b.series > a.series ? 1 : b.series < a.series ? -1 : 0));
  return usable[0] ?? null;
}

/** Annual relative change of P0 between the two latest March figures (the default background trend). */
export function p0Trend(rows: readonly { region_kode: string; year: number; month: number | null; p0_pct: number | null }[], kab: string): { trend: number; from: number; to: number } | null {
  const march = rows.filter((r) => r.region_kode === kab && r.p0_pct !== null && (r.month === 3 || r.month === null)).sort((a, b) => a.year - b.year);
  const last = march.at(-1);
  const prev = march.at(-2);
  if (!last || !prev || last.year === prev.year) return null;
  const years = last.year - prev.year;
  return { trend: Math.pow(last.p0_pct! / prev.p0_pct!, 1 / years) - 1, from: prev.year, to: last.year };
}
