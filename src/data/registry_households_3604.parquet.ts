import { emitTable } from "../../loaders/lib/emit.js";

await emitTable("registry_households_3604");
