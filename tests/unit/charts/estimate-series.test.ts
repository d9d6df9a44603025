import { beforeAll, describe, expect, it } from "vitest";
import { wrapWords } from "../../../src/components/charts/common.js";
import { ESTIMATE_LABEL, PROJECTION_LABEL, SURVEY_OLD_LABEL, estimateSeriesSpec } from "../../../src/components/charts/estimate-series.js";
import { withWidth } from "../../../src/components/charts/embed.js";
import { attr, compileSpec, countItems, groupsNamed, renderSvg, schemaErrors, schemaValidator, svgTexts } from "./vega-harness.js";

beforeAll(() => void schemaValidator(), 120_000);

const spec = estimateSeriesSpec({
  title: "Kemiskinan ekstrem, Kota Serang",
  estimates: [
    { year: 2022, value: 0.92, lower: 0.46, upper: 1.86 },
    { year: 2023, value: 0.32, lower: 0.18, upper: 0.57 },
    { year: 2024, value: 0.32, lower: 0.2, upper: 0.52 },
    { year: 2025, value: 0.38, lower: 0.25, upper: 0.6 }
  ],
  survey: [{ year: 2022, value: 1.01, series: "usd190_ppp2011", source: "https://example.org/a" }],
  projection: [
    { year: 2025, value: 0.38, lower: 0.25, upper: 0.6 },
    { year: 2026, value: 0.3, lower: 0.15, upper: 0.6 }
  ],
  target: 0.5
});

describe("wrapWords", () => {
  it("breaks at spaces into lines of at most maxChars, keeping a longer word whole", () => {
    expect(wrapWords("a bb ccc dddd", 6)).toEqual(["a bb", "ccc", "dddd"]);
    expect(wrapWords("  satu   dua ", 20)).toEqual(["satu dua"]);
    expect(wrapWords("panjangsekali x", 4)).toEqual(["panjangsekali", "x"]);
    expect(wrapWords("", 10)).toEqual([]);
  });
});

describe("estimateSeriesSpec", () => {
  it("is schema-valid and compiles without warnings", () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it("draws estimates with their intervals, the survey point apart, the projection band and the target", async () => {
    const svg = await renderSvg(spec);
    expect(countItems(svg, "estimate_points")).toBe(4);
    expect(countItems(svg, "estimate_intervals")).toBe(4);
    expect(countItems(svg, "survey_points")).toBe(1);
    expect(countItems(svg, "projection_band")).toBe(1);
    expect(countItems(svg, "target_rule")).toBe(1);
    const texts = svgTexts(svg);
    for (const label of [ESTIMATE_LABEL, PROJECTION_LABEL, SURVEY_OLD_LABEL]) expect(texts).toContain(label);
    expect(texts).toContain("Target 2026: ≤0,5%");
  });

  it("gives the estimate and survey series different colours and markers", () => {
    const s = spec as any;
    const estimate = s.layer.find((l: any) => l.name === "estimate_points");
    const { domain, range } = estimate.encoding.color.scale;
    expect(range[domain.indexOf(ESTIMATE_LABEL)]).not.toBe(range[domain.indexOf(SURVEY_OLD_LABEL)]);
    const shapes = estimate.encoding.shape.scale.range;
    expect(shapes[domain.indexOf(ESTIMATE_LABEL)]).toBe("circle");
    expect(shapes[domain.indexOf(SURVEY_OLD_LABEL)]).toBe("square");
    expect(estimate.mark.filled).toBe(false);
  });

  it("wraps a long title and subtitle at phone width so the plot keeps its width (fit-x, 326 px)", async () => {
    const subtitle = "Perkiraan model pada garis baru (US$2,15 PPP 2017) dan angka survei BPS; target 0% dibaca ≤0,5%";
    const narrow = estimateSeriesSpec({
      title: "Kemiskinan ekstrem, Kota Tangerang Selatan",
      subtitle,
      width: 326,
      estimates: [
        { year: 2022, value: 0.92, lower: 0.46, upper: 1.86 },
        { year: 2025, value: 0.38, lower: 0.25, upper: 0.6 }
      ],
      target: 0.5
    });
    expect(schemaErrors(narrow)).toEqual([]);
    const title = (narrow as any).title;
    expect(title.text).toEqual(["Kemiskinan ekstrem, Kota", "Tangerang Selatan"]);
    expect(title.subtitle.join(" ")).toBe(subtitle);
    for (const line of title.subtitle as string[]) expect(line.length).toBeLessThanOrEqual(Math.floor(326 / 7.5));
    // The two estimates sit far apart: the long subtitle no longer squeezes the plot to nothing.
    const svg = await renderSvg(withWidth(narrow, 326));
    const xs = groupsNamed(svg, "estimate_points")[0]!.items.map((i) => Number(/translate\(([-\d.]+)/.exec(attr(i.attrs, "transform") ?? "")?.[1]));
    expect(xs).toHaveLength(2);
    expect(Math.abs(xs[1]! - xs[0]!)).toBeGreaterThan(120); // 0 before the title was wrapped
    // At the default width nothing is wrapped.
    expect(typeof (spec as any).title).toBe("string");
  });
});
