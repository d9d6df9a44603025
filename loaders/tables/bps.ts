// bps_poverty, bps_extreme_poverty, targets: BPS statistics and the national targets they are judged
// against. Built from the committed snapshot of published figures; bps_poverty uses the rows of the
// last successful BPS Web API refresh (data/cache/bps/api-rows.json) when there is one.
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadRows, writeParquet, type Provenance } from "../lib/parquet.js";
import type { TableSchema } from "../lib/schema.js";
import { readApiRows } from "../bps/api-rows.js";
import { mergePoverty } from "../bps/merge.js";
import { API_ROWS_FILE, BPS_CACHE_DIR, BPS_SNAPSHOT_DIR, SNAPSHOT_RETRIEVED_AT } from "../bps/paths.js";
import { readExtremeSnapshot, readTargets } from "../bps/snapshot.js";
import { snapshotWithImports } from "../bps/import-record.js";
import { LINE_PERIOD_TEXT_ID } from "../../src/components/domain/model/line-series.js";

const REGION_KODE = "Kode wilayah Kemendagri tanpa titik: 00 Indonesia, 36 Banten, 3601–3674 kabupaten/kota";

export const BPS_POVERTY_SCHEMA: TableSchema = {
  name: "bps_poverty",
  version: 1,
  description: "Kemiskinan moneter BPS (Susenas) per wilayah, tahun, dan bulan survei: jumlah dan persentase penduduk miskin, garis kemiskinan, P1, P2.",
  key: ["region_kode", "year", "month"],
  columns: [
    { name: "region_kode", type: "VARCHAR", description: REGION_KODE },
    { name: "year", type: "INTEGER", description: "Tahun survei" },
    { name: "month", type: "INTEGER", description: "Bulan Susenas: 3 = Maret, 9 = September (angka kab/kota hanya Maret)" },
    { name: "poor_count", type: "BIGINT", nullable: true, description: "Jumlah penduduk miskin (jiwa; estimasi survei berbobot)" },
    { name: "p0_pct", type: "DOUBLE", nullable: true, description: "Persentase penduduk miskin, P0 (%)" },
    { name: "poverty_line_rp", type: "DOUBLE", nullable: true, description: "Garis kemiskinan (Rp per kapita per bulan)" },
    { name: "p1", type: "DOUBLE", nullable: true, description: "Indeks kedalaman kemiskinan (P1)" },
    { name: "p2", type: "DOUBLE", nullable: true, description: "Indeks keparahan kemiskinan (P2)" },
    { name: "source", type: "VARCHAR", description: "Sumber angka: URL publikasi, atau variabel BPS Web API dengan tanggal pengambilan" },
    { name: "retrieved_at", type: "DATE", description: "Tanggal pengambilan dari API atau tanggal snapshot" },
    { name: "note", type: "VARCHAR", nullable: true, description: "Catatan: konflik antarsumber, asumsi bulan, pembulatan" }
  ]
};

export const BPS_EXTREME_POVERTY_SCHEMA: TableSchema = {
  name: "bps_extreme_poverty",
  version: 2,
  description:
    "Angka kemiskinan ekstrem yang dipublikasikan. Estimasi survei BPS (`kind` = `survey`) dan hitungan daftar sasaran P3KE/DTKS/DTSEN (`kind` = `registry`) adalah ukuran berbeda: jangan digabung dalam satu grafik.",
  key: ["region_kode", "year", "month", "kind", "series"],
  columns: [
    { name: "region_kode", type: "VARCHAR", description: REGION_KODE },
    { name: "year", type: "INTEGER", description: "Tahun angka" },
    { name: "month", type: "INTEGER", nullable: true, description: "Bulan rujukan atau pernyataan, jika disebut sumber" },
    { name: "kind", type: "VARCHAR", description: "`survey` (Susenas BPS), `registry` (daftar sasaran), `unclear` (dasar tidak disebut), `line_only` (hanya garis)" },
    { name: "extreme_pct", type: "DOUBLE", nullable: true, description: "Persentase penduduk miskin ekstrem (%)" },
    { name: "extreme_count", type: "BIGINT", nullable: true, description: "Jumlah miskin ekstrem dalam satuan count_unit" },
    { name: "count_unit", type: "VARCHAR", nullable: true, description: "Satuan jumlah: jiwa, KK, atau keluarga (kosong jika tidak ada jumlah)" },
    { name: "line_rp", type: "DOUBLE", nullable: true, description: "Garis kemiskinan ekstrem dalam rupiah, seperti dipublikasikan" },
    { name: "line_basis", type: "VARCHAR", nullable: true, description: "Dasar garis: mis. US$1.90 PPP 2011 (lama) atau US$2.15 PPP 2017 (baru), dan satuan line_rp" },
    { name: "series", type: "VARCHAR", nullable: true, description: `Seri garis angka survei: \`usd190_ppp2011\` (lama) atau \`usd215_ppp2017\` (baru); kosong untuk jenis lain. ${LINE_PERIOD_TEXT_ID}` },
    { name: "for_validation", type: "BOOLEAN", nullable: true, description: "Angka survei yang dipakai untuk kalibrasi dan validasi model (salah: hanya konteks, alasannya di catatan); kosong untuk jenis lain" },
    { name: "source", type: "VARCHAR", description: "Sumber angka (URL)" },
    { name: "retrieved_at", type: "DATE", description: "Tanggal snapshot" },
    { name: "note", type: "VARCHAR", nullable: true, description: "Catatan sumber, diawali tag `[SURVEY]`/`[REGISTRY]`/`[UNCLEAR]`/`[LINE-ONLY]`" }
  ]
};

