// Draws the synthetic households in DuckDB SQL from the plan. Randomness is hash(seed, kab, seq, tag)
// turned into a uniform number, never random(), so the rows are the same for a seed whatever the
// thread count; every window has a total order (…, seq) so ties cannot reorder between runs.
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../lib/duck.js";
import { PSEUDONYM_HEX_LENGTH } from "../lib/pseudonym.js";
import { ASSUMPTIONS } from "./assumptions.js";
import { tailSigma, type KabDistribution } from "./distribution.js";
import type { SynthPlan } from "./plan.js";
import { num, numList, str, valuesTable } from "./sql.js";

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
 * Step 1: households with kecamatan, kelurahan, a latent welfare score w, size, registry desil,
 * target list and gap. w ~ N(0, 1) shifted down in poverty-pocket kelurahan; household size is drawn
 * from the size model of the household's true welfare decile (w within the kab/kota); the registry
 * desil ranks a noisy proxy-means score (w + noise) inside each kecamatan into the plan's desil
 * counts, so the registry ranks households imperfectly, as real PMT does. Windows carry only a few
 * narrow columns; plan lists are joined back after the sorts.
 */
function drawHouseholdsSql(): string {
  const a = ASSUMPTIONS;
  return `CREATE OR REPLACE TEMP TABLE _synth_hh_draw AS
WITH base AS (
  SELECT kab_kode, kec_kode, kab_offset + j AS seq, CASE WHEN n_kel = 0 THEN NULL ELSE j % n_kel END AS kel_idx
  FROM (SELECT kab_kode, kec_kode, kab_offset, n_kel, unnest(range(households)) AS j FROM _synth_kec)
), located AS (
  SELECT b.kab_kode, b.kec_kode, b.seq, l.kel_kode,
         sqrt(-2 * ln(_synth_u(b.kab_kode, b.seq, 'z1'))) * cos(2 * pi() * _synth_u(b.kab_kode, b.seq, 'z2'))
           - ${num(a.pocketStrength)} * (coalesce(l.pocket, 0.5) - 0.5) AS w
  FROM base b LEFT JOIN _synth_kel l ON l.kec_kode = b.kec_kode AND l.idx = b.kel_idx
), scored AS (
  SELECT *, w + ${num(a.pmtNoise)} * sqrt(-2 * ln(_synth_u(kab_kode, seq, 'pmt1'))) * cos(2 * pi() * _synth_u(kab_kode, seq, 'pmt2')) AS pmt
  FROM located
), ranked AS (
  SELECT kab_kode, kec_kode, seq, kel_kode, w,
         row_number() OVER (PARTITION BY kec_kode ORDER BY w, seq) AS true_rank,
         row_number() OVER (PARTITION BY kec_kode ORDER BY pmt, seq) AS desil_rank
  FROM scored
), desiled AS (
  -- true_desil: the desil the household would have under a perfect ranking (its size depends on it);
  -- desil: the registry's, from the noisy proxy-means score. Both use the plan's desil counts.
  SELECT r.*, (len(list_filter(k.desil_cum, c -> c < r.true_rank)) + 1)::TINYINT AS true_desil,
         (len(list_filter(k.desil_cum, c -> c < r.desil_rank)) + 1)::TINYINT AS desil
  FROM ranked r JOIN _synth_kec k ON k.kec_kode = r.kec_kode
), listed AS (
  -- The same random order picks the target list (first target_d) and, inside it, the unlisted gap (first untouched_d).
  SELECT *, row_number() OVER (PARTITION BY kec_kode, desil ORDER BY _synth_u(kab_kode, seq, 'target'), seq) AS rt FROM desiled
)
SELECT l.kab_kode, l.kec_kode, l.kel_kode, l.seq, l.desil,
       CASE l.desil WHEN 1 THEN l.rt <= k.target1 WHEN 2 THEN l.rt <= k.target2 ELSE false END AS on_target,
       CASE l.desil WHEN 1 THEN l.rt <= k.untouched1 WHEN 2 THEN l.rt <= k.untouched2 ELSE false END AS unlisted,
       (len(list_filter(s.size_cdf, c -> c < _synth_u(l.kab_kode, l.seq, 'members'))) + 1)::SMALLINT AS members,
       l.w AS z
FROM listed l
JOIN _synth_kec k ON k.kec_kode = l.kec_kode
JOIN _synth_size s ON s.kab_kode = l.kab_kode AND s.desil = l.true_desil`;
}

