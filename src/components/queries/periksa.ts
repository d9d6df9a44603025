// SQL behind /periksa: matching the people of the opened lists by NIK and by normalised name and
// address (DuckDB's jaro_winkler_similarity), compared only inside blocks (area + first letter of
// the name, see periksa/normalise.ts) so two lists of 50,000 rows need a few hundred thousand
// comparisons, not 2.5 billion. The people table is built in the page from the user's own files.
import { tableToIPC, Table, vectorFromArray, Utf8, Int32, Bool } from "apache-arrow";
import type { ListPerson } from "../periksa/list-rows.js";
import { sql, type SqlQuery } from "../sql.js";

export const PEOPLE_TABLE = "periksa_people";

/** One person row as matched: its id (index in the page's list of people) and its list. */
export interface PeopleColumns {
  readonly pid: number[];
  readonly list: number[];
  readonly nik: (string | null)[];
  readonly nameKey: string[];
  readonly addressKey: string[];
  readonly block: string[];
  readonly target: boolean[];
}

export function peopleColumns(lists: readonly { readonly people: readonly ListPerson[]; readonly target: boolean }[]): PeopleColumns {
  const columns: PeopleColumns = { pid: [], list: [], nik: [], nameKey: [], addressKey: [], block: [], target: [] };
  let pid = 0;
  lists.forEach((list, index) => {
    for (const person of list.people) {
      columns.pid.push(pid++);
      columns.list.push(index);
      columns.nik.push(person.nik);
      columns.nameKey.push(person.nameKey);
      columns.addressKey.push(person.addressKey);
      columns.block.push(person.block);
      columns.target.push(list.target);
    }
  });
  return columns;
}

/** The people table as an Arrow IPC stream (explicit types: plain strings, no dictionaries). */
export function peopleIpc(columns: PeopleColumns): Uint8Array {
  const table = new Table({
    pid: vectorFromArray(columns.pid, new Int32()),
    list: vectorFromArray(columns.list, new Int32()),
    nik: vectorFromArray(columns.nik, new Utf8()),
    name_key: vectorFromArray(columns.nameKey, new Utf8()),
    addr_key: vectorFromArray(columns.addressKey, new Utf8()),
    block: vectorFromArray(columns.block, new Utf8()),
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
 * both agree, a name similarity ≥ threshold and an address similarity ≥ threshold (address ignored
 * when either row has none), within the same block.
 */
export function matchPairsQuery(threshold: number): SqlQuery {
  return sql`
    WITH by_nik AS (
      SELECT a.pid AS a, b.pid AS b, 'nik' AS how, NULL::DOUBLE AS name_sim, NULL::DOUBLE AS addr_sim
      FROM periksa_people a JOIN periksa_people b ON a.nik = b.nik AND a.pid < b.pid
    ),
    candidates AS (
      SELECT a.pid AS a, b.pid AS b,
        jaro_winkler_similarity(a.name_key, b.name_key) AS name_sim,
        CASE WHEN a.addr_key = '' OR b.addr_key = '' THEN NULL ELSE jaro_winkler_similarity(a.addr_key, b.addr_key) END AS addr_sim
      FROM periksa_people a JOIN periksa_people b ON a.block = b.block AND a.pid < b.pid
      WHERE a.name_key <> '' AND b.name_key <> '' AND (a.nik IS NULL OR b.nik IS NULL OR a.nik <> b.nik)
    )
    SELECT a, b, how, name_sim, addr_sim FROM by_nik
    UNION ALL
    SELECT a, b, 'nama_alamat' AS how, name_sim, addr_sim FROM candidates
    WHERE name_sim >= ${threshold} AND coalesce(addr_sim, 1.0) >= ${threshold}
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
