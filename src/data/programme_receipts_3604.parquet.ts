import { emitTable } from "../../loaders/lib/emit.js";

await emitTable("programme_receipts_3604");
