import { beforeAll, describe, expect, it } from "vitest";
import { STATUS_COLORS } from "../../../src/components/charts/common.js";
import { rankRows, rankingBarSpec, type RankingRow } from "../../../src/components/charts/ranking.js";
import { withWidth } from "../../../src/components/charts/embed.js";
import { attr, compileSpec, countItems, groupsNamed, renderSvg, schemaErrors, schemaValidator, svgTexts } from "./vega-harness.js";

beforeAll(() => void schemaValidator(), 120_000);

const ROWS: RankingRow[] = [
  { kode: "3673", nama: "Kota Serang", value: 0.3, status: "on_track" },
  { kode: "3602", nama: "Kab. Lebak", value: 0.45, status: "at_risk" },
  { kode: "3674", nama: "Kota Tangerang Selatan", value: null, status: "insufficient_data" },
  { kode: "3601", nama: "Kab. Pandeglang", value: 1.2, status: "off_track", note: "Proyeksi 2026 1,20% melebihi ambang 0,50%." },
  { kode: "3604", nama: "Kab. Serang", value: 2.2, status: "off_track" }
];
// Worst status first, then the larger value, with "not enough data" last.
const EXPECTED_ORDER = ["Kab. Serang", "Kab. Pandeglang", "Kab. Lebak", "Kota Serang", "Kota Tangerang Selatan"];

describe("rankRows", () => {
  it("orders by status, then value (largest first), then name", () => {
    expect(rankRows(ROWS).map((r) => r.nama)).toEqual(EXPECTED_ORDER);
    const tie = rankRows([
      { kode: "b", nama: "Beta", value: 1, status: "at_risk" },
      { kode: "a", nama: "Alfa", value: 1, status: "at_risk" }
    ]);
    expect(tie.map((r) => r.nama)).toEqual(["Alfa", "Beta"]);
  });
});

describe("rankingBarSpec", () => {
  const spec = rankingBarSpec({ rows: ROWS, title: "Proyeksi kemiskinan ekstrem 2026", unit: "%", target: 0.5 });
  const s = spec as any;

  it("is valid against the Vega-Lite schema and compiles without warnings", () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it("sorts the regions on y explicitly and colours bars by Indonesian status labels", () => {
    const bars = s.layer.find((l: { name: string }) => l.name === "bars");
    expect(bars.encoding.y).toMatchObject({ field: "nama", sort: EXPECTED_ORDER });
    expect(bars.encoding.x).toMatchObject({ field: "value", type: "quantitative", title: "Proyeksi kemiskinan ekstrem 2026 (%)" });
    expect(bars.encoding.color.scale.domain).toEqual(["Tidak sesuai jalur", "Berisiko", "Sesuai jalur", "Data belum cukup"]);
    expect(bars.encoding.color.scale.range).toEqual([
      STATUS_COLORS.off_track,
      STATUS_COLORS.at_risk,
      STATUS_COLORS.on_track,
      STATUS_COLORS.insufficient_data
    ]);
    expect(bars.encoding.tooltip.map((t: { field: string; title: string }) => t.title)).toEqual([
      "Wilayah",
      "Proyeksi kemiskinan ekstrem 2026",
      "Status",
      "Keterangan"
    ]);
    const data = s.data.values as { nama: string; label: string; status_label: string }[];
    expect(data.map((d) => [d.nama, d.label, d.status_label])).toEqual([
      ["Kab. Serang", "2,20%", "Tidak sesuai jalur"],
      ["Kab. Pandeglang", "1,20%", "Tidak sesuai jalur"],
      ["Kab. Lebak", "0,45%", "Berisiko"],
      ["Kota Serang", "0,30%", "Sesuai jalur"],
      ["Kota Tangerang Selatan", "Data belum cukup", "Data belum cukup"]
    ]);
  });

  it("renders a bar per region with a value, a label per region and the target rule", async () => {
    const svg = await renderSvg(spec);
    const bars = groupsNamed(svg, "bars")[0]!.items;
    expect(bars).toHaveLength(4);
    expect(bars.map((b) => attr(b.attrs, "fill"))).toEqual([
      STATUS_COLORS.off_track,
      STATUS_COLORS.off_track,
      STATUS_COLORS.at_risk,
      STATUS_COLORS.on_track
    ]);
    expect(countItems(svg, "labels")).toBe(5);
    expect(countItems(svg, "target_rule")).toBe(1);
    // The y axis lists the regions top to bottom in ranking order.
    const texts = svgTexts(svg);
    const axisOrder = texts.filter((t) => EXPECTED_ORDER.includes(t));
    expect(axisOrder).toEqual(EXPECTED_ORDER);
    expect(texts).toContain("Data belum cukup");
    expect(texts).toContain("Status"); // legend title
  });

  it("rejects two rows with the same name", () => {
    expect(() =>
      rankingBarSpec({ rows: [ROWS[0]!, { ...ROWS[0]!, kode: "x" }], title: "T", unit: "%" })
    ).toThrow(/muncul lebih dari sekali/);
  });

  it("keeps its bars on a phone: title wrapped, legend stacked (fit-x at 326 px)", async () => {
    const narrow = rankingBarSpec({
      rows: ROWS,
      title: "Perkiraan kemiskinan ekstrem 2026",
      subtitle: "Perkiraan model, bukan angka resmi BPS; warna = status; urutan dari yang paling tertinggal",
      unit: "%",
      target: 0.5,
      width: 326
    }) as any;
    expect(schemaErrors(narrow)).toEqual([]);
    expect(Array.isArray(narrow.title.subtitle)).toBe(true);
    expect(narrow.layer.find((l: { name: string }) => l.name === "bars").encoding.color.legend.direction).toBe("vertical");
    const svg = await renderSvg(withWidth(narrow, 326));
    // The widest bar (Kab. Serang, 2,2%) spans most of the plot, not a few pixels.
    const widths = groupsNamed(svg, "bars")[0]!.items.map((i) => Number(/h([\d.]+)/.exec(attr(i.attrs, "d") ?? "")?.[1] ?? 0));
    expect(Math.max(...widths)).toBeGreaterThan(100);
  });
});
