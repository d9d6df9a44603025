// One-off derivation of data/reference/regions.csv (run: npx tsx loaders/reference/derive-regions.ts) from the
// published administrative lists and the boundary files: province and kab/kota from admin_kabkota_banten.csv,
// kecamatan from banten-kecamatan.geojson, every desa/kelurahan from admin_desa_banten.csv (checked against
// banten-desa.topojson). The output is committed; this script documents how it was made and lets a reviewer re-derive it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatCsv, parseCsvObjects } from "../lib/csv.js";
import { writeFileAtomic } from "../lib/atomic.js";
import { GEO_DIR, REFERENCE_DIR } from "../lib/paths.js";

interface Feature { properties: Record<string, string | number> }
const GEO_SOURCE = "cahyadsn/wilayah_boundaries @3c5a796 (MIT), kode Kemendagri 300.2.2-2138/2025";
const ADMIN_SOURCE = "github:cahyadsn/wilayah db/wilayah.sql (commit b7ad440; Kepmendagri No 300.2.2-2138 Tahun 2025)";

function features(file: string): Feature[] {
  return (JSON.parse(readFileSync(path.join(GEO_DIR, file), "utf8")) as { features: Feature[] }).features;
}
const dotted = (kode: string) => kode.replace(/^(\d{2})(\d{2})?(\d{2})?(\d{4})?$/, (_m, a, b, c, d) => [a, b, c, d].filter(Boolean).join("."));

const published = path.join(REFERENCE_DIR, "published");
const kabkota = parseCsvObjects(readFileSync(path.join(published, "admin_kabkota_banten.csv"), "utf8"));
const rows: Record<string, string>[] = [];
for (const { row } of kabkota) {
  const kode = row.kode_bps!;
  rows.push({
    kode, kode_kemendagri: row.kode_kemendagri!, nama: row.nama!,
    level: kode.length === 2 ? "provinsi" : "kabkota",
    jenis: row.jenis!, parent_kode: kode.length === 2 ? "" : "36", source: row.source!
  });
}
for (const f of features("banten-kecamatan.geojson").sort((a, b) => String(a.properties.kode).localeCompare(String(b.properties.kode)))) {
  const p = f.properties;
  rows.push({ kode: String(p.kode), kode_kemendagri: String(p.kode_kemendagri), nama: String(p.nama), level: "kecamatan", jenis: "kecamatan", parent_kode: String(p.kab_kode), source: GEO_SOURCE });
}
// Every desa/kelurahan of Banten (level "kelurahan" as in the table's schema; jenis "desa" or "kelurahan").
const desaList = parseCsvObjects(readFileSync(path.join(published, "admin_desa_banten.csv"), "utf8")).map(({ row }) => row);
const kecamatanCodes = new Set(rows.filter((r) => r.level === "kecamatan").map((r) => r.kode));
// The boundary file must name the same desa with the same names and kecamatan (same source lineage, different file).
const topology = JSON.parse(readFileSync(path.join(GEO_DIR, "banten-desa.topojson"), "utf8")) as { objects: { desa: { geometries: Feature[] } } };
const boundaries = new Map(topology.objects.desa.geometries.map((g) => [String(g.properties.kode), g.properties]));
if (boundaries.size !== desaList.length) throw new Error(`banten-desa.topojson has ${boundaries.size} desa, admin_desa_banten.csv ${desaList.length}`);
for (const row of desaList.sort((a, b) => a.kode!.localeCompare(b.kode!))) {
  const geo = boundaries.get(row.kode!);
  if (!geo) throw new Error(`desa ${row.kode} ${row.nama} missing from banten-desa.topojson`);
  if (geo.nama !== row.nama || geo.kec_kode !== row.kec_kode) throw new Error(`desa ${row.kode}: ${String(geo.nama)} (${String(geo.kec_kode)}) vs ${row.nama} (${row.kec_kode})`);
  if (!kecamatanCodes.has(row.kec_kode!)) throw new Error(`desa ${row.kode}: kecamatan ${row.kec_kode} is not in the kecamatan list`);
  if (row.kode_kemendagri !== dotted(row.kode!)) throw new Error(`desa ${row.kode}: dotted code ${row.kode_kemendagri}`);
  rows.push({ kode: row.kode!, kode_kemendagri: row.kode_kemendagri!, nama: row.nama!, level: "kelurahan", jenis: row.jenis!.toLowerCase(), parent_kode: row.kec_kode!, source: `${ADMIN_SOURCE} ; ${GEO_SOURCE}` });
}
// Kota Serang's kelurahan names must agree with its own published list, too.
const kelurahanList = parseCsvObjects(readFileSync(path.join(published, "admin_kelurahan_kota_serang.csv"), "utf8"));
for (const { row } of kelurahanList) {
  const match = rows.find((r) => r.kode_kemendagri === row.kode_kemendagri);
  if (!match) throw new Error(`kelurahan ${row.kode_kemendagri} ${row.nama_kelurahan} missing from admin_desa_banten.csv`);
  if (match.nama !== row.nama_kelurahan) throw new Error(`kelurahan ${row.kode_kemendagri}: ${match.nama} vs ${row.nama_kelurahan}`);
}
await writeFileAtomic(path.join(REFERENCE_DIR, "regions.csv"), formatCsv(["kode", "kode_kemendagri", "nama", "level", "jenis", "parent_kode", "source"], rows));
console.log(`regions.csv: ${rows.length} rows`);
