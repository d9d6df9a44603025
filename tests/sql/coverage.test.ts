// Coverage, targeting-error, overlap, untouched and allocation queries (cakupan/queries.ts and
// rakor/queries.ts) on small hand-made registry cells in duckdb-wasm, each answer computed by hand
// in the comments. Edge cases from issue 11: a programme with no eligible band (kube), a kelurahan
// with zero target households (3673021002) and one with no cells at all (3673021003), a funder pair
// (kota–provinsi) that collides through one programme pair (sk+sp, duplicate) and not another
// (bx+sk, allowed), cells not detailed by area, desil, combination or target status (cell 5's combination
// is NULL: its exact counts come from hh_any_programme and registry_cell_pairs).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CELL_FLAGS as LOADER_FLAGS } from "../../loaders/registry/cells-schema.js";
import {
  CELL_FLAGS,
  allocationTotals,
  allocationVsNeed,
  cellTables,
  coverageByArea,
  coverageByStrategy,
  targetingErrors,
  untouchedByArea,
  type AllocationRow,
  type CoverageFilter,
  type CoverageRow,
  type ErrorRow,
  type StrategyCoverageRow,
  type UntouchedRow
} from "../../src/components/cakupan/queries.js";
import {
  overlapsByArea,
  overlapsByFunderPair,
  programmeMatrix,
  unservedAreas,
  type MatrixRow,
  type OverlapAreaRow,
  type OverlapRow,
  type UnservedRow
} from "../../src/components/rakor/queries.js";
import { openWasmDatabase, type WasmDatabase } from "../support/wasm-db.js";

let wasm: WasmDatabase;

