// Calibration report: each published aggregate the synthetic registry must reproduce, the value the
// generated tables actually give, and whether it lies within its tolerance. Tolerances are justified
// once, here; tests and the CLI use the same rows.
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../lib/duck.js";
import { allocation, calibrationTarget, type CalibrationTarget } from "../programmes/reference.js";
import { ASSUMPTIONS } from "./assumptions.js";
import { loadSynthInputs, type SynthInputs } from "./inputs.js";
import { BANTEN, householdsPerKab, KOTA_SERANG, peopleOfKab } from "./plan.js";
import { num, str } from "./sql.js";
import { formatDecimal, formatNumber } from "../../src/components/core/format.js";

export interface CalibrationRow {
  readonly measure: string;
  readonly target: number;
  readonly actual: number;
  /** Relative tolerance (share of target) for rule "within"; 0 for "at_least" and "context". */
  readonly tolerance: number;
  /**
   * within: |actual − target| ≤ tolerance × target; at_least: actual ≥ target; context: a published
   * figure of another concept (a list count, a survey figure of another year or line) shown beside
   * the synthetic figure it is often confused with, never a target (always ok).
   */
  readonly rule: "within" | "at_least" | "context";
  readonly ok: boolean;
  readonly source: string;
}

/** Relative tolerances and why each is what it is. */
export const TOLERANCES = {
  /** Counts the plan fills exactly (households, allocations, target list, gap); 0.1 % only absorbs rounding. */
  construction: 0.001,
  /** People: household sizes are drawn from a size model normalised to the published mean; noise ≈ 0.2 %. */
  people: 0.02,
  /** Kecamatan people: households derived from the city's mean size, while poorer kecamatan have larger households; sources are 2020/2022. */
  kecamatanPeople: 0.08,
  /** Shares below GK and below the extreme line: the latent quantiles are set to within one household; rounding pce to whole rupiah moves a few. */
  headcountShare: 0.02,
  /** Kecamatan target lists: published figures are rounded to hundreds and scaled to the exact total 8,799 (≤ 2.4 % change). */
  targetKecamatan: 0.05,
  /** Desil 1–4 households: kecamatan apportionment rounds each desil separately. */
  poorHouseholds: 0.01,
  /** PBI APBN in desil 6–10: Bernoulli draws clustered by household; the published count also includes people missing from DTSEN. */
  pbiLeak: 0.1
} as const;

function row(measure: string, target: number, actual: number, tolerance: number, source: string): CalibrationRow {
  return { measure, target, actual, tolerance, rule: "within", ok: Math.abs(actual - target) <= tolerance * target, source };
}

function atLeast(measure: string, target: number, actual: number, source: string): CalibrationRow {
  return { measure, target, actual, tolerance: 0, rule: "at_least", ok: actual >= target, source };
}

function context(measure: string, published: number, actual: number, source: string): CalibrationRow {
  return { measure, target: published, actual, tolerance: 0, rule: "context", ok: true, source };
}

/** Published extreme-poverty counts of other concepts, shown as context (calibration_targets.csv). */
const CONTEXT_MEASURES: Readonly<Record<string, string>> = {
  extreme_list_people: "hitungan daftar",
  extreme_survey_people: "angka survei"
};

async function scalar(connection: DuckDBConnection, sql: string): Promise<number> {
  const rows = await queryRows(connection, sql);
  return Number(Object.values(rows[0] ?? {})[0] ?? 0);
}

function sourceOf(t: CalibrationTarget): string {
  return t.basis === "asumsi" ? `asumsi: ${t.source}` : t.source;
}

