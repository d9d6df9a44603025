// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";

// jsdom has no canvas; vega then measures text by estimate. Say so up front instead of letting
// jsdom print "not implemented" when vega probes for a canvas.
vi.hoisted(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});
import { embedOptions, renderChart, withWidth } from "../../../src/components/charts/embed.js";
import { NUMBER_LOCALE_ID, TIME_LOCALE_ID } from "../../../src/components/charts/locale.js";
import { rankingBarSpec } from "../../../src/components/charts/ranking.js";
import { smallMultiplesSpec, timeSeriesSpec } from "../../../src/components/charts/time-series.js";

const ROWS = [
  { year: 2023, v: 1.1 },
  { year: 2024, v: 0.9 },
  { year: 2025, v: 0.8 }
];

describe("embedOptions", () => {
  it("renders SVG with the Indonesian locale and offers only the export actions", () => {
    const options = embedOptions("kemajuan");
    expect(options.renderer).toBe("svg");
    expect(options.actions).toEqual({ export: true, source: false, compiled: false, editor: false });
    expect(options.formatLocale).toEqual(NUMBER_LOCALE_ID);
    expect(options.timeFormatLocale).toEqual(TIME_LOCALE_ID);
    expect(options.i18n?.SVG_ACTION).toBe("Unduh SVG");
    expect(options.downloadFileName).toBe("kemajuan");
  });
});

describe("withWidth", () => {
  it("stretches single views to the width and leaves faceted specs alone", () => {
    const single = withWidth(timeSeriesSpec({ rows: ROWS, field: "v", title: "T", unit: "%" }), 512.7) as unknown as Record<string, unknown>;
    expect(single["width"]).toBe(512);
    expect(single["autosize"]).toEqual({ type: "fit-x", contains: "padding" });
    const facet = smallMultiplesSpec({ rows: ROWS.map((r) => ({ ...r, region_nama: "Kota Serang" })), field: "v", title: "T", unit: "%" });
    expect(withWidth(facet, 500)).toBe(facet);
  });
});

describe("renderChart", () => {
  it("draws an SVG chart with the export menu and no link to an external editor", async () => {
    const spec = rankingBarSpec({
      rows: [
        { kode: "3673", nama: "Kota Serang", value: 0.3, status: "on_track" },
        { kode: "3604", nama: "Kab. Serang", value: 2.2, status: "off_track" }
      ],
      title: "Proyeksi 2026",
      unit: "%"
    });
    const element = await renderChart(spec, { width: 480 });
    const svg = element.querySelector("svg");
    expect(svg).not.toBeNull();
    expect(element.querySelectorAll(".bars_marks path")).toHaveLength(2);
    const links = [...element.querySelectorAll("a")].map((a) => a.textContent?.trim());
    expect(links).toEqual(expect.arrayContaining(["Unduh SVG", "Unduh PNG"]));
    expect(links).not.toContain("Buka di editor Vega");
    const hrefs = [...element.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? "");
    expect(hrefs.some((h) => /^https?:/.test(h))).toBe(false);
    // The icon-only menu button has an accessible name naming the chart.
    expect(element.querySelector("details > summary")?.getAttribute("aria-label")).toBe('Pilihan grafik "Proyeksi 2026": unduh PNG atau SVG');
  });
});
