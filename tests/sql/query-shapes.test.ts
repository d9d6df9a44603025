// The shape of every page query, not only its result: each SQL builder of src/components/<route>/queries.ts
// and the scenario model's statements (skenario/sql-model.ts) run in duckdb-wasm, through the
// browser's Database class, against EMPTY tables of the published schemas as the loaders declare
// them (tests/support/published-schemas.ts). A column renamed in a loader schema, a table renamed,
// or an alias the page reads that the SQL no longer returns fails here, in Node, instead of in a
// planner's browser. Rows are irrelevant (the tables are empty); binding, types and output columns
// are what is checked.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../loaders/lib/paths.js";
import { REGISTRY_CELLS_SCHEMA } from "../../loaders/registry/cells-schema.js";
import { ident, sql, type SqlQuery } from "../../src/components/core/sql.js";
import * as cakupan from "../../src/components/cakupan/queries.js";
import { REGISTRY_FAMILIES, partitionTable } from "../../src/components/domain/wilayah.js";
import * as periksa from "../../src/components/periksa/queries.js";
import { loadPeople } from "../../src/components/periksa/match.js";
import * as rakor from "../../src/components/rakor/queries.js";
import * as skenario from "../../src/components/skenario/queries.js";
import { ScenarioSql, type SqlRunner } from "../../src/components/skenario/sql-model.js";
import { AREA_NUMBER_FIELDS, TARGETING_RULES, type ModelRun, type ProgrammeParams } from "../../src/components/skenario/types.js";
import * as sumberData from "../../src/components/sumber-data/queries.js";
import { publishedTables, writeEmptyTables, type PublishedTable } from "../support/published-schemas.js";
import { makeTempDir } from "../support/tmp.js";
import { openWasmDatabase, type WasmDatabase } from "../support/wasm-db.js";

/** The declared fields of a row type (its index signature dropped): tsc rejects a missing or an extra one. */
type Fields<T> = { readonly [K in keyof T as string extends K ? never : K]-?: true };
const fields = <T>(declared: Fields<T>): readonly string[] => Object.keys(declared);

/** One statement to run, and when the page reads it into a declared row type, that type's fields. */
interface Shape {
  readonly query: SqlQuery;
  readonly columns?: readonly string[];
}

interface Context {
  /** Every published table name. */
  readonly tables: readonly string[];
  /** kab/kota codes whose registry cells are published (from the published table list). */
  readonly cellPartitions: readonly string[];
}

interface ModuleCases {
  /** Each exported query builder, called with arguments that reach every branch of its SQL text. */
  readonly queries: Readonly<Record<string, (context: Context) => readonly Shape[]>>;
  /** Exported functions that build no standalone statement, and what they are instead. */
  readonly helpers: Readonly<Record<string, string>>;
}

/** Filters that reach each branch: whole kab/kota without a programme filter; a kecamatan with every filter; one filter alone. */
function filters(kab: string): cakupan.CoverageFilter[] {
  return [
    { kab, kec: null, programme: null, funder: null, strategy: null },
    { kab, kec: `${kab}01`, programme: "pkh", funder: "pusat", strategy: "kurangi_beban" },
    { kab, kec: null, programme: null, funder: "provinsi", strategy: null }
  ];
}
const perPartition = (context: Context, shapes: (kab: string) => readonly Shape[]): Shape[] => context.cellPartitions.flatMap(shapes);
const perFilter = (context: Context, shape: (filter: cakupan.CoverageFilter) => Shape): Shape[] => perPartition(context, (kab) => filters(kab).map(shape));