export const TARGETS_SCHEMA: TableSchema = {
  name: "targets",
  version: 1,
  description: "Target resmi per wilayah, indikator, dan tahun. Baris nasional (00) berlaku untuk semua wilayah bila tidak ada target daerah.",
  key: ["region_kode", "indicator", "year", "basis"],
  columns: [
    { name: "region_kode", type: "VARCHAR", description: REGION_KODE },
    { name: "indicator", type: "VARCHAR", description: "Indikator, mis. extreme_poverty_pct (persentase penduduk miskin ekstrem)" },
    { name: "year", type: "INTEGER", description: "Tahun target" },
    { name: "value", type: "DOUBLE", description: "Nilai target (satuan indikator)" },
    { name: "basis", type: "VARCHAR", description: "Dasar hukum atau dokumen perencanaan" },
    { name: "is_current", type: "BOOLEAN", description: "Benar untuk target yang berlaku; salah untuk target lama (riwayat)" },
    { name: "source", type: "VARCHAR", description: "Sumber: regulasi dan publikasi yang mengutipnya" },
    { name: "retrieved_at", type: "DATE", description: "Tanggal snapshot" },
    { name: "note", type: "VARCHAR", nullable: true, description: "Catatan" }
  ]
};

export interface BpsBuildOptions {
  /** Folder with bps_poverty.csv, bps_extreme_poverty.csv and targets.csv. */
  readonly snapshotDir?: string;
  /** api-rows.json of the last successful refresh; absent means snapshot only. */
  readonly apiRowsPath?: string;
  /** Where to say that a cached refresh could not be used. */
  readonly warn?: (line: string) => void;
}

const LOADER = "loaders/tables/bps.ts";

function snapshotProvenance(file: string): Provenance {
  return {
    source: `Snapshot angka BPS yang dipublikasikan (\`data/reference/bps/${file}\`): tabel dan rilis BPS, dikutip langsung atau melalui berita dan repositori publik; sumber tiap baris ada di kolom \`source\`.`,
    retrieved_at: SNAPSHOT_RETRIEVED_AT,
    loader: LOADER,
    synthetic: false
  };
}

export async function buildBpsPoverty(connection: DuckDBConnection, out: string, options: BpsBuildOptions = {}): Promise<void> {
  // Recorded imports of BPS website tables (data/reference/bps/imports/) are merged over the snapshot.
  const snapshot = await snapshotWithImports(options.snapshotDir ?? BPS_SNAPSHOT_DIR);
  const api = await readApiRows(options.apiRowsPath ?? path.join(BPS_CACHE_DIR, API_ROWS_FILE));
  let rows = snapshot;
  let provenance = snapshotProvenance("bps_poverty.csv");
  if (api.status === "ok") {
    rows = mergePoverty(snapshot, api.file.poverty);
    provenance = {
      ...provenance,
      source: `BPS Web API (webapi.bps.go.id), diambil ${api.file.retrieved_at}; sel yang tidak tersedia di API dari snapshot angka terbitan (${SNAPSHOT_RETRIEVED_AT}). Sumber tiap baris ada di kolom source.`,
      retrieved_at: api.file.retrieved_at
    };
  } else if (api.status === "invalid") {
    (options.warn ?? console.warn)(`Hasil API BPS tersimpan tidak dapat dipakai (${api.reason}); bps_poverty dibangun dari snapshot.`);
  }
  const staged = await loadRows(connection, BPS_POVERTY_SCHEMA, rows as unknown as Record<string, unknown>[]);
  await writeParquet(connection, `SELECT * FROM ${staged}`, BPS_POVERTY_SCHEMA, provenance, out, { orderBy: "region_kode, year, month" });
}

export async function buildBpsExtremePoverty(connection: DuckDBConnection, out: string, options: BpsBuildOptions = {}): Promise<void> {
  const rows = await readExtremeSnapshot(options.snapshotDir ?? BPS_SNAPSHOT_DIR);
  const staged = await loadRows(connection, BPS_EXTREME_POVERTY_SCHEMA, rows as unknown as Record<string, unknown>[]);
  await writeParquet(connection, `SELECT * FROM ${staged}`, BPS_EXTREME_POVERTY_SCHEMA, snapshotProvenance("bps_extreme_poverty.csv"), out, {
    orderBy: "region_kode, year, month NULLS FIRST, kind"
  });
}

export async function buildTargets(connection: DuckDBConnection, out: string, options: BpsBuildOptions = {}): Promise<void> {
  const rows = await readTargets(options.snapshotDir ?? BPS_SNAPSHOT_DIR);
  const staged = await loadRows(connection, TARGETS_SCHEMA, rows as unknown as Record<string, unknown>[]);
  await writeParquet(
    connection,
    `SELECT * FROM ${staged}`,
    TARGETS_SCHEMA,
    {
      source: "Target nasional penghapusan kemiskinan ekstrem: RPJMN 2025–2029 (0% pada 2026, berlaku) dan Inpres No. 4 Tahun 2022 (0% pada 2024, riwayat); data/reference/bps/targets.csv.",
      retrieved_at: SNAPSHOT_RETRIEVED_AT,
      loader: LOADER,
      synthetic: false
    },
    out,
    { orderBy: "region_kode, indicator, year" }
  );
}
