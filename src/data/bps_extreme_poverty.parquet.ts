import { emitTable } from "../../loaders/lib/emit.js";

await emitTable("bps_extreme_poverty");
