// The synthetic default registry on native DuckDB: calibration to the published aggregates, schema
// conformance, joins, overlap/gap structure, determinism, and the programme reference tables.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsvObjects } from "../../loaders/lib/csv.js";
import { queryRows, withDuckDB } from "../../loaders/lib/duck.js";
import { writeParquet } from "../../loaders/lib/parquet.js";
import { REFERENCE_DIR } from "../../loaders/lib/paths.js";
import { checkSchema, type TableSchema } from "../../loaders/lib/schema.js";
import { readOverlapRules, readProgrammeAllocations, readProgrammes } from "../../loaders/programmes/reference.js";
import { buildOverlapRules, buildProgrammeAllocations, buildProgrammes } from "../../loaders/programmes/tables.js";
import { PROGRAMME_RECEIPTS_SCHEMA, REGISTRY_HOUSEHOLDS_SCHEMA } from "../../loaders/registry/schema.js";
import { calibrationReport, formatCalibrationReport, type CalibrationRow } from "../../loaders/synth/calibration.js";
import { DEFAULT_SEED, generateSynthetic, syntheticProvenance, type SyntheticTables } from "../../loaders/synth/generate.js";
import { loadSynthInputs, type SynthInputs } from "../../loaders/synth/inputs.js";
import { structureReport, type StructureRow } from "../../loaders/synth/structure.js";
import { buildBpsPoverty } from "../../loaders/tables/bps.js";
import { readTableMetadata } from "../../loaders/tables/catalog.js";
import { buildExtremeEstimates } from "../../loaders/tables/extreme-estimates.js";
import { buildPovertyLines } from "../../loaders/tables/poverty-lines.js";
import { makeTempDir } from "../support/tmp.js";

const tmp = makeTempDir("synth");
let instance: DuckDBInstance;
let db: DuckDBConnection;
let inputs: SynthInputs;
let tables: SyntheticTables;
let report: CalibrationRow[];
let structure: StructureRow[];

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  db = await instance.connect();
  inputs = await loadSynthInputs();
  tables = await generateSynthetic(db, { scale: "default", seed: DEFAULT_SEED, inputs });
  report = await calibrationReport(db, tables.households, tables.receipts, { inputs });
  structure = await structureReport(db, tables.households, tables.receipts, await readOverlapRules(), inputs.distributions.get("3673")!.extreme_line_rp);
});

afterAll(() => {
  db?.closeSync();
  instance?.closeSync();
  tmp.remove();
});

async function scalar(sql: string, connection: DuckDBConnection = db): Promise<number> {
  const rows = await queryRows(connection, sql);
  return Number(Object.values(rows[0]!)[0]);
}

const structureValue = (prefix: string) => {
  const row = structure.find((r) => r.measure.startsWith(prefix));
  if (!row) throw new Error(`no structure row ${prefix}`);
  return row.value;
};

function columnList(schema: TableSchema): string {
  return schema.columns.map((c) => `"${c.name}"`).join(", ");
}

/** Order-sensitive digest of a relation: every column and the row position. */
async function digest(connection: DuckDBConnection, relation: string, schema: TableSchema, where = "true"): Promise<string> {
  const rows = await queryRows(
    connection,
    `SELECT count(*)::VARCHAR || ':' || sum(hash(rowid, ${columnList(schema)})::HUGEINT)::VARCHAR AS d FROM ${relation} WHERE ${where}`
  );
  return String(rows[0]!.d);
}

/** Order-insensitive digest (for comparing the same rows stored at different positions). */
async function contentDigest(connection: DuckDBConnection, relation: string, schema: TableSchema, where = "true"): Promise<string> {
  const rows = await queryRows(connection, `SELECT count(*)::VARCHAR || ':' || sum(hash(${columnList(schema)})::HUGEINT)::VARCHAR AS d FROM ${relation} WHERE ${where}`);
  return String(rows[0]!.d);
}

