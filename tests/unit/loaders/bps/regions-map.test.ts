// vervar → Kemendagri code by an explicit table: known codes and labels map, anything else is reported.
import { describe, expect, it } from "vitest";
import { resolveVervar } from "../../../../loaders/bps/regions-map.js";

const dim = (val: string | number, label: string) => ({ val: String(val), label });

describe("resolveVervar", () => {
  it("maps the eight Banten kab/kota by code", () => {
    const codes = ["3601", "3602", "3603", "3604", "3671", "3672", "3673", "3674"];
    for (const code of codes) expect(resolveVervar(dim(code, ""), "3600")).toEqual({ status: "mapped", kode: code });
  });

  it("maps the province row as 3600, as 9999 in domain 3600, or by the label Banten", () => {
    expect(resolveVervar(dim(3600, "Banten"), "3600")).toEqual({ status: "mapped", kode: "36" });
    expect(resolveVervar(dim(9999, "Provinsi Banten"), "3600")).toEqual({ status: "mapped", kode: "36" });
    expect(resolveVervar(dim(1, "Banten"), "3600")).toEqual({ status: "mapped", kode: "36" });
  });

  it("reads 9999 in the national domain as Indonesia only when labelled so", () => {
    expect(resolveVervar(dim(9999, "Indonesia"), "0000")).toEqual({ status: "mapped", kode: "00" });
    expect(resolveVervar(dim(9999, "Banten"), "0000").status).toBe("unknown");
  });

  it("tells the cities from the kabupaten with the same name", () => {
    expect(resolveVervar(dim(3, "Tangerang"), "3600")).toEqual({ status: "mapped", kode: "3603" });
    expect(resolveVervar(dim(5, "Kota Tangerang"), "3600")).toEqual({ status: "mapped", kode: "3671" });
    expect(resolveVervar(dim(4, "Kab. Serang"), "3600")).toEqual({ status: "mapped", kode: "3604" });
    expect(resolveVervar(dim(7, "Kota Serang"), "3600")).toEqual({ status: "mapped", kode: "3673" });
    expect(resolveVervar(dim(8, "Tangerang Selatan"), "3600")).toEqual({ status: "mapped", kode: "3674" });
  });

  it("reports a code whose label names another region instead of choosing one", () => {
    const result = resolveVervar(dim(3601, "Lebak"), "3600");
    expect(result.status).toBe("unknown");
    if (result.status === "unknown") expect(result.reason).toMatch(/3602/);
  });

  it("reports unknown labels and codes, and drops other provinces' rows in national tables", () => {
    expect(resolveVervar(dim(3675, "Kota Baru"), "3600").status).toBe("unknown");
    expect(resolveVervar(dim(12, "Serang Raya"), "3600").status).toBe("unknown");
    expect(resolveVervar(dim(3201, "Bogor"), "0000")).toEqual({ status: "outside" });
    expect(resolveVervar(dim(3201, "Bogor"), "3600").status).toBe("unknown");
  });
});
