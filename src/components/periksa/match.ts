// Loads the people of the opened lists into the page's DuckDB (memory of this tab only) and finds
// the matching pairs; buildResults turns them into the tables shown and exported.
import type { Database } from "../core/database.js";
import { matchPairsQuery, PEOPLE_TABLE, peopleColumns, peopleIpc, type MatchPair } from "./queries.js";
import type { ListInput } from "./results.js";

export const DEFAULT_THRESHOLD = 0.92;

export async function loadPeople(db: Database, lists: readonly ListInput[]): Promise<void> {
  const columns = peopleColumns(lists.map((l) => ({ people: l.people, target: l.programme === null })));
  await db.replaceTable(PEOPLE_TABLE, peopleIpc(columns));
}

export async function matchPairs(db: Database, threshold: number): Promise<MatchPair[]> {
  const rows = await db.rows<{ a: number; b: number; how: string; name_sim: number | null; addr_sim: number | null }>(matchPairsQuery(threshold));
  return rows.map((r) => ({ a: r.a, b: r.b, how: r.how === "nik" ? "nik" : "nama_alamat", name_sim: r.name_sim, addr_sim: r.addr_sim }));
}
