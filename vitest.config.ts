import { defineConfig } from "vitest/config";

// Projects: unit (pure functions), sql (duckdb-wasm in Node with the browser's ingestion path),
// privacy (canary build), browser (built site in Debian Chromium; needs `npm run build` first).
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      { test: { name: "sql", include: ["tests/sql/**/*.test.ts"], environment: "node", testTimeout: 60_000, hookTimeout: 120_000 } },
      // Builds the whole site again from planted private files into a temp folder (slow; after `npm run build`).
      { test: { name: "privacy", include: ["tests/privacy/**/*.test.ts"], environment: "node", testTimeout: 120_000, hookTimeout: 900_000 } },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 300_000
        }
      }
    ]
  }
});
