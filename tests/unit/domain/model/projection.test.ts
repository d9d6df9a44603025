import { describe, expect, it } from "vitest";
import {
  DEFAULT_LEVEL,
  DEFAULT_TARGET_YEAR,
  EXTREME_POVERTY_LINE_BREAK,
  METHOD_TEXT_ID,
  STATUS_TEXT_ID,
  SeriesInputError,
  ZERO_TARGET_FLOOR,
  classify,
  effectiveTarget,
  fitLogLinear,
  methodText,
  predictAt,
  projectSeries,
  requiredDecline,
  statusText
} from "../../../../src/components/domain/model/projection.js";

const T80_DF1 = Math.tan(0.4 * Math.PI); // t quantile 0.9, 1 df (Cauchy closed form)
const T80_DF8 = 1.396815; // t quantile 0.9, 8 df, from a printed t table

/** Three points whose fit can be done by hand: ln values 1.0, 0.8, 0.9 in 2020–2022. */
const HAND = [
  { year: 2020, value: Math.exp(1.0) },
  { year: 2021, value: Math.exp(0.8) },
  { year: 2022, value: Math.exp(0.9) }
];
// By hand: centred years −1, 0, 1 (Sxx = 2); mean log 0.9; Sxy = −1·0.1 + 0·(−0.1) + 1·0 = −0.1;
// slope −0.05. Fitted 0.95, 0.90, 0.85 → residuals 0.05, −0.10, 0.05 → SSE 0.015, 1 df.
// In 2026, 5 years after the centre year 2021: log 0.9 − 5·0.05 = 0.65.
const HAND_LOG_2026 = 0.65;
const HAND_HALF_2026 = T80_DF1 * Math.sqrt(0.015) * Math.sqrt(1 + 1 / 3 + 25 / 2);

describe("fitLogLinear and predictAt", () => {
  it("recovers the exact rate of an exponential series", () => {
    const series = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({
      year,
      value: 10 * 0.9 ** (year - 2018)
    }));
    const fit = fitLogLinear(series);
    expect(fit.slope).toBeCloseTo(Math.log(0.9), 12);
    expect(fit.residualSd).toBeCloseTo(0, 10);
    expect(fit.rSquared).toBeCloseTo(1, 12);
    const p = predictAt(fit, 2026, 0.8);
    expect(p.value).toBeCloseTo(10 * 0.9 ** 8, 10);
    // No residual variance: the interval collapses onto the trend.
    expect(p.lower!).toBeCloseTo(p.value, 8);
    expect(p.upper!).toBeCloseTo(p.value, 8);
  });

  it("matches the hand-computed three-point fit and interval", () => {
    const fit = fitLogLinear(HAND);
    expect(fit.slope).toBeCloseTo(-0.05, 12);
    expect(fit.df).toBe(1);
    expect(fit.residualSd).toBeCloseTo(Math.sqrt(0.015), 12);
    expect(fit.rSquared).toBeCloseTo(1 - 0.015 / 0.02, 12); // Syy = 0.01 + 0.01 + 0
    const p = predictAt(fit, 2026, 0.8);
    expect(p.value).toBeCloseTo(Math.exp(HAND_LOG_2026), 10);
    expect(p.lower).toBeCloseTo(Math.exp(HAND_LOG_2026 - HAND_HALF_2026), 8);
    expect(p.upper).toBeCloseTo(Math.exp(HAND_LOG_2026 + HAND_HALF_2026), 6);
  });

  it("matches the closed-form OLS on a noisy log-linear series", () => {
    const noise = [0.03, -0.02, 0.01, -0.04, 0.02, 0.0, 0.05, -0.03, -0.01, 0.02];
    const years = noise.map((_, i) => 2015 + i);
    const logs = noise.map((e, i) => 2 - 0.05 * i + e);
    const series = years.map((year, i) => ({ year, value: Math.exp(logs[i]!) }));

    // Closed form, computed here independently of the model code.
    const n = years.length;
    const xBar = years.reduce((s, x) => s + x, 0) / n;
    const yBar = logs.reduce((s, y) => s + y, 0) / n;
    const sxx = years.reduce((s, x) => s + (x - xBar) ** 2, 0);
    const sxy = years.reduce((s, x, i) => s + (x - xBar) * (logs[i]! - yBar), 0);
    const b = sxy / sxx;
    const a = yBar - b * xBar;
    const sse = years.reduce((s, x, i) => s + (logs[i]! - a - b * x) ** 2, 0);
    const sd = Math.sqrt(sse / (n - 2));
    const center = a + b * 2026;
    const half = T80_DF8 * sd * Math.sqrt(1 + 1 / n + (2026 - xBar) ** 2 / sxx);

    const fit = fitLogLinear(series);
    expect(fit.slope).toBeCloseTo(b, 10);
    expect(fit.residualSd).toBeCloseTo(sd, 10);
    const p = predictAt(fit, 2026, 0.8);
    expect(p.value).toBeCloseTo(Math.exp(center), 9);
    expect(p.lower! / Math.exp(center - half)).toBeCloseTo(1, 5);
    expect(p.upper! / Math.exp(center + half)).toBeCloseTo(1, 5);
  });

  it("gives no interval with exactly two points", () => {
    const fit = fitLogLinear([
      { year: 2022, value: 4 },
      { year: 2024, value: 1 }
    ]);
    expect(fit.slope).toBeCloseTo(Math.log(0.5), 12); // halves every year
    expect(fit.residualSd).toBeNull();
    const p = predictAt(fit, 2026, 0.8);
    expect(p.value).toBeCloseTo(0.25, 12);
    expect(p.lower).toBeNull();
    expect(p.upper).toBeNull();
  });
});

