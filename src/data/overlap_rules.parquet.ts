import { emitTable } from "../../loaders/lib/emit.js";

await emitTable("overlap_rules");
