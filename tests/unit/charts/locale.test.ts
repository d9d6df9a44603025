import * as vega from "vega";
import { describe, expect, it } from "vitest";
import { LOCALE_ID, NUMBER_LOCALE_ID, TIME_LOCALE_ID } from "../../../src/components/charts/locale.js";

// vega re-exports vega-format's `locale(number, time)`, which builds formatters without touching
// the global default locale; its typings do not declare it.
const { locale } = vega as unknown as {
  locale(number: object, time: object): {
    format(spec: string): (value: number) => string;
    utcFormat(spec: string): (date: Date) => string;
  };
};
const id = locale(NUMBER_LOCALE_ID, TIME_LOCALE_ID);

describe("Indonesian Vega locale", () => {
  it("writes numbers with a decimal comma, thousands dots and rupiah", () => {
    expect(id.format(",.2f")(1234567.891)).toBe("1.234.567,89");
    expect(id.format(",d")(206578)).toBe("206.578");
    expect(id.format("$,.0f")(2200000000)).toBe("Rp2.200.000.000");
    expect(id.format(",.2f")(-0.14)).toBe("−0,14");
    expect(id.format("d")(2026)).toBe("2026");
  });

  it("writes Indonesian month and day names", () => {
    const independenceDay = new Date(Date.UTC(2025, 7, 17)); // a Sunday
    expect(id.utcFormat("%A, %e %B %Y")(independenceDay)).toBe("Minggu, 17 Agustus 2025");
    expect(id.utcFormat("%d %b %Y")(new Date(Date.UTC(2025, 9, 1)))).toBe("01 Okt 2025");
    expect(id.utcFormat("%x")(independenceDay)).toBe("17/08/2025");
    expect(TIME_LOCALE_ID.months).toHaveLength(12);
    expect(TIME_LOCALE_ID.days).toHaveLength(7);
  });

  it("is the same object the specs carry in config.locale", () => {
    expect(LOCALE_ID).toEqual({ number: NUMBER_LOCALE_ID, time: TIME_LOCALE_ID });
  });
});
