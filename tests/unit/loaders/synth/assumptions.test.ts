// Every assumption of the synthetic registry is stated, justified, documented and plausible.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../../loaders/lib/paths.js";
import { ASSUMPTION_BASIS, ASSUMPTIONS, STRUCTURAL_ASSUMPTIONS } from "../../../../loaders/synth/assumptions.js";

const FLAG_RATES = ["disability", "elderly", "outOfSchoolChild", "unfitHouse", "noHealthInsurance", "femaleHead", "pkhCoverage", "bpntCoverage"] as const;

describe("assumptions", () => {
  it("every numeric assumption has a stated reason", () => {
    for (const key of Object.keys(ASSUMPTIONS)) {
      expect(ASSUMPTION_BASIS[key as keyof typeof ASSUMPTIONS]?.trim().length, key).toBeGreaterThan(10);
    }
  });

  it("every structural assumption says whether it is an assumption or a derivation", () => {
    for (const [key, text] of Object.entries(STRUCTURAL_ASSUMPTIONS)) expect(text, key).toMatch(/asumsi|turunan/i);
    expect(STRUCTURAL_ASSUMPTIONS.kecamatanByDesaCount).toMatch(/^Asumsi/);
  });

  it("the README lists every assumption by name", async () => {
    const readme = await readFile(path.join(ROOT, "loaders/synth/README.md"), "utf8");
    for (const key of [...Object.keys(ASSUMPTIONS), ...Object.keys(STRUCTURAL_ASSUMPTIONS)]) expect(readme, key).toContain(`\`${key}\``);
  });

  it("rates by desil are probabilities for desil 1..10 and do not rise with welfare", () => {
    for (const key of FLAG_RATES) {
      const rates = ASSUMPTIONS[key];
      expect(rates, key).toHaveLength(10);
      for (let i = 0; i < 10; i++) {
        expect(rates[i]!, key).toBeGreaterThanOrEqual(0);
        expect(rates[i]!, key).toBeLessThanOrEqual(1);
        if (i > 0) expect(rates[i]!, `${key} desil ${i + 1}`).toBeLessThanOrEqual(rates[i - 1]!);
      }
    }
    const apbn = ASSUMPTIONS.pbiApbnCoverage;
    expect(apbn.slice(5).every((x) => x === null)).toBe(true); // desil 6–10 are calibrated, not assumed
  });

  it("leakage shares are small and leakage desil lie above each programme's main pool", () => {
    const { sembakoKota, pbiApbd, rtlhCsr } = ASSUMPTIONS;
    for (const share of [sembakoKota.leakage, pbiApbd.extraLeakage, pbiApbd.baseDuplicateShare, rtlhCsr.leakage]) {
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThan(0.25);
    }
    expect(sembakoKota.leakDesil[0]).toBeGreaterThan(sembakoKota.mainDesilMax);
    expect(pbiApbd.extraLeakDesil[0]).toBeGreaterThan(pbiApbd.extraDesilMax);
    expect(rtlhCsr.leakDesil[0]).toBeGreaterThan(rtlhCsr.desilMax);
  });

  it("periods are 'YYYY' or 'YYYY-MM' within the receipt year", () => {
    for (const p of [ASSUMPTIONS.sembakoPeriod, ASSUMPTIONS.pbiBasePeriod, ASSUMPTIONS.pbiExtraPeriod]) {
      expect(p).toMatch(/^\d{4}(-(0[1-9]|1[0-2]))?$/);
      expect(p.slice(0, 4)).toBe(String(ASSUMPTIONS.receiptYear));
    }
  });
});
