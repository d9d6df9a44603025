// SQL behind /periksa: matching the people of the opened lists by NIK and by normalised name and
// address (DuckDB's jaro_winkler_similarity), compared only inside blocks (area + first letter of
// the name, see periksa/normalise.ts) so two lists of 50,000 rows need a few hundred thousand
// comparisons, not 2.5 billion (two blocking keys per person, see normalise.ts). The people table is built in the page from the user's own files.
import { Bool, makeData, makeVector, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from "apache-arrow";
import type { ListPerson } from "./list-rows.js";
import { sql, type SqlQuery } from "../core/sql.js";

export const PEOPLE_TABLE = "periksa_people";

/** One person row as matched: its id (index in the page's list of people) and its list. */
export interface PeopleColumns {
  readonly pid: number[];
  readonly list: number[];
  readonly nik: (string | null)[];
  readonly nameKey: string[];
  readonly addressKey: string[];
  readonly addressNumbers: string[];
  /** The two blocks as small integers (same key text = same number): an integer join is cheaper. */
  readonly block1: number[];
  readonly block2: number[];
  readonly target: boolean[];
}

export function peopleColumns(lists: readonly { readonly people: readonly ListPerson[]; readonly target: boolean }[]): PeopleColumns {
  const columns: PeopleColumns = { pid: [], list: [], nik: [], nameKey: [], addressKey: [], addressNumbers: [], block1: [], block2: [], target: [] };
  const blocks = new Map<string, number>();
  let pid = 0;
  lists.forEach((list, index) => {
    for (const person of list.people) {
      const [key1, key2] = person.blocks;
      let block1 = blocks.get(key1);
      if (block1 === undefined) blocks.set(key1, (block1 = blocks.size));
      let block2 = blocks.get(key2);
      if (block2 === undefined) blocks.set(key2, (block2 = blocks.size));
      columns.pid.push(pid++);
      columns.list.push(index);
      columns.nik.push(person.nik);
      columns.nameKey.push(person.nameKey);
      columns.addressKey.push(person.addressKey);
      columns.addressNumbers.push(person.addressNumbers);
      columns.block1.push(block1);
      columns.block2.push(block2);
      columns.target.push(list.target);
    }
  });
  return columns;
}

const ENCODER = new TextEncoder();

/** A Utf8 vector built directly from offsets and bytes (Arrow's generic builder is ~50× slower here). */
function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const encoded = values.map((v) => (v === null ? null : ENCODER.encode(v)));
  const offsets = new Int32Array(values.length + 1);
  let total = 0;
  encoded.forEach((bytes, i) => {
    total += bytes?.length ?? 0;
    offsets[i + 1] = total;
  });
  const data = new Uint8Array(total);
  encoded.forEach((bytes, i) => bytes && data.set(bytes, offsets[i]!));
  let nullCount = 0;
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v === null) nullCount++;
    else nullBitmap[i >> 3]! |= 1 << (i & 7);
  });
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap: nullCount > 0 ? nullBitmap : null, valueOffsets: offsets, data }));
}

/** The people table as an Arrow IPC stream (explicit types: plain strings, no dictionaries). */
export function peopleIpc(columns: PeopleColumns): Uint8Array {
  const table = new Table({
    pid: makeVector(Int32Array.from(columns.pid)),
    list: makeVector(Int32Array.from(columns.list)),
    nik: utf8Vector(columns.nik),
    name_key: utf8Vector(columns.nameKey),
    addr_key: utf8Vector(columns.addressKey),
    addr_num: utf8Vector(columns.addressNumbers),
    block1: makeVector(Int32Array.from(columns.block1)),
    block2: makeVector(Int32Array.from(columns.block2)),
    target: vectorFromArray(columns.target, new Bool())
  });
  return tableToIPC(table, "stream");
}

