import { afterAll, describe, expect, it } from "vitest";
import { isRegionFailure, loadRegions, REGION_ALIASES, RegionIndex, regionKey, type RegionInput } from "../../../../loaders/registry/region-match.js";
import { makeTempDir } from "../../../support/tmp.js";
import { checkPath, fakeKk, fakeNik, regionIndex, writeTemp } from "./support.js";

const input = (parts: Partial<RegionInput>): RegionInput => ({ kelCode: "", kecCode: "", kabKota: "", kecName: "", kelName: "", ...parts });

/** The reference list without the desa/kelurahan of one kab/kota: a region list that does not reach desa level there. */
async function indexWithoutKelurahanOf(kab: string): Promise<RegionIndex> {
  const regions = await loadRegions();
  const kecamatan = new Set(regions.filter((r) => r.level === "kecamatan" && r.parent === kab).map((r) => r.kode));
  return new RegionIndex(regions.filter((r) => !(r.level === "kelurahan" && kecamatan.has(r.parent!))), REGION_ALIASES);
}

describe("region names and codes", () => {
  it("normalises case, punctuation, spaces and Kel./Kec. prefixes", () => {
    expect(regionKey("Kel. Sumur  Pecung")).toBe(regionKey("SUMUR PECUNG"));
    expect(regionKey("Kec.Cipocok-Jaya")).toBe(regionKey("cipocok jaya"));
    expect(regionKey("Desa Curug Manis")).toBe("CURUGMANIS");
    expect(regionKey("Cipocok")).not.toBe(regionKey("Cipocok Jaya"));
  });

  it("matches codes with or without dots", async () => {
    const regions = await regionIndex();
    expect(regions.match(input({ kelCode: "36.73.01.1002" }))).toMatchObject({ kel: "3673011002", kec: "367301", kab: "3673", how: "code" });
    expect(regions.match(input({ kecCode: "360317" }))).toMatchObject({ kel: null, kec: "360317", kab: "3603", how: "code" });
  });

  it("refuses a kelurahan code whose first six digits contradict the kecamatan code", async () => {
    const result = (await regionIndex()).match(input({ kelCode: "3673011002", kecCode: "367302" }));
    expect(isRegionFailure(result) && result.code).toBe("REGION_UNKNOWN");
  });

  it("keeps a kelurahan code unverified where no kelurahan list exists", async () => {
    const partial = await indexWithoutKelurahanOf("3603");
    expect(partial.match(input({ kelCode: "3603172001" }))).toMatchObject({ kel: "3603172001", kec: "360317", kelUnverified: true });
    // The reference list holds every desa/kelurahan of Banten: there the same code is checked, and unknown.
    const full = await regionIndex();
    expect(full.match(input({ kelCode: "3603172003" }))).toMatchObject({ kel: "3603172003", kec: "360317", how: "code" });
    const unknown = full.match(input({ kelCode: "3603172001" }));
    expect(isRegionFailure(unknown) && unknown.code).toBe("REGION_UNKNOWN");
  });

  it("reports a kecamatan name found in two kab/kota as ambiguous unless something tells them apart", async () => {
    const regions = await regionIndex();
    const alone = regions.match(input({ kecName: "Curug" }));
    expect(isRegionFailure(alone) && alone.code).toBe("REGION_AMBIGUOUS");
    expect(regions.match(input({ kecName: "Curug", kabKota: "Kota Serang" }))).toMatchObject({ kec: "367304", how: "exact" });
    expect(regions.match(input({ kecName: "Curug", kabKota: "Kab. Tangerang" }))).toMatchObject({ kec: "360317", how: "normalised" });
    expect(regions.match(input({ kecName: "Curug", kelName: "Tinggar" }))).toMatchObject({ kel: "3673041002", kec: "367304" });
    expect(regions.match(input({ kecName: "Curug" }), "3673")).toMatchObject({ kec: "367304" });
    const bareSerang = regions.match(input({ kecName: "Curug", kabKota: "Serang" }));
    expect(isRegionFailure(bareSerang) && bareSerang.code).toBe("REGION_AMBIGUOUS");
  });

  it("matches loose spellings only through the alias table", async () => {
    const regions = await regionIndex();
    expect(regions.match(input({ kecName: "Cipocok" }))).toMatchObject({ kec: "367305", how: "alias" });
    expect(regions.match(input({ kabKota: "Tangsel", kecName: "Serpong" }))).toMatchObject({ kab: "3674", how: "alias" });
    const similar = regions.match(input({ kecName: "Cipocok Jya" }));
    expect(isRegionFailure(similar) && similar.code).toBe("REGION_UNKNOWN");
  });

  it("finds a kelurahan by name alone within Kota Serang", async () => {
    expect((await regionIndex()).match(input({ kelName: "Kel. Panggungjati" }), "3673")).toMatchObject({ kel: "3673061007", kec: "367306", how: "normalised" });
  });
});

describe("region matching in a file", () => {
  const temp = makeTempDir("registry-region");
  afterAll(() => temp.remove());

  it("notes each loosely matched name once per file and each unverifiable kelurahan", async () => {
    const text = [
      "NIK;NO_KK;KAB_KOTA;KECAMATAN;KELURAHAN;DESIL",
      `${fakeNik({ serial: 9991 })};${fakeKk({ serial: 9991 })};Kota Serang;Cipocok;Dalung;1`,
      `${fakeNik({ serial: 9992 })};${fakeKk({ serial: 9992 })};Kota Serang;Cipocok;Dalung;1`,
      `${fakeNik({ serial: 9993, kec: "360317" })};${fakeKk({ serial: 9993, kec: "360317" })};Kab. Tangerang;Curug;Kadu;2`
    ].join("\n");
    // Kab. Tangerang without its desa list, so "Kadu" (Kec. Curug) cannot be verified there.
    const report = await checkPath(writeTemp(temp, "wilayah.csv", text), { regions: await indexWithoutKelurahanOf("3603") });
    expect(report).toMatchObject({ rows: 3, accepted: 3 });
    const notes = report.issues.filter((i) => i.code === "REGION_NAME_MATCHED" || i.code === "REGION_KELURAHAN_UNVERIFIED");
    expect(notes.map((n) => [n.code, n.column])).toEqual(
      expect.arrayContaining([
        ["REGION_NAME_MATCHED", "KECAMATAN"],
        ["REGION_NAME_MATCHED", "KAB_KOTA"],
        ["REGION_KELURAHAN_UNVERIFIED", null]
      ])
    );
    // The published message names the official region; the written spelling is only in the private detail.
    const cipocok = notes.find((n) => n.detail?.includes('"Cipocok"'));
    expect(cipocok?.message).toMatch(/Cipocok Jaya melalui tabel alias \(2 baris\)/);
    expect(cipocok?.message).not.toContain('"Cipocok"');
    expect(report.regions?.kelUnverified).toBe(1);
  });
});
