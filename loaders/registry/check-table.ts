// Moved to src/components/registry-rules/ (shared with the browser page /periksa); re-exported for the loaders.
export * from "../../src/components/registry-rules/check-table.js";