const CASES: Readonly<Record<string, ModuleCases>> = {
  "cakupan/queries.ts": {
    queries: {
      selectedProgrammes: (c) => perFilter(c, (f) => ({ query: cakupan.selectedProgrammes(f) })),
      coverageByArea: (c) =>
        perFilter(c, (f) => ({
          query: cakupan.coverageByArea(f),
          columns: fields<cakupan.CoverageRow>({
            kode: true, nama: true, households: true, target: true, target_detailed: true, covered: true, untouched: true, target_undetailed: true,
            undetailed_covered_lo: true, undetailed_covered_hi: true, target_unknown: true, coverage_pct: true, coverage_hi_pct: true, untouched_pct: true
          })
        })),
      coverageByStrategy: (c) =>
        perFilter(c, (f) => ({
          query: cakupan.coverageByStrategy(f),
          columns: fields<cakupan.StrategyCoverageRow>({ strategy: true, target: true, covered: true, undetailed_lo: true, undetailed_hi: true, coverage_pct: true, coverage_hi_pct: true })
        })),
      targetingErrors: (c) =>
        perFilter(c, (f) => ({
          query: cakupan.targetingErrors(f),
          columns: fields<cakupan.ErrorRow>({
            code: true, name: true, funder: true, eligible_desil_max: true, kode: true, is_total: true, eligible: true, receiving: true, eligible_receiving: true,
            ee_pct: true, ie_pct: true, straddling_households: true, undetailed_households: true, undetailed_receiving: true
          })
        })),
      untouchedByArea: (c) =>
        perFilter(c, (f) => ({
          query: cakupan.untouchedByArea(f),
          columns: fields<cakupan.UntouchedRow>({
            kode: true, nama: true, untouched: true, untouched_flags_undetailed: true, hh_disability: true, hh_elderly: true, hh_out_of_school_child: true,
            hh_unfit_house: true, hh_no_health_insurance: true, hh_female_head: true
          })
        })),
      allocationVsNeed: (c) =>
        perFilter(c, (f) => ({
          query: cakupan.allocationVsNeed(f, "sembako_kota", 2025),
          columns: fields<cakupan.AllocationRow>({
            kode: true, nama: true, allocated_units: true, allocation_status: true, approximate: true, allocation_source: true, target: true,
            received_units: true, received_households: true, allocated_per_target: true, received_per_target: true
          })
        })),
      allocationTotals: (c) =>
        perPartition(c, (kab) => [
          {
            query: cakupan.allocationTotals(kab),
            columns: fields<cakupan.AllocationTotalRow>({
              programme_code: true, name: true, year: true, area_kode: true, status: true, planned_units: true, unit: true, budget_rp: true, approximate: true,
              source: true, received_units: true, received_value_rp: true, received_households: true
            })
          }
        ]),
      programmeList: () => [{ query: cakupan.programmeList() }],
      kecamatanList: (c) => perPartition(c, (kab) => [{ query: cakupan.kecamatanList(kab) }]),
      allocationChoices: (c) => perPartition(c, (kab) => [{ query: cakupan.allocationChoices(kab) }])
    },
    helpers: {
      cellTables: "table names for the builders above (each query names them)",
      areaScope: "SQL fragments spliced into the builders above",
      selectsAll: "a boolean about a filter"
    }
  },
  "rakor/queries.ts": {
    queries: {
      programmeMatrix: (c) =>
        perFilter(c, (f) => ({
          query: rakor.programmeMatrix(f),
          columns: fields<rakor.MatrixRow>({ programme_code: true, name: true, strategy: true, funder: true, kode: true, households: true, target_households: true, units: true, value_rp: true })
        })),
      overlapsByFunderPair: (c) =>
        perFilter(c, (f) => ({
          query: rakor.overlapsByFunderPair(f),
          columns: fields<rakor.OverlapRow>({ funder_1: true, funder_2: true, programme_a: true, programme_b: true, reason: true, households: true, value_rp: true, from_undetailed: true })
        })),
      unservedAreas: (c) =>
        perPartition(c, (kab) => [
          {
            query: rakor.unservedAreas(kab, 30),
            columns: fields<rakor.UnservedRow>({ kec_kode: true, kec_nama: true, kel_kode: true, kel_nama: true, target: true, untouched: true, untouched_pct: true })
          }
        ]),
    },
    helpers: {}
  },
  "skenario/queries.ts": {
    queries: {
      catalogueQuery: () => [{ query: skenario.catalogueQuery() }],
      duplicatePairsQuery: () => [{ query: skenario.duplicatePairsQuery() }],
      currentReceiptsQuery: (c) => perPartition(c, (kab) => [{ query: skenario.currentReceiptsQuery(kab) }]),
      linesQuery: (c) => perPartition(c, (kab) => [{ query: skenario.linesQuery(kab) }]),
      povertyQuery: (c) => perPartition(c, (kab) => [{ query: skenario.povertyQuery(kab) }]),
      areaNamesQuery: (c) => perPartition(c, (kab) => [{ query: skenario.areaNamesQuery(kab) }])
    },
    helpers: {
      cellPartition: "the cell tables of a kab/kota (checked against the published tables below)",
      sourceTables: "the tables behind the page's source lines (checked against the published tables below)",
      pageTables: "the tables a page prefetches (checked against the published tables below)"
    }
  },
  "periksa/queries.ts": {
    queries: {
      // Reads the people table the page builds from the opened lists (loadPeople, created in beforeAll).
      matchPairsQuery: () => [{ query: periksa.matchPairsQuery(0.92), columns: fields<periksa.MatchPair>({ a: true, b: true, how: true, name_sim: true, addr_sim: true }) }],
      programmesQuery: () => [{ query: periksa.programmesQuery(), columns: fields<periksa.ProgrammeRow>({ code: true, name: true, funder: true }) }],
      overlapRulesQuery: () => [{ query: periksa.overlapRulesQuery(), columns: fields<periksa.OverlapRuleRow>({ programme_a: true, programme_b: true, rule: true, reason: true }) }],
      regionsQuery: () => [{ query: periksa.regionsQuery(), columns: fields<periksa.RegionRow>({ kode: true, nama: true, level: true, parent_kode: true }) }]
    },
    helpers: {
      peopleColumns: "columns of the people table, built in the page",
      peopleIpc: "the people table as Arrow IPC (loadPeople loads it)"
    }
  },
  "sumber-data/queries.ts": {
    queries: {
      rejectionSummaryQuery: () => [{ query: sumberData.rejectionSummaryQuery() }]
    },
    helpers: {}
  }
};

