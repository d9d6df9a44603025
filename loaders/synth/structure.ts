// Overlap and gap structure of the synthetic receipts: not calibration targets (nothing is published
// about them at household level) but the patterns the rakor and coverage pages must be able to show.
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../lib/duck.js";
import type { OverlapRule } from "../programmes/reference.js";
import { KOTA_SERANG } from "./plan.js";
import { num, str } from "./sql.js";
import { formatDecimal, formatNumber } from "../../src/components/core/format.js";

export interface StructureRow {
  readonly measure: string;
  readonly value: number;
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<number> {
  const rows = await queryRows(connection, sql);
  return Number(Object.values(rows[0] ?? {})[0] ?? 0);
}

export async function structureReport(
  connection: DuckDBConnection,
  households: string,
  receipts: string,
  rules: readonly OverlapRule[],
  /** Kota Serang's own extreme line (Rp per capita per month; distribution.ts). */
  extremeLineRp: number
): Promise<StructureRow[]> {
  const rows: StructureRow[] = [];
  for (const r of rules) {
    const both = await scalar(
      connection,
      `SELECT count(*) FROM (SELECT hh_id FROM ${receipts} WHERE programme_code = ${str(r.programme_a)}
                             INTERSECT SELECT hh_id FROM ${receipts} WHERE programme_code = ${str(r.programme_b)})`
    );
    const label = r.rule === "duplicate" ? "tumpang tindih (duplikasi)" : "kombinasi diperbolehkan";
    rows.push({ measure: `RT menerima ${r.programme_a} + ${r.programme_b}: ${label}`, value: both });
  }
  const city = `h.kab_kode = ${str(KOTA_SERANG)}`;
  const touched = `h.hh_id IN (SELECT hh_id FROM ${receipts})`;
  rows.push({
    measure: "Cakupan daftar sasaran Kota Serang (RT sasaran dengan ≥ 1 program)",
    value: await scalar(connection, `SELECT avg((${touched})::INT) FROM ${households} h WHERE ${city} AND h.on_target_list`)
  });
  const extreme = `h.pce_month_rp < ${num(extremeLineRp)}`;
  rows.push({
    measure: "RT miskin ekstrem Kota Serang tanpa program apa pun",
    value: await scalar(connection, `SELECT count(*) FROM ${households} h WHERE ${city} AND ${extreme} AND NOT (${touched})`)
  });
  // The list (a list size) and the survey concept (below the line) differ: targeting error.
  rows.push({
    measure: "RT miskin ekstrem Kota Serang (di bawah garis ekstrem)",
    value: await scalar(connection, `SELECT count(*) FROM ${households} h WHERE ${city} AND ${extreme}`)
  });
  rows.push({
    measure: "Kesalahan eksklusi: bagian RT miskin ekstrem Kota Serang di luar daftar sasaran",
    value: await scalar(connection, `SELECT avg((NOT h.on_target_list)::INT) FROM ${households} h WHERE ${city} AND ${extreme}`)
  });
  rows.push({
    measure: "Kesalahan inklusi: bagian RT daftar sasaran Kota Serang di atas garis ekstrem",
    value: await scalar(connection, `SELECT avg((NOT (${extreme}))::INT) FROM ${households} h WHERE ${city} AND h.on_target_list`)
  });
  rows.push({
    measure: "Kebocoran sembako kota (bagian penerima di atas desil 2)",
    value: await scalar(
      connection,
      `SELECT avg((h.desil > 2)::INT) FROM ${receipts} r JOIN ${households} h USING (hh_id) WHERE r.programme_code = 'sembako_kota'`
    )
  });
  const byKec = await queryRows(
    connection,
    `SELECT h.kec_kode, count(*) AS n FROM ${households} h WHERE ${city} AND h.on_target_list AND NOT (${touched}) GROUP BY h.kec_kode ORDER BY h.kec_kode`
  );
  for (const r of byKec) rows.push({ measure: `RT sasaran belum tersentuh, kec. ${String(r.kec_kode)}`, value: Number(r.n) });
  return rows;
}

export function formatStructureReport(rows: readonly StructureRow[]): string {
  const width = Math.max(...rows.map((r) => r.measure.length));
  return rows
    .map((r) => `${r.measure.padEnd(width)}  ${Number.isInteger(r.value) ? formatNumber(r.value) : formatDecimal(r.value, 3)}`)
    .join("\n");
}
