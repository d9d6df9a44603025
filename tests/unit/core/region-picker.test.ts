import { describe, expect, it } from "vitest";
import { regionFromSearch, searchWithRegion, unknownRegionCode, unknownRegionMessage } from "../../../src/components/core/region-picker.js";

const regions = [{ kode: "36", nama: "Banten" }, { kode: "3673", nama: "Kota Serang" }];

describe("region in the URL", () => {
  it("reads a known region from the query string", () => {
    expect(regionFromSearch("?wilayah=3673", regions, "36")).toBe("3673");
  });
  it("falls back on a missing or unknown region instead of showing an empty page", () => {
    expect(regionFromSearch("", regions, "36")).toBe("36");
    expect(regionFromSearch("?wilayah=9999", regions, "36")).toBe("36");
    expect(regionFromSearch("?wilayah=%27%3B+DROP", regions, "36")).toBe("36");
  });
  it("sets the region and keeps other parameters", () => {
    expect(searchWithRegion("?tahun=2025&wilayah=36", "3673")).toBe("?tahun=2025&wilayah=3673");
    expect(searchWithRegion("", "3604")).toBe("?wilayah=3604");
  });
});

describe("unknown region in the URL", () => {
  it("names the unknown code, and only an unknown one", () => {
    expect(unknownRegionCode("?wilayah=9999", regions)).toBe("9999");
    expect(unknownRegionCode("?wilayah=", regions)).toBe("");
    expect(unknownRegionCode("?wilayah=3673", regions)).toBeNull();
    expect(unknownRegionCode("?tahun=2025", regions)).toBeNull();
  });
  it("tells in Indonesian what is shown instead, with a long code shortened", () => {
    expect(unknownRegionMessage("9999", regions[0])).toBe(
      'Kode wilayah "9999" pada alamat halaman tidak dikenal; yang ditampilkan Banten. Pilih wilayah lain di bawah.'
    );
    const message = unknownRegionMessage("x".repeat(100), regions[0]);
    expect(message).toContain(`"${"x".repeat(24)}…"`);
    expect(message).not.toContain("x".repeat(25));
  });
});
