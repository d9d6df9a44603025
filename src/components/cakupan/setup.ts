// What /cakupan and /rakor read before their filter bar can appear: the kab/kota with registry
// cells (from the catalogue), their kecamatan and the programme catalogue.
import type { Database } from "../core/database.js";
import type { CatalogRow } from "../core/catalog.js";
import { loadCatalog, loadWilayah } from "../core/tables.js";
import type { FilterChoices } from "./filters.js";
import { kecamatanList, programmeList } from "./queries.js";

/** The filter choices, with the catalogue rows for the page's source lines. */
export async function loadFilterChoices(db: Database): Promise<FilterChoices & { catalog: readonly CatalogRow[] }> {
  const [{ registry }, catalog, programmes] = await Promise.all([loadWilayah(), loadCatalog(), db.rows<FilterChoices["programmes"][number]>(programmeList())]);
  const kecamatan = await Promise.all(
    registry.map(async (w) => (await db.rows<{ kode: string; nama: string }>(kecamatanList(w.kode))).map((k) => ({ ...k, kab: w.kode })))
  );
  return { kabs: registry, kecamatan: kecamatan.flat(), programmes, catalog };
}
