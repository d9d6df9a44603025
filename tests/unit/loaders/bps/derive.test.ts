// The tidy snapshot: reproducible from the published files, units exact, kinds and units explicit.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsvObjects } from "../../../../loaders/lib/csv.js";
import { deriveExtremeRecords, EXTREME_ADDITIONS, kindFromNote, surveyLineBasis, surveySeries } from "../../../../loaders/bps/derive.js";
import { renderSnapshot } from "../../../../loaders/bps/derive-snapshot.js";
import { BPS_SNAPSHOT_DIR, PUBLISHED_DIR } from "../../../../loaders/bps/paths.js";
import { readExtremeSnapshot, readPovertySnapshot, readTargets, SnapshotError } from "../../../../loaders/bps/snapshot.js";
import { personsPerUnit, scaleDecimal } from "../../../../loaders/bps/units.js";
import { makeTempDir } from "../../../support/tmp.js";

const published = (name: string) => parseCsvObjects(readFileSync(path.join(PUBLISHED_DIR, name), "utf8")).map((r) => r.row);
const tmp = makeTempDir("bps-derive");
afterAll(() => tmp.remove());

describe("scaleDecimal and personsPerUnit", () => {
  it("shifts decimal digits exactly and rounds half away from zero", () => {
    expect(scaleDecimal("690.668", 3)).toBe(690668); // 690.668 * 1000 is 690667.9999… in binary floating point
    expect(scaleDecimal("28.59", 6)).toBe(28590000);
    expect(scaleDecimal("191.1", 3)).toBe(191100);
    expect(scaleDecimal("17.0", 3)).toBe(17000);
    expect(scaleDecimal("1.23456", 3)).toBe(1235);
    expect(scaleDecimal("-0.0004", 3)).toBe(0);
    expect(() => scaleDecimal("1,5", 3)).toThrow();
  });

  it("reads count units and refuses to guess", () => {
    expect(personsPerUnit("Ribu Jiwa")).toBe(1000);
    expect(personsPerUnit("Juta Orang")).toBe(1_000_000);
    expect(personsPerUnit("Jiwa")).toBe(1);
    expect(personsPerUnit("Jumlah Penduduk Miskin Menurut Kabupaten/Kota")).toBeUndefined();
  });
});

