// `npm run data -- <command>`: builds the published tables (default) and, in later modules, fetches and validates sources.
import { buildAll } from "./build.js";

const [command = "build"] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case "build": {
      const started = performance.now();
      await buildAll((line) => console.log(`  ${line}`));
      console.log(`Semua tabel dibangun dalam ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    }
    default:
      console.error(`Perintah tidak dikenal: ${command}. Pilihan: build`);
      return 2;
  }
}

process.exitCode = await main();
