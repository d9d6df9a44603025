// Reads the committed snapshot CSVs into typed rows, refusing any cell that is not what its column
// promises (reported with file and line), so a hand edit cannot slip a malformed figure into a table.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseCsvObjects } from "../lib/csv.js";
import { BPS_SNAPSHOT_DIR, SNAPSHOT_RETRIEVED_AT } from "./paths.js";
import { LINE_SERIES, type LineSeries } from "../../src/components/domain/model/line-series.js";
import {
  COUNT_UNITS,
  EXTREME_KINDS,
  type CountUnit,
  type ExtremeKind,
  type ExtremePovertyRow,
  type PovertyRow,
  type TargetRow
} from "./rows.js";

export class SnapshotError extends Error {
  constructor(readonly file: string, readonly line: number, message: string) {
    super(`${file} baris ${line}: ${message}`);
    this.name = "SnapshotError";
  }
}

class Cells {
  constructor(private readonly file: string, private readonly line: number, private readonly row: Record<string, string>) {}

  private fail(message: string): never {
    throw new SnapshotError(this.file, this.line, message);
  }

  text(name: string): string {
    const value = this.row[name]?.trim() ?? "";
    if (value === "") this.fail(`kolom ${name} wajib diisi`);
    return value;
  }

  optionalText(name: string): string | null {
    const value = this.row[name]?.trim() ?? "";
    return value === "" ? null : value;
  }

  number(name: string): number | null {
    const value = this.row[name]?.trim() ?? "";
    if (value === "") return null;
    if (!/^-?\d+(\.\d+)?$/.test(value)) this.fail(`kolom ${name} bukan angka: "${value}"`);
    return Number(value);
  }

  integer(name: string): number | null {
    const value = this.number(name);
    if (value !== null && !Number.isSafeInteger(value)) this.fail(`kolom ${name} harus bilangan bulat: ${value}`);
    return value;
  }

  requiredNumber(name: string): number {
    const value = this.number(name);
    if (value === null) this.fail(`kolom ${name} wajib diisi`);
    return value;
  }

  surveyMonth(): number {
    const value = this.requiredInteger("month");
    if (value !== 3 && value !== 9) this.fail(`month harus 3 (Maret) atau 9 (September): ${value}`);
    return value;
  }

  requiredInteger(name: string): number {
    const value = this.integer(name);
    if (value === null) this.fail(`kolom ${name} wajib diisi`);
    return value;
  }

  regionKode(): string {
    const value = this.text("region_kode");
    if (!/^(00|36|36\d\d)$/.test(value)) this.fail(`region_kode tidak dikenal: "${value}"`);
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], optional = false): T | null {
    const value = optional ? this.optionalText(name) : this.text(name);
    if (value === null) return null;
    if (!(allowed as readonly string[]).includes(value)) this.fail(`kolom ${name} harus salah satu dari ${allowed.join("/")}: "${value}"`);
    return value as T;
  }

  boolean(name: string): boolean {
    const value = this.text(name);
    if (value !== "true" && value !== "false") this.fail(`kolom ${name} harus true atau false: "${value}"`);
    return value === "true";
  }
}

async function readRows<T>(dir: string, file: string, parse: (cells: Cells) => T): Promise<T[]> {
  const text = await readFile(path.join(dir, file), "utf8");
  return parseCsvObjects(text).map(({ line, row }) => parse(new Cells(file, line, row)));
}

export async function readPovertySnapshot(dir = BPS_SNAPSHOT_DIR): Promise<PovertyRow[]> {
  return readRows(dir, "bps_poverty.csv", (c) => {
    return {
      region_kode: c.regionKode(),
      year: c.requiredInteger("year"),
      month: c.surveyMonth(),
      poor_count: c.integer("poor_count"),
      p0_pct: c.number("p0_pct"),
      poverty_line_rp: c.number("poverty_line_rp"),
      p1: c.number("p1"),
      p2: c.number("p2"),
      source: c.text("source"),
      retrieved_at: SNAPSHOT_RETRIEVED_AT,
      note: c.optionalText("note")
    };
  });
}

export async function readExtremeSnapshot(dir = BPS_SNAPSHOT_DIR): Promise<ExtremePovertyRow[]> {
  return readRows(dir, "bps_extreme_poverty.csv", (c) => ({
    region_kode: c.regionKode(),
    year: c.requiredInteger("year"),
    month: c.integer("month"),
    kind: c.oneOf<ExtremeKind>("kind", EXTREME_KINDS)!,
    extreme_pct: c.number("extreme_pct"),
    extreme_count: c.integer("extreme_count"),
    count_unit: c.oneOf<CountUnit>("count_unit", COUNT_UNITS, true),
    line_rp: c.number("line_rp"),
    line_basis: c.optionalText("line_basis"),
    series: c.oneOf<LineSeries>("series", LINE_SERIES, true),
    for_validation: c.optionalText("for_validation") === null ? null : c.boolean("for_validation"),
    source: c.text("source"),
    retrieved_at: SNAPSHOT_RETRIEVED_AT,
    note: c.optionalText("note")
  }));
}

export async function readTargets(dir = BPS_SNAPSHOT_DIR): Promise<TargetRow[]> {
  return readRows(dir, "targets.csv", (c) => ({
    region_kode: c.regionKode(),
    indicator: c.text("indicator"),
    year: c.requiredInteger("year"),
    value: c.requiredNumber("value"),
    basis: c.text("basis"),
    is_current: c.boolean("is_current"),
    source: c.text("source"),
    retrieved_at: SNAPSHOT_RETRIEVED_AT,
    note: c.optionalText("note")
  }));
}