describe("requiredDecline", () => {
  it("computes points and geometric percent per year by hand", () => {
    const r = requiredDecline({ year: 2023, value: 2 }, 0.5, 2026)!;
    expect(r.years).toBe(3);
    expect(r.pointsPerYear).toBeCloseTo(0.5, 12); // (2 − 0.5) / 3
    expect(r.percentPerYear).toBeCloseTo((1 - 0.6299605249) * 100, 7); // 0.25^(1/3) = 0.6299605249
    expect(r.alreadyMet).toBe(false);
  });

  it("is zero when the target is already met and null when the target year has passed", () => {
    expect(requiredDecline({ year: 2024, value: 0.4 }, 0.5, 2026)).toMatchObject({
      pointsPerYear: 0,
      percentPerYear: 0,
      alreadyMet: true
    });
    expect(requiredDecline({ year: 2026, value: 3 }, 0.5, 2026)).toBeNull();
  });
});

describe("classify", () => {
  const at = (value: number, upper: number | null) => ({ year: 2026, value, lower: null, upper });
  it("applies the stated thresholds", () => {
    expect(classify(at(0.3, 0.45), 0.5)).toBe("on_track");
    expect(classify(at(0.5, 0.5), 0.5)).toBe("on_track"); // equal counts as reached
    expect(classify(at(0.4, 0.7), 0.5)).toBe("at_risk");
    expect(classify(at(0.6, 0.9), 0.5)).toBe("off_track");
    expect(classify(at(0.4, null), 0.5)).toBe("on_track"); // two-point fit: point only
    expect(classify(at(0.6, null), 0.5)).toBe("off_track");
    expect(classify(null, 0.5)).toBe("insufficient_data");
  });
});

