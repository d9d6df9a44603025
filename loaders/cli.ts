// `npm run data -- <command>`: builds the published tables (default) and, in later modules, fetches and validates sources.
import { buildAll, buildTable } from "./build.js";
import { runBpsCommand } from "./bps/command.js";

const [command = "build"] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case "build": {
      const started = performance.now();
      await buildAll((line) => console.log(`  ${line}`));
      console.log(`Semua tabel dibangun dalam ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    }
    case "bps": {
      const code = await runBpsCommand(process.argv.slice(3));
      if (code === 0) await buildTable("catalog"); // keep /data in step with the refreshed tables
      return code;
    }
    default:
      console.error(`Perintah tidak dikenal: ${command}. Pilihan: build, bps`);
      return 2;
  }
}

process.exitCode = await main();
