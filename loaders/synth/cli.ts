// `npx tsx loaders/synth/cli.ts [--scale banten] [--seed N]`: generates the synthetic registry into a
// temporary in-memory DuckDB and prints the calibration report, the overlap/gap structure and timings.
import { withDuckDB } from "../lib/duck.js";
import { readOverlapRules } from "../programmes/reference.js";
import { calibrationReport, formatCalibrationReport } from "./calibration.js";
import { DEFAULT_SEED, generateSynthetic } from "./generate.js";
import { loadSynthInputs } from "./inputs.js";
import { KOTA_SERANG, SCALES, type Scale } from "./plan.js";
import { checkSeed } from "./sql.js";
import { formatStructureReport, structureReport } from "./structure.js";
import { formatNumber } from "../../src/components/core/format.js";

function parseArgs(argv: readonly string[]): { scale: Scale; seed: number } {
  let scale: Scale = "default";
  let seed = DEFAULT_SEED;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--scale") {
      const value = argv[++i];
      if (!(SCALES as readonly (string | undefined)[]).includes(value)) throw new Error(`Skala tidak dikenal: ${value}. Pilihan: ${SCALES.join(", ")}`);
      scale = value as Scale;
    } else if (arg === "--seed") {
      seed = checkSeed(Number(argv[++i]));
    } else {
      throw new Error(`Argumen tidak dikenal: ${arg}. Pemakaian: npx tsx loaders/synth/cli.ts [--scale default|banten|kota_serang] [--seed N]`);
    }
  }
  return { scale, seed };
}

async function main(): Promise<number> {
  const { scale, seed } = parseArgs(process.argv.slice(2));
  const inputs = await loadSynthInputs();
  return withDuckDB(async (connection) => {
    const started = performance.now();
    const tables = await generateSynthetic(connection, { scale, seed, inputs });
    const generated = performance.now();
    const rows = await calibrationReport(connection, tables.households, tables.receipts, { inputs });
    const kota = inputs.distributions.get(KOTA_SERANG);
    if (!kota) throw new Error("Tidak ada distribusi pengeluaran Kota Serang.");
    const structure = await structureReport(connection, tables.households, tables.receipts, await readOverlapRules(), kota.extreme_line_rp);
    const counts = (await connection.runAndReadAll(`SELECT (SELECT count(*) FROM ${tables.households}), (SELECT count(*) FROM ${tables.receipts})`)).getRows()[0]!;
    console.log(`Registri sintetis (seed ${seed}, skala ${scale}): ${formatNumber(Number(counts[0]))} rumah tangga, ${formatNumber(Number(counts[1]))} baris penerimaan.`);
    const present = (await connection.runAndReadAll(`SELECT DISTINCT kab_kode FROM ${tables.households} ORDER BY 1`)).getRows().map((r) => String(r[0]));
    const rp = (x: number) => `Rp${formatNumber(x)}`;
    const lines = present.flatMap((k) => {
      const d = inputs.distributions.get(k);
      return d ? [`${k} GK ${rp(d.poverty_line_rp)}, garis ekstrem ${rp(d.extreme_line_rp)} (${d.year})`] : [];
    });
    console.log(`Garis per kab/kota (poverty_lines, garis ekstrem = r × GK): ${lines.join("; ")}.\n`);
    console.log("Kalibrasi terhadap agregat terbit:");
    console.log(formatCalibrationReport(rows));
    console.log("\nStruktur tumpang tindih dan kesenjangan:");
    console.log(formatStructureReport(structure));
    console.log(`\nWaktu pembangkitan: ${formatNumber((generated - started) / 1000, 1)} s; laporan: ${formatNumber((performance.now() - generated) / 1000, 1)} s.`);
    return rows.every((r) => r.ok) ? 0 : 1;
  });
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