/**
 * Per kab/kota: the person-weighted quantiles of w at P0 and at the extreme rate (midpoints between
 * two households), and the split-lognormal parameters that put exactly those people below GK and
 * below the extreme line (see distribution.ts).
 */
async function expenditureTable(connection: DuckDBConnection, plan: SynthPlan, distributions: ReadonlyMap<string, KabDistribution>): Promise<void> {
  const present = plan.kabkota.map((k) => k.kab_kode);
  const missing = present.filter((k) => !distributions.has(k));
  if (missing.length > 0) throw new Error(`Tidak ada distribusi pengeluaran (GK, P0, perkiraan ekstrem) untuk ${missing.join(", ")}.`);
  const t = present.map((k) => {
    const d = distributions.get(k)!;
    return [str(k), num(d.p0), num(d.extreme)];
  });
  const rows = await queryRows(
    connection,
    `WITH t AS (SELECT * FROM ${valuesTable(t, ["kab_kode", "p0", "extreme"])}),
     c AS (
       SELECT h.kab_kode, h.z, t.p0, t.extreme,
              sum(h.members) OVER (PARTITION BY h.kab_kode ORDER BY h.z, h.seq ROWS UNBOUNDED PRECEDING) AS cum,
              sum(h.members) OVER (PARTITION BY h.kab_kode) AS total
       FROM _synth_hh_draw h JOIN t ON t.kab_kode = h.kab_kode
     )
     SELECT kab_kode,
            (coalesce(max(z) FILTER (WHERE cum <= p0 * total), min(z) - 1) + coalesce(min(z) FILTER (WHERE cum > p0 * total), max(z) + 1)) / 2 AS w0,
            (coalesce(max(z) FILTER (WHERE cum <= extreme * total), min(z) - 1) + coalesce(min(z) FILTER (WHERE cum > extreme * total), max(z) + 1)) / 2 AS we
     FROM c GROUP BY kab_kode ORDER BY kab_kode`
  );
  const values = rows.map((r) => {
    const d = distributions.get(String(r.kab_kode))!;
    const w0 = Number(r.w0);
    const sigmaTail = tailSigma(d.ratio, w0, Number(r.we));
    return [str(d.kab_kode), num(d.poverty_line_rp), num(w0), num(sigmaTail), num(ASSUMPTIONS.pceSigmaUpper)];
  });
  await connection.run(`CREATE OR REPLACE TEMP TABLE _synth_pce AS SELECT * FROM ${valuesTable(values, ["kab_kode", "line", "w0", "sigma_tail", "sigma_upper"])}`);
}

/** Step 2: expenditure, vulnerability flags and hh_id. */
function finishHouseholdsSql(seed: number): string {
  const a = ASSUMPTIONS;
  const flag = (tag: string) => `_synth_u(h.kab_kode, h.seq, '${tag}')`;
  return `CREATE OR REPLACE TEMP TABLE ${WORK_HOUSEHOLDS} AS
SELECT ${hhIdExpression(seed)} AS hh_id, h.seq, h.kab_kode, h.kec_kode, h.kel_kode, h.desil, h.members,
       round(p.line * exp(CASE WHEN h.z < p.w0 THEN p.sigma_tail ELSE p.sigma_upper END * (h.z - p.w0))) AS pce_month_rp,
       h.on_target, h.unlisted,
       ${flag("disability")} < ${byDesil(a.disability)} AS disability,
       ${flag("elderly")} < ${byDesil(a.elderly)} AS elderly,
       h.members >= 3 AND ${flag("school")} < ${byDesil(a.outOfSchoolChild)} AS out_of_school_child,
       ${flag("house")} < ${byDesil(a.unfitHouse)} AS unfit_house,
       ${flag("jkn")} < CASE WHEN h.unlisted THEN ${num(a.noHealthInsuranceUnlisted)} ELSE ${byDesil(a.noHealthInsurance)} END AS no_health_insurance,
       ${flag("female")} < ${byDesil(a.femaleHead)} AS female_head
FROM _synth_hh_draw h JOIN _synth_pce p ON p.kab_kode = h.kab_kode`;
}

/** Builds the working household table for the plan. */
export async function drawHouseholds(connection: DuckDBConnection, plan: SynthPlan, distributions: ReadonlyMap<string, KabDistribution>): Promise<void> {
  await connection.run(uniformMacro(plan.seed));
  await loadPlanTables(connection, plan);
  await connection.run(drawHouseholdsSql());
  await expenditureTable(connection, plan, distributions);
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
