import { emitTable } from "../../loaders/lib/emit.js";

await emitTable("poverty_lines");