describe("committed snapshot", () => {
  it("equals what derive-snapshot.ts writes from the published files", () => {
    for (const [name, text] of Object.entries(renderSnapshot())) {
      expect(readFileSync(path.join(BPS_SNAPSHOT_DIR, name), "utf8"), name).toBe(text);
    }
  });

  it("bps_poverty holds every published poverty row, with counts in persons", async () => {
    const kabkota = published("bps_poverty_kabkota.csv");
    const national = published("national_poverty.csv");
    const rows = await readPovertySnapshot();
    expect(rows).toHaveLength(kabkota.length + national.length);
    const find = (kode: string, year: number, month: number) => rows.find((r) => r.region_kode === kode && r.year === year && r.month === month);
    expect(find("36", 2015, 9)?.poor_count).toBe(690668); // published 690.668 ribu
    expect(find("00", 2025, 3)?.poor_count).toBe(23850000); // published 23.85 juta
    expect(find("3601", 2017, 3)?.poor_count).toBeNull(); // published empty stays empty
    for (const source of [...kabkota, ...national]) {
      const row = find(source.region_kode!, Number(source.year), Number(source.month));
      expect(row?.source).toBe(source.source);
      expect(row?.p0_pct ?? "").toBe(source.p0_pct === "" ? "" : Number(source.p0_pct));
    }
  });

  it("bps_extreme_poverty keeps survey and registry figures apart, each count with a unit", async () => {
    const rows = await readExtremeSnapshot();
    const source = [...published("extreme_poverty.csv"), ...EXTREME_ADDITIONS];
    expect(rows).toHaveLength(source.length);
    const byKind = (kind: string) => rows.filter((r) => r.kind === kind).length;
    const byTag = (tag: string) => source.filter((r) => r.note!.startsWith(tag)).length;
    expect([byKind("survey"), byKind("registry"), byKind("unclear"), byKind("line_only")]).toEqual([
      byTag("[SURVEY]"), byTag("[REGISTRY]"), byTag("[UNCLEAR]"), byTag("[LINE-ONLY]")
    ]);
    for (const row of rows) {
      expect(row.count_unit === null, `${row.region_kode} ${row.year}`).toBe(row.extreme_count === null);
      if (row.line_rp !== null) expect(row.line_basis).not.toBeNull();
    }
    // Every survey rate names its line; the two lines of March 2024 are two rows, never one.
    for (const row of rows) expect(row.series === null, `${row.region_kode} ${row.year}`).toBe(row.kind !== "survey");
    const march2024 = rows.filter((r) => r.region_kode === "00" && r.year === 2024 && r.month === 3 && r.kind === "survey");
    expect(march2024.map((r) => [r.series, r.extreme_pct])).toEqual([
      ["usd190_ppp2011", 0.83],
      ["usd215_ppp2017", 1.26]
    ]);
    expect(rows.find((r) => r.region_kode === "00" && r.year === 2024 && r.month === 9)).toMatchObject({ series: "usd215_ppp2017", extreme_pct: 0.99, extreme_count: 2780000 });
    // Context-only rates are kept and marked, with the reason in the note.
    for (const context of rows.filter((r) => r.for_validation === false)) expect(context.note).toMatch(/\[TELAAH\].*konteks/);
    expect(rows.filter((r) => r.for_validation === false).map((r) => `${r.region_kode}|${r.year}`)).toEqual(["00|2018", "3603|2020"]);
    const kotaSerang = rows.filter((r) => r.region_kode === "3673");
    expect(kotaSerang.find((r) => r.kind === "survey")).toMatchObject({ year: 2022, extreme_pct: 1.01, count_unit: null });
    expect(kotaSerang.find((r) => r.year === 2023 && r.month === 9)).toMatchObject({ kind: "registry", extreme_count: 8799, count_unit: "KK" });
  });

  it("targets: RPJMN 0% in 2026 is current, Inpres 4/2022 0% in 2024 is history", async () => {
    const targets = await readTargets();
    expect(targets.map((t) => [t.region_kode, t.indicator, t.year, t.value, t.is_current])).toEqual([
      ["00", "extreme_poverty_pct", 2024, 0, false],
      ["00", "extreme_poverty_pct", 2026, 0, true]
    ]);
    expect(targets[0]?.basis).toMatch(/Inpres No\. 4 Tahun 2022/);
    expect(targets[1]?.basis).toMatch(/RPJMN 2025–2029/);
    for (const t of targets) expect(t.source).toMatch(/https:\/\//);
  });
});

describe("deriving extreme-poverty rows", () => {
  const header = "region_kode,region_nama,year,month,extreme_pct,extreme_count,line_rp,source,note\n";

  it("takes the kind from the note's tag and refuses mixed or missing tags", () => {
    expect(kindFromNote("[REGISTRY] KELUARGA, rounded")).toBe("registry");
    expect(kindFromNote("[SURVEY] a | also: [SURVEY] b")).toBe("survey");
    expect(() => kindFromNote("[SURVEY] a | also: [REGISTRY] b")).toThrow(/mixes tags/);
    expect(() => kindFromNote("no tag")).toThrow(/known tag/);
  });

  it("stops when a count has no decided unit", () => {
    const csv = `${header}3673,Kota Serang,2030,1,,123,,https://contoh.test,[REGISTRY] contoh\n`;
    expect(() => deriveExtremeRecords(csv, {}, [])).toThrow(/has no unit decided/);
    expect(deriveExtremeRecords(csv, { "3673|2030|1|registry": { count_unit: "KK" } }, [])[0]).toMatchObject({ count_unit: "KK", kind: "registry", line_basis: "", series: "" });
  });

  it("labels an unlabelled reference row by the line periods: March 2024 (both lines) is the old-line figure the reference compiled", () => {
    expect(surveySeries(2024, 3)).toBe("usd190_ppp2011");
    expect(surveyLineBasis(2024, 3)).toMatch(/US\$1\.90 PPP 2011/);
    expect(surveyLineBasis(2024, 9)).toMatch(/US\$2\.15 PPP 2017/);
    expect(surveyLineBasis(2018, null)).toMatch(/US\$1\.90 PPP 2011/);
  });

  it("refuses two rows of one region, round and line", () => {
    const row = { region_kode: "00", region_nama: "Indonesia", year: "2024", month: "3", extreme_pct: "1.26", extreme_count: "", line_rp: "", source: "https://contoh.test", note: "[SURVEY] x", series: "usd215_ppp2017" };
    expect(() => deriveExtremeRecords(`${header}00,Indonesia,2024,3,1.3,,,https://contoh.test,[SURVEY] y\n`, {}, [row])).not.toThrow();
    expect(() => deriveExtremeRecords(header, {}, [row, row])).toThrow(/duplicate row/);
  });
});

describe("snapshot reader", () => {
  const header = "region_kode,year,month,poor_count,p0_pct,poverty_line_rp,p1,p2,source,note\n";
  const readWith = async (name: string, body: string) => {
    const dir = path.join(tmp.dir, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "bps_poverty.csv"), header + body);
    return readPovertySnapshot(dir).catch((e: unknown) => e);
  };

  it("refuses a malformed cell and names the file and line", async () => {
    const error = await readWith("comma", '3673,2024,3,41620,"5,65",,,,https://contoh.test,\n');
    expect(error).toBeInstanceOf(SnapshotError);
    expect(String(error)).toContain('bps_poverty.csv baris 2: kolom p0_pct bukan angka: "5,65"');
  });

  it("refuses a month other than March or September, and a row without a source", async () => {
    expect(String(await readWith("month", "3673,2024,3,1,1,,,,https://contoh.test,\n3673,2024,6,1,1,,,,https://contoh.test,\n"))).toContain(
      "baris 3: month harus 3 (Maret) atau 9 (September): 6"
    );
    expect(String(await readWith("source", "3673,2024,3,1,1,,,,,\n"))).toContain("baris 2: kolom source wajib diisi");
  });
});
