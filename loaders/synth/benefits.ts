// Synthetic programme receipts. National programmes (PKH, BPNT, PBI APBN) are Bernoulli draws by desil
// (assumed coverage); Kota Serang's local programmes are weighted draws without replacement that fill
// the published allocations exactly (programme_allocations.csv). Target-list households marked
// `unlisted` are excluded from every draw: they are the "touched by no programme" gap.
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../lib/duck.js";
import { allocation, type Programme, type ProgrammeAllocation } from "../programmes/reference.js";
import { ASSUMPTIONS, type ByDesil } from "./assumptions.js";
import { WORK_HOUSEHOLDS } from "./households.js";
import { apportion } from "./math.js";
import { KOTA_SERANG, type SynthPlan } from "./plan.js";
import { num, numList, str, valuesTable } from "./sql.js";

const POOL = "_synth_hhx";
const RECEIPTS = "_synth_rcpt";

interface Draw {
  /** Temp table that receives the picks (hh_id, seq, kab_kode, r, units). */
  readonly table: string;
  /** Hash tag: each draw has its own random numbers. */
  readonly tag: string;
  /** Who may be drawn (SQL predicate over the pool, alias h). */
  readonly pool: string;
  /** Relative chance of being drawn (SQL expression > 0). */
  readonly weight: string;
  readonly area: "kec_kode" | "kab_kode";
  readonly quotas: readonly { readonly area: string; readonly quota: number }[];
  /** Fill quotas in households, or in people (PBI: the last household may be covered in part). */
  readonly by: "households" | "people";
  /** Earlier pick tables whose households may not be drawn again. */
  readonly exclude?: readonly string[];
}

/**
 * Weighted sampling without replacement (Efraimidis–Spirakis: largest ln(u)/w wins), per area,
 * until each area's quota is filled. Throws if a pool is too small to fill its quota.
 */
async function runDraw(connection: DuckDBConnection, draw: Draw): Promise<void> {
  const quotas = draw.quotas.filter((q) => q.quota > 0);
  if (quotas.length === 0) {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${draw.table} (hh_id VARCHAR, seq BIGINT, kab_kode VARCHAR, r BIGINT, units DOUBLE)`);
    return;
  }
  const excluded = (draw.exclude ?? []).map((t) => `AND NOT EXISTS (SELECT 1 FROM ${t} x WHERE x.hh_id = h.hh_id)`).join(" ");
  const order = `PARTITION BY h.${draw.area} ORDER BY ln(_synth_u(h.kab_kode, h.seq, ${str(draw.tag)})) / (${draw.weight}) DESC, h.seq`;
  const keep = draw.by === "households" ? "r <= quota" : "cum - members < quota";
  const units = draw.by === "households" ? "1" : "least(members, quota - (cum - members))";
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${draw.table} AS
     WITH q AS (SELECT * FROM ${valuesTable(quotas.map((q) => [str(q.area), num(q.quota)]), ["area", "quota"])}),
     c AS (
       SELECT h.hh_id, h.seq, h.kab_kode, h.members, q.quota,
              row_number() OVER (${order}) AS r,
              sum(h.members) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum
       FROM ${POOL} h JOIN q ON q.area = h.${draw.area}
       WHERE (${draw.pool}) ${excluded}
     )
     SELECT hh_id, seq, kab_kode, r, (${units})::DOUBLE AS units FROM c WHERE ${keep}`
  );
  const filled = await queryRows(connection, `SELECT coalesce(sum(units), 0) AS n FROM ${draw.table}`);
  const wanted = quotas.reduce((s, q) => s + q.quota, 0);
  if (Number(filled[0]?.n) !== wanted) {
    throw new Error(`Undian ${draw.tag}: hanya ${filled[0]?.n} dari ${wanted} ${draw.by === "people" ? "jiwa" : "rumah tangga"} terisi; kelompok layak terlalu kecil.`);
  }
}

function programmeOf(programmes: readonly Programme[], code: string): Programme {
  const found = programmes.find((p) => p.code === code);
  if (!found) throw new Error(`Program ${code} tidak ada di programmes.csv.`);
  return found;
}

