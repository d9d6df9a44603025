// Information loss of the published cells on the synthetic default (Kota Serang): the figures the
// pages show, from the household microdata and from the cells, compared by kecamatan. Counts that do
// not depend on expenditure are conserved exactly; the expenditure figures stay within stated bounds
// (the measured values are printed by `npm run bench`).
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../loaders/lib/duck.js";
import { buildCells, CELL_PAIRS_TABLE, CELLS_TABLE } from "../../loaders/registry/cells.js";
import { fidelityReport, type FidelityReport } from "../../loaders/registry/cell-report.js";
import { DEFAULT_SEED, generateSynthetic } from "../../loaders/synth/generate.js";
import { loadSynthInputs } from "../../loaders/synth/inputs.js";

let instance: DuckDBInstance;
let db: DuckDBConnection;
let report: FidelityReport;
let line: number;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  db = await instance.connect();
  const inputs = await loadSynthInputs();
  line = inputs.extremeLine.rp;
  const { households, receipts } = await generateSynthetic(db, { scale: "default", seed: DEFAULT_SEED, inputs });
  await buildCells(db, households, receipts, { k: 10 });
  await db.run(`CREATE TEMP VIEW hh_ks AS SELECT * FROM ${households} WHERE kab_kode = '3673'`);
  await db.run(`CREATE TEMP VIEW rc_ks AS SELECT r.* FROM ${receipts} r SEMI JOIN hh_ks h ON h.hh_id = r.hh_id`);
  await db.run(`CREATE TEMP VIEW cells_ks AS SELECT * FROM ${CELLS_TABLE} WHERE kab_kode = '3673'`);
  await db.run(`CREATE TEMP VIEW pairs_ks AS SELECT * FROM ${CELL_PAIRS_TABLE} WHERE kab_kode = '3673'`);
  report = await fidelityReport(db, { households: "hh_ks", receipts: "rc_ks", cells: "cells_ks", pairs: "pairs_ks" }, inputs.extremeLine.rp);
}, 300_000);

afterAll(() => {
  db?.closeSync();
  instance?.closeSync();
});

describe("registry cells keep the page figures (Kota Serang, synthetic default, k = 10)", () => {
  it("every cell holds at least k households", async () => {
    const [row] = await queryRows(db, `SELECT min(households)::INTEGER AS smallest FROM ${CELLS_TABLE}`);
    expect(row!.smallest).toBeGreaterThanOrEqual(10);
  });

  it("conserves the target-list coverage count and every programme pair count exactly", () => {
    const coverage = report.comparisons.find((c) => c.figure.startsWith("rumah tangga daftar sasaran"))!;
    // Cells without target detail hold households both on and off the list, so only the kab/kota total is bound.
    expect(Math.abs(coverage.totalDifference)).toBeLessThanOrEqual(coverage.undetailed);
    for (const [pair, figures] of Object.entries(report.pairs)) {
      const c = report.comparisons.find((x) => x.figure.endsWith(pair.replace("+", " dan ")))!;
      expect(c.totalDifference, pair).toBe(0);
      expect(figures.total, pair).toBeGreaterThan(0);
    }
  });

  it("keeps the kecamatan coverage figure within 2% and the pair counts exact wherever the cell names its kecamatan", () => {
    expect(report.coverageMaxRelError).toBeLessThanOrEqual(0.02);
    expect(report.pairs["pbi_apbd+pbi_apbn"]!.maxRelError).toBe(0);
  });

  it("keeps the scenario figure (persons below the line after a transfer) within 10% per kecamatan, 3% at the line itself", () => {
    // Worst case over lines at 0,9×, 1× and 1,1× the extreme line and transfers of Rp0, 25.000 and 50.000;
    // the error comes from spreading households uniformly within bands of ≥ k households.
    expect(report.extremePersonsMaxRelError).toBeLessThanOrEqual(0.1);
    const atLine = report.comparisons.find((c) => c.figure.startsWith(`persons di bawah garis Rp${Math.round(line)} setelah transfer Rp0/`))!;
    expect(atLine.maxRelativeError).toBeLessThanOrEqual(0.03);
    expect(report.extremePersonsUndetailedShare).toBeLessThanOrEqual(0.02);
  });
});
