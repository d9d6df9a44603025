// Synthetic benchmark tables (the sizes are in profile.ts), deterministic: hash-based, not random().
// These are for timing only; they never reach the site.
import { existsSync } from "node:fs";
import path from "node:path";
import { writeAtomically } from "../loaders/lib/atomic.js";
import { withDuckDB } from "../loaders/lib/duck.js";
import type { BenchProfile } from "./profile.js";

export function fixturePath(profile: BenchProfile, scale: string): string {
  return path.join(profile.fixtureDir, `households_${scale}.parquet`);
}

/** Households spread over 155 kecamatan-like codes with desil, size, expenditure and a target flag. */
export async function ensureFixture(profile: BenchProfile, scale: string): Promise<string> {
  const file = fixturePath(profile, scale);
  if (profile.reuseFixtures && existsSync(file)) return file;
  const size = profile.households[scale];
  if (!size) throw new Error(`no household fixture size for scale ${scale}`);
  const rows = size.rows;
  await writeAtomically(file, (tmp) =>
    withDuckDB(async (c) => {
      await c.run(`COPY (
        SELECT printf('%024x', hash(i, 7)) AS hh_id,
               (3600 + (hash(i, 1) % 155))::VARCHAR AS kec_kode,
               (1 + hash(i, 2) % 10)::TINYINT AS desil,
               (1 + hash(i, 3) % 7)::SMALLINT AS members,
               (250000 + (hash(i, 2) % 10) * 180000 + (hash(i, 4) % 150000))::DOUBLE AS pce_month_rp,
               (hash(i, 5) % 100 < 4) AS on_target_list
        FROM range(${rows}) t(i)
      ) TO '${tmp}' (FORMAT parquet, COMPRESSION zstd)`);
    })
  );
  return file;
}

/** Named queries measured in the browser and on native DuckDB; `$T` is replaced by the table name. */
export const NAMED_QUERIES: Record<string, string> = {
  group_by_area: `SELECT kec_kode, count(*) AS households, sum(members) AS people,
                         avg(pce_month_rp) AS mean_pce, sum(on_target_list::INTEGER) AS targets
                  FROM $T GROUP BY kec_kode ORDER BY kec_kode`,
  below_line_by_desil: `SELECT desil, sum(members) FILTER (WHERE pce_month_rp < 351957.4) AS people_below
                        FROM $T GROUP BY desil ORDER BY desil`,
  rank_window: `SELECT kec_kode, hh_id, row_number() OVER (PARTITION BY kec_kode ORDER BY pce_month_rp) AS rank
                FROM $T QUALIFY rank <= 10`
};