describe("calibration (default scale, default seed)", () => {
  it("every published aggregate lies within its stated tolerance", () => {
    const failed = report.filter((r) => !r.ok);
    expect(failed, formatCalibrationReport(report)).toEqual([]);
  });

  it("checks the aggregates the task names, each with a source", () => {
    const measures = report.map((r) => r.measure).join("\n");
    for (const pattern of [
      /^Rumah tangga Kota Serang$/m,
      /^Rumah tangga Kabupaten Serang$/m,
      /^Persen jiwa di bawah GK Kota Serang Rp[\d.]+ \(P0 BPS 2025\)$/m,
      /^Persen jiwa di bawah garis ekstrem Kota Serang Rp[\d.]+ \(perkiraan model 2025\)$/m,
      /^Persen jiwa di bawah GK Kabupaten Serang Rp[\d.]+ \(P0 BPS 2025\)$/m,
      /^Persen jiwa di bawah garis ekstrem Kabupaten Serang Rp[\d.]+ \(perkiraan model 2025\)$/m,
      /^KK daftar sasaran Kota Serang$/m,
      /^KK daftar sasaran Kec\. Taktakan$/m,
      /^KK sasaran belum tersentuh program Kota Serang$/m,
      /^Paket sembako Kota Serang 2025$/m,
      /^Paket sembako Kec\. Kasemen$/m,
      /^Paket sembako Provinsi Banten/m,
      /^Anak yatim piatu/m,
      /^Jiwa tambahan kuota PBI APBD 2025$/m,
      /^Rumah RTLH dari CSR$/m
    ]) {
      expect(measures).toMatch(pattern);
    }
    for (const r of report) expect(r.source.trim(), r.measure).not.toBe("");
  });

  it("keeps the list count and the 2022 survey figure as context, never as targets", () => {
    const context = report.filter((r) => r.rule === "context");
    expect(context.map((r) => r.target).sort((a, b) => a - b)).toEqual([11371, 18000]);
    for (const r of context) {
      expect(r.measure).toMatch(/^Konteks, bukan target: /);
      expect(r.ok).toBe(true);
    }
    // Nothing checked against a tolerance is a list count or a survey figure of another year.
    for (const r of report.filter((x) => x.rule !== "context")) expect([18000, 11371]).not.toContain(r.target);
    // The Dinsos list count (18.000 jiwa, 2,6% of the people) is far above the survey-concept count.
    expect(context.find((r) => r.target === 18000)!.actual).toBeLessThan(18000 / 3);
    expect(formatCalibrationReport(report)).toMatch(/^INFO +Konteks, bukan target: 18\.000 jiwa .* konteks$/m);
  });

  it("each kab/kota the default holds reproduces its own BPS P0 below its own GK and the model estimate below its own extreme line", async () => {
    // The published tables the pages show, built here from the BPS snapshot (not from the generator's inputs).
    const built = { bps: path.join(tmp.dir, "bps_poverty.parquet"), lines: path.join(tmp.dir, "poverty_lines.parquet"), estimates: path.join(tmp.dir, "extreme_estimates.parquet") };
    await withDuckDB(async (c) => {
      await buildBpsPoverty(c, built.bps);
      await buildPovertyLines(c, built.lines);
      await buildExtremeEstimates(c, built.estimates);
    });
    const published = await queryRows(
      db,
      `SELECT b.region_kode AS kab, b.p0_pct, l.poverty_line_rp, l.extreme_line_rp, e.value_pct AS extreme_pct
       FROM '${built.bps}' b
       JOIN '${built.lines}' l ON l.region_kode = b.region_kode AND l.year = b.year AND l.month = b.month AND l.series = 'usd215_ppp2017'
       JOIN '${built.estimates}' e ON e.region_kode = b.region_kode AND e.year = b.year AND e.month = b.month AND e.series = 'usd215_ppp2017'
       WHERE b.year = 2025 AND b.month = 3 AND length(b.region_kode) = 4`
    );
    const byKab = new Map(published.map((r) => [String(r.kab), r]));
    // The kab/kota the default holds, from the generated rows: more than the two of the old default.
    const kabs = (await queryRows(db, `SELECT DISTINCT kab_kode FROM ${tables.households} ORDER BY 1`)).map((r) => String(r.kab_kode));
    expect(kabs.length).toBeGreaterThan(2);
    const shareBelow = async (kab: string, lineRp: number) =>
      (await scalar(`SELECT sum(members) FROM ${tables.households} WHERE kab_kode = '${kab}' AND pce_month_rp < ${lineRp}`)) /
      (await scalar(`SELECT sum(members) FROM ${tables.households} WHERE kab_kode = '${kab}'`));
    for (const kab of kabs) {
      const p = byKab.get(kab);
      expect(p, `${kab}: no 2025 P0, lines and estimate in the published tables`).toBeDefined();
      const gk = Number(p!.poverty_line_rp);
      const extremeLine = Number(p!.extreme_line_rp);
      expect(Math.abs((await shareBelow(kab, gk)) / (Number(p!.p0_pct) / 100) - 1), `${kab} below its GK Rp${gk}`).toBeLessThanOrEqual(0.02);
      expect(Math.abs((await shareBelow(kab, extremeLine)) / (Number(p!.extreme_pct) / 100) - 1), `${kab} below its extreme line Rp${extremeLine}`).toBeLessThanOrEqual(0.02);
      // The calibration report measures the same two shares for this kab/kota.
      const name = inputs.kabkota.find((x) => x.kode === kab)!.nama;
      for (const prefix of [`Persen jiwa di bawah GK ${name} `, `Persen jiwa di bawah garis ekstrem ${name} `]) {
        expect(report.filter((r) => r.measure.startsWith(prefix)), prefix).toHaveLength(1);
      }
    }
    // Each kab/kota is held to its own lines, not one value for the province.
    expect(new Set(kabs.map((k) => Number(byKab.get(k)!.poverty_line_rp))).size).toBe(kabs.length);
  });

  it("reproduces the headline figures (independently of the report)", async () => {
    const h = tables.households;
    const r = tables.receipts;
    expect(await scalar(`SELECT count(*) FROM ${h} WHERE kab_kode = '3673'`)).toBe(206578);
    expect(await scalar(`SELECT count(*) FROM ${h} WHERE kab_kode = '3604'`)).toBe(500000);
    // The people below Kota Serang's own GK reproduce BPS's P0 (5,51%, March 2025), and those below its
    // extreme line (r × GK, poverty_lines) the model estimate, each within 2%.
    // Kab. Serang likewise: its own GK and BPS's P0 (4,48%, March 2025), and its extreme line.
    const shareBelow = async (kab: string, lineRp: number) =>
      (await scalar(`SELECT sum(members) FROM ${h} WHERE kab_kode = '${kab}' AND pce_month_rp < ${lineRp}`)) /
      (await scalar(`SELECT sum(members) FROM ${h} WHERE kab_kode = '${kab}'`));
    const d = inputs.distributions.get("3673")!;
    const k = inputs.distributions.get("3604")!;
    for (const [kab, dist, p0] of [["3673", d, 0.0551], ["3604", k, 0.0448]] as const) {
      expect(Math.abs((await shareBelow(kab, dist.poverty_line_rp)) / p0 - 1), `${kab} below GK`).toBeLessThanOrEqual(0.02);
      expect(Math.abs((await shareBelow(kab, dist.extreme_line_rp)) / dist.extreme - 1), `${kab} below the extreme line`).toBeLessThanOrEqual(0.02);
    }
    expect(k.poverty_line_rp).toBeLessThan(d.poverty_line_rp); // each kab/kota's own line, not one national value
    // The 8.799 KK list stays a list size: it is not the number of extreme-poor households.
    const extremeHouseholds = await scalar(`SELECT count(*) FROM ${h} WHERE kab_kode = '3673' AND pce_month_rp < ${d.extreme_line_rp}`);
    expect(extremeHouseholds).not.toBe(8799);
    expect(await scalar(`SELECT count(*) FROM ${h} WHERE kab_kode = '3673' AND on_target_list`)).toBe(8799);
    expect(await scalar(`SELECT sum(units) FROM ${r} WHERE programme_code = 'sembako_kota'`)).toBe(5611);
    // Whole rupiah per package, adding up to the budget exactly.
    expect(await scalar(`SELECT sum(value_rp) FROM ${r} WHERE programme_code = 'sembako_kota'`)).toBe(2_200_000_000);
    expect(await scalar(`SELECT max(value_rp) - min(value_rp) FROM ${r} WHERE programme_code = 'sembako_kota'`)).toBe(1);
    expect(await scalar(`SELECT count(*) FROM ${r} WHERE programme_code = 'sembako_kota' AND value_rp <> floor(value_rp)`)).toBe(0);
    expect(await scalar(`SELECT sum(units) FROM ${r} WHERE programme_code = 'sembako_provinsi'`)).toBe(145);
    expect(await scalar(`SELECT sum(value_rp) FROM ${r} WHERE programme_code = 'yatim_piatu'`)).toBe(1436 * 12 * 200000);
    expect(await scalar(`SELECT sum(units) FROM ${r} WHERE programme_code = 'pbi_apbd' AND period = '2025-04'`)).toBe(10000);
    expect(await scalar(`SELECT sum(units) FROM ${r} WHERE programme_code = 'rtlh_csr'`)).toBe(400);
    // Sembako kota: reported kecamatan splits, the remainder to Serang and Curug.
    const byKec = await queryRows(
      db,
      `SELECT h.kec_kode, sum(r.units) AS n FROM ${r} r JOIN ${h} h USING (hh_id) WHERE r.programme_code = 'sembako_kota' GROUP BY ALL ORDER BY h.kec_kode`
    );
    expect(byKec).toEqual([
      { kec_kode: "367301", n: expect.any(Number) },
      { kec_kode: "367302", n: 1300 },
      { kec_kode: "367303", n: 700 },
      { kec_kode: "367304", n: expect.any(Number) },
      { kec_kode: "367305", n: 800 },
      { kec_kode: "367306", n: 1000 }
    ]);
    expect(Number(byKec[0]!.n) + Number(byKec[3]!.n)).toBe(5611 - 3800);
  });

  it("calibrationReport flags a value outside its tolerance", async () => {
    await db.run(`CREATE OR REPLACE TEMP TABLE short_households AS SELECT * FROM ${tables.households} WHERE NOT (kab_kode = '3673' AND hash(hh_id) % 10 = 0)`);
    const rows = await calibrationReport(db, "short_households", tables.receipts, { inputs });
    const households = rows.find((r) => r.measure === "Rumah tangga Kota Serang")!;
    expect(households.ok).toBe(false);
    expect(households.actual).toBeLessThan(206578 * 0.95);
    expect(formatCalibrationReport(rows)).toMatch(/GAGAL/);
  });
});

