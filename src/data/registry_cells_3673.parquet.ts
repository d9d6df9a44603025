import { emitTable } from "../../loaders/lib/emit.js";

await emitTable("registry_cells_3673");