describe("projectSeries", () => {
  it("projects an exact exponential series and compares required with historical decline", () => {
    const series = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({
      year,
      value: 10 * 0.9 ** (year - 2018)
    }));
    const r = projectSeries(series, { target: 0, unit: "%" });
    expect(r.targetYear).toBe(2026);
    expect(r.level).toBe(0.8);
    expect(r.effectiveTarget).toBe(0.5);
    expect(r.projection!.value).toBeCloseTo(10 * 0.9 ** 8, 9);
    expect(r.status).toBe("off_track");
    expect(r.historical!.percentPerYear).toBeCloseTo(10, 9);
    expect(r.historical!.pointsPerYear).toBeCloseTo((10 - 10 * 0.9 ** 7) / 7, 9);
    const latest = 10 * 0.9 ** 7;
    expect(r.latest).toEqual({ year: 2025, value: latest });
    expect(r.required!.pointsPerYear).toBeCloseTo(latest - 0.5, 9);
    expect(r.required!.percentPerYear).toBeCloseTo((1 - 0.5 / latest) * 100, 9);
    expect(r.notes.map((n) => n.code)).toEqual(["floor_applied"]);
    // Path: every year from the last observation to 2026, on the trend.
    expect(r.path.map((p) => p.year)).toEqual([2025, 2026]);
    expect(r.path[0]!.value).toBeCloseTo(latest, 9);
  });

  it("classifies the hand-computed series against different targets", () => {
    const point = Math.exp(HAND_LOG_2026); // ≈ 1.9155
    const upper = Math.exp(HAND_LOG_2026 + HAND_HALF_2026); // ≈ 7.78
    expect(point).toBeGreaterThan(1.9);
    expect(point).toBeLessThan(2);
    expect(projectSeries(HAND, { target: 2 }).status).toBe("at_risk");
    expect(projectSeries(HAND, { target: 1.9 }).status).toBe("off_track");
    expect(projectSeries(HAND, { target: 1.9, tolerance: 0.02 }).status).toBe("at_risk");
    expect(projectSeries(HAND, { target: Math.ceil(upper) }).status).toBe("on_track");
    // A 0 target is read as the floor.
    const floored = projectSeries(HAND, { target: 0, zeroTargetFloor: 2 });
    expect(floored.effectiveTarget).toBe(2);
    expect(floored.status).toBe("at_risk");
    expect(floored.statusReason).toContain("1,92"); // the projection, Indonesian decimals
  });

  it("widens the interval at a higher level", () => {
    const at80 = projectSeries(HAND, { target: 2 }).projection!;
    const at95 = projectSeries(HAND, { target: 2, level: 0.95 }).projection!;
    expect(at95.value).toBeCloseTo(at80.value, 12);
    expect(at95.upper!).toBeGreaterThan(at80.upper!);
    expect(at95.lower!).toBeLessThan(at80.lower!);
  });

  it("reports insufficient data for 0 and 1 points", () => {
    const none = projectSeries([], { target: 0 });
    expect(none.status).toBe("insufficient_data");
    expect(none.fit).toBeNull();
    expect(none.projection).toBeNull();
    expect(none.latest).toBeNull();
    expect(none.required).toBeNull();
    expect(none.path).toEqual([]);

    const one = projectSeries([{ year: 2022, value: 1.01 }], { target: 0 });
    expect(one.status).toBe("insufficient_data");
    expect(one.statusReason).toContain("1 titik");
    expect(one.historical).toBeNull();
    // The required decline needs only the latest value: 1.01 → 0.5 over 4 years.
    expect(one.required!.pointsPerYear).toBeCloseTo(0.51 / 4, 12);
  });

  it("fits two points without an interval and says so", () => {
    const r = projectSeries(
      [
        { year: 2023, value: 2 },
        { year: 2025, value: 1 }
      ],
      { target: 0.6 }
    );
    expect(r.projection!.value).toBeCloseTo(1 / Math.SQRT2, 12); // halves every 2 years
    expect(r.projection!.upper).toBeNull();
    expect(r.status).toBe("off_track");
    expect(r.notes.map((n) => n.code)).toContain("no_interval");
    expect(projectSeries([{ year: 2023, value: 2 }, { year: 2025, value: 1 }], { target: 0.8 }).status).toBe("on_track");
  });

  it("leaves zeros and negatives out of the fit with reasons, keeping a final 0 as the latest value", () => {
    const r = projectSeries(
      [
        { year: 2020, value: 3 },
        { year: 2021, value: -1 },
        { year: 2022, value: 2 },
        { year: 2023, value: null },
        { year: 2024, value: 1.5 },
        { year: 2025, value: 0 }
      ],
      { target: 0 }
    );
    expect(r.used.map((p) => p.year)).toEqual([2020, 2022, 2024]);
    expect(r.excluded.map((e) => [e.year, e.reason])).toEqual([
      [2021, "negative"],
      [2023, "missing"],
      [2025, "zero"]
    ]);
    expect(r.excluded.every((e) => e.message.length > 0)).toBe(true);
    expect(r.latest).toEqual({ year: 2025, value: 0 });
    expect(r.required).toMatchObject({ alreadyMet: true, pointsPerYear: 0 });
    expect(r.notes.map((n) => n.code)).toContain("latest_not_fitted");
  });

  it("gives the same result for unsorted input", () => {
    const sorted = HAND;
    const shuffled = [HAND[2]!, HAND[0]!, HAND[1]!];
    expect(projectSeries(shuffled, { target: 2 })).toEqual(projectSeries(sorted, { target: 2 }));
  });

  it("rejects duplicate years with an Indonesian message naming the year", () => {
    const series = [
      { year: 2024, value: 5.84 },
      { year: 2024, value: 5.7 },
      { year: 2025, value: 5.63 }
    ];
    expect(() => projectSeries(series, { target: 0 })).toThrow(SeriesInputError);
    expect(() => projectSeries(series, { target: 0 })).toThrow(/Tahun ganda dalam seri: 2024/);
  });

  it("rejects invalid options", () => {
    expect(() => projectSeries(HAND, { target: 0, level: 1.2 })).toThrow(SeriesInputError);
    expect(() => projectSeries(HAND, { target: Number.NaN })).toThrow(SeriesInputError);
    expect(() => projectSeries(HAND, { target: 0, lastN: 1 })).toThrow(SeriesInputError);
  });

  it("fits only the window after a method break, and the last N points when asked", () => {
    const series = [
      { year: 2022, value: 1.2 },
      { year: 2023, value: 1.0 },
      { year: 2024, value: 0.9 },
      { year: 2025, value: 1.1 }
    ];
    // The current line's first March is 2024 (line-series.ts): earlier years are another line.
    expect(EXTREME_POVERTY_LINE_BREAK.year).toBe(2024);
    const broken = projectSeries(series, { target: 0, breakYears: [EXTREME_POVERTY_LINE_BREAK.year] });
    expect(broken.windowStart).toBe(2024);
    expect(broken.used.map((p) => p.year)).toEqual([2024, 2025]);
    expect(broken.excluded.filter((e) => e.reason === "before_break").map((e) => e.year)).toEqual([2022, 2023]);

    const lastTwo = projectSeries(series, { target: 0, lastN: 2 });
    expect(lastTwo.used.map((p) => p.year)).toEqual([2024, 2025]);
    expect(lastTwo.excluded.map((e) => e.reason)).toEqual(["beyond_last_n", "beyond_last_n"]);

    const fromYear = projectSeries(series, { target: 0, fromYear: 2023 });
    expect(fromYear.used.map((p) => p.year)).toEqual([2023, 2024, 2025]);
  });

  it("flags a noisy flat series whose trend direction is uncertain, and a rising trend", () => {
    const flat = projectSeries(
      [5.0, 5.3, 4.8, 5.2, 4.9, 5.1].map((value, i) => ({ year: 2019 + i, value })),
      { target: 4 }
    );
    expect(flat.notes.map((n) => n.code)).toContain("trend_uncertain");
    expect(flat.projection!.upper! - flat.projection!.lower!).toBeGreaterThan(0.3);

    const rising = projectSeries(
      [1, 1.1, 1.21].map((value, i) => ({ year: 2022 + i, value })),
      { target: 0 }
    );
    expect(rising.notes.map((n) => n.code)).toContain("rising_trend");
    expect(rising.historical!.percentPerYear).toBeCloseTo(-10, 9); // a 10% rise per year
    expect(rising.status).toBe("off_track");
  });
});

