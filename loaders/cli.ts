// `npm run data -- <command>`: builds the published tables (default), refreshes BPS statistics,
// checks a registry or receipts file, and ingests data/private/.
import { buildAll, buildTable } from "./build.js";
import { runBpsCommand } from "./bps/command.js";
import { runBpsImport } from "./bps/import.js";
import { PseudonymKeyError } from "./lib/pseudonym.js";
import { SyntheticScaleError } from "./synth/plan.js";
import { runValidateCommand } from "./registry/validate-command.js";
import { REJECTIONS_TABLE, buildMicrodata } from "./tables/registry.js";
import { partitionTableNames, readPartitions } from "./registry/partitions.js";
import { withDuckDB } from "./lib/duck.js";
import { formatNumber } from "../src/components/core/format.js";

const [command = "build", ...args] = process.argv.slice(2);
const USAGE = "Pilihan: build, bps [--refresh], bps import <berkas>… [--indicator …] [--month 3|9] [--source …] [--dry-run], validate <berkas> [--kind registry|receipts] [--json], ingest";

async function main(): Promise<number> {
  switch (command) {
    case "build": {
      const started = performance.now();
      await buildAll((line) => console.log(`  ${line}`));
      console.log(`Semua tabel dibangun dalam ${formatNumber((performance.now() - started) / 1000, 1)} s.`);
      return 0;
    }
    case "bps": {
      if (args[0] === "import") {
        const imported = await runBpsImport(args.slice(1));
        // A refused file (exit 1) does not undo the others: rebuild unless nothing could be recorded.
        if (imported === 2 || args.includes("--dry-run")) return imported;
        for (const name of ["bps_poverty", "poverty_lines", "extreme_estimates", "extreme_validation", "extreme_calibration", "extreme_model_comparison", "catalog"]) await buildTable(name);
        return imported;
      }
      const code = await runBpsCommand(args);
      if (code === 0) await buildTable("catalog"); // keep /data in step with the refreshed tables
      return code;
    }
    case "validate":
      return runValidateCommand(args);
    case "ingest": {
      const started = performance.now();
      await withDuckDB((c) => buildMicrodata(c, (line) => console.log(`  ${line}`)));
      await buildTable("catalog");
      console.log(`${[...partitionTableNames(readPartitions() ?? []), REJECTIONS_TABLE].join(", ")} dibangun dalam ${formatNumber((performance.now() - started) / 1000, 1)} s.`);
      return 0;
    }
    default:
      console.error(`Perintah tidak dikenal: ${command}. ${USAGE}`);
      return 2;
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  // A missing pseudonym key or an unknown synthetic scale is the user's to fix: one sentence, no stack trace.
  if (error instanceof PseudonymKeyError || error instanceof SyntheticScaleError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