const SETUP = `
CREATE TABLE regions (kode VARCHAR, nama VARCHAR, level VARCHAR, parent_kode VARCHAR);
INSERT INTO regions VALUES
  ('3673', 'Kota Serang', 'kabkota', '36'),
  ('367301', 'Serang', 'kecamatan', '3673'),
  ('367302', 'Kasemen', 'kecamatan', '3673'),
  ('3673011001', 'S Satu', 'kelurahan', '367301'),
  ('3673021001', 'K Satu', 'kelurahan', '367302'),
  ('3673021002', 'K Dua', 'kelurahan', '367302'),
  ('3673021003', 'K Tiga', 'kelurahan', '367302');
CREATE TABLE programmes (code VARCHAR, name VARCHAR, funder VARCHAR, strategy VARCHAR, unit VARCHAR, eligible_desil_max TINYINT);
INSERT INTO programmes VALUES
  ('bx', 'Bantuan ekstrem provinsi', 'provinsi', 'kurangi_beban', 'KPM', 1),
  ('kube', 'KUBE', 'kota', 'tingkatkan_pendapatan', 'KK', NULL),
  ('sk', 'Sembako kota', 'kota', 'kurangi_beban', 'paket', 2),
  ('sp', 'Sembako provinsi', 'provinsi', 'kurangi_beban', 'paket', 2);
CREATE TABLE overlap_rules (programme_a VARCHAR, programme_b VARCHAR, rule VARCHAR, reason VARCHAR, basis VARCHAR, source VARCHAR);
INSERT INTO overlap_rules VALUES
  ('sk', 'sp', 'duplicate', 'dua paket sembako', 'uji', 'uji'),
  ('bx', 'sk', 'allowed', 'tunai dan natura', 'uji', 'uji');
CREATE TABLE programme_allocations (programme_code VARCHAR, year SMALLINT, area_kode VARCHAR, area_name VARCHAR, component VARCHAR, status VARCHAR,
  planned_units DOUBLE, unit VARCHAR, budget_rp DOUBLE, approximate BOOLEAN, source VARCHAR, note VARCHAR);
INSERT INTO programme_allocations VALUES
  ('sk', 2025, '3673', 'Kota Serang', 'total', 'rencana', 100, 'paket', 30000000, false, 'berita A', NULL),
  ('sk', 2025, '367302', 'Kasemen', 'total', 'rencana', 30, 'paket', NULL, true, 'berita A', NULL),
  ('sk', 2025, '367302', 'Kasemen', 'total', 'usulan', 50, 'paket', NULL, false, 'berita B', NULL),
  ('sk', 2025, '367301', 'Serang', 'anak', 'rencana', 5, 'paket', NULL, false, 'berita A', NULL),
  ('sk', 2024, '367301', 'Serang', 'total', 'rencana', 99, 'paket', NULL, false, 'berita C', NULL);
CREATE TABLE registry_cells_3673 (cell_id INTEGER, kab_kode VARCHAR, kec_kode VARCHAR, kel_kode VARCHAR, desil_min TINYINT, desil_max TINYINT,
  size_min SMALLINT, size_max SMALLINT, on_target_list BOOLEAN, pce_lo_rp DOUBLE, pce_hi_rp DOUBLE, programmes VARCHAR, households INTEGER, persons INTEGER,
  hh_disability INTEGER, hh_elderly INTEGER, hh_out_of_school_child INTEGER, hh_unfit_house INTEGER, hh_no_health_insurance INTEGER, hh_female_head INTEGER,
  hh_any_programme INTEGER, hh_pce_imputed INTEGER, coarsening TINYINT);
INSERT INTO registry_cells_3673 VALUES
  (1, '3673', '367302', '3673021001', 1, 1, 1, 4, true, 0, 300000, '', 20, 80, 3, 5, 0, 4, 6, 2, 0, 0, 0),
  (2, '3673', '367302', '3673021001', 1, 1, 1, 4, true, 0, 300000, 'sk+sp', 10, 40, 0, 0, 0, 0, 0, 0, 10, 0, 0),
  (3, '3673', '367302', '3673021001', 2, 3, 1, 4, true, 300000, 600000, 'sk', 12, 48, 0, 0, 0, 0, 0, 0, 12, 0, 1),
  (4, '3673', '367302', '3673021002', 5, 5, 1, 4, false, 600000, NULL, 'sk', 10, 40, 0, 0, 0, 0, 0, 0, 10, 0, 0),
  (5, '3673', '367302', NULL, 1, 2, NULL, NULL, true, 0, 600000, NULL, 15, 60, 0, 0, 0, 0, 0, 0, 12, 0, 3),
  (6, '3673', '367301', '3673011001', 1, 1, 1, 4, true, 0, 300000, 'bx+sk', 11, 44, 0, 0, 0, 0, 0, 0, 11, 0, 0),
  (7, '3673', NULL, NULL, NULL, NULL, NULL, NULL, true, 0, NULL, '', 10, 40, 1, 2, 0, 0, 0, 0, 0, 0, 5),
  (8, '3673', '367301', '3673011001', 4, 4, 1, 4, NULL, 500000, 700000, '', 10, 40, 0, 0, 0, 0, 0, 0, 0, 0, 2),
  (9, '3673', '367301', '3673011001', 1, 1, 1, 4, true, 0, 300000, 'kube', 10, 40, 0, 0, 0, 0, 0, 0, 10, 0, 0),
  (10, '3673', '367301', '3673011001', 1, 1, 1, 4, true, 0, 300000, 'sk+sp', 20, 80, 0, 0, 0, 0, 0, 0, 20, 0, 0);
CREATE TABLE registry_cell_programmes_3673 (cell_id INTEGER, programme_code VARCHAR, funder VARCHAR, households INTEGER, units DOUBLE, value_rp DOUBLE, periods SMALLINT);
INSERT INTO registry_cell_programmes_3673 VALUES
  (2, 'sk', 'kota', 10, 10, 3000000, 1), (2, 'sp', 'provinsi', 10, 10, 2000000, 1),
  (3, 'sk', 'kota', 12, 24, 3600000, 2),
  (4, 'sk', 'kota', 10, 10, 3000000, 1),
  (5, 'sk', 'kota', 8, 8, 2400000, 1), (5, 'sp', 'provinsi', 9, 9, 1800000, 1),
  (6, 'bx', 'provinsi', 11, 11, 5500000, 1), (6, 'sk', 'kota', 11, 11, 3300000, 1),
  (9, 'kube', 'kota', 10, 10, 0, 1),
  (10, 'sk', 'kota', 20, 20, 6000000, 1), (10, 'sp', 'provinsi', 12, 12, 2400000, 1), (10, 'sp', 'kota', 8, 8, 1600000, 1);
CREATE TABLE registry_cell_pairs_3673 (cell_id INTEGER, programme_a VARCHAR, programme_b VARCHAR, households INTEGER);
INSERT INTO registry_cell_pairs_3673 VALUES (2, 'sk', 'sp', 10), (5, 'sk', 'sp', 5), (6, 'bx', 'sk', 11), (10, 'sk', 'sp', 20);
`;