export async function calibrationReport(
  connection: DuckDBConnection,
  households: string,
  receipts: string,
  options: { inputs?: SynthInputs } = {}
): Promise<CalibrationRow[]> {
  const inputs = options.inputs ?? (await loadSynthInputs());
  const t = (measure: string, region: string) => calibrationTarget(inputs.targets, measure, region);
  const rows: CalibrationRow[] = [];
  const count = (where: string) => scalar(connection, `SELECT count(*) FROM ${households} WHERE ${where}`);
  const people = (where: string) => scalar(connection, `SELECT coalesce(sum(members), 0) FROM ${households} WHERE ${where}`);
  const kab = (code: string) => `kab_kode = ${str(code)}`;
  // Every kab/kota actually generated is measured, in code order (the kota_serang scale holds one).
  const present = new Set((await queryRows(connection, `SELECT DISTINCT kab_kode FROM ${households}`)).map((r) => String(r.kab_kode)));
  const regions = inputs.kabkota.filter((k) => present.has(k.kode)).map((k) => k.kode);
  const nameOf = new Map(inputs.kabkota.map((k) => [k.kode, k.nama]));
  const has = (measure: string, region: string) => inputs.targets.some((x) => x.measure === measure && x.region_kode === region);
  const planned = householdsPerKab(inputs);
  const province = t("households", BANTEN);

  for (const code of regions) {
    const name = nameOf.get(code)!;
    // Households: the published or design count, else the kab/kota's share of the province's design total.
    const hSource = has("households", code)
      ? sourceOf(t("households", code))
      : `asumsi: bagian ${name} dari ${formatNumber(province.value)} KK Banten (${sourceOf(province)}) setelah kab/kota yang jumlah KK-nya ada, sebanding penduduk Kepmendagri 2025`;
    rows.push(row(`Rumah tangga ${name}`, planned.get(code)!, await count(kab(code)), TOLERANCES.construction, hSource));
    const pSource = has("people", code) ? sourceOf(t("people", code)) : inputs.population2025.get(code)!.source;
    rows.push(row(`Jiwa ${name}`, peopleOfKab(inputs, code), await people(kab(code)), TOLERANCES.people, pSource));
  }
  const inRegions = (kode: string) => regions.some((code) => kode.startsWith(code));
  for (const target of inputs.targets.filter((x) => x.measure === "people" && x.region_kode.length === 6 && inRegions(x.region_kode))) {
    rows.push(row(`Jiwa Kec. ${target.region_name} (${target.year})`, target.value, await people(`kec_kode = ${str(target.region_kode)}`), TOLERANCES.kecamatanPeople, sourceOf(target)));
  }
  // Survey-concept headcounts: the share of people below each kab/kota's own lines (percent).
  for (const code of regions) {
    const d = inputs.distributions.get(code);
    if (!d) continue;
    const name = nameOf.get(code)!;
    const total = await people(kab(code));
    const below = async (rp: number) => (100 * (await people(`${kab(code)} AND pce_month_rp < ${num(rp)}`))) / total;
    const rupiah = (rp: number) => `Rp${formatNumber(rp)}`;
    rows.push(row(`Persen jiwa di bawah GK ${name} ${rupiah(d.poverty_line_rp)} (P0 BPS ${d.year})`, 100 * d.p0, await below(d.poverty_line_rp), TOLERANCES.headcountShare, d.source));
    rows.push(
      row(`Persen jiwa di bawah garis ekstrem ${name} ${rupiah(d.extreme_line_rp)} (perkiraan model ${d.year})`, 100 * d.extreme, await below(d.extreme_line_rp), TOLERANCES.headcountShare, d.source)
    );
    // List counts and survey figures of other years stay what they are: context beside the synthetic count.
    for (const c of inputs.targets.filter((x) => x.region_kode === code && x.measure in CONTEXT_MEASURES)) {
      const belowExtreme = await people(`${kab(code)} AND pce_month_rp < ${num(d.extreme_line_rp)}`);
      rows.push(
        context(
          `Konteks, bukan target: ${formatNumber(c.value)} jiwa miskin ekstrem ${c.region_name} ${c.year ?? ""} (${CONTEXT_MEASURES[c.measure]}) — jiwa sintetis di bawah ${rupiah(d.extreme_line_rp)}`.replace("  ", " "),
          c.value,
          belowExtreme,
          sourceOf(c)
        )
      );
    }
  }
  for (const code of regions) {
    const s = t("target_households", code);
    rows.push(row(`KK daftar sasaran ${s.region_name}`, s.value, await count(`${kab(code)} AND on_target_list`), TOLERANCES.construction, sourceOf(s)));
  }
  if (!present.has(KOTA_SERANG)) return rows;
  for (const s of inputs.targets.filter((x) => x.measure === "target_households" && x.region_kode.length === 6)) {
    rows.push(row(`KK daftar sasaran Kec. ${s.region_name}`, s.value, await count(`kec_kode = ${str(s.region_kode)} AND on_target_list`), TOLERANCES.targetKecamatan, sourceOf(s)));
  }
  const poor = t("poor_households", KOTA_SERANG);
  rows.push(row("KK desil 1–4 Kota Serang (P3KE)", poor.value, await count(`${kab(KOTA_SERANG)} AND desil <= 4`), TOLERANCES.poorHouseholds, sourceOf(poor)));

  const untouched = `${kab(KOTA_SERANG)} AND on_target_list AND hh_id NOT IN (SELECT hh_id FROM ${receipts})`;
  const gap = t("untouched_target_households", KOTA_SERANG);
  const gapActual = await count(untouched);
  rows.push(row("KK sasaran belum tersentuh program Kota Serang", gap.value, gapActual, TOLERANCES.construction, sourceOf(gap)));
  const most = inputs.kecamatan.filter((k) => k.kab_kode === KOTA_SERANG && (k.nama === "Kasemen" || k.nama === "Taktakan"));
  const gapMost = await count(`${untouched} AND kec_kode IN (${most.map((k) => str(k.kode)).join(", ")})`);
  rows.push(atLeast("Bagian KK belum tersentuh di Kasemen + Taktakan (> 50 %: \"terbanyak\")", 0.5, gapActual > 0 ? gapMost / gapActual : 0, sourceOf(gap)));

  const leak = t("pbi_apbn_desil_6_10_people", KOTA_SERANG);
  rows.push(
    row(
      "Jiwa PBI APBN di desil 6–10 Kota Serang",
      leak.value,
      await scalar(connection, `SELECT coalesce(sum(r.units), 0) FROM ${receipts} r JOIN ${households} h USING (hh_id) WHERE r.programme_code = 'pbi_apbn' AND h.${kab(KOTA_SERANG)} AND h.desil >= 6`),
      TOLERANCES.pbiLeak,
      sourceOf(leak)
    )
  );

  rows.push(...(await allocationRows(connection, households, receipts, inputs)));
  return rows;
}

