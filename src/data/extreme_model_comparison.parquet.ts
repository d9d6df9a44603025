import { emitTable } from "../../loaders/lib/emit.js";

await emitTable("extreme_model_comparison");
