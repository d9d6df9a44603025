import { describe, expect, it } from "vitest";
import type { ExtremeRow, TargetRow } from "../../src/components/bps-series.js";
import { regionStatus } from "../../src/components/region-status.js";

const survey = (year: number, pct: number, kind: ExtremeRow["kind"] = "survey"): ExtremeRow => ({
  region_kode: "3673", year, month: 3, kind, extreme_pct: pct, extreme_count: null, count_unit: null,
  line_rp: null, line_basis: null, source: "s", retrieved_at: "2026-10-05", note: null
});
const TARGETS: TargetRow[] = [{ region_kode: "00", indicator: "extreme_poverty_pct", year: 2026, value: 0, basis: "RPJMN 2025–2029", is_current: true, source: "x" }];
const REGION = { kode: "3673", nama: "Kota Serang" };

describe("regionStatus", () => {
  it("says the data is insufficient when a region has a single survey point", () => {
    const s = regionStatus([survey(2022, 1.1), survey(2023, 0.4, "unclear")], TARGETS, REGION);
    expect(s.projection?.status).toBe("insufficient_data");
    expect(s.target?.basis).toBe("RPJMN 2025–2029");
    expect(s.latestExtreme?.kind).toBe("unclear"); // shown as the latest figure, never fitted
  });

  it("projects a steadily falling survey series and classifies it against the national target", () => {
    const s = regionStatus([survey(2019, 3.2), survey(2020, 2.4), survey(2021, 1.8), survey(2022, 1.35), survey(2023, 1.0), survey(2024, 0.75)], TARGETS, REGION);
    expect(s.projection?.used.map((p) => p.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(s.projection?.targetYear).toBe(2026);
    expect(s.projection?.projection?.value).toBeLessThan(0.75);
    expect(["on_track", "at_risk", "off_track"]).toContain(s.projection?.status);
  });

  it("has no projection without a target in force", () => {
    expect(regionStatus([survey(2022, 1.1)], [], REGION).projection).toBeNull();
  });
});
