// Calibration and validation computed from the committed reference data (nothing typed in): which
// points are used, leave-one-out really leaves the point out, the year factors reproduce their
// targets, and the summary follows from the rows.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsvObjects } from "../../../../loaders/lib/csv.js";
import { BPS_SNAPSHOT_DIR } from "../../../../loaders/bps/paths.js";
import { readLineAnchors } from "../../../../loaders/bps/lines.js";
import { readExtremeSnapshot, readPovertySnapshot } from "../../../../loaders/bps/snapshot.js";
import { calibrateByYear, calibrateKappa, ExtremeModel, validationPoints, type CalibratedModel } from "../../../../src/components/domain/model/extreme-model.js";

let calibrated: CalibratedModel;
let base: ExtremeModel;
let surveyRows: { row: Record<string, string> }[];

beforeAll(async () => {
  const [poverty, extreme, anchors] = await Promise.all([readPovertySnapshot(), readExtremeSnapshot(), readLineAnchors(BPS_SNAPSHOT_DIR)]);
  base = new ExtremeModel(poverty, anchors);
  calibrated = calibrateByYear(base, extreme)!;
  surveyRows = parseCsvObjects(await readFile(path.join(BPS_SNAPSHOT_DIR, "bps_extreme_poverty.csv"), "utf8")).filter((r) => r.row.kind === "survey" && r.row.extreme_pct !== "");
}, 60_000);

describe("validation points", () => {
  it("calibrates on every Banten-area survey rate of 2022 in the snapshot, and nothing else", () => {
    const expected = surveyRows.filter((r) => r.row.year === "2022" && r.row.region_kode !== "00").map((r) => r.row.region_kode).sort();
    const used = calibrated.validation.rows.filter((r) => r.role === "calibration").map((r) => r.region_kode).sort();
    expect(used).toEqual(expected);
    expect(used.length).toBe(9);
  });

  it("scores no national point (no national P1/P2 in the reference) and keeps Kab. Tangerang 2020 as context", () => {
    const rows = calibrated.validation.rows;
    expect(rows.filter((r) => r.region_kode === "00").every((r) => r.role === "context" && r.estimate === null)).toBe(true);
    expect(rows.find((r) => r.region_kode === "3603" && r.year === 2020)!.role).toBe("context");
  });
});

describe("leave-one-out", () => {
  it("predicts each calibration point with κ fitted on the other eight", async () => {
    const extreme = await readExtremeSnapshot();
    const calibration = validationPoints(extreme).filter((p) => p.role === "calibration");
    const row = calibrated.validation.rows.find((r) => r.region_kode === "3673" && r.role === "calibration")!;
    const kappa = calibrateKappa(base, calibration.filter((p) => p.region_kode !== "3673"))!;
    expect(row.kappaUsed).toBeCloseTo(kappa, 9);
    const estimate = base.withKappa(kappa).estimate("3673", 2022, 3, "usd190_ppp2011")!;
    expect(row.estimate!.value).toBeCloseTo(estimate.value, 9);
    expect(row.errorPoints).toBeCloseTo(estimate.value - Number(surveyRows.find((r) => r.row.region_kode === "3673")!.row.extreme_pct), 9);
  });

  it("calibration lowers the median error, and the summary follows from the rows", () => {
    const v = calibrated.validation;
    const scored = v.rows.filter((r) => r.role !== "context" && r.errorRelative !== null);
    const abs = scored.map((r) => Math.abs(r.errorRelative!)).sort((a, b) => a - b);
    const median = abs.length % 2 ? abs[(abs.length - 1) / 2]! : (abs[abs.length / 2 - 1]! + abs[abs.length / 2]!) / 2;
    expect(v.medianAbsRelative).toBeCloseTo(median, 12);
    expect(v.coverage).toBeCloseTo(scored.filter((r) => r.inInterval).length / scored.length, 12);
    expect(v.medianAbsRelative!).toBeLessThan(v.uncalibratedMedianAbsRelative!);
    expect(v.acceptable).toBe(v.medianAbsRelative! <= 0.5 && v.coverage! >= 0.5);
  });
});

describe("year factors", () => {
  it("make the model's Banten estimate equal its stated target in every calibrated year", () => {
    for (const f of calibrated.factors) {
      const nat = surveyRows.find((r) => r.row.region_kode === "00" && r.row.year === String(f.year) && r.row.month === "3");
      if (f.year === 2022) {
        expect(f.factor).toBe(1);
        continue;
      }
      expect(nat, `national March ${f.year}`).toBeDefined();
      const series = nat!.row.line_basis!.includes("2.15") ? "usd215_ppp2017" : "usd190_ppp2011";
      expect(calibrated.model.central("36", f.year, 3, series)).toBeCloseTo(f.target!, 9);
    }
    expect(calibrated.factors.map((f) => f.year)).toEqual([2022, 2023, 2024, 2025]);
  });

  it("gives no estimate in a year without calibration, and an interval around every estimate", () => {
    expect(calibrated.model.estimate("3673", 2019, 3, "usd215_ppp2017")).toBeNull();
    const e = calibrated.model.estimate("3673", 2025, 3, "usd215_ppp2017")!;
    expect(e.lower).toBeLessThan(e.value);
    expect(e.upper).toBeGreaterThan(e.value);
  });
});
