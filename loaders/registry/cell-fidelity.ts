// Information loss of the registry cells: the figures the pages show, computed once on the household
// microdata (the reference) and once on the published cells, by kecamatan. Used by the tests and by
// `npm run bench` so the cost of k-anonymity is a measured number, not a claim.
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../lib/duck.js";

export interface KecamatanFigure {
  readonly kec_kode: string;
  readonly reference: number;
  /** From cells detailed to this kecamatan (or a kelurahan in it). */
  readonly cells: number;
}

export interface FigureComparison {
  readonly figure: string;
  readonly rows: readonly KecamatanFigure[];
  /** Same figure summed over cells only detailed to the kab/kota (cannot be placed in a kecamatan). */
  readonly undetailed: number;
  /** Largest |cells − reference| ÷ reference over kecamatan with a non-zero reference. */
  readonly maxRelativeError: number;
  /** Sum of cells + undetailed minus the reference total (0 when the figure's total is conserved). */
  readonly totalDifference: number;
}

function compare(figure: string, rows: Record<string, unknown>[], undetailed: number): FigureComparison {
  const typed = rows.map((r) => ({ kec_kode: String(r.kec_kode), reference: Number(r.reference ?? 0), cells: Number(r.cells ?? 0) }));
  const errors = typed.filter((r) => r.reference > 0).map((r) => Math.abs(r.cells - r.reference) / r.reference);
  const total = typed.reduce((s, r) => s + r.cells - r.reference, 0) + undetailed;
  return { figure, rows: typed, undetailed, maxRelativeError: errors.length ? Math.max(...errors) : 0, totalDifference: total };
}

/**
 * Persons (or households) whose per-capita expenditure plus a flat per-capita transfer stays below
 * `line`. Cells spread expenditure uniformly within their band; an open band counts as above the line.
 */
export async function compareExtremePoor(
  connection: DuckDBConnection,
  tables: { households: string; cells: string },
  options: { lineRp: number; transferRp: number; unit: "persons" | "households" }
): Promise<FigureComparison> {
  const weight = options.unit === "persons" ? "members" : "1";
  const cellWeight = options.unit === "persons" ? "persons" : "households";
  const share = `CASE WHEN pce_hi_rp IS NULL THEN 0
    ELSE greatest(0, least(1, ($1 - $2 - pce_lo_rp) / (pce_hi_rp - pce_lo_rp))) END`;
  const rows = await queryRows(
    connection,
    `WITH ref AS (
       SELECT kec_kode, sum(${weight}) FILTER (WHERE pce_month_rp + $2 < $1)::DOUBLE AS reference FROM ${tables.households} GROUP BY ALL
     ), est AS (
       SELECT kec_kode, sum(${cellWeight} * ${share})::DOUBLE AS cells FROM ${tables.cells} WHERE kec_kode IS NOT NULL GROUP BY ALL
     )
     SELECT kec_kode, reference, cells FROM ref FULL JOIN est USING (kec_kode) ORDER BY kec_kode`,
    [options.lineRp, options.transferRp]
  );
  const [rest] = await queryRows(
    connection,
    `SELECT coalesce(sum(${cellWeight} * ${share}), 0)::DOUBLE AS n FROM ${tables.cells} WHERE kec_kode IS NULL`,
    [options.lineRp, options.transferRp]
  );
  return compare(`${options.unit} di bawah garis Rp${options.lineRp} setelah transfer Rp${options.transferRp}/kapita`, rows, Number(rest?.n ?? 0));
}

/** Target-list households with at least one programme, by kecamatan (exact from hh_any_programme). */
export async function compareTargetCoverage(
  connection: DuckDBConnection,
  tables: { households: string; receipts: string; cells: string }
): Promise<FigureComparison> {
  const rows = await queryRows(
    connection,
    `WITH ref AS (
       SELECT h.kec_kode, count(*) FILTER (WHERE h.hh_id IN (SELECT hh_id FROM ${tables.receipts}))::DOUBLE AS reference
       FROM ${tables.households} h WHERE h.on_target_list GROUP BY ALL
     ), est AS (
       SELECT kec_kode, sum(hh_any_programme)::DOUBLE AS cells FROM ${tables.cells} WHERE on_target_list AND kec_kode IS NOT NULL GROUP BY ALL
     )
     SELECT kec_kode, reference, cells FROM ref FULL JOIN est USING (kec_kode) ORDER BY kec_kode`
  );
  const [rest] = await queryRows(
    connection,
    `SELECT coalesce(sum(hh_any_programme) FILTER (WHERE on_target_list AND kec_kode IS NULL), 0)
       + coalesce(sum(hh_any_programme) FILTER (WHERE on_target_list IS NULL), 0) AS n FROM ${tables.cells}`
  );
  return compare("rumah tangga daftar sasaran yang menerima ≥1 program", rows, Number(rest?.n ?? 0));
}

/** Households holding both programmes a and b, by kecamatan (from the per-cell pair counts). */
export async function comparePair(
  connection: DuckDBConnection,
  tables: { households: string; receipts: string; cells: string; pairs: string },
  pair: readonly [string, string]
): Promise<FigureComparison> {
  const [a, b] = [...pair].sort() as [string, string];
  const rows = await queryRows(
    connection,
    `WITH both_ AS (
       SELECT hh_id FROM ${tables.receipts} WHERE programme_code IN ($1, $2) GROUP BY hh_id HAVING count(DISTINCT programme_code) = 2
     ), ref AS (
       SELECT h.kec_kode, count(*)::DOUBLE AS reference FROM ${tables.households} h SEMI JOIN both_ x ON x.hh_id = h.hh_id GROUP BY ALL
     ), est AS (
       SELECT c.kec_kode, sum(p.households)::DOUBLE AS cells FROM ${tables.pairs} p JOIN ${tables.cells} c USING (cell_id)
       WHERE p.programme_a = $1 AND p.programme_b = $2 AND c.kec_kode IS NOT NULL GROUP BY ALL
     )
     SELECT kec_kode, reference, cells FROM ref FULL JOIN est USING (kec_kode) ORDER BY kec_kode`,
    [a, b]
  );
  const [rest] = await queryRows(
    connection,
    `SELECT coalesce(sum(p.households), 0) AS n FROM ${tables.pairs} p JOIN ${tables.cells} c USING (cell_id)
     WHERE p.programme_a = $1 AND p.programme_b = $2 AND c.kec_kode IS NULL`,
    [a, b]
  );
  return compare(`rumah tangga penerima ${a} dan ${b}`, rows, Number(rest?.n ?? 0));
}