beforeAll(async () => {
  wasm = await openWasmDatabase();
  wasm.connection.query(SETUP);
});
afterAll(() => wasm?.close());

const ALL: CoverageFilter = { kab: "3673", kec: null, programme: null, funder: null, strategy: null };
const rows = <T extends Record<string, unknown>>(q: Parameters<WasmDatabase["database"]["rows"]>[0]) => wasm.database.rows<T>(q);

describe("cell flags", () => {
  it("lists the same flags as the published schema", () => {
    expect([...CELL_FLAGS]).toEqual([...LOADER_FLAGS]);
  });
  it("refuses anything but a kab/kota code as a partition (it becomes a table name)", () => {
    expect(() => cellTables("3673; DROP TABLE regions")).toThrow(/not a kab\/kota code/);
    expect(cellTables("3601").cells.text).toBe('"registry_cells_3601"');
  });
});

describe("coverageByArea", () => {
  it("counts coverage per kecamatan with a 'Tidak dirinci' row for cells without kecamatan", async () => {
    const r = await rows<CoverageRow>(coverageByArea(ALL));
    expect(r.map((x) => [x.kode, x.nama])).toEqual([["367301", "Serang"], ["367302", "Kasemen"], [null, "Tidak dirinci"]]);
    const [serang, kasemen, none] = r;
    // Serang: cells 6, 8, 9, 10 = 51 households; target 6+9+10 = 41 (cell 8's status not detailed), all covered.
    expect(serang).toMatchObject({ households: 51, target: 41, target_detailed: 41, covered: 41, untouched: 0, target_unknown: 10, target_undetailed: 0 });
    expect(serang!.coverage_pct).toBeCloseTo(100, 10);
    // Kasemen: target 20+10+12+15 = 57; covered cells 2, 3 = 22, plus cell 5's hh_any_programme 12 (exact without a
    // filter although its combination is NULL) = 34; untouched cell 1 = 20 plus 15 − 12 = 3 in cell 5 = 23.
    expect(kasemen).toMatchObject({ households: 67, target: 57, target_detailed: 57, covered: 34, untouched: 23, target_undetailed: 0 });
    expect(kasemen!.coverage_pct).toBeCloseTo((100 * 34) / 57, 10);
    expect(kasemen!.untouched_pct).toBeCloseTo((100 * 23) / 57, 10);
    // Cell 7: no kecamatan, 10 target households with no programme.
    expect(none).toMatchObject({ households: 10, target: 10, covered: 0, untouched: 10 });
    expect(none!.coverage_pct).toBe(0);
  });

  it("applies strategy and funder filters through the programme catalogue", async () => {
    const byStrategy = await rows<CoverageRow>(coverageByArea({ ...ALL, strategy: "tingkatkan_pendapatan" }));
    // Only kube: cell 9 (10 households) in Serang.
    expect(byStrategy.map((x) => x.covered)).toEqual([10, 0, 0]);
    expect(byStrategy[0]!.coverage_pct).toBeCloseTo((100 * 10) / 41, 10);
    expect(byStrategy[1]).toMatchObject({ undetailed_covered_lo: 0, undetailed_covered_hi: 0 });
    // Provinsi programmes bx, sp: Serang cells 6 (11) + 10 (20) = 31; Kasemen cell 2 = 10 of the 42 target households
    // whose combination is known; cell 5 (combination NULL, 15 target households) holds sp 9 → 9…min(12, 9).
    const byFunder = await rows<CoverageRow>(coverageByArea({ ...ALL, funder: "provinsi" }));
    expect(byFunder.map((x) => x.covered)).toEqual([31, 10, 0]);
    expect(byFunder[1]).toMatchObject({ target_detailed: 42, target_undetailed: 15, undetailed_covered_lo: 9, undetailed_covered_hi: 9, untouched: 23 });
    // Over all 57 target households: (10 + 9) / 57, exact here because the bounds meet.
    expect(byFunder[1]!.coverage_pct).toBeCloseTo((100 * 19) / 57, 10);
    expect(byFunder[1]!.coverage_hi_pct).toBeCloseTo((100 * 19) / 57, 10);
    // sk alone in cell 5: 8 … min(hh_any 12, 8) = 8; with sk and sp (strategy kurangi_beban): max(8, 9) = 9 … min(12, 17) = 12.
    const beban = await rows<CoverageRow>(coverageByArea({ ...ALL, strategy: "kurangi_beban" }));
    expect(beban[1]).toMatchObject({ covered: 22, undetailed_covered_lo: 9, undetailed_covered_hi: 12 });
    expect(beban[1]!.coverage_pct).toBeCloseTo((100 * 31) / 57, 10);
    expect(beban[1]!.coverage_hi_pct).toBeCloseTo((100 * 34) / 57, 10);
    const byProgramme = await rows<CoverageRow>(coverageByArea({ ...ALL, programme: "bx" }));
    expect(byProgramme.map((x) => x.covered)).toEqual([11, 0, 0]);
  });

  it("drills down to kelurahan: zero target households give no percentage, not 0% or 100%", async () => {
    const r = await rows<CoverageRow>(coverageByArea({ ...ALL, kec: "367302" }));
    expect(r.map((x) => x.kode)).toEqual(["3673021001", "3673021002", "3673021003", null]);
    expect(r[0]).toMatchObject({ households: 42, target: 42, covered: 22, untouched: 20 });
    expect(r[0]!.coverage_pct).toBeCloseTo((100 * 22) / 42, 10);
    // K Dua: 10 households, none on the target list.
    expect(r[1]).toMatchObject({ households: 10, target: 0, coverage_pct: null, untouched_pct: null });
    // K Tiga: no cell at all, still listed.
    expect(r[2]).toMatchObject({ nama: "K Tiga", households: 0, target: 0, coverage_pct: null });
    // Cell 5 has no kelurahan: the kecamatan's 'Tidak dirinci' row; without a filter its 12 covered households are exact.
    expect(r[3]).toMatchObject({ nama: "Tidak dirinci", target: 15, target_detailed: 15, covered: 12, untouched: 3, target_undetailed: 0 });
    expect(r[3]!.coverage_pct).toBeCloseTo(80, 10);
  });

  it("binds a hostile kecamatan value as data", async () => {
    const r = await rows<CoverageRow>(coverageByArea({ ...ALL, kec: "367302' OR '1'='1" }));
    expect(r).toEqual([]);
  });
});

