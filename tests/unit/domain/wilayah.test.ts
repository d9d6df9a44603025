// The kab/kota list comes from the reference regions and the registry's partitions, never a typed
// list: a throw-away kab/kota added to the regions and given a partition appears everywhere the list
// is used, with its own name, short name and kind.
import { describe, expect, it } from "vitest";
import { referenceKabkota, referenceRegions } from "../../../loaders/reference/wilayah.js";
import {
  kabkotaOf,
  partitionOf,
  partitionTable,
  partitionTables,
  provinceOf,
  registryKabs,
  shortName,
  toWilayah,
  type RegionRow
} from "../../../src/components/domain/wilayah.js";

const THROWAWAY: RegionRow = { kode: "3699", nama: "Kabupaten Contoh Uji", level: "kabkota", jenis: "kabupaten", parent_kode: "36" };

describe("wilayah from the reference regions", () => {
  it("reads the province and the eight kab/kota of data/reference/regions.csv", () => {
    const regions = referenceRegions();
    expect(provinceOf(regions).nama).toBe("Banten");
    const kabkota = referenceKabkota();
    expect(kabkota).toHaveLength(regions.filter((r) => r.level === "kabkota").length);
    expect(kabkota.map((w) => w.kode)).toEqual([...kabkota.map((w) => w.kode)].sort());
    expect(kabkota.every((w) => w.short.length <= w.nama.length)).toBe(true);
  });

  it("names kab/kota the way tables and legends need them", () => {
    expect(shortName("Kabupaten Serang")).toBe("Kab. Serang");
    expect(shortName("Kota Tangerang Selatan")).toBe("Kota Tangerang Selatan");
    expect(toWilayah({ kode: "3673", nama: "Kota Serang", level: "kabkota", jenis: "kota" })).toMatchObject({ short: "Kota Serang", hasDesa: false, villageNoun: "kelurahan" });
    expect(toWilayah({ kode: "3604", nama: "Kabupaten Serang", level: "kabkota", jenis: "kabupaten" })).toMatchObject({ short: "Kab. Serang", hasDesa: true });
    // Without a jenis column the name decides; a name that says neither is an error, not a guess.
    expect(toWilayah({ kode: "3671", nama: "Kota Tangerang", level: "kabkota" }).jenis).toBe("kota");
    expect(() => toWilayah({ kode: "3600", nama: "Tangerang", level: "kabkota" })).toThrow(/without jenis/);
  });

  it("takes a new kab/kota from the reference rows and the registry partitions alone", () => {
    const regions = [...referenceRegions(), THROWAWAY];
    expect(kabkotaOf(regions).map((w) => w.kode)).toContain("3699");
    const published = ["catalog", "regions", ...partitionTables("3673"), ...partitionTables("3699")];
    const registry = registryKabs(regions, published);
    expect(registry.map((w) => w.kode)).toEqual(["3673", "3699"]);
    expect(registry[1]).toMatchObject({ nama: "Kabupaten Contoh Uji", short: "Kab. Contoh Uji", hasDesa: true });
    // A partition of a code the regions do not know is never shown under a made-up name.
    expect(() => registryKabs(referenceRegions(), partitionTables("3699"))).toThrow(/not a kab\/kota/);
  });

  it("reads partition table names without confusing the families", () => {
    expect(partitionOf("registry_cell_programmes_3673")).toEqual({ family: "registry_cell_programmes", kab: "3673" });
    expect(partitionOf("registry_cells_3604")).toEqual({ family: "registry_cells", kab: "3604" });
    expect(partitionOf("registry_cells_36")).toBeNull();
    expect(partitionOf("regions")).toBeNull();
    expect(() => partitionTable("registry_cells", "36; DROP")).toThrow(/not a kab\/kota code/);
  });
});