const COMPONENTS = path.join(ROOT, "src/components");
/** Every route's queries.ts on disk: a new route's module is picked up here and must get cases. */
const QUERY_MODULES = readdirSync(COMPONENTS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(COMPONENTS, d.name, "queries.ts")))
  .map((d) => `${d.name}/queries.ts`)
  .sort();

/** Modules whose statements this test runs (beside the queries.ts files) and the data layer that defines `sql`. */
const OTHER_SQL_HOMES = ["skenario/sql-model.ts"];
const DATA_LAYER = "core/";

function pageSources(dir: string, base = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = base === "" ? entry.name : `${base}/${entry.name}`;
    if (entry.isDirectory()) return pageSources(path.join(dir, entry.name), relative);
    return /\.(ts|md)$/.test(entry.name) ? [relative] : [];
  });
}

/** Arrow type id of DECIMAL: the data layer refuses such columns (toRows), so no page query may return one. */
const ARROW_DECIMAL = 7;

const tmp = makeTempDir("query-shapes");
let tables: PublishedTable[];
let context: Context;
let wasm: WasmDatabase;

beforeAll(async () => {
  tables = await publishedTables();
  context = {
    tables: tables.map((t) => t.name),
    cellPartitions: tables.filter((t) => t.schema.name === REGISTRY_CELLS_SCHEMA.name).map((t) => t.partition!)
  };
  wasm = await openWasmDatabase(await writeEmptyTables(tmp.dir, tables));
  await loadPeople(wasm.database, []);
});
afterAll(() => {
  wasm?.close();
  tmp.remove();
});