describe("coverageByStrategy", () => {
  it("counts target households reached by at least one programme of each strategy, undetailed cells as bounds", async () => {
    const r = await rows<StrategyCoverageRow>(coverageByStrategy(ALL));
    // Target cells 1, 2, 3, 5, 6, 7, 9, 10 = 108; kurangi_beban: known cells 2, 3, 6, 10 = 53, plus cell 5
    // (sk 8, sp 9, hh_any 12) between 9 and 12; tingkatkan_pendapatan: cell 9 = 10.
    expect(r.map((x) => [x.strategy, x.target, x.covered, x.undetailed_lo, x.undetailed_hi])).toEqual([
      ["kurangi_beban", 108, 53, 9, 12],
      ["tingkatkan_pendapatan", 108, 10, 0, 0]
    ]);
    expect(r[0]!.coverage_pct).toBeCloseTo((100 * 62) / 108, 10);
    expect(r[0]!.coverage_hi_pct).toBeCloseTo((100 * 65) / 108, 10);
    expect(r[1]!.coverage_pct).toBeCloseTo((100 * 10) / 108, 10);
  });
});

describe("targetingErrors", () => {
  const find = (r: ErrorRow[], code: string, kode: string | null, total = false) => r.find((x) => x.code === code && x.kode === kode && x.is_total === total);

  it("computes EE and IE per programme, straddling cells by their share of the desil range", async () => {
    const r = await rows<ErrorRow>(targetingErrors(ALL));
    // sk (desil ≤ 2): eligible 20+10+12·½+15+11+10+20 = 92; receiving (desil known) 10+12+10+8+11+20 = 71;
    // eligible receiving 10 + 12·½ + 8 + 11 + 20 = 55 → EE 37/92, IE 16/71; cell 3 straddles (12), cell 7 no desil (10).
    const sk = find(r, "sk", null, true)!;
    expect(sk).toMatchObject({ receiving: 71, straddling_households: 12, undetailed_households: 10, undetailed_receiving: 0 });
    expect(sk.eligible).toBeCloseTo(92, 10);
    expect(sk.eligible_receiving).toBeCloseTo(55, 10);
    expect(sk.ee_pct).toBeCloseTo((100 * 37) / 92, 10);
    expect(sk.ie_pct).toBeCloseTo((100 * 16) / 71, 10);
    // bx (desil 1): cell 5 (desil 1–2) counts ½ → eligible 20+10+7,5+11+10+20 = 78,5; receiving 11, all eligible.
    const bx = find(r, "bx", null, true)!;
    expect(bx.eligible).toBeCloseTo(78.5, 10);
    expect(bx.ee_pct).toBeCloseTo((100 * 67.5) / 78.5, 10);
    expect(bx.ie_pct).toBe(0);
    expect(bx.straddling_households).toBe(15);
    // sp: receiving 10 + 9 + 20 = 39, all in desil ≤ 2.
    const sp = find(r, "sp", null, true)!;
    expect(sp.ee_pct).toBeCloseTo((100 * 53) / 92, 10);
    expect(sp.ie_pct).toBe(0);
  });

  it("gives no EE/IE for a programme without an eligible band", async () => {
    const kube = find(await rows<ErrorRow>(targetingErrors(ALL)), "kube", null, true)!;
    expect(kube).toMatchObject({ eligible_desil_max: null, eligible: null, ee_pct: null, ie_pct: null, receiving: 10 });
  });

  it("splits by area, the area without kecamatan kept apart", async () => {
    const r = await rows<ErrorRow>(targetingErrors(ALL));
    // Kasemen sk: eligible 20+10+6+0+15 = 51, receiving 40, eligible receiving 24.
    const kasemen = find(r, "sk", "367302")!;
    expect(kasemen.eligible).toBeCloseTo(51, 10);
    expect(kasemen.receiving).toBe(40);
    expect(kasemen.ee_pct).toBeCloseTo((100 * 27) / 51, 10);
    expect(kasemen.ie_pct).toBeCloseTo(40, 10);
    const serang = find(r, "sk", "367301")!;
    expect(serang.ee_pct).toBeCloseTo((100 * 10) / 41, 10);
    const none = find(r, "sk", null, false)!;
    expect(none).toMatchObject({ eligible: null, ee_pct: null, undetailed_households: 10 });
  });
});

