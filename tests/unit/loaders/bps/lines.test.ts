// The poverty_lines rows: published lines kept, missing ones filled by the stated formula, series never bridged.
import { describe, expect, it } from "vitest";
import { anchorRatio, LineResolver, parseLineAnchors, seriesFor, type LineAnchor } from "../../../../loaders/bps/lines.js";
import { readLineAnchors } from "../../../../loaders/bps/lines.js";
import { readPovertySnapshot } from "../../../../loaders/bps/snapshot.js";
import { BPS_SNAPSHOT_DIR } from "../../../../loaders/bps/paths.js";
import type { PovertyRow } from "../../../../loaders/bps/rows.js";
import { povertyLineRows } from "../../../../loaders/tables/poverty-lines.js";

function row(region_kode: string, year: number, month: number, line: number | null): PovertyRow {
  return { region_kode, year, month, poor_count: null, p0_pct: null, poverty_line_rp: line, p1: null, p2: null, source: `src-${region_kode}-${year}`, retrieved_at: "2026-10-05", note: null };
}

describe("seriesFor", () => {
  it("measures March 2024 on both lines and never uses the old line afterwards", () => {
    expect(seriesFor(2023, 3)).toEqual(["usd190_ppp2011"]);
    expect(seriesFor(2024, 3)).toEqual(["usd190_ppp2011", "usd215_ppp2017"]);
    expect(seriesFor(2024, 9)).toEqual(["usd215_ppp2017"]);
    expect(seriesFor(2025, 3)).toEqual(["usd215_ppp2017"]);
  });
});

describe("LineResolver", () => {
  const rows = [row("00", 2020, 3, 400), row("00", 2022, 3, 484), row("36", 2020, 3, 500), row("36", 2022, 3, 600), row("3673", 2020, 3, 300)];
  const resolver = new LineResolver(rows);
  it("keeps a published line", () => {
    expect(resolver.resolve("36", 2022, 3)).toMatchObject({ value: 600, kind: "terbit" });
  });
  it("interpolates a missing national line log-linearly (geometric mean at the midpoint)", () => {
    expect(resolver.resolve("00", 2021, 3)!.value).toBeCloseTo(440, 9); // sqrt(400 × 484)
  });
  it("moves a kab/kota line by its province's growth: 300 × 600/500 = 360", () => {
    const r = resolver.resolve("3673", 2022, 3)!;
    expect(r.value).toBeCloseTo(360, 9);
    expect(r.kind).toBe("turunan");
    expect(r.how).toContain("GK 3673 Maret 2020");
  });
  it("chains through a filled province line: 2021 = 300 × (500 × 440/400)/500 = 330", () => {
    expect(resolver.resolve("3673", 2021, 3)!.value).toBeCloseTo(330, 9);
  });
  it("leaves a line empty when nothing can derive it", () => {
    expect(resolver.resolve("3604", 2021, 3)).toBeNull();
    expect(resolver.resolve("00", 2030, 3)).toBeNull();
  });
});

describe("lines.csv and anchorRatio", () => {
  it("rejects a ratio outside its interval", () => {
    const header = "region_kode,year,month,series,poverty_line_rp,extreme_line_rp,extreme_ratio,extreme_ratio_lo,extreme_ratio_hi,basis,source,note\n";
    expect(() => parseLineAnchors(header + "00,2023,3,usd190_ppp2011,550458,351957,0.70,0.60,0.65,terbit,x,\n")).toThrow(/rasio/);
    expect(() => parseLineAnchors(header + "00,2023,3,usd300,550458,351957,0.63,0.60,0.65,terbit,x,\n")).toThrow(/series/);
  });
  it("the published 2023 ratio equals the published lines (351.957 ÷ 550.458)", async () => {
    const anchors = await readLineAnchors(BPS_SNAPSHOT_DIR);
    const a = anchors.find((x) => x.year === 2023)!;
    expect(a.extreme_line_rp / a.poverty_line_rp!).toBeCloseTo(a.extreme_ratio, 3);
  });
  it("carries the nearest anchor of the same series, never the other series, widening the interval", () => {
    const anchors: LineAnchor[] = [
      { region_kode: "00", year: 2023, month: 3, series: "usd190_ppp2011", poverty_line_rp: 1, extreme_line_rp: 1, extreme_ratio: 0.64, extreme_ratio_lo: 0.63, extreme_ratio_hi: 0.65, basis: "terbit", source: "a", note: null },
      { region_kode: "00", year: 2024, month: 9, series: "usd215_ppp2017", poverty_line_rp: 1, extreme_line_rp: 1, extreme_ratio: 0.66, extreme_ratio_lo: 0.65, extreme_ratio_hi: 0.67, basis: "terbit", source: "b", note: null }
    ];
    const old2021 = anchorRatio(anchors, "usd190_ppp2011", 2021)!;
    expect(old2021).toMatchObject({ ratio: 0.64, kind: "model" });
    expect(old2021.lo).toBeCloseTo(0.61, 9);
    expect(old2021.hi).toBeCloseTo(0.67, 9);
    expect(anchorRatio(anchors, "usd215_ppp2017", 2024)).toMatchObject({ ratio: 0.66, kind: "terbit" });
  });
});

describe("poverty_lines from the committed snapshot", () => {
  it("gives every Banten kab/kota a 2025 row on the new line with both lines and a stated basis", async () => {
    const [poverty, anchors] = await Promise.all([readPovertySnapshot(), readLineAnchors(BPS_SNAPSHOT_DIR)]);
    const rows = povertyLineRows(poverty, anchors);
    for (const kode of ["3601", "3602", "3603", "3604", "3671", "3672", "3673", "3674"]) {
      const r = rows.find((x) => x.region_kode === kode && x.year === 2025 && x.series === "usd215_ppp2017");
      expect(r, kode).toBeDefined();
      expect(r!.poverty_line_rp).toBeGreaterThan(0);
      expect(r!.extreme_line_rp).toBeCloseTo(r!.extreme_ratio * r!.poverty_line_rp!, -1);
      if (r!.poverty_line_basis === "turunan") expect(r!.basis).toContain("GK tidak terbit, diisi");
    }
    // Kab. Serang 2024 (published GK Rp449.291) keeps its published line.
    const kabSerang = rows.find((x) => x.region_kode === "3604" && x.year === 2024 && x.series === "usd215_ppp2017")!;
    expect(kabSerang.poverty_line_rp).toBe(449291);
    expect(kabSerang.poverty_line_basis).toBe("terbit");
    // No old-line row after March 2024.
    expect(rows.some((x) => x.series === "usd190_ppp2011" && (x.year > 2024 || (x.year === 2024 && x.month === 9)))).toBe(false);
  });
});