/** Inserts receipt rows for the picks of one draw. */
async function insertReceipts(
  connection: DuckDBConnection,
  picks: string,
  programme: Programme,
  period: string,
  valuePerUnit: number | null,
  source: string
): Promise<void> {
  const value = valuePerUnit === null ? "NULL::DOUBLE" : `units * ${num(valuePerUnit)}`;
  await connection.run(
    `INSERT INTO ${RECEIPTS}
     SELECT hh_id, seq, kab_kode, ${str(programme.code)}, ${str(programme.funder)}, ${str(period)}, units, ${value}, ${str(source)} FROM ${picks}`
  );
}

/**
 * Gives each one-unit receipt of a programme a whole-rupiah share of the published budget, so the values add up
 * to the budget exactly (Rp2.2 bn ÷ 5,611 packages is not a whole number): floor(budget ÷ n) each, plus Rp1 for
 * the first (budget mod n) rows in (kab_kode, seq) order.
 */
async function spreadBudget(connection: DuckDBConnection, programmeCode: string, budget: number): Promise<void> {
  const rows = await queryRows(connection, `SELECT count(*) AS n, count(*) FILTER (WHERE units <> 1) AS other FROM ${RECEIPTS} WHERE programme_code = ${str(programmeCode)}`);
  const n = Number(rows[0]?.n);
  if (n === 0 || Number(rows[0]?.other) > 0) throw new Error(`Anggaran ${programmeCode} hanya dapat dibagi rata ke penerimaan bersatuan 1.`);
  const base = Math.floor(budget / n);
  const extra = Math.round(budget - base * n);
  await connection.run(
    `UPDATE ${RECEIPTS} AS t SET value_rp = ${num(base)} + CASE WHEN x.k <= ${num(extra)} THEN 1 ELSE 0 END
     FROM (SELECT kab_kode, seq, row_number() OVER (ORDER BY kab_kode, seq) AS k FROM ${RECEIPTS} WHERE programme_code = ${str(programmeCode)}) AS x
     WHERE t.programme_code = ${str(programmeCode)} AND t.kab_kode = x.kab_kode AND t.seq = x.seq`
  );
}

/** PBI APBN coverage of desil 6–10, chosen so Kota Serang's listed insured desil 6–10 people hold the published count. */
async function pbiApbnLeakRate(connection: DuckDBConnection, people: number): Promise<number> {
  const rows = await queryRows(
    connection,
    `SELECT sum(members) AS n FROM ${WORK_HOUSEHOLDS}
     WHERE kab_kode = ${str(KOTA_SERANG)} AND desil >= 6 AND NOT unlisted AND NOT no_health_insurance`
  );
  return people / Number(rows[0]?.n);
}

