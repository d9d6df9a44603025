// One registry_cells partition per kab/kota the registry holds (Framework passes --kab=<kode>; the
// partitions are listed by dynamicPaths in observablehq.config.ts).
import { emitPartition } from "../../loaders/lib/emit.js";

await emitPartition("registry_cells");