describe("untouchedByArea", () => {
  it("counts target households with no programme by flag; flags of untouched households in undetailed cells kept apart", async () => {
    const r = await rows<UntouchedRow>(untouchedByArea(ALL));
    expect(r.map((x) => [x.nama, x.untouched])).toEqual([["Kasemen", 23], ["Tidak dirinci", 10], ["Serang", 0]]);
    // Kasemen: cell 1 (20, flags known) and cell 5 (15 − hh_any 12 = 3, combination NULL so flags not separable).
    expect(r[0]).toMatchObject({
      untouched_flags_undetailed: 3,
      hh_disability: 3, hh_elderly: 5, hh_out_of_school_child: 0, hh_unfit_house: 4, hh_no_health_insurance: 6, hh_female_head: 2
    });
    expect(r[1]).toMatchObject({ kode: null, hh_disability: 1, hh_elderly: 2, untouched_flags_undetailed: 0 });
    // Cell 8 (10 households, no programme) is not counted: its target status is not detailed.
    expect(r[2]).toMatchObject({ kode: "367301", untouched: 0 });
  });
});

describe("allocationVsNeed", () => {
  it("sets published kecamatan allocations against target households and registry receipts", async () => {
    const r = await rows<AllocationRow>(allocationVsNeed(ALL, "sk", 2025));
    expect(r.map((x) => x.kode)).toEqual(["367301", "367302", null]);
    const [serang, kasemen, none] = r;
    // Serang: no 'total' allocation for 2025 (the 'anak' part and the 2024 row do not count); target 41; received 11 + 20 = 31 units.
    expect(serang).toMatchObject({ allocated_units: null, target: 41, received_units: 31, received_households: 31, allocated_per_target: null });
    expect(serang!.received_per_target).toBeCloseTo(31 / 41, 10);
    // Kasemen: 'rencana' 30 preferred over 'usulan' 50; target 57; received 10 + 24 + 10 + 8 = 52 units to 40 households.
    expect(kasemen).toMatchObject({ allocated_units: 30, allocation_status: "rencana", approximate: true, target: 57, received_units: 52, received_households: 40 });
    expect(kasemen!.allocated_per_target).toBeCloseTo(30 / 57, 10);
    expect(kasemen!.received_per_target).toBeCloseTo(52 / 57, 10);
    expect(none).toMatchObject({ nama: "Tidak dirinci", target: 10, received_units: 0, received_per_target: 0, allocated_units: null });
  });

  it("reads kab/kota totals beside what the registry records", async () => {
    const r = await rows(allocationTotals("3673"));
    // Received sk: units 10+24+10+8+11+20 = 83, value 3,0+3,6+3,0+2,4+3,3+6,0 = 21,3 juta, households 71.
    expect(r).toEqual([
      expect.objectContaining({ programme_code: "sk", year: 2025, planned_units: 100, budget_rp: 30_000_000, received_units: 83, received_value_rp: 21_300_000, received_households: 71 })
    ]);
  });
});

