// model=data answers → observations → bps_poverty rows (values are placeholders, not figures).
import { describe, expect, it } from "vitest";
import { assemblePovertyRows, classifyTurtahun, pickTurvar, tidyDataAnswer, type Observation } from "../../../../loaders/bps/tidy.js";
import { dataAnswer } from "./fake-bps.js";

const context = { domain: "3600", varId: 9001, unitHint: null, fetchedAt: "2026-11-01T08:00:00.000Z" } as const;

describe("classifyTurtahun and pickTurvar", () => {
  it("reads Susenas rounds by id or label and annual columns as annual", () => {
    expect(classifyTurtahun({ val: "61", label: "Semester 1 (Maret)" })).toBe(3);
    expect(classifyTurtahun({ val: "62", label: "Semester 2 (September)" })).toBe(9);
    expect(classifyTurtahun({ val: "0", label: "Tahun" })).toBe("annual");
    expect(classifyTurtahun({ val: "63", label: "Tahunan" })).toBe("annual");
    expect(classifyTurtahun({ val: "5", label: "Mei" })).toBeUndefined();
  });

  it("takes the only turvar, or the one labelled total", () => {
    expect(pickTurvar([{ val: "0", label: "Tidak ada" }])?.val).toBe("0");
    expect(pickTurvar([{ val: "432", label: "Perkotaan" }, { val: "433", label: "Perdesaan" }, { val: "434", label: "Total" }])?.val).toBe("434");
    expect(pickTurvar([{ val: "432", label: "Perkotaan" }, { val: "433", label: "Perdesaan" }])).toBeUndefined();
  });
});

describe("tidyDataAnswer", () => {
  it("converts a count in ribu jiwa to persons and reads an annual column as March", () => {
    const body = dataAnswer(
      { varId: 9001, unit: "Ribu Jiwa", vervar: [{ val: 3604, label: "Serang" }, { val: 9999, label: "Banten" }], tahun: [{ val: 124, label: "2024" }] },
      { "3604|124": 12.345, "9999|124": "-" }
    );
    const { observations, problems } = tidyDataAnswer(body, { ...context, field: "poor_count" });
    expect(problems).toEqual([]);
    expect(observations).toEqual([
      { field: "poor_count", region_kode: "3604", year: 2024, month: 3, value: 12345, domain: "3600", var_id: 9001, fetched_at: context.fetchedAt, month_assumed: true }
    ]);
  });

  it("keeps March and September columns and ignores the annual one beside them", () => {
    const body = dataAnswer(
      {
        varId: 9001,
        vervar: [{ val: 9999, label: "Banten" }],
        tahun: [{ val: 124, label: "2024" }],
        turtahun: [{ val: 61, label: "Maret" }, { val: 62, label: "September" }, { val: 63, label: "Tahunan" }]
      },
      { "9999|124|61": 1.5, "9999|124|62": 2.5, "9999|124|63": 3.5 }
    );
    const { observations } = tidyDataAnswer(body, { ...context, field: "p0_pct" });
    expect(observations.map((o) => [o.region_kode, o.month, o.value, o.month_assumed])).toEqual([
      ["36", 3, 1.5, false],
      ["36", 9, 2.5, false]
    ]);
  });

  it("reports unknown regions and an unreadable count unit instead of guessing", () => {
    const body = dataAnswer(
      { varId: 9001, vervar: [{ val: 3601, label: "Pandeglang" }, { val: 77, label: "Kecamatan X" }], tahun: [{ val: 124, label: "2024" }] },
      { "3601|124": 1.1, "77|124": 2.2 }
    );
    const p0 = tidyDataAnswer(body, { ...context, field: "p0_pct" });
    expect(p0.observations.map((o) => o.region_kode)).toEqual(["3601"]);
    expect(p0.problems).toEqual([expect.stringMatching(/vervar 77 "Kecamatan X" tidak ada dalam tabel wilayah/)]);

    const count = tidyDataAnswer({ ...body, var: [{ val: 9001, label: "Jumlah Penduduk Miskin", unit: "" }] }, { ...context, field: "poor_count" });
    expect(count.observations).toEqual([]);
    expect(count.problems[0]).toMatch(/satuan jumlah tidak dikenali/);
  });
});

describe("assemblePovertyRows", () => {
  const obs = (field: Observation["field"], value: number, varId: number, domain = "3600"): Observation => ({
    field, region_kode: "3673", year: 2025, month: 3, value, domain, var_id: varId, fetched_at: "2026-11-02T01:00:00.000Z", month_assumed: false
  });

  it("joins indicators of one region × year × month and names every variable in the source", () => {
    const { rows, problems } = assemblePovertyRows([obs("p0_pct", 1.5, 9001), obs("poor_count", 1000, 9002), obs("p1", 0.5, 622, "0000")]);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        region_kode: "3673", year: 2025, month: 3, poor_count: 1000, p0_pct: 1.5, poverty_line_rp: null, p1: 0.5, p2: null,
        source: "BPS Web API var 9002 domain 3600 (poor_count), var 9001 domain 3600 (p0_pct), var 622 domain 0000 (p1), diambil 2026-11-02",
        retrieved_at: "2026-11-02",
        note: null
      }
    ]);
  });

  it("keeps the first of two different values for one cell and reports the conflict", () => {
    const { rows, problems } = assemblePovertyRows([obs("p0_pct", 1.5, 9001), obs("p0_pct", 1.6, 621, "0000")]);
    expect(rows[0]?.p0_pct).toBe(1.5);
    expect(rows[0]?.source).toBe("BPS Web API domain 3600 var 9001 (p0_pct), diambil 2026-11-02");
    expect(problems).toEqual([expect.stringMatching(/dua nilai berbeda \(1.5 dari var 9001, 1.6 dari var 621\)/)]);
  });
});