describe("schema and joins", () => {
  it("households and receipts match the registry schemas exactly", async () => {
    await checkSchema(db, tables.households, REGISTRY_HOUSEHOLDS_SCHEMA);
    await checkSchema(db, tables.receipts, PROGRAMME_RECEIPTS_SCHEMA);
  });

  it("writes a kab/kota partition to Parquet with synthetic provenance", async () => {
    const out = path.join(tmp.dir, "registry_households_3673.parquet");
    await writeParquet(
      db,
      `SELECT * FROM ${tables.households} WHERE kab_kode = '3673'`,
      { ...REGISTRY_HOUSEHOLDS_SCHEMA, name: "registry_households_3673" },
      syntheticProvenance(DEFAULT_SEED),
      out
    );
    const meta = await readTableMetadata(db, out);
    expect(meta.synthetic).toBe("true");
    expect(meta.source).toMatch(/^sintetis \(seed 20250911\)/);
    expect(await scalar(`SELECT count(*) FROM '${out}'`)).toBe(206578);
  });

  it("every receipt joins a household of the same kab/kota", async () => {
    const r = tables.receipts;
    const h = tables.households;
    expect(await scalar(`SELECT count(*) FROM ${r} WHERE hh_id NOT IN (SELECT hh_id FROM ${h})`)).toBe(0);
    expect(await scalar(`SELECT count(*) FROM ${r} r JOIN ${h} h USING (hh_id) WHERE r.kab_kode <> h.kab_kode`)).toBe(0);
  });

  it("labels every row synthetic and uses valid codes, funders and periods", async () => {
    const h = tables.households;
    const r = tables.receipts;
    expect(await scalar(`SELECT count(*) FROM ${h} WHERE source NOT LIKE 'sintetis (seed 20250911)%'`)).toBe(0);
    expect(await scalar(`SELECT count(*) FROM ${r} WHERE source NOT LIKE 'sintetis (seed 20250911)%'`)).toBe(0);
    expect(await scalar(`SELECT count(*) FROM ${r} WHERE NOT regexp_full_match(period, '\\d{4}(-(0[1-9]|1[0-2]))?')`)).toBe(0);
    const programmes = await readProgrammes();
    const funders = new Map(programmes.map((p) => [p.code, p.funder]));
    const pairs = await queryRows(db, `SELECT DISTINCT programme_code, funder FROM ${r}`);
    for (const p of pairs) expect(funders.get(String(p.programme_code)), String(p.programme_code)).toBe(p.funder);
  });

  it("places every household in a desa/kelurahan of its kecamatan, and every desa/kelurahan of the default's kab/kota has households", async () => {
    const regions = parseCsvObjects(await readFile(path.join(REFERENCE_DIR, "regions.csv"), "utf8")).map((r) => r.row);
    const parent = new Map(regions.map((r) => [r.kode!, r.parent_kode!]));
    const pairs = await queryRows(db, `SELECT DISTINCT kab_kode, kec_kode, kel_kode FROM ${tables.households}`);
    const kelurahan = new Set<string>();
    for (const p of pairs) {
      expect(parent.get(String(p.kec_kode))).toBe(p.kab_kode);
      expect(parent.get(String(p.kel_kode)), String(p.kel_kode)).toBe(p.kec_kode);
      kelurahan.add(String(p.kel_kode));
    }
    const kabs = new Set(pairs.map((p) => String(p.kab_kode)));
    const expected = regions.filter((r) => r.level === "kelurahan" && kabs.has(parent.get(r.parent_kode!)!));
    expect(kelurahan.size).toBe(expected.length);
    expect(kabs.has("3604")).toBe(true);
    expect(regions.filter((r) => r.level === "kelurahan" && parent.get(r.parent_kode!) === "3604").every((r) => kelurahan.has(r.kode!))).toBe(true);
  });

  it("derives hh_id as documented: sha256('synthetic-<seed>-<kab>-<seq>'), 24 hex characters", async () => {
    const first = await queryRows(db, `SELECT hh_id FROM ${tables.households} WHERE kab_kode = '3673' LIMIT 1`);
    const expected = createHash("sha256").update(`synthetic-${DEFAULT_SEED}-3673-0`).digest("hex").slice(0, 24);
    expect(first[0]!.hh_id).toBe(expected);
    expect(await scalar(`SELECT count(*) FROM ${tables.households} WHERE NOT regexp_full_match(hh_id, '[0-9a-f]{24}')`)).toBe(0);
  });
});

