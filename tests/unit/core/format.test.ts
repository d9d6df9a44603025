import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatNumber, formatPercent, formatPeriod, formatPlainNumber, formatPoints, formatRupiah } from "../../../src/components/core/format.js";

describe("Indonesian formats", () => {
  it("groups thousands with dots and uses a decimal comma", () => {
    expect(formatNumber(1300)).toBe("1.300");
    expect(formatNumber(5611)).toBe("5.611");
    expect(formatNumber(206578)).toBe("206.578");
    expect(formatNumber(12881374)).toBe("12.881.374");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(5.65, 2)).toBe("5,65");
    expect(formatNumber(1234.5, 1)).toBe("1.234,5");
    expect(formatNumber(-1500)).toBe("−1.500");
    expect(formatNumber(-0.001, 2)).toBe("0,00");
  });

  it("shows a dash for missing values", () => {
    expect(formatNumber(null)).toBe("–");
    expect(formatNumber(undefined)).toBe("–");
    expect(formatNumber(Number.NaN)).toBe("–");
    expect(formatPercent(null)).toBe("–");
    expect(formatRupiah(undefined)).toBe("–");
    expect(formatDate(null)).toBe("–");
    expect(formatDate("bukan tanggal")).toBe("–");
  });

  it("formats counts with units", () => {
    expect(formatCount(1300, "paket")).toBe("1.300 paket");
    expect(formatCount(18000, "jiwa")).toBe("18.000 jiwa");
  });

  it("formats rupiah with Indonesian scale words", () => {
    expect(formatRupiah(2.2e9)).toBe("Rp2,2 miliar");
    expect(formatRupiah(4.2e9)).toBe("Rp4,2 miliar");
    expect(formatRupiah(2e9)).toBe("Rp2 miliar");
    expect(formatRupiah(200000)).toBe("Rp200.000");
    expect(formatRupiah(351957.4)).toBe("Rp351.957");
    expect(formatRupiah(15_000_000)).toBe("Rp15 juta");
    expect(formatRupiah(1.25e12, 2)).toBe("Rp1,25 triliun");
    expect(formatRupiah(-3_500_000)).toBe("−Rp3,5 juta");
  });

  it("formats percentages and percentage points", () => {
    expect(formatPercent(5.65)).toBe("5,65%");
    expect(formatPercent(0.85)).toBe("0,85%");
    expect(formatPercent(6.2, 1)).toBe("6,2%");
    expect(formatPoints(-0.14)).toBe("−0,14 poin");
    expect(formatPoints(0.3)).toBe("+0,30 poin");
  });

  it("formats dates as day, Indonesian short month, year", () => {
    expect(formatDate("2025-09-23")).toBe("23 Sep 2025");
    expect(formatDate("2025-08-01")).toBe("1 Agu 2025");
    expect(formatDate("2023-12-18")).toBe("18 Des 2023");
    expect(formatDate("2024-05-31")).toBe("31 Mei 2024");
    expect(formatDate(new Date(Date.UTC(2026, 9, 5)))).toBe("5 Okt 2026");
  });

  it("names survey rounds", () => {
    expect(formatPeriod(2025, 3)).toBe("Maret 2025");
    expect(formatPeriod(2024, 9)).toBe("September 2024");
    expect(formatPeriod(2022)).toBe("2022");
  });
});

describe("plain numbers for files", () => {
  it("writes every digit without grouping or exponent, with the chosen decimal mark", () => {
    expect(formatPlainNumber(1300)).toBe("1300");
    expect(formatPlainNumber(1.5, ",")).toBe("1,5");
    expect(formatPlainNumber(-0.25, ",")).toBe("-0,25");
    expect(formatPlainNumber(1e-7)).toBe("0.0000001");
    expect(formatPlainNumber(-1.25e-8, ",")).toBe("-0,0000000125");
    expect(formatPlainNumber(1.5e21)).toBe("1500000000000000000000");
    expect(formatPlainNumber(Number.NaN)).toBe("");
  });
  it("reads back as the same number, for many magnitudes", () => {
    for (let e = -12; e <= 22; e++) {
      for (const m of [1, 1.5, 3.14159, 9.999999]) {
        const v = m * 10 ** e;
        expect(Number(formatPlainNumber(v)), String(v)).toBe(v);
      }
    }
  });
});
