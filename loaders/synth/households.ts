// Draws the synthetic households in DuckDB SQL from the plan. Randomness is hash(seed, kab, seq, tag)
// turned into a uniform number, never random(), so the rows are the same for a seed whatever the
// thread count; every window has a total order (…, seq) so ties cannot reorder between runs.
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../lib/duck.js";
import { PSEUDONYM_HEX_LENGTH } from "../lib/pseudonym.js";
import { ASSUMPTIONS } from "./assumptions.js";
import type { PovertyLine } from "./inputs.js";
import type { SynthPlan } from "./plan.js";
import { nullableNum, num, numList, str, valuesTable } from "./sql.js";

/** Working table with every household column plus the internals (seq, unlisted) the receipts need. */
export const WORK_HOUSEHOLDS = "_synth_hh";

/**
 * Defines _synth_u(key, seq, tag): a uniform number in (0, 1) from 53 bits of a hash. DuckDB combines
 * multi-argument hashes weakly (streams for two tags correlate), so the tag is mixed in by re-hashing:
 * hash(hash(seed, key, seq) XOR hash(tag)), whose 64-bit finaliser makes the streams independent.
 */
export function uniformMacro(seed: number): string {
  return `CREATE OR REPLACE TEMP MACRO _synth_u(k, s, tag) AS
    ((hash(xor(hash(${num(seed)}::INTEGER, k::VARCHAR, s::BIGINT), hash(tag::VARCHAR))) >> 11)::DOUBLE + 0.5) / 9007199254740992.0`;
}

/**
 * hh_id = first PSEUDONYM_HEX_LENGTH (24) hex characters of sha256('synthetic-<seed>-<kab_kode>-<seq>'), where seq
 * is the household's sequence number within its kab/kota. Synthetic households have no NIK or NO_KK to key-hash,
 * so the id is a plain hash of the sequence; it has the same length as real pseudonyms (loaders/lib/pseudonym.ts).
 */
export function hhIdExpression(seed: number, alias = "h"): string {
  return `substr(sha256('synthetic-' || ${str(String(seed))} || '-' || ${alias}.kab_kode || '-' || ${alias}.seq::VARCHAR), 1, ${num(PSEUDONYM_HEX_LENGTH)})`;
}

function cumulative(xs: readonly number[]): number[] {
  let total = 0;
  return xs.map((x) => (total += x));
}

