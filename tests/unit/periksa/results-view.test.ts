// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import type { ListReading } from "../../../src/components/periksa/read-list.js";
import { SHOWN_ROWS, checkResults } from "../../../src/components/periksa/results-view.js";
import { overlap, run } from "./fixtures.js";

const reading = (fileName: string, rows: number): ListReading => ({ fileName, format: "csv", sheet: null, headerLine: 1, columns: [], rows, accepted: rows - 1, rejected: 1, issues: [], people: [] });

describe("the /periksa results", () => {
  it("count the pairs, and show each pair compactly with fractions to three places and blanks for no value", () => {
    const host = document.createElement("div");
    host.append(...checkResults(run([overlap(0), overlap(1, { how: "Nama dan alamat mirip", name_sim: 0.95, addr_sim: 1, nik_b: "", allowed: true })]), [reading("a.csv", 1200), reading("b.csv", 8)]));
    expect(host.querySelector("[data-testid=kpi-overlaps]")?.getAttribute("data-value")).toBe("2");
    expect(host.querySelector("[data-testid=kpi-disallowed]")?.getAttribute("data-value")).toBe("1");
    expect(host.querySelector("[data-testid=kpi-unserved]")).toBeNull();
    const rows = [...host.querySelectorAll("[data-testid=table-overlaps] tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent).join(" | "));
    expect(rows).toEqual([
      "sembako_kota (kota)\na.csv · baris 2 | NAMA 0 | 3673020203759902 | pkh (pusat)\nb.csv · baris 3 | NAMA 0 | 3673020203759902 | NIK sama |  |  | duplikasi | Tidak",
      "sembako_kota (kota)\na.csv · baris 3 | NAMA 1 | 3673020203759902 | pkh (pusat)\nb.csv · baris 4 | NAMA 1 |  | Nama dan alamat mirip | 0,950 | 1 | duplikasi | Ya"
    ]);
    expect([...host.querySelectorAll("[data-testid=table-counts] tbody tr")].map((tr) => tr.textContent)).toEqual(["a.csv1.2001.1991", "b.csv871"]);
    expect(host.querySelector(".ts-source")?.textContent).toBe("Sumber: berkas yang Anda buka (a.csv, b.csv), diperiksa 3 Des 2026; ambang kemiripan nama dan alamat 0,90.");
  });

  it("show the first rows of a long table and say the files hold them all", () => {
    const host = document.createElement("div");
    host.append(...checkResults(run(Array.from({ length: SHOWN_ROWS + 5 }, (_, i) => overlap(i))), []));
    const table = host.querySelector("[data-testid=table-overlaps]")!;
    expect(table.getAttribute("data-rows")).toBe(String(SHOWN_ROWS + 5));
    expect(table.querySelectorAll("tbody tr")).toHaveLength(SHOWN_ROWS);
    expect(table.querySelector("p.ts-muted")?.textContent).toBe("Ditampilkan 200 dari 205 baris; semua baris ada di berkas ekspor.");
  });

});
