// Typed readers for the programme reference CSVs in data/reference/programmes/. Each reader
// validates every row (with its line number) so a bad edit fails the build, not a page.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseCsvObjects } from "../lib/csv.js";
import { REFERENCE_DIR } from "../lib/paths.js";

export const PROGRAMMES_DIR = path.join(REFERENCE_DIR, "programmes");

export { EFFECTS, FUNDERS, STRATEGIES, type Effect, type Funder, type Strategy } from "../../src/components/domain/programmes.js";
import { EFFECTS, FUNDERS, STRATEGIES, type Effect, type Funder, type Strategy } from "../../src/components/domain/programmes.js";
export const OVERLAP_RULES = ["allowed", "duplicate"] as const;
export type OverlapRuleKind = (typeof OVERLAP_RULES)[number];
export const ALLOCATION_STATUSES = ["realisasi", "rencana", "usulan"] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];
export const TARGET_BASES = ["terbit", "asumsi"] as const;
export type TargetBasis = (typeof TARGET_BASES)[number];

export interface Programme {
  readonly code: string;
  readonly name: string;
  readonly funder: Funder;
  readonly strategy: Strategy;
  readonly unit: string;
  readonly unit_cost_rp: number | null;
  readonly value_per_capita_month_rp: number | null;
  readonly eligible_desil_max: number | null;
  readonly effect: Effect;
  readonly graduation_prob_per_year: number | null;
  readonly basis: string;
  readonly source: string;
  readonly note: string;
}

export interface OverlapRule {
  readonly programme_a: string;
  readonly programme_b: string;
  readonly rule: OverlapRuleKind;
  readonly reason: string;
  readonly basis: string;
  readonly source: string;
}

export interface ProgrammeAllocation {
  readonly programme_code: string;
  readonly year: number;
  readonly area_kode: string;
  readonly area_name: string;
  /** "total" or a named part of the allocation (e.g. "tambahan", "anak_terlantar"). */
  readonly component: string;
  readonly status: AllocationStatus;
  readonly planned_units: number;
  readonly unit: string;
  readonly budget_rp: number | null;
  /** True when the source says "sekitar" / "sampai dengan" or the figure is rounded. */
  readonly approximate: boolean;
  readonly source: string;
  readonly note: string;
}

/** A published (or, where labelled, assumed) aggregate the synthetic registry is calibrated to. */
export interface CalibrationTarget {
  readonly measure: string;
  readonly region_kode: string;
  readonly region_name: string;
  readonly year: number | null;
  readonly month: number | null;
  readonly value: number;
  readonly unit: string;
  readonly approximate: boolean;
  readonly basis: TargetBasis;
  readonly source: string;
  readonly note: string;
}

export class ReferenceDataError extends Error {
  constructor(readonly file: string, readonly problems: readonly string[]) {
    super(`Berkas rujukan ${file} tidak valid:\n  - ${problems.join("\n  - ")}`);
    this.name = "ReferenceDataError";
  }
}

/** Reads fields of one CSV row, collecting problems instead of throwing at the first one. */
class RowReader {
  constructor(
    private readonly row: Record<string, string>,
    private readonly line: number,
    private readonly problems: string[]
  ) {}

  private fail(column: string, message: string): void {
    this.problems.push(`baris ${this.line}, kolom ${column}: ${message}`);
  }

  text(column: string): string {
    const value = (this.row[column] ?? "").trim();
    if (value === "") this.fail(column, "wajib diisi");
    return value;
  }

  optionalText(column: string): string {
    return (this.row[column] ?? "").trim();
  }

  optionalNumber(column: string, min = -Infinity, max = Infinity): number | null {
    const raw = (this.row[column] ?? "").trim();
    if (raw === "") return null;
    const value = Number(raw);
    if (!Number.isFinite(value)) this.fail(column, `"${raw}" bukan angka`);
    else if (value < min || value > max) this.fail(column, `${value} di luar rentang ${min}–${max}`);
    return Number.isFinite(value) ? value : null;
  }

