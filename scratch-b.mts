import { buildTable } from "./loaders/build.ts";
import { withDuckDB } from "./loaders/lib/duck.ts";
for (const t of ["poverty_lines","extreme_estimates","extreme_validation","extreme_calibration"]) { const t0 = performance.now(); await buildTable(t); console.log(t, Math.round(performance.now()-t0)); }
await withDuckDB(async (c) => {
  const r = await c.runAndReadAll(`SELECT region_kode, year, series, round(value_pct,2) v, round(lower_pct,2) lo, round(upper_pct,2) hi, round(persons) p FROM 'data/build/extreme_estimates.parquet' WHERE series='usd215_ppp2017' ORDER BY 1,2`);
  for (const row of r.getRowObjects()) console.log(Object.values(row).join(" | "));
  const v = await c.runAndReadAll(`SELECT region_kode, year, role, published_pct, round(estimate_pct,2), round(error_relative,2), in_interval FROM 'data/build/extreme_validation.parquet'`);
  for (const row of v.getRowObjects()) console.log(Object.values(row).join(" | "));
});
