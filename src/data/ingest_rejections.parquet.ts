import { emitTable } from "../../loaders/lib/emit.js";

await emitTable("ingest_rejections");
