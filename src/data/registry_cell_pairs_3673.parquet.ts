import { emitTable } from "../../loaders/lib/emit.js";

await emitTable("registry_cell_pairs_3673");
