// Sanity of the programme reference CSVs (data/reference/programmes/) and of their readers.
import { mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsvObjects } from "../../../../loaders/lib/csv.js";
import { REFERENCE_DIR } from "../../../../loaders/lib/paths.js";
import {
  allocation,
  calibrationTarget,
  crossCheck,
  PROGRAMMES_DIR,
  readCalibrationTargets,
  readOverlapRules,
  readProgrammeAllocations,
  readProgrammes,
  ReferenceDataError
} from "../../../../loaders/programmes/reference.js";
import { makeTempDir } from "../../../support/tmp.js";

const tmp = makeTempDir("programmes-ref");
afterAll(() => tmp.remove());

const FILES = ["programmes.csv", "overlap_rules.csv", "programme_allocations.csv", "calibration_targets.csv"];

async function rawRows(file: string): Promise<{ line: number; row: Record<string, string> }[]> {
  return parseCsvObjects(await readFile(path.join(PROGRAMMES_DIR, file), "utf8"));
}

async function regionCodes(): Promise<Set<string>> {
  const rows = parseCsvObjects(await readFile(path.join(REFERENCE_DIR, "regions.csv"), "utf8"));
  return new Set(rows.map((r) => r.row.kode!));
}

describe("reference CSVs", () => {
  it.each(FILES)("%s: every row names a source", async (file) => {
    const rows = await rawRows(file);
    expect(rows.length).toBeGreaterThan(0);
    for (const { line, row } of rows) expect(row.source?.trim(), `${file} baris ${line}`).toBeTruthy();
  });

  it("all four files parse and cross-check cleanly", async () => {
    const [programmes, rules, allocations, targets] = await Promise.all([
      readProgrammes(),
      readOverlapRules(),
      readProgrammeAllocations(),
      readCalibrationTargets()
    ]);
    expect(crossCheck(programmes, rules, allocations)).toEqual([]);
    expect(targets.length).toBeGreaterThan(0);
  });

  it("area and region codes exist in regions.csv", async () => {
    const codes = await regionCodes();
    for (const a of await readProgrammeAllocations()) expect(codes.has(a.area_kode), `alokasi ${a.programme_code} ${a.area_kode}`).toBe(true);
    for (const t of await readCalibrationTargets()) expect(codes.has(t.region_kode), `target ${t.measure} ${t.region_kode}`).toBe(true);
  });

  it("the catalogue holds the programmes the task names, with valid funders and strategies", async () => {
    const programmes = await readProgrammes();
    const codes = programmes.map((p) => p.code);
    for (const code of ["sembako_kota", "sembako_provinsi", "yatim_piatu", "pbi_apbd", "pbi_apbn", "rtlh_csr", "pkh", "bpnt", "kube", "sekolah_rakyat"]) {
      expect(codes).toContain(code);
    }
    const byCode = new Map(programmes.map((p) => [p.code, p]));
    expect(byCode.get("pbi_apbd")!.funder).toBe("kota");
    expect(byCode.get("pbi_apbn")!.funder).toBe("pusat");
    expect(byCode.get("rtlh_csr")!.funder).toBe("csr");
    expect(byCode.get("sembako_provinsi")!.funder).toBe("provinsi");
    expect(byCode.get("rtlh_csr")!.strategy).toBe("kurangi_kantong");
    expect(byCode.get("kube")!.strategy).toBe("tingkatkan_pendapatan");
  });

  it("sembako kota unit cost is the stated derivation Rp2.2 billion ÷ 5,611 packages (seed 000)", async () => {
    const p = (await readProgrammes()).find((x) => x.code === "sembako_kota")!;
    expect(p.unit_cost_rp).toBeCloseTo(2_200_000_000 / 5611, 1);
    expect(p.basis).toMatch(/turunan/);
    expect(p.basis).toMatch(/5\.611/);
  });

  it("yatim piatu pays Rp200,000 per child per month (seed 001)", async () => {
    const p = (await readProgrammes()).find((x) => x.code === "yatim_piatu")!;
    expect(p.unit_cost_rp).toBe(200_000);
    expect(p.source).toMatch(/kutipan berita 001/); // news seed 001, cited without its internal file name
  });

  it("every assumed value is labelled: graduation programmes carry an 'asumsi' probability", async () => {
    for (const p of await readProgrammes()) {
      if (p.effect === "graduation") {
        expect(p.graduation_prob_per_year, p.code).not.toBeNull();
        expect(p.basis, p.code).toMatch(/asumsi/i);
      }
      if (p.eligible_desil_max !== null) expect(p.basis, p.code).toMatch(/eligible_desil_max = (asumsi|turunan|terbit)/);
      // An empty cost must be explained, never silently missing.
      if (p.unit_cost_rp === null) expect(p.basis, p.code).toMatch(/unit_cost_rp kosong/);
    }
    for (const t of await readCalibrationTargets()) {
      if (t.basis === "asumsi") expect(t.note, `${t.measure} ${t.region_kode}`).not.toBe("");
    }
  });

  it("overlap rules include the three pairs the design names", async () => {
    const rules = await readOverlapRules();
    const rule = (a: string, b: string) => rules.find((r) => r.programme_a === a && r.programme_b === b)?.rule;
    expect(rule("bpnt", "pkh")).toBe("allowed");
    expect(rule("sembako_kota", "sembako_provinsi")).toBe("duplicate");
    expect(rule("pbi_apbd", "pbi_apbn")).toBe("duplicate");
    for (const r of rules) if (r.basis.startsWith("asumsi")) expect(r.reason).not.toBe("");
  });

  it("allocations reproduce the seeds' figures, with 'sekitar' marked approximate", async () => {
    const allocations = await readProgrammeAllocations();
    const kota = allocation(allocations, { programme_code: "sembako_kota", area_kode: "3673", year: 2025 });
    expect([kota.planned_units, kota.budget_rp, kota.approximate]).toEqual([5611, 2_200_000_000, false]);
    const kec = (kode: string) => allocation(allocations, { programme_code: "sembako_kota", area_kode: kode, year: 2025 });
    expect([kec("367302"), kec("367306"), kec("367305"), kec("367303")].map((a) => [a.planned_units, a.approximate])).toEqual([
      [1300, true],
      [1000, true],
      [800, true],
      [700, true]
    ]);
    const province = (component: string) => allocation(allocations, { programme_code: "sembako_provinsi", area_kode: "3673", component }).planned_units;
    expect([province("total"), province("anak_terlantar"), province("penyandang_disabilitas")]).toEqual([145, 75, 70]);
    expect(allocation(allocations, { programme_code: "yatim_piatu", area_kode: "3673", status: "realisasi" }).planned_units).toBe(1436);
    const proposed = allocation(allocations, { programme_code: "yatim_piatu", area_kode: "3673", status: "usulan" });
    expect([proposed.planned_units, proposed.approximate]).toEqual([2000, true]);
    expect(allocation(allocations, { programme_code: "pbi_apbd", area_kode: "3673", component: "tambahan" }).planned_units).toBe(10000);
    expect(allocation(allocations, { programme_code: "rtlh_csr", area_kode: "3673" }).planned_units).toBe(400);
    // Seed sources name the outlet and date.
    expect(kota.source).toMatch(/SuaraBanten\.id 11 Sep 2025/);
    expect(allocation(allocations, { programme_code: "rtlh_csr", area_kode: "3673" }).source).toMatch(/RUBRIKBANTEN/);
  });

  it("calibration targets carry the published Kota Serang figures", async () => {
    const targets = await readCalibrationTargets();
    const value = (measure: string, region: string) => calibrationTarget(targets, measure, region).value;
    expect(value("households", "3673")).toBe(206578);
    // List counts and survey figures of other years are kept under their own measures (context, not targets).
    expect(value("extreme_list_people", "3673")).toBe(18000);
    expect(calibrationTarget(targets, "extreme_list_people", "3673").note).toMatch(/hitungan daftar/);
    expect(value("extreme_survey_people", "3604")).toBe(11371);
    expect(calibrationTarget(targets, "extreme_survey_people", "3604").year).toBe(2022);
    expect(targets.some((t) => t.measure === "extreme_people")).toBe(false);
    expect(value("target_households", "3673")).toBe(8799);
    expect(value("untouched_target_households", "3673")).toBe(3784);
    const kecamatan = ["367306", "367302", "367304", "367301", "367303", "367305"].map((k) => value("target_households", k));
    expect(kecamatan).toEqual([2000, 1600, 1500, 1300, 1200, 1000]);
    expect(calibrationTarget(targets, "households", "3604").basis).toBe("asumsi");
  });
});