export interface MatchPair {
  readonly a: number;
  readonly b: number;
  /** "nik": same valid NIK; "nama_alamat": names (and addresses, when both lists give one) at or above the threshold. */
  readonly how: "nik" | "nama_alamat";
  readonly name_sim: number | null;
  readonly addr_sim: number | null;
}

/**
 * Every pair of people (a < b) that is the same person: the same valid NIK, or, when the NIKs do not
 * both agree, within a shared block, a name similarity ≥ threshold and an address similarity ≥
 * threshold (address ignored when either row has none) with the same address numbers (house, RT, RW)
 * when both give them.
 */
export function matchPairsQuery(threshold: number): SqlQuery {
  // Jaro-Winkler ≥ t needs Jaro ≥ (t − 0.4) / 0.6 (the prefix bonus adds at most 0.4 × (1 − Jaro)),
  // and Jaro ≤ (2 + shorter/longer) / 3: pairs whose name lengths differ more cannot match.
  const minLengthRatio = Math.max(0, 3 * ((threshold - 0.4) / 0.6) - 2);
  return sql`
    WITH by_nik AS (
      SELECT a.pid AS a, b.pid AS b, 'nik' AS how, NULL::DOUBLE AS name_sim, NULL::DOUBLE AS addr_sim
      FROM periksa_people a JOIN periksa_people b ON a.nik = b.nik AND a.pid < b.pid
    ),
    candidates AS (
      SELECT a.pid AS a, b.pid AS b FROM periksa_people a JOIN periksa_people b ON a.block1 = b.block1 AND a.pid < b.pid
      UNION
      SELECT a.pid AS a, b.pid AS b FROM periksa_people a JOIN periksa_people b ON a.block2 = b.block2 AND a.pid < b.pid
    ),
    by_name AS (
      SELECT c.a, c.b, pa.addr_key AS addr_a, pb.addr_key AS addr_b,
        jaro_winkler_similarity(pa.name_key, pb.name_key) AS name_sim
      FROM candidates c JOIN periksa_people pa ON pa.pid = c.a JOIN periksa_people pb ON pb.pid = c.b
      WHERE pa.name_key <> '' AND pb.name_key <> '' AND (pa.nik IS NULL OR pb.nik IS NULL OR pa.nik <> pb.nik)
        AND (pa.addr_num = '' OR pb.addr_num = '' OR pa.addr_num = pb.addr_num)
        AND least(length(pa.name_key), length(pb.name_key)) >= ${minLengthRatio} * greatest(length(pa.name_key), length(pb.name_key))
    ),
    named AS (
      SELECT a, b, name_sim,
        CASE WHEN addr_a = '' OR addr_b = '' THEN NULL ELSE jaro_winkler_similarity(addr_a, addr_b) END AS addr_sim
      FROM by_name WHERE name_sim >= ${threshold}
    )
    SELECT a, b, how, name_sim, addr_sim FROM by_nik
    UNION ALL
    SELECT a, b, 'nama_alamat' AS how, name_sim, addr_sim FROM named
    WHERE coalesce(addr_sim, 1.0) >= ${threshold}
    ORDER BY a, b`;
}

export interface ProgrammeRow {
  readonly code: string;
  readonly name: string;
  readonly funder: string;
}

export const programmesQuery = (): SqlQuery => sql`SELECT code, name, funder FROM programmes ORDER BY funder, name`;

export interface OverlapRuleRow {
  readonly programme_a: string;
  readonly programme_b: string;
  readonly rule: "allowed" | "duplicate";
  readonly reason: string;
}

export const overlapRulesQuery = (): SqlQuery => sql`SELECT programme_a, programme_b, rule, reason FROM overlap_rules`;

export interface RegionRow {
  readonly kode: string;
  readonly nama: string;
  readonly level: string;
  readonly parent_kode: string | null;
}

export const regionsQuery = (): SqlQuery => sql`SELECT kode, nama, level, parent_kode FROM regions WHERE kode LIKE '36%'`;
