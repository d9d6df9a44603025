import { describe, expect, it } from "vitest";
import { filterFromSearch, searchWithFilter } from "../../../src/components/cakupan/filters.js";
import { wilayahOf } from "../../support/wilayah.js";

const choices = {
  kabs: [wilayahOf("3604"), wilayahOf("3673")],
  kecamatan: [
    { kode: "367302", nama: "Kasemen", kab: "3673" },
    { kode: "360405", nama: "Kramatwatu", kab: "3604" }
  ],
  programmes: [{ code: "sembako_kota", name: "Sembako kota", funder: "kota", strategy: "kurangi_beban" }]
};

describe("filter in the URL", () => {
  it("reads every known parameter", () => {
    expect(filterFromSearch("?wilayah=3673&kec=367302&program=sembako_kota&dana=kota&strategi=kurangi_beban", choices)).toEqual({
      kab: "3673",
      kec: "367302",
      programme: "sembako_kota",
      funder: "kota",
      strategy: "kurangi_beban"
    });
  });

  it("falls back to 'all' for unknown values, to the first kab/kota with cells, and drops a kecamatan of another kab/kota", () => {
    expect(filterFromSearch("?wilayah=9999&kec=367302&program=x&dana=bank&strategi=lain", choices)).toEqual({
      kab: "3604",
      kec: null,
      programme: null,
      funder: null,
      strategy: null
    });
    expect(filterFromSearch("?wilayah=3604&kec=360405", choices)).toMatchObject({ kab: "3604", kec: "360405" });
  });

  it("writes the filter back, removing empty values and keeping other parameters", () => {
    const search = searchWithFilter("?rapat=1&kec=367302", { kab: "3604", kec: null, programme: null, funder: "provinsi", strategy: null });
    expect(search).toBe("?rapat=1&wilayah=3604&dana=provinsi");
    expect(filterFromSearch(search, choices)).toEqual({ kab: "3604", kec: null, programme: null, funder: "provinsi", strategy: null });
  });
});