/** Runs a statement through the data layer and returns its output columns; fails on a DECIMAL column. */
async function outputColumns(query: SqlQuery): Promise<{ name: string; type: string }[]> {
  const result = await wasm.database.query(query);
  const columns = result.schema.fields.map((f) => ({ name: f.name, type: f.type.toString() }));
  const decimals = result.schema.fields.filter((f) => f.type.typeId === ARROW_DECIMAL).map((f) => f.name);
  expect(decimals, "columns returned as DECIMAL (cast to DOUBLE or BIGINT)").toEqual([]);
  return columns;
}

async function expectShape(shape: Shape): Promise<void> {
  const columns = (await outputColumns(shape.query)).map((c) => c.name);
  if (shape.columns) expect([...columns].sort(), "output columns vs. the fields of the row type the page reads").toEqual([...shape.columns].sort());
}

describe("published schemas as the pages see them", () => {
  it("gives every published table one schema, and every registry partition its three cell tables", () => {
    expect(tables.length).toBeGreaterThan(0);
    expect(context.cellPartitions.length).toBeGreaterThan(0);
    for (const kab of context.cellPartitions) {
      for (const family of REGISTRY_FAMILIES) expect(context.tables).toContain(partitionTable(family, kab));
    }
  });

  it("loads each empty table through parquet-wasm with the declared columns and types", async () => {
    for (const table of tables) {
      const described = await wasm.database.rows<{ column_name: string; column_type: string }>(sql`DESCRIBE ${ident(table.name)}`);
      expect(described.map((d) => `${d.column_name} ${d.column_type}`), table.name).toEqual(table.schema.columns.map((c) => `${c.name} ${c.type}`));
    }
  });
});

