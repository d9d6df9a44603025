import { describe, expect, it } from "vitest";
import { TARGET } from "../../../src/components/periksa/labels.js";
import { NO_FUNDER, funderFor, listInputs, notReady, openedList, type OpenedList } from "../../../src/components/periksa/lists.js";
import type { ListReading } from "../../../src/components/periksa/read-list.js";

const PROGRAMMES = [
  { code: "sembako_kota", name: "Sembako Kota", funder: "kota" },
  { code: "pkh", name: "PKH", funder: "pusat" }
];

const reading = (fileName: string): ListReading => ({ fileName, format: "csv", sheet: null, headerLine: 1, columns: [], rows: 3, accepted: 2, rejected: 1, issues: [], people: [] });

function ready(name: string, programme: string, funder = NO_FUNDER): OpenedList {
  return { ...openedList(0, { name }, PROGRAMMES), programme, funder, status: "ready", reading: reading(name) };
}

describe("the lists opened on /periksa", () => {
  it("are labelled from the file name, the funder following the programme", () => {
    expect(openedList(1, { name: "sembako-kota-2026.csv" }, PROGRAMMES)).toMatchObject({ programme: "sembako_kota", funder: "kota", status: "reading" });
    expect(openedList(2, { name: "sasaran-p3ke.csv" }, PROGRAMMES)).toMatchObject({ programme: TARGET, funder: NO_FUNDER });
    expect(openedList(3, { name: "daftar.xlsx" }, PROGRAMMES)).toMatchObject({ programme: "", funder: NO_FUNDER });
    expect(funderFor("pkh", PROGRAMMES, "kota")).toBe("pusat");
    expect(funderFor("program_baru", PROGRAMMES, "kota")).toBe("kota"); // not in the catalogue: the user's choice stays
  });

  it("say what is missing before a check, in one sentence", () => {
    expect(notReady([{ ...ready("a.csv", "pkh"), status: "reading" }, ready("b.csv", "pkh")])).toBe("Berkas sedang dibaca…");
    expect(notReady([ready("a.csv", "pkh"), { ...ready("b.csv", "pkh"), status: "failed" }])).toBe("Buka paling sedikit dua berkas yang dapat dibaca.");
    expect(notReady([ready("a.csv", ""), ready("b.csv", "pkh"), ready("c.csv", "")])).toBe("Pilih program untuk a.csv, c.csv.");
    expect(notReady([ready("a.csv", TARGET), ready("b.csv", TARGET)])).toBe("Paling sedikit satu berkas harus daftar penerima program.");
    expect(notReady([ready("a.csv", TARGET), ready("b.csv", "pkh")])).toBeNull();
  });

  it("give a check every list that was read, the target list without programme or funder", () => {
    const inputs = listInputs([ready("sasaran.csv", TARGET, "kota"), ready("pkh.csv", "pkh", "pusat"), { ...ready("x.csv", "pkh"), status: "failed" }], PROGRAMMES);
    expect(inputs.map(({ fileName, programme, programmeName, funder }) => ({ fileName, programme, programmeName, funder }))).toEqual([
      { fileName: "sasaran.csv", programme: null, programmeName: "Daftar sasaran (bukan program)", funder: NO_FUNDER },
      { fileName: "pkh.csv", programme: "pkh", programmeName: "PKH", funder: "pusat" }
    ]);
  });
});
