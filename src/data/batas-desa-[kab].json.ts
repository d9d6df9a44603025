// One desa/kelurahan map per kab/kota the registry holds (Framework passes --kab=<kode>; the kab/kota
// are listed by dynamicPaths in observablehq.config.ts): that kab/kota's desa from
// data/geo/banten-desa.topojson (MIT, see data/geo/README.md), simplified and re-quantised.
import { kabArgument } from "../../loaders/lib/emit.js";
import { writeDesaMap } from "../../loaders/reference/desa-map-file.js";

await writeDesaMap(kabArgument("batas-desa"), process.stdout);