describe("programmeMatrix", () => {
  it("sums households, target households, units and value per programme, funder and area", async () => {
    const r = await rows<MatrixRow>(programmeMatrix(ALL));
    expect(r.map((x) => [x.programme_code, x.funder, x.kode, x.households, x.target_households, x.units, x.value_rp])).toEqual([
      ["bx", "provinsi", "367301", 11, 11, 11, 5_500_000],
      ["kube", "kota", "367301", 10, 10, 10, 0],
      ["sk", "kota", "367301", 31, 31, 31, 9_300_000],
      ["sk", "kota", "367302", 40, 30, 52, 12_000_000],
      ["sp", "kota", "367301", 8, 8, 8, 1_600_000],
      ["sp", "provinsi", "367301", 12, 12, 12, 2_400_000],
      ["sp", "provinsi", "367302", 19, 19, 19, 3_800_000]
    ]);
  });
});

describe("overlaps", () => {
  it("lists disallowed pairs by funder pair with value, from the exact pair counts", async () => {
    const r = await rows<OverlapRow>(overlapsByFunderPair(ALL));
    // kota–provinsi via sk+sp: cell 2 (10 households, 3,0 + 2,0 juta), cell 10's share 20 × 12/20 = 12
    // (6,0 × 12/20 + 2,4 × 12/12 = 6,0 juta) and cell 5 (combination NULL, pair count 5: 2,4 × 5/8 + 1,8 × 5/9 = 2,5 juta).
    // kota–kota via sk+sp: cell 10's other 8 households (6,0 × 8/20 + 1,6 = 4,0 juta).
    // Cell 6 (bx+sk, also kota–provinsi) is allowed and absent.
    expect(r).toHaveLength(2);
    expect(r[0]).toMatchObject({ funder_1: "kota", funder_2: "provinsi", programme_a: "sk", programme_b: "sp", reason: "dua paket sembako" });
    expect(r[0]!.households).toBeCloseTo(27, 9);
    expect(r[0]!.value_rp).toBeCloseTo(13_500_000, 3);
    expect(r[0]!.from_undetailed).toBeCloseTo(5, 9);
    expect(r[1]).toMatchObject({ funder_1: "kota", funder_2: "kota", from_undetailed: 0 });
    expect(r[1]!.households).toBeCloseTo(8, 9);
    expect(r[1]!.value_rp).toBeCloseTo(4_000_000, 3);
  });

  it("splits the overlaps by area", async () => {
    const r = await rows<OverlapAreaRow>(overlapsByArea(ALL));
    expect(r.map((x) => [x.kode, Math.round(x.households), Math.round(x.value_rp), Math.round(x.from_undetailed)])).toEqual([
      ["367301", 20, 10_000_000, 0],
      ["367302", 15, 7_500_000, 5]
    ]);
  });
});

describe("unservedAreas", () => {
  it("lists kelurahan by untouched target households, coarser cells kept with their own row", async () => {
    const r = await rows<UnservedRow>(unservedAreas("3673"));
    // Serang's kelurahan (41 target households, all reached) is not listed.
    expect(r.map((x) => [x.kec_nama, x.kel_nama, x.target, x.untouched])).toEqual([
      ["Kasemen", "K Satu", 42, 20],
      ["Tidak dirinci", "Tidak dirinci", 10, 10],
      ["Kasemen", "Tidak dirinci", 15, 3]
    ]);
    expect(r[0]!.untouched_pct).toBeCloseTo((100 * 20) / 42, 10);
    expect(r[2]!.untouched_pct).toBeCloseTo(20, 10);
  });
});