async function nationalProgrammes(connection: DuckDBConnection, leakRate: number): Promise<void> {
  const a = ASSUMPTIONS;
  const apbn = a.pbiApbnCoverage.map((p) => p ?? leakRate) as unknown as ByDesil;
  const u = (tag: string) => `_synth_u(h.kab_kode, h.seq, ${str(tag)})`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${POOL} AS
     WITH d AS (
       SELECT h.*,
              NOT h.unlisted AND NOT h.no_health_insurance AND ${u("pbi_apbn")} < (${numList(apbn)})[h.desil] AS pbi_apbn,
              NOT h.unlisted AND (h.members >= 3 OR h.elderly OR h.disability) AND ${u("pkh")} < (${numList(a.pkhCoverage)})[h.desil] AS pkh,
              ${u("bpnt")} < (${numList(a.bpntCoverage)})[h.desil] AS bpnt_draw
       FROM ${WORK_HOUSEHOLDS} h
     )
     -- Listed target households that drew neither PBI nor PKH get BPNT: only unlisted ones stay untouched.
     SELECT * EXCLUDE (bpnt_draw), NOT unlisted AND (bpnt_draw OR (on_target AND NOT pbi_apbn AND NOT pkh)) AS bpnt FROM d`
  );
}

async function insertNational(connection: DuckDBConnection, programmes: readonly Programme[], seed: number): Promise<void> {
  const source = `sintetis (seed ${seed}): cakupan asumsi per desil, lihat loaders/synth/assumptions.ts`;
  const year = String(ASSUMPTIONS.receiptYear);
  for (const [code, period, units] of [
    ["pkh", year, "1"],
    ["bpnt", year, "1"],
    ["pbi_apbn", ASSUMPTIONS.pbiBasePeriod, "members"]
  ] as const) {
    const p = programmeOf(programmes, code);
    await connection.run(
      `INSERT INTO ${RECEIPTS}
       SELECT hh_id, seq, kab_kode, ${str(p.code)}, ${str(p.funder)}, ${str(period)}, (${units})::DOUBLE, NULL::DOUBLE, ${str(source)}
       FROM ${POOL} WHERE ${code}`
    );
  }
}

/** Splits a quota into a main share and a leakage share (at least the rounding stays exact). */
function splitLeak(quota: number, leakage: number): [number, number] {
  const main = Math.round(quota * (1 - leakage));
  return [main, quota - main];
}

const city = (quota: number) => [{ area: KOTA_SERANG, quota }];

async function kotaSerangProgrammes(
  connection: DuckDBConnection,
  plan: SynthPlan,
  programmes: readonly Programme[],
  allocations: readonly ProgrammeAllocation[]
): Promise<string[]> {
  const a = ASSUMPTIONS;
  const year = a.receiptYear;
  const seed = plan.seed;
  const source = (code: string) => `sintetis (seed ${seed}): meniru programme_allocations.csv (${code} ${year})`;
  const tables: string[] = [];
  const draw = async (d: Draw) => {
    await runDraw(connection, d);
    tables.push(d.table);
  };

  // Sembako kota: published kecamatan splits; the rest to the kecamatan the source does not name, by target-list size.
  const sembakoTotal = allocation(allocations, { programme_code: "sembako_kota", area_kode: KOTA_SERANG, year });
  const kecs = plan.kecamatan.filter((k) => k.kab_kode === KOTA_SERANG);
  const named = allocations.filter((x) => x.programme_code === "sembako_kota" && x.year === year && x.area_kode.startsWith(KOTA_SERANG) && x.area_kode.length === 6);
  const namedUnits = named.reduce((s, x) => s + x.planned_units, 0);
  const unnamed = kecs.filter((k) => !named.some((x) => x.area_kode === k.kec_kode));
  const rest = apportion(sembakoTotal.planned_units - namedUnits, unnamed.map((k) => k.target_desil1 + k.target_desil2));
  const sembakoQuotas = [
    ...named.map((x) => ({ area: x.area_kode, quota: x.planned_units })),
    ...unnamed.map((k, i) => ({ area: k.kec_kode, quota: rest[i]! }))
  ];
  const s = a.sembakoKota;
  const split = sembakoQuotas.map((q) => ({ area: q.area, parts: splitLeak(q.quota, s.leakage) }));
  await draw({
    table: "_synth_pick_sembako_kota",
    tag: "sembako_kota",
    pool: `NOT h.unlisted AND h.desil <= ${s.mainDesilMax}`,
    weight: `CASE WHEN h.on_target THEN ${num(s.targetWeight)} ELSE 1 END`,
    area: "kec_kode",
    quotas: split.map((q) => ({ area: q.area, quota: q.parts[0] })),
    by: "households"
  });
  await draw({
    table: "_synth_pick_sembako_kota_leak",
    tag: "sembako_kota_leak",
    pool: `NOT h.unlisted AND h.desil BETWEEN ${s.leakDesil[0]} AND ${s.leakDesil[1]}`,
    weight: "1",
    area: "kec_kode",
    quotas: split.map((q) => ({ area: q.area, quota: q.parts[1] })),
    by: "households"
  });
  for (const t of ["_synth_pick_sembako_kota", "_synth_pick_sembako_kota_leak"]) {
    await insertReceipts(connection, t, programmeOf(programmes, "sembako_kota"), a.sembakoPeriod, null, source("sembako_kota"));
  }
  if (sembakoTotal.budget_rp !== null) await spreadBudget(connection, "sembako_kota", sembakoTotal.budget_rp);

  // Province packages: people with disabilities, then neglected children (households with children).
  const p = a.sembakoProvinsi;
  const disabled = allocation(allocations, { programme_code: "sembako_provinsi", area_kode: KOTA_SERANG, component: "penyandang_disabilitas", year });
  const children = allocation(allocations, { programme_code: "sembako_provinsi", area_kode: KOTA_SERANG, component: "anak_terlantar", year });
  await draw({
    table: "_synth_pick_prov_disabilitas",
    tag: "sembako_provinsi_disabilitas",
    pool: `NOT h.unlisted AND h.desil <= ${p.desilMax} AND h.disability`,
    weight: `${p.desilMax + 1} - h.desil`,
    area: "kab_kode",
    quotas: city(disabled.planned_units),
    by: "households"
  });
  await draw({
    table: "_synth_pick_prov_anak",
    tag: "sembako_provinsi_anak",
    pool: `NOT h.unlisted AND h.desil <= ${p.desilMax} AND h.members >= 3`,
    weight: `CASE WHEN h.out_of_school_child THEN ${num(p.outOfSchoolWeight)} ELSE 1 END`,
    area: "kab_kode",
    quotas: city(children.planned_units),
    by: "households",
    exclude: ["_synth_pick_prov_disabilitas"]
  });
  for (const t of ["_synth_pick_prov_disabilitas", "_synth_pick_prov_anak"]) {
    await insertReceipts(connection, t, programmeOf(programmes, "sembako_provinsi"), a.sembakoPeriod, null, source("sembako_provinsi"));
  }

  // Orphans: children per month; some households care for two.
  const y = a.yatimPiatu;
  const orphans = allocation(allocations, { programme_code: "yatim_piatu", area_kode: KOTA_SERANG, status: "realisasi", year }).planned_units;
  const orphanHouseholds = Math.round(orphans / (1 + y.shareTwoOrphans));
  await draw({
    table: "_synth_pick_yatim",
    tag: "yatim_piatu",
    pool: `NOT h.unlisted AND h.desil <= ${y.desilMax} AND h.members >= 2`,
    weight: `${y.desilMax + 1} - h.desil`,
    area: "kab_kode",
    quotas: city(orphanHouseholds),
    by: "households"
  });
  const yatim = programmeOf(programmes, "yatim_piatu");
  await connection.run(
    `INSERT INTO ${RECEIPTS}
     SELECT hh_id, seq, kab_kode, ${str(yatim.code)}, ${str(yatim.funder)}, ${str(String(year))} || '-' || lpad(m::VARCHAR, 2, '0'),
            children, ${yatim.unit_cost_rp === null ? "NULL::DOUBLE" : `children * ${num(yatim.unit_cost_rp)}`}, ${str(source("yatim_piatu"))}
     FROM (SELECT *, CASE WHEN r <= ${num(orphans - orphanHouseholds)} THEN 2.0 ELSE 1.0 END AS children FROM _synth_pick_yatim), range(1, 13) AS months(m)`
  );

  // PBI APBD: base quota (some duplicated with APBN) and the 10,000 extra places for the uninsured.
  const b = a.pbiApbd;
  const base = allocation(allocations, { programme_code: "pbi_apbd", area_kode: KOTA_SERANG, component: "dasar", year }).planned_units;
  const extra = allocation(allocations, { programme_code: "pbi_apbd", area_kode: KOTA_SERANG, component: "tambahan", year }).planned_units;
  const [baseMain, baseDuplicate] = splitLeak(base, b.baseDuplicateShare);
  await draw({
    table: "_synth_pick_pbi_base",
    tag: "pbi_apbd_base",
    pool: `NOT h.unlisted AND NOT h.no_health_insurance AND NOT h.pbi_apbn AND h.desil <= ${b.baseDesilMax}`,
    weight: `${b.baseDesilMax + 1} - h.desil`,
    area: "kab_kode",
    quotas: city(baseMain),
    by: "people"
  });
  await draw({
    table: "_synth_pick_pbi_dup",
    tag: "pbi_apbd_duplicate",
    pool: `NOT h.unlisted AND h.pbi_apbn AND h.desil <= ${b.baseDesilMax}`,
    weight: `${b.baseDesilMax + 1} - h.desil`,
    area: "kab_kode",
    quotas: city(baseDuplicate),
    by: "people"
  });
  const [extraMain, extraLeak] = splitLeak(extra, b.extraLeakage);
  await draw({
    table: "_synth_pick_pbi_extra",
    tag: "pbi_apbd_extra",
    pool: `NOT h.unlisted AND h.no_health_insurance AND h.desil <= ${b.extraDesilMax}`,
    weight: `${b.extraDesilMax + 1} - h.desil`,
    area: "kab_kode",
    quotas: city(extraMain),
    by: "people"
  });
  await draw({
    table: "_synth_pick_pbi_extra_leak",
    tag: "pbi_apbd_extra_leak",
    pool: `NOT h.unlisted AND h.no_health_insurance AND h.desil BETWEEN ${b.extraLeakDesil[0]} AND ${b.extraLeakDesil[1]}`,
    weight: "1",
    area: "kab_kode",
    quotas: city(extraLeak),
    by: "people"
  });
  const pbi = programmeOf(programmes, "pbi_apbd");
  for (const t of ["_synth_pick_pbi_base", "_synth_pick_pbi_dup"]) await insertReceipts(connection, t, pbi, a.pbiBasePeriod, null, source("pbi_apbd"));
  for (const t of ["_synth_pick_pbi_extra", "_synth_pick_pbi_extra_leak"]) await insertReceipts(connection, t, pbi, a.pbiExtraPeriod, null, source("pbi_apbd"));

  // CSR houses for unfit houses.
  const r = a.rtlhCsr;
  const houses = allocation(allocations, { programme_code: "rtlh_csr", area_kode: KOTA_SERANG, year }).planned_units;
  const [housesMain, housesLeak] = splitLeak(houses, r.leakage);
  await draw({
    table: "_synth_pick_rtlh",
    tag: "rtlh_csr",
    pool: `NOT h.unlisted AND h.unfit_house AND h.desil <= ${r.desilMax}`,
    weight: `${r.desilMax + 1} - h.desil`,
    area: "kab_kode",
    quotas: city(housesMain),
    by: "households"
  });
  await draw({
    table: "_synth_pick_rtlh_leak",
    tag: "rtlh_csr_leak",
    pool: `NOT h.unlisted AND h.unfit_house AND h.desil BETWEEN ${r.leakDesil[0]} AND ${r.leakDesil[1]}`,
    weight: "1",
    area: "kab_kode",
    quotas: city(housesLeak),
    by: "households"
  });
  for (const t of ["_synth_pick_rtlh", "_synth_pick_rtlh_leak"]) {
    await insertReceipts(connection, t, programmeOf(programmes, "rtlh_csr"), String(year), null, source("rtlh_csr"));
  }
  return tables;
}

/** Draws all receipts for the plan into the public table `name` (PROGRAMME_RECEIPTS_SCHEMA columns). */
export async function drawReceipts(
  connection: DuckDBConnection,
  plan: SynthPlan,
  programmes: readonly Programme[],
  allocations: readonly ProgrammeAllocation[],
  pbiApbnDesil6to10People: number,
  name: string
): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${RECEIPTS} (hh_id VARCHAR, seq BIGINT, kab_kode VARCHAR, programme_code VARCHAR, funder VARCHAR, period VARCHAR, units DOUBLE, value_rp DOUBLE, source VARCHAR)`
  );
  const leakRate = await pbiApbnLeakRate(connection, pbiApbnDesil6to10People);
  await nationalProgrammes(connection, leakRate);
  await insertNational(connection, programmes, plan.seed);
  const picks = plan.kabkota.some((k) => k.kab_kode === KOTA_SERANG) ? await kotaSerangProgrammes(connection, plan, programmes, allocations) : [];
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * EXCLUDE (seq) FROM ${RECEIPTS} ORDER BY kab_kode, seq, programme_code, funder, period`);
  for (const t of [...picks, RECEIPTS, POOL]) await connection.run(`DROP TABLE IF EXISTS ${t}`);
}