  number(column: string, min = -Infinity, max = Infinity): number {
    const value = this.optionalNumber(column, min, max);
    if (value === null && (this.row[column] ?? "").trim() === "") this.fail(column, "wajib diisi");
    return value ?? Number.NaN;
  }

  integer(column: string, min = -Infinity, max = Infinity): number {
    const value = this.number(column, min, max);
    if (Number.isFinite(value) && !Number.isInteger(value)) this.fail(column, `${value} bukan bilangan bulat`);
    return value;
  }

  optionalInteger(column: string, min = -Infinity, max = Infinity): number | null {
    const value = this.optionalNumber(column, min, max);
    if (value !== null && !Number.isInteger(value)) this.fail(column, `${value} bukan bilangan bulat`);
    return value;
  }

  boolean(column: string): boolean {
    const raw = (this.row[column] ?? "").trim();
    if (raw !== "true" && raw !== "false") this.fail(column, `"${raw}" harus true atau false`);
    return raw === "true";
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const raw = (this.row[column] ?? "").trim();
    if (!(allowed as readonly string[]).includes(raw)) this.fail(column, `"${raw}" bukan salah satu dari ${allowed.join(", ")}`);
    return raw as T;
  }

  /** A value that is assumed must say so: the basis text has to contain "asumsi". */
  requireAssumptionLabel(column: string, basis: string): void {
    if (!/asumsi/i.test(basis)) this.fail(column, "nilai asumsi harus diberi keterangan 'asumsi' di kolom basis");
  }
}

async function readRows<T>(file: string, dir: string, parse: (reader: RowReader) => T): Promise<T[]> {
  const text = await readFile(path.join(dir, file), "utf8");
  const problems: string[] = [];
  const rows = parseCsvObjects(text).map(({ line, row }) => parse(new RowReader(row, line, problems)));
  if (problems.length > 0) throw new ReferenceDataError(file, problems);
  return rows;
}

export function readProgrammes(dir = PROGRAMMES_DIR): Promise<Programme[]> {
  return readRows("programmes.csv", dir, (r) => {
    const basis = r.text("basis");
    const graduation = r.optionalNumber("graduation_prob_per_year", 0, 1);
    const effect = r.oneOf("effect", EFFECTS);
    // Graduation probabilities are never published for these programmes: they are always assumptions.
    if (graduation !== null) r.requireAssumptionLabel("graduation_prob_per_year", basis);
    if (effect === "graduation" && graduation === null) r.text("graduation_prob_per_year");
    return {
      code: r.text("code"),
      name: r.text("name"),
      funder: r.oneOf("funder", FUNDERS),
      strategy: r.oneOf("strategy", STRATEGIES),
      unit: r.text("unit"),
      unit_cost_rp: r.optionalNumber("unit_cost_rp", 0),
      value_per_capita_month_rp: r.optionalNumber("value_per_capita_month_rp", 0),
      eligible_desil_max: r.optionalInteger("eligible_desil_max", 1, 10),
      effect,
      graduation_prob_per_year: graduation,
      basis,
      source: r.text("source"),
      note: r.optionalText("note")
    };
  });
}

export function readOverlapRules(dir = PROGRAMMES_DIR): Promise<OverlapRule[]> {
  return readRows("overlap_rules.csv", dir, (r) => ({
    programme_a: r.text("programme_a"),
    programme_b: r.text("programme_b"),
    rule: r.oneOf("rule", OVERLAP_RULES),
    reason: r.text("reason"),
    basis: r.text("basis"),
    source: r.text("source")
  }));
}