describe("reference readers", () => {
  const header = "code,name,funder,strategy,unit,unit_cost_rp,value_per_capita_month_rp,eligible_desil_max,effect,graduation_prob_per_year,basis,source,note";

  function writeProgrammes(lines: string[]): string {
    const dir = path.join(tmp.dir, `case-${Math.random().toString(36).slice(2)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "programmes.csv"), [header, ...lines].join("\n") + "\n");
    return dir;
  }

  it("reports every bad cell with its line number, in Indonesian", async () => {
    const dir = writeProgrammes([
      "ok,Program,kota,kurangi_beban,paket,100,,2,transfer,,terbit,seed,",
      "bad,Program,swasta,kurangi_beban,paket,abc,,11,transfer,,terbit,,"
    ]);
    const error = await readProgrammes(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReferenceDataError);
    const problems = (error as ReferenceDataError).problems.join("\n");
    expect(problems).toMatch(/baris 3, kolom funder/);
    expect(problems).toMatch(/baris 3, kolom unit_cost_rp: "abc" bukan angka/);
    expect(problems).toMatch(/baris 3, kolom eligible_desil_max: 11 di luar rentang/);
    expect(problems).toMatch(/baris 3, kolom source: wajib diisi/);
    expect(problems).not.toMatch(/baris 2/);
  });

  it("refuses a graduation probability that is not labelled as an assumption", async () => {
    const dir = writeProgrammes(["kube,KUBE,kota,tingkatkan_pendapatan,KK,,,4,graduation,0.1,terbit,seed,"]);
    await expect(readProgrammes(dir)).rejects.toThrow(/asumsi/);
    const ok = writeProgrammes(["kube,KUBE,kota,tingkatkan_pendapatan,KK,,,4,graduation,0.1,asumsi: nilai awal,seed,"]);
    expect((await readProgrammes(ok))[0]!.graduation_prob_per_year).toBe(0.1);
  });

  it("crossCheck finds unknown codes, unordered and repeated pairs", () => {
    const programme = { code: "pkh" } as Parameters<typeof crossCheck>[0][number];
    const rule = (a: string, b: string) => ({ programme_a: a, programme_b: b, rule: "allowed" as const, reason: "r", basis: "b", source: "s" });
    const problems = crossCheck([programme], [rule("pkh", "bpnt"), rule("bpnt", "pkh"), rule("bpnt", "pkh")], []);
    expect(problems.some((p) => p.includes("bpnt tidak ada"))).toBe(true);
    expect(problems.some((p) => p.includes("urut abjad"))).toBe(true);
    expect(problems.some((p) => p.includes("ganda"))).toBe(true);
  });
});