/** Receipts reproduce the published allocations (programme_allocations.csv). */
async function allocationRows(connection: DuckDBConnection, households: string, receipts: string, inputs: SynthInputs): Promise<CalibrationRow[]> {
  const year = ASSUMPTIONS.receiptYear;
  const a = (programme_code: string, area_kode: string, component?: string) =>
    allocation(inputs.allocations, { programme_code, area_kode, year, ...(component ? { component } : {}), ...(programme_code === "yatim_piatu" ? { status: "realisasi" as const } : {}) });
  const units = (where: string) => scalar(connection, `SELECT coalesce(sum(units), 0) FROM ${receipts} WHERE ${where}`);
  const c = TOLERANCES.construction;
  const rows: CalibrationRow[] = [];

  const sembako = a("sembako_kota", KOTA_SERANG);
  rows.push(row("Paket sembako Kota Serang 2025", sembako.planned_units, await units("programme_code = 'sembako_kota'"), c, sembako.source));
  if (sembako.budget_rp !== null) {
    const value = await scalar(connection, `SELECT coalesce(sum(value_rp), 0) FROM ${receipts} WHERE programme_code = 'sembako_kota'`);
    rows.push(row("Nilai sembako Kota Serang 2025 (Rp)", sembako.budget_rp, value, c, sembako.source));
  }
  for (const k of inputs.allocations.filter((x) => x.programme_code === "sembako_kota" && x.year === year && x.area_kode.length === 6)) {
    const actual = await units(`programme_code = 'sembako_kota' AND hh_id IN (SELECT hh_id FROM ${households} WHERE kec_kode = ${str(k.area_kode)})`);
    rows.push(row(`Paket sembako Kec. ${k.area_name}`, k.planned_units, actual, c, k.source));
  }
  const province = a("sembako_provinsi", KOTA_SERANG);
  rows.push(row("Paket sembako Provinsi Banten di Kota Serang", province.planned_units, await units("programme_code = 'sembako_provinsi'"), c, province.source));

  const orphans = a("yatim_piatu", KOTA_SERANG);
  const monthly = await queryRows(
    connection,
    `SELECT min(n) AS lo, max(n) AS hi, count(*) AS months FROM (SELECT period, sum(units) AS n FROM ${receipts} WHERE programme_code = 'yatim_piatu' GROUP BY period)`
  );
  const m = monthly[0] ?? {};
  rows.push(row("Anak yatim piatu penerima per bulan (terendah dari 12 bulan)", orphans.planned_units, Number(m.lo), c, orphans.source));
  rows.push(row("Anak yatim piatu penerima per bulan (tertinggi)", orphans.planned_units, Number(m.hi), c, orphans.source));
  rows.push(row("Bulan penyaluran yatim piatu", 12, Number(m.months), c, orphans.source));
  const perChild = inputs.programmes.find((p) => p.code === "yatim_piatu")?.unit_cost_rp ?? null;
  if (perChild !== null) {
    const value = await scalar(connection, `SELECT coalesce(sum(value_rp), 0) FROM ${receipts} WHERE programme_code = 'yatim_piatu'`);
    rows.push(row("Nilai yatim piatu setahun (Rp; 1.436 × 12 × Rp200.000)", orphans.planned_units * 12 * perChild, value, c, orphans.source));
  }

  const extra = a("pbi_apbd", KOTA_SERANG, "tambahan");
  rows.push(row("Jiwa tambahan kuota PBI APBD 2025", extra.planned_units, await units(`programme_code = 'pbi_apbd' AND period = ${str(ASSUMPTIONS.pbiExtraPeriod)}`), c, extra.source));
  const base = a("pbi_apbd", KOTA_SERANG, "dasar");
  rows.push(row("Jiwa PBI APBD dasar 2025", base.planned_units, await units(`programme_code = 'pbi_apbd' AND period = ${str(ASSUMPTIONS.pbiBasePeriod)}`), c, base.source));
  const houses = a("rtlh_csr", KOTA_SERANG);
  rows.push(row("Rumah RTLH dari CSR", houses.planned_units, await units("programme_code = 'rtlh_csr'"), c, houses.source));
  return rows;
}

function reportFigure(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) < 10 && !Number.isInteger(x) ? formatDecimal(x, 3) : formatNumber(Math.round(x));
}

/** Plain-text table of the report for the terminal (Bahasa Indonesia). */
export function formatCalibrationReport(rows: readonly CalibrationRow[]): string {
  const header = ["status", "ukuran", "target", "hasil", "selisih", "toleransi"];
  const body = rows.map((r) => [
    r.rule === "context" ? "INFO" : r.ok ? "OK" : "GAGAL",
    r.measure,
    reportFigure(r.target),
    reportFigure(r.actual),
    r.target === 0 || r.rule === "context" ? "" : `${formatNumber(((r.actual - r.target) / r.target) * 100, 2)} %`,
    r.rule === "at_least" ? "minimal" : r.rule === "context" ? "konteks" : `±${formatNumber(r.tolerance * 100, 1)} %`
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  const failed = rows.filter((r) => !r.ok).length;
  const checked = rows.filter((r) => r.rule !== "context").length;
  return [
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...body.map(line),
    "",
    failed === 0 ? `Semua ${checked} ukuran dalam toleransi.` : `${failed} dari ${checked} ukuran di luar toleransi.`
  ].join("\n");
}