export function readProgrammeAllocations(dir = PROGRAMMES_DIR): Promise<ProgrammeAllocation[]> {
  return readRows("programme_allocations.csv", dir, (r) => ({
    programme_code: r.text("programme_code"),
    year: r.integer("year", 2000, 2100),
    area_kode: r.text("area_kode"),
    area_name: r.text("area_name"),
    component: r.text("component"),
    status: r.oneOf("status", ALLOCATION_STATUSES),
    planned_units: r.number("planned_units", 0),
    unit: r.text("unit"),
    budget_rp: r.optionalNumber("budget_rp", 0),
    approximate: r.boolean("approximate"),
    source: r.text("source"),
    note: r.optionalText("note")
  }));
}

export function readCalibrationTargets(dir = PROGRAMMES_DIR): Promise<CalibrationTarget[]> {
  return readRows("calibration_targets.csv", dir, (r) => ({
    measure: r.text("measure"),
    region_kode: r.text("region_kode"),
    region_name: r.text("region_name"),
    year: r.optionalInteger("year", 2000, 2100),
    month: r.optionalInteger("month", 1, 12),
    value: r.number("value", 0),
    unit: r.text("unit"),
    approximate: r.boolean("approximate"),
    basis: r.oneOf("basis", TARGET_BASES),
    source: r.text("source"),
    note: r.optionalText("note")
  }));
}

/** Cross-file checks: codes referenced by rules and allocations exist, keys are unique. Returns problems. */
export function crossCheck(programmes: readonly Programme[], rules: readonly OverlapRule[], allocations: readonly ProgrammeAllocation[]): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const p of programmes) {
    if (codes.has(p.code)) problems.push(`programmes.csv: kode ${p.code} ganda`);
    codes.add(p.code);
  }
  const pairs = new Set<string>();
  for (const r of rules) {
    for (const code of [r.programme_a, r.programme_b]) {
      if (!codes.has(code)) problems.push(`overlap_rules.csv: kode program ${code} tidak ada di programmes.csv`);
    }
    if (r.programme_a >= r.programme_b) problems.push(`overlap_rules.csv: pasangan ${r.programme_a}/${r.programme_b} harus urut abjad (a < b)`);
    const pair = `${r.programme_a}|${r.programme_b}`;
    if (pairs.has(pair)) problems.push(`overlap_rules.csv: pasangan ${pair} ganda`);
    pairs.add(pair);
  }
  const keys = new Set<string>();
  for (const a of allocations) {
    if (!codes.has(a.programme_code)) problems.push(`programme_allocations.csv: kode program ${a.programme_code} tidak ada di programmes.csv`);
    const key = [a.programme_code, a.year, a.area_kode, a.component, a.status].join("|");
    if (keys.has(key)) problems.push(`programme_allocations.csv: kunci ${key} ganda`);
    keys.add(key);
  }
  return problems;
}

/** Finds the one allocation row with the given key; throws (in Indonesian) if it is missing. */
export function allocation(
  allocations: readonly ProgrammeAllocation[],
  key: { programme_code: string; area_kode: string; component?: string; status?: AllocationStatus; year?: number }
): ProgrammeAllocation {
  const found = allocations.filter(
    (a) =>
      a.programme_code === key.programme_code &&
      a.area_kode === key.area_kode &&
      a.component === (key.component ?? "total") &&
      (key.status === undefined || a.status === key.status) &&
      (key.year === undefined || a.year === key.year)
  );
  if (found.length !== 1) {
    throw new Error(`Alokasi ${JSON.stringify(key)} ditemukan ${found.length} kali di programme_allocations.csv (harus tepat satu).`);
  }
  return found[0]!;
}

/** Finds the one calibration target with the given measure and region. */
export function calibrationTarget(targets: readonly CalibrationTarget[], measure: string, region_kode: string): CalibrationTarget {
  const found = targets.filter((t) => t.measure === measure && t.region_kode === region_kode);
  if (found.length !== 1) {
    throw new Error(`Target kalibrasi ${measure} untuk ${region_kode} ditemukan ${found.length} kali di calibration_targets.csv (harus tepat satu).`);
  }
  return found[0]!;
}
