// `observable build` with reproducible output. Framework names each bundled module after a hash
// that includes the modification times of the data loaders' cached outputs, which are rewritten by
// every build, so two builds of the same sources got different file names. Framework's own test
// hook `setCurrentDate` makes it read every modification time as one fixed date; content hashes
// still change whenever a file's content does.
import { build } from "@observablehq/framework/dist/build.js";
import { readConfig, setCurrentDate } from "@observablehq/framework/dist/config.js";

/** The date Framework reads for every file (any fixed value gives reproducible names). */
export const FIXED_FILE_DATE = new Date("2026-01-01T00:00:00Z");

setCurrentDate(FIXED_FILE_DATE);
await build({ config: await readConfig() });