describe("distributions", () => {
  it("median per-capita expenditure rises with the registry desil, which ranks households imperfectly", async () => {
    const rows = await queryRows(
      db,
      `SELECT kab_kode, desil, median(pce_month_rp) AS med FROM ${tables.households} GROUP BY ALL ORDER BY kab_kode, desil`
    );
    const kabs = await scalar(`SELECT count(DISTINCT kab_kode) FROM ${tables.households}`);
    expect(rows).toHaveLength(10 * kabs);
    for (let i = 1; i < rows.length; i++) {
      if (rows[i]!.kab_kode === rows[i - 1]!.kab_kode) expect(Number(rows[i]!.med)).toBeGreaterThan(Number(rows[i - 1]!.med));
    }
    // A noisy proxy-means ranking: some extreme-poor people sit outside desil 1–2 (exclusion error) and
    // most of desil 1 is above the extreme line (the list is broader than the survey concept).
    const d = inputs.distributions.get("3673")!;
    const outside = await scalar(`SELECT count(*) FROM ${tables.households} WHERE kab_kode = '3673' AND desil > 2 AND pce_month_rp < ${d.extreme_line_rp}`);
    expect(outside).toBeGreaterThan(0);
    const desil1Above = await scalar(`SELECT avg((pce_month_rp >= ${d.extreme_line_rp})::INT) FROM ${tables.households} WHERE kab_kode = '3673' AND desil = 1`);
    expect(desil1Above).toBeGreaterThan(0.5);
  });

  it("households are larger and vulnerability flags more common in lower desil", async () => {
    const rows = await queryRows(
      db,
      `SELECT desil <= 2 AS poor, avg(members) AS size, avg(unfit_house::INT) AS rtlh, avg(disability::INT) AS dis
       FROM ${tables.households} GROUP BY ALL ORDER BY poor`
    );
    type Group = { size: number; rtlh: number; dis: number };
    const [rich, poor] = rows as unknown as [Group, Group];
    expect(poor.size).toBeGreaterThan(rich.size);
    expect(poor.rtlh).toBeGreaterThan(rich.rtlh);
    expect(poor.dis).toBeGreaterThan(rich.dis);
    for (const flag of ["disability", "elderly", "out_of_school_child", "unfit_house", "no_health_insurance", "female_head"]) {
      const rate = await scalar(`SELECT avg(${flag}::INT) FROM ${tables.households}`);
      expect(rate, flag).toBeGreaterThan(0.005);
      expect(rate, flag).toBeLessThan(0.4);
    }
  });
});

