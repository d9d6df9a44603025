// Kota Serang kelurahan and kecamatan boundaries (TopoJSON, MIT, see data/geo/README.md), copied as is.
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { GEO_DIR } from "../../loaders/lib/paths.js";

await pipeline(createReadStream(`${GEO_DIR}/kota-serang.topojson`), process.stdout);