describe("page queries on empty published tables", () => {
  it("has cases for every route's queries.ts, and for every function each one exports", async () => {
    expect(QUERY_MODULES).toEqual(Object.keys(CASES).sort());
    for (const file of QUERY_MODULES) {
      const module = (await import(path.join(COMPONENTS, file))) as Record<string, unknown>;
      const exported = Object.keys(module).filter((name) => typeof module[name] === "function").sort();
      const cases = CASES[file]!;
      const known = [...Object.keys(cases.queries), ...Object.keys(cases.helpers)].sort();
      expect(exported, `${file}: exported functions vs. the query cases and helpers listed in this test`).toEqual(known);
    }
  });

  it("finds page SQL only in the modules this test runs", () => {
    // A statement written in a view or a page would escape this test: it belongs in the route's queries.ts.
    const elsewhere = [
      ...pageSources(COMPONENTS).filter((f) => !f.startsWith(DATA_LAYER) && !QUERY_MODULES.includes(f) && !OTHER_SQL_HOMES.includes(f)).map((f) => path.join(COMPONENTS, f)),
      ...readdirSync(path.join(ROOT, "src")).filter((f) => f.endsWith(".md")).map((f) => path.join(ROOT, "src", f))
    ].filter((file) => /\bsql`/.test(readFileSync(file, "utf8")));
    expect(elsewhere.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  for (const [file, cases] of Object.entries(CASES)) {
    for (const [name, build] of Object.entries(cases.queries)) {
      it(`${file.replace(/\/queries\.ts$/, "")}: ${name}`, async () => {
        const shapes = build(context);
        expect(shapes.length).toBeGreaterThan(0);
        for (const shape of shapes) await expectShape(shape);
      });
    }
  }

  it("names only published tables in the scenario page's table lists", () => {
    for (const kab of context.cellPartitions) {
      for (const names of [skenario.pageTables(kab), skenario.sourceTables(kab), Object.values(skenario.cellPartition(kab))]) {
        expect(context.tables).toEqual(expect.arrayContaining(names));
      }
    }
  });
});

describe("scenario model statements on empty published cell tables", () => {
  /** Every method of ScenarioSql: the lifecycle the page calls, the statement builders, and internal steps they use. */
  const LIFECYCLE = ["prepare", "prepareOrders", "run"];
  const STATEMENTS = ["statusQuoStatement", "poolInsert", "statement"];
  const INTERNAL = ["buildOrders", "regTable", "poolRows", "runNow"];

  const programme = (code: string, eligible_desil_max: number): ProgrammeParams => ({
    code, cost_per_hh_year_rp: 1_200_000, transfer_per_hh_year_rp: 1_200_000, eligible_desil_max, graduation_prob_per_year: 0.1
  });
  const CATALOGUE = [programme("x", 2), programme("y", 4), programme("z", 10)];

  /** A run that reaches every statement: kab/kota and kecamatan pools, each targeting rule, leakage, a cut, disallowed pairs (or none). */
  function runOf(kabs: readonly string[], pairs: ModelRun["duplicate_pairs"]): ModelRun {
    return {
      base_year: 2025,
      horizon: 2026,
      regions: kabs.map((kab) => ({ kab_kode: kab, poverty_line_rp: 600_000, extreme_ratio: 0.6, trend_per_year: -0.02 })),
      programmes: CATALOGUE.map((params, i) => ({
        params,
        rule: TARGETING_RULES[i % TARGETING_RULES.length]!,
        leakage: i === 0 ? 0.1 : 0,
        pools: kabs.flatMap((kab) => [
          { area_kode: kab, baseline_rp: i === 2 ? 5_000_000 : 0, budget_rp: i === 2 ? 1_000_000 : 50_000_000 },
          { area_kode: `${kab}01`, baseline_rp: 0, budget_rp: 10_000_000 }
        ])
      })),
      duplicate_pairs: pairs
    };
  }

  it("lists every method of the model as lifecycle, statement builder or internal step", () => {
    const methods = Object.getOwnPropertyNames(ScenarioSql.prototype).filter((m) => m !== "constructor").sort();
    expect(methods).toEqual([...LIFECYCLE, ...STATEMENTS, ...INTERNAL].sort());
  });

  it("prepares, orders and runs over every published partition, with the columns the results are read from", async () => {
    const executed: string[] = [];
    const runner: SqlRunner = {
      rows: (statement, options) => {
        executed.push(statement.text);
        return wasm.database.rows(statement, options);
      }
    };
    // The partitions as the page names them (skenario/queries.ts).
    const partitions = context.cellPartitions.map(skenario.cellPartition);
    const model = new ScenarioSql(runner, "shape");
    await model.prepare(partitions, CATALOGUE);
    await model.prepareOrders();
    for (const pairs of [[], [["x", "y"], ["y", "z"]]] as ModelRun["duplicate_pairs"][]) {
      const run = runOf(context.cellPartitions, pairs);
      expect(Array.isArray(await model.run(run))).toBe(true);
      const insert = model.poolInsert(run);
      expect(insert).not.toBeNull();
      for (const statement of [model.statusQuoStatement(run), insert!, model.statement(run.duplicate_pairs)]) expect(executed).toContain(statement.text);
    }
    // What run() reads from each row: the area keys and, from the status quo, every number field;
    // from the change statement, the fields it adds to them.
    const keys = ["level", "kab_kode", "area_kode"];
    const run = runOf(context.cellPartitions, [["x", "y"]]);
    const statusQuo = (await outputColumns(model.statusQuoStatement(run))).map((c) => c.name);
    expect([...statusQuo].sort()).toEqual([...keys, ...AREA_NUMBER_FIELDS].sort());
    const change = (await outputColumns(model.statement(run.duplicate_pairs))).map((c) => c.name);
    expect(change.slice(0, 3)).toEqual(keys);
    expect(AREA_NUMBER_FIELDS).toEqual(expect.arrayContaining(change.slice(3)));
  });
});