describe("overlap and gap structure", () => {
  it("leaves duplicate pairs the rakor must find, but few", async () => {
    const sembako = structureValue("RT menerima sembako_kota + sembako_provinsi");
    const pbi = structureValue("RT menerima pbi_apbd + pbi_apbn");
    expect(sembako).toBeGreaterThan(0);
    expect(sembako).toBeLessThan(145);
    expect(pbi).toBeGreaterThan(0);
    const pbiApbdHouseholds = await scalar(`SELECT count(DISTINCT hh_id) FROM ${tables.receipts} WHERE programme_code = 'pbi_apbd'`);
    expect(pbi / pbiApbdHouseholds).toBeLessThan(0.1);
    expect(structureValue("RT menerima bpnt + pkh")).toBeGreaterThan(0);
  });

  it("leaves the 3,784 untouched target households, mostly in Kasemen and Taktakan", () => {
    const untouched = structure.filter((r) => r.measure.startsWith("RT sasaran belum tersentuh, kec."));
    expect(untouched.reduce((s, r) => s + r.value, 0)).toBe(3784);
    const most = untouched.filter((r) => /367302|367306/.test(r.measure)).reduce((s, r) => s + r.value, 0);
    expect(most / 3784).toBeGreaterThan(0.5);
    const coverage = structureValue("Cakupan daftar sasaran Kota Serang");
    expect(coverage).toBeCloseTo(1 - 3784 / 8799, 3);
    expect(structureValue("RT miskin ekstrem Kota Serang tanpa program")).toBeGreaterThan(0);
  });

  it("shows the gap between the list and the survey concept as targeting error", async () => {
    const line = inputs.distributions.get("3673")!.extreme_line_rp;
    const extreme = structureValue("RT miskin ekstrem Kota Serang (di bawah garis ekstrem)");
    expect(extreme).toBe(await scalar(`SELECT count(*) FROM ${tables.households} WHERE kab_kode = '3673' AND pce_month_rp < ${line}`));
    const offList = await scalar(`SELECT count(*) FROM ${tables.households} WHERE kab_kode = '3673' AND pce_month_rp < ${line} AND NOT on_target_list`);
    expect(structureValue("Kesalahan eksklusi")).toBeCloseTo(offList / extreme, 9);
    // Some extreme-poor households are missed by the list, but most are on it.
    expect(structureValue("Kesalahan eksklusi")).toBeGreaterThan(0);
    expect(structureValue("Kesalahan eksklusi")).toBeLessThan(0.5);
    // The 8.799 KK list is far broader than the survey concept: most of it is above the line.
    const listAbove = await scalar(`SELECT count(*) FROM ${tables.households} WHERE kab_kode = '3673' AND on_target_list AND pce_month_rp >= ${line}`);
    expect(structureValue("Kesalahan inklusi")).toBeCloseTo(listAbove / 8799, 9);
    expect(structureValue("Kesalahan inklusi")).toBeGreaterThan(0.5);
  });

  it("targets sembako kota mostly, not perfectly, on desil 1–2", () => {
    const leakage = structureValue("Kebocoran sembako kota");
    expect(leakage).toBeGreaterThan(0.05);
    expect(leakage).toBeLessThan(0.2);
  });

  it("spreads the province's 145 packages over all six kecamatan", async () => {
    expect(
      await scalar(
        `SELECT count(DISTINCT h.kec_kode) FROM ${tables.receipts} r JOIN ${tables.households} h USING (hh_id) WHERE r.programme_code = 'sembako_provinsi'`
      )
    ).toBe(6);
  });
});