async function loadPlanTables(connection: DuckDBConnection, plan: SynthPlan): Promise<void> {
  const kec = plan.kecamatan.map((k) => [
    str(k.kab_kode),
    str(k.kec_kode),
    `${num(k.households)}::BIGINT`,
    `${num(k.kab_offset)}::BIGINT`,
    num(k.kelurahan.length),
    numList(cumulative(k.desil_counts), "BIGINT"),
    num(k.target_desil1),
    num(k.target_desil2),
    num(k.untouched_desil1),
    num(k.untouched_desil2)
  ]);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE _synth_kec AS SELECT * FROM ${valuesTable(kec, [
      "kab_kode", "kec_kode", "households", "kab_offset", "n_kel", "desil_cum", "target1", "target2", "untouched1", "untouched2"
    ])}`
  );
  const kel = plan.kecamatan.flatMap((k) => k.kelurahan.map((code, i) => [str(k.kec_kode), num(i), str(code)]));
  await connection.run(
    kel.length === 0
      ? "CREATE OR REPLACE TEMP TABLE _synth_kel (kec_kode VARCHAR, idx INTEGER, kel_kode VARCHAR, pocket DOUBLE)"
      : `CREATE OR REPLACE TEMP TABLE _synth_kel AS
         SELECT kec_kode, idx, kel_kode, _synth_u(kel_kode, 0, 'pocket') AS pocket FROM ${valuesTable(kel, ["kec_kode", "idx", "kel_kode"])}`
  );
  const sizes = plan.kabkota.flatMap((k) => k.size_cdf.map((cdf, i) => [str(k.kab_kode), `${i + 1}::TINYINT`, numList(cdf)]));
  await connection.run(`CREATE OR REPLACE TEMP TABLE _synth_size AS SELECT * FROM ${valuesTable(sizes, ["kab_kode", "desil", "size_cdf"])}`);
}

/** Flag rate lookup by desil, e.g. ([0.12, …])[h.desil]. */
function byDesil(values: readonly number[]): string {
  return `(${numList(values)})[h.desil]`;
}

/**
 * Step 1: households with kecamatan, kelurahan, desil, target list, gap, size and z (expenditure comes later).
 * Windows carry only a few narrow columns; plan lists are joined back after the sorts.
 */
function drawHouseholdsSql(): string {
  return `CREATE OR REPLACE TEMP TABLE _synth_hh_draw AS
WITH base AS (
  SELECT kab_kode, kec_kode, kab_offset + j AS seq, CASE WHEN n_kel = 0 THEN NULL ELSE j % n_kel END AS kel_idx
  FROM (SELECT kab_kode, kec_kode, kab_offset, n_kel, unnest(range(households)) AS j FROM _synth_kec)
), located AS (
  SELECT b.kab_kode, b.kec_kode, b.seq, l.kel_kode, coalesce(l.pocket, 0.5) AS pocket
  FROM base b LEFT JOIN _synth_kel l ON l.kec_kode = b.kec_kode AND l.idx = b.kel_idx
), ranked AS (
  -- Poverty pockets: a kelurahan effect shifts the desil ranking inside each kecamatan.
  SELECT kab_kode, kec_kode, seq, kel_kode, row_number() OVER (
    PARTITION BY kec_kode ORDER BY _synth_u(kab_kode, seq, 'desil') + ${num(ASSUMPTIONS.pocketStrength)} * (pocket - 0.5), seq
  ) AS desil_rank
  FROM located
), desiled AS (
  SELECT r.kab_kode, r.kec_kode, r.seq, r.kel_kode, (len(list_filter(k.desil_cum, c -> c < r.desil_rank)) + 1)::TINYINT AS desil
  FROM ranked r JOIN _synth_kec k ON k.kec_kode = r.kec_kode
), listed AS (
  -- The same random order picks the target list (first target_d) and, inside it, the unlisted gap (first untouched_d).
  SELECT *, row_number() OVER (PARTITION BY kec_kode, desil ORDER BY _synth_u(kab_kode, seq, 'target'), seq) AS rt FROM desiled
)
SELECT l.kab_kode, l.kec_kode, l.kel_kode, l.seq, l.desil,
       CASE l.desil WHEN 1 THEN l.rt <= k.target1 WHEN 2 THEN l.rt <= k.target2 ELSE false END AS on_target,
       CASE l.desil WHEN 1 THEN l.rt <= k.untouched1 WHEN 2 THEN l.rt <= k.untouched2 ELSE false END AS unlisted,
       (len(list_filter(s.size_cdf, c -> c < _synth_u(l.kab_kode, l.seq, 'members'))) + 1)::SMALLINT AS members,
       sqrt(-2 * ln(_synth_u(l.kab_kode, l.seq, 'z1'))) * cos(2 * pi() * _synth_u(l.kab_kode, l.seq, 'z2')) AS z
FROM listed l
JOIN _synth_kec k ON k.kec_kode = l.kec_kode
JOIN _synth_size s ON s.kab_kode = l.kab_kode AND s.desil = l.desil`;
}

/** Per kab/kota: the z below which desil-1 households hold `extreme_people` people (midpoint between two households). */
async function desil1Thresholds(connection: DuckDBConnection, plan: SynthPlan): Promise<Map<string, number>> {
  const targets = plan.kabkota.filter((k) => k.extreme_people !== null);
  if (targets.length === 0) return new Map();
  const rows = await queryRows(
    connection,
    `WITH t AS (SELECT * FROM ${valuesTable(targets.map((k) => [str(k.kab_kode), nullableNum(k.extreme_people)]), ["kab_kode", "people"])}),
     d1 AS (
       SELECT h.kab_kode, h.z, t.people,
              sum(h.members) OVER (PARTITION BY h.kab_kode ORDER BY h.z, h.seq ROWS UNBOUNDED PRECEDING) AS cum
       FROM _synth_hh_draw h JOIN t ON t.kab_kode = h.kab_kode WHERE h.desil = 1
     )
     SELECT kab_kode,
            coalesce(max(z) FILTER (WHERE cum <= people), min(z) - 1) AS below,
            coalesce(min(z) FILTER (WHERE cum > people), max(z) + 1) AS above
     FROM d1 GROUP BY kab_kode ORDER BY kab_kode`
  );
  return new Map(rows.map((r) => [String(r.kab_kode), (Number(r.below) + Number(r.above)) / 2]));
}

/**
 * Desil expenditure parameters per kab/kota; desil 1's median is moved so that exactly the calibrated
 * households fall below the extreme line: log(pce) = log(line) + sigma·(z − z*).
 */
async function expenditureTable(connection: DuckDBConnection, plan: SynthPlan, line: PovertyLine): Promise<void> {
  const thresholds = await desil1Thresholds(connection, plan);
  const rows: string[][] = [];
  for (const kab of plan.kabkota) {
    kab.expenditure.forEach((e, i) => {
      let median = e.median;
      const z = thresholds.get(kab.kab_kode);
      if (i === 0 && z !== undefined) median = line.rp * Math.exp(-e.sigma * z);
      if (i === 0 && !(median < kab.expenditure[1]!.median)) {
        throw new Error(`Kalibrasi ${kab.kab_kode}: median desil 1 (Rp${Math.round(median)}) tidak di bawah desil 2; pengeluaran tidak lagi monoton.`);
      }
      rows.push([str(kab.kab_kode), `${i + 1}::TINYINT`, num(median), num(e.sigma)]);
    });
  }
  await connection.run(`CREATE OR REPLACE TEMP TABLE _synth_pce AS SELECT * FROM ${valuesTable(rows, ["kab_kode", "desil", "median", "sigma"])}`);
}

/** Step 2: expenditure, vulnerability flags and hh_id. */
function finishHouseholdsSql(seed: number): string {
  const a = ASSUMPTIONS;
  const flag = (tag: string) => `_synth_u(h.kab_kode, h.seq, '${tag}')`;
  return `CREATE OR REPLACE TEMP TABLE ${WORK_HOUSEHOLDS} AS
SELECT ${hhIdExpression(seed)} AS hh_id, h.seq, h.kab_kode, h.kec_kode, h.kel_kode, h.desil, h.members,
       round(p.median * exp(p.sigma * h.z)) AS pce_month_rp,
       h.on_target, h.unlisted,
       ${flag("disability")} < ${byDesil(a.disability)} AS disability,
       ${flag("elderly")} < ${byDesil(a.elderly)} AS elderly,
       h.members >= 3 AND ${flag("school")} < ${byDesil(a.outOfSchoolChild)} AS out_of_school_child,
       ${flag("house")} < ${byDesil(a.unfitHouse)} AS unfit_house,
       ${flag("jkn")} < CASE WHEN h.unlisted THEN ${num(a.noHealthInsuranceUnlisted)} ELSE ${byDesil(a.noHealthInsurance)} END AS no_health_insurance,
       ${flag("female")} < ${byDesil(a.femaleHead)} AS female_head
FROM _synth_hh_draw h JOIN _synth_pce p ON p.kab_kode = h.kab_kode AND p.desil = h.desil`;
}

/** Builds the working household table for the plan. */
export async function drawHouseholds(connection: DuckDBConnection, plan: SynthPlan, line: PovertyLine): Promise<void> {
  await connection.run(uniformMacro(plan.seed));
  await loadPlanTables(connection, plan);
  await connection.run(drawHouseholdsSql());
  await expenditureTable(connection, plan, line);
  await connection.run(finishHouseholdsSql(plan.seed));
  await connection.run("DROP TABLE IF EXISTS _synth_hh_draw");
}

/** The public household table: exactly REGISTRY_HOUSEHOLDS_SCHEMA's columns; rows in generation order (kab/kota, kecamatan, kelurahan). */
export function publicHouseholdsSql(name: string, seed: number): string {
  return `CREATE OR REPLACE TEMP TABLE ${name} AS
SELECT hh_id, kel_kode, kec_kode, kab_kode, desil::TINYINT AS desil, members::SMALLINT AS members,
       pce_month_rp::DOUBLE AS pce_month_rp, false AS pce_imputed, on_target AS on_target_list,
       disability, elderly, out_of_school_child, unfit_house, no_health_insurance, female_head,
       DATE ${str(ASSUMPTIONS.snapshotDate)} AS snapshot_date,
       ${str(`sintetis (seed ${seed}); dikalibrasi ke agregat terbit, lihat loaders/synth/README.md`)} AS source
FROM ${WORK_HOUSEHOLDS}
ORDER BY kab_kode, seq`;
}
