import { beforeAll, describe, expect, it } from "vitest";
import { barsSpec, trajectorySpec } from "../../../src/components/charts/scenario.js";
import { compileSpec, renderSvg, schemaErrors, schemaValidator, svgTexts } from "./vega-harness.js";

beforeAll(() => void schemaValidator(), 120_000);

describe("trajectorySpec", () => {
  const spec = trajectorySpec({
    points: [
      { scenario: "Dasar", year: 2025, value: 18_000, label: "18.000 jiwa" },
      { scenario: "Dasar", year: 2026, value: 17_500, label: "17.500 jiwa" },
      { scenario: "Sembako Kasemen", year: 2025, value: 18_000, label: "18.000 jiwa" },
      { scenario: "Sembako Kasemen", year: 2026, value: 16_900, label: "16.900 jiwa" }
    ],
    scenarios: ["Dasar", "Sembako Kasemen"],
    title: "Penduduk miskin ekstrem",
    unit: "jiwa",
    target: { year: 2026, value: 0, label: "Target 0% (RPJMN)" }
  });
  it("is schema-valid, compiles without warnings and renders the target label", async () => {
    expect(schemaErrors(spec).map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    expect(compileSpec(spec).warnings).toEqual([]);
    const texts = svgTexts(await renderSvg(spec));
    expect(texts).toContain("Target 0% (RPJMN)");
    expect(texts).toContain("Sembako Kasemen");
    expect(texts).toContain("2026");
    expect(texts).not.toContain("2.026");
  });
  it("wraps a long subtitle to a phone-wide chart instead of running past its edge", async () => {
    const narrow = trajectorySpec({
      points: [{ scenario: "Dasar", year: 2025, value: 18_000, label: "18.000 jiwa" }],
      scenarios: ["Dasar"],
      title: "Penduduk miskin ekstrem",
      subtitle: "Kota Serang, perkiraan model atas registri (DATA SINTETIS)",
      unit: "jiwa",
      target: { year: 2026, value: 0, label: "Target" },
      width: 300
    });
    const title = narrow.title as { subtitle: string[] };
    expect(title.subtitle.length).toBeGreaterThan(1);
    expect(title.subtitle.join(" ")).toBe("Kota Serang, perkiraan model atas registri (DATA SINTETIS)");
    for (const line of title.subtitle) expect(line.length * 7.5).toBeLessThanOrEqual(300);
  });
  it("gives its marks no screen-reader description naming a data field in English", async () => {
    const labels = [...(await renderSvg(spec)).matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]!);
    expect(labels.filter((l) => /\b(scenario|year|value|label)\b/.test(l))).toEqual([]);
  });
});

describe("barsSpec", () => {
  const spec = barsSpec({
    rows: [
      { label: "Dasar: biaya per orang keluar", value: null, text: "tidak ada yang keluar", group: "Skenario" },
      { label: "Kasemen: biaya per orang keluar", value: 12_500_000, text: "Rp12,5 juta", group: "Skenario" },
      { label: "Biaya menutup celah (sel)", value: 9_000_000_000, text: "Rp9,0 miliar", group: "Menutup celah" }
    ],
    groups: ["Skenario", "Menutup celah"],
    title: "Biaya",
    unit: "Rp per tahun"
  });
  it("is schema-valid, compiles without warnings and shows an undefined value as text, not a number", async () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileSpec(spec).warnings).toEqual([]);
    const texts = svgTexts(await renderSvg(spec));
    expect(texts).toContain("tidak ada yang keluar");
    expect(texts).toContain("Rp12,5 juta");
  });
  it("refuses duplicate labels", () => {
    expect(() => barsSpec({ rows: [{ label: "a", value: 1, text: "1", group: "g" }, { label: "a", value: 2, text: "2", group: "g" }], groups: ["g"], title: "t", unit: "Rp" })).toThrow(/unik/);
  });
});