describe("determinism", () => {
  async function cityDigests(seed: number, threads: number): Promise<{ households: string; receipts: string }> {
    return withDuckDB(async (c) => {
      await c.run(`SET threads = ${threads}`);
      const t = await generateSynthetic(c, { scale: "kota_serang", seed, inputs });
      return { households: await digest(c, t.households, REGISTRY_HOUSEHOLDS_SCHEMA), receipts: await digest(c, t.receipts, PROGRAMME_RECEIPTS_SCHEMA) };
    });
  }

  let one: { households: string; receipts: string };
  beforeAll(async () => {
    one = await cityDigests(DEFAULT_SEED, 1);
  });

  it("the same seed gives identical rows in the same order whatever the thread count", async () => {
    expect(await cityDigests(DEFAULT_SEED, 4)).toEqual(one);
  });

  it("another seed gives other rows", async () => {
    const other = await cityDigests(DEFAULT_SEED + 1, 2);
    expect(other.households).not.toBe(one.households);
    expect(other.receipts).not.toBe(one.receipts);
  });

  it("Kota Serang rows (households and receipts) are the same at the kota_serang and default scales", async () => {
    // So a test of Kota Serang's cells may generate Kota Serang alone (tests/sql/cells-fidelity.test.ts).
    const fromDefault = {
      households: await contentDigest(db, tables.households, REGISTRY_HOUSEHOLDS_SCHEMA, "kab_kode = '3673'"),
      receipts: await contentDigest(db, tables.receipts, PROGRAMME_RECEIPTS_SCHEMA, "kab_kode = '3673'")
    };
    const fromCity = await withDuckDB(async (c) => {
      const t = await generateSynthetic(c, { scale: "kota_serang", seed: DEFAULT_SEED, inputs });
      return { households: await contentDigest(c, t.households, REGISTRY_HOUSEHOLDS_SCHEMA), receipts: await contentDigest(c, t.receipts, PROGRAMME_RECEIPTS_SCHEMA) };
    });
    expect(fromCity).toEqual(fromDefault);
  });

  it("rejects a seed that is not a non-negative 32-bit integer", async () => {
    await expect(generateSynthetic(db, { scale: "kota_serang", seed: 1.5, inputs })).rejects.toThrow(/seed/);
    await expect(generateSynthetic(db, { scale: "kota_serang", seed: -1, inputs })).rejects.toThrow(RangeError);
  });
});

describe("programme reference tables", () => {
  it.each([
    ["programmes", buildProgrammes, readProgrammes],
    ["overlap_rules", buildOverlapRules, readOverlapRules],
    ["programme_allocations", buildProgrammeAllocations, readProgrammeAllocations]
  ] as const)("%s is written with every CSV row and a non-synthetic provenance", async (name, build, read) => {
    const out = path.join(tmp.dir, `${name}.parquet`);
    await withDuckDB(async (c) => {
      await build(c, out);
      const meta = await readTableMetadata(c, out);
      expect(meta.table).toBe(name);
      expect(meta.synthetic).toBe("false");
      expect(await scalar(`SELECT count(*) FROM '${out}'`, c)).toBe((await read()).length);
      expect(await scalar(`SELECT count(*) FROM '${out}' WHERE source IS NULL OR source = ''`, c)).toBe(0);
    });
  });
});
