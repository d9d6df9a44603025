// /periksa pure pieces: Indonesian name/address normalisation, blocking keys, overlap-rule
// verdicts and the label guessed from a file name. Expected values written by hand.
import { describe, expect, it } from "vitest";
import { addressNumbers, blockKeys, normaliseAddress, normaliseName } from "../../../src/components/periksa/normalise.js";
import { ruleFor } from "../../../src/components/periksa/results.js";
import { guessProgramme } from "../../../src/components/periksa/labels.js";
import type { OverlapRuleRow } from "../../../src/components/periksa/queries.js";

describe("normaliseName", () => {
  it.each([
    ["H. Moch. Sholeh, S.Pd.", "MUHAMMAD SHOLEH"],
    ["MUHAMAD SHOLEH", "MUHAMMAD SHOLEH"],
    ["Mohammad Rizki", "MUHAMMAD RIZKI"],
    ["Muh. Rizki", "MUHAMMAD RIZKI"],
    ["Hj. Siti Aminah", "SITI AMINAH"],
    ["Dra. Euis, S.Pd.I", "EUIS"],
    ["ASEP, S.E.", "ASEP"],
    ["A. MULYADI", "A MULYADI"],
    ["  siti   aminah  ", "SITI AMINAH"]
  ])("%s → %s", (written, expected) => expect(normaliseName(written)).toBe(expected));
});

describe("normaliseAddress", () => {
  it.each([
    ["Jl. Mawar No. 5 RT.003/RW.005", "JL MAWAR NO 5 RT 3 RW 5"],
    ["JALAN MAWAR NOMOR 5 RT 3 RW 5", "JL MAWAR NO 5 RT 3 RW 5"],
    ["Jln Mawar 5 003/005", "JL MAWAR 5 RT 3 RW 5"],
    ["Kp. Sukajaya RT 01 RW 02 Ds. Kasemen", "KP SUKAJAYA RT 1 RW 2 KASEMEN"],
    ["Kampung Sukajaya RT.001/RW.002", "KP SUKAJAYA RT 1 RW 2"],
    ["Gg. Haji Ali rt:1 rw:2", "GG HAJI ALI RT 1 RW 2"]
  ])("%s → %s", (written, expected) => expect(normaliseAddress(written)).toBe(expected));
});

describe("addressNumbers", () => {
  it("keeps house number, RT and RW in order", () => {
    expect(addressNumbers(normaliseAddress("Jl. Mawar No. 12 RT.003/RW.005"))).toBe("12 3 5");
    expect(addressNumbers(normaliseAddress("JALAN MAWAR NOMOR 12 RT 3 RW 5"))).toBe("12 3 5");
    expect(addressNumbers("KP SUKAJAYA")).toBe("");
  });
});

describe("blockKeys", () => {
  it("area, first letter, and the initial of the second or of the last word; without an area the start of the address", () => {
    expect(blockKeys("3673021001", "MUHAMMAD RIDWAN SINTETIS", "JL MAWAR")).toEqual(["3673021001|M|2R", "3673021001|M|LS"]);
    expect(blockKeys("3673021001", "MUHAMMAD RIDWAN", "JL MAWAR")).toEqual(["3673021001|M|2R", "3673021001|M|LR"]);
    expect(blockKeys("", "SUPRIATNA", "KP SUKAJAYA")).toEqual(["~KP |S|2", "~KP |S|LS"]);
    expect(blockKeys("", "", "")).toEqual(["~|", "~|"].map((p, i) => (i === 0 ? `${p}|2` : `${p}|L`)));
  });
});

describe("ruleFor", () => {
  const rules: OverlapRuleRow[] = [
    { programme_a: "sembako_kota", programme_b: "sembako_provinsi", rule: "duplicate", reason: "dua paket" },
    { programme_a: "bpnt", programme_b: "pkh", rule: "allowed", reason: "saling melengkapi" }
  ];
  it("reads the rule whatever the order, treats unlisted pairs as allowed and the same programme as a duplicate", () => {
    expect(ruleFor("sembako_provinsi", "sembako_kota", rules)).toEqual({ verdict: "duplikasi", allowed: false, reason: "dua paket" });
    expect(ruleFor("pkh", "bpnt", rules)).toEqual({ verdict: "diperbolehkan", allowed: true, reason: "saling melengkapi" });
    expect(ruleFor("pkh", "kube", rules)).toMatchObject({ verdict: "tidak diatur", allowed: true });
    expect(ruleFor("pkh", "pkh", rules)).toMatchObject({ verdict: "program sama", allowed: false });
  });
});

describe("guessProgramme", () => {
  const programmes = ["sembako_kota", "sembako_provinsi", "pkh", "bpnt", "pbi_apbd", "pbi_apbn"].map((code) => ({ code, name: code, funder: "kota" }));
  it.each([
    ["sasaran-p3ke.csv", "__sasaran__"],
    ["DTKS Kasemen.xlsx", "__sasaran__"],
    ["sembako-kota.csv", "sembako_kota"],
    ["Sembako_Provinsi 2025.xlsx", "sembako_provinsi"],
    ["pkh-pusat.csv", "pkh"],
    ["penerima PBI APBD.xlsx", "pbi_apbd"],
    ["daftar.csv", ""]
  ])("%s → %s", (file, code) => expect(guessProgramme(file, programmes)).toBe(code));
});