describe("texts and constants", () => {
  it("states the defaults in the method and status texts", () => {
    expect(DEFAULT_TARGET_YEAR).toBe(2026);
    expect(DEFAULT_LEVEL).toBe(0.8);
    expect(effectiveTarget(0)).toBe(ZERO_TARGET_FLOOR.value);
    expect(effectiveTarget(3.2)).toBe(3.2);
    expect(METHOD_TEXT_ID).toContain("80%");
    expect(METHOD_TEXT_ID).toContain("0,5%");
    expect(METHOD_TEXT_ID).toContain("RAPBN 2026");
    expect(STATUS_TEXT_ID).toContain("Sesuai jalur");
    expect(STATUS_TEXT_ID).toContain("Berisiko");
    expect(STATUS_TEXT_ID).toContain("Tidak sesuai jalur");
    expect(STATUS_TEXT_ID).toContain("paling tinggi 0,5%");
    expect(methodText({ level: 0.9 })).toContain("90%");
    expect(methodText({ zeroTargetFloor: 0.25 })).toContain("paling tinggi 0,25%");
    expect(methodText({ zeroTargetFloor: 0.25 })).toContain("dipilih pengguna");
    expect(statusText({ tolerance: 0.1 })).toContain("toleransi 0,10 poin");
  });
});
