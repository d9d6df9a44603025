// Schemas of the microdata tables (DESIGN §3). Real BNBA ingest and the synthetic default both
// emit exactly these, so every page and model works the same on either.
import type { TableSchema } from "../lib/schema.js";

export const REGISTRY_HOUSEHOLDS_SCHEMA: TableSchema = {
  name: "registry_households",
  version: 1,
  description: "Rumah tangga dalam registri sosial (BNBA), dipseudonimkan: tanpa NIK, nama, atau alamat.",
  key: ["hh_id"],
  columns: [
    { name: "hh_id", type: "VARCHAR", description: "Pseudonim rumah tangga: HMAC-SHA-256 dari NO_KK dengan kunci rahasia" },
    { name: "kel_kode", type: "VARCHAR", nullable: true, description: "Kode Kemendagri kelurahan/desa (10 digit), jika diketahui" },
    { name: "kec_kode", type: "VARCHAR", description: "Kode Kemendagri kecamatan (6 digit)" },
    { name: "kab_kode", type: "VARCHAR", description: "Kode kabupaten/kota (4 digit)" },
    { name: "desil", type: "TINYINT", nullable: true, description: "Desil kesejahteraan 1–10 (1 = termiskin)" },
    { name: "members", type: "SMALLINT", description: "Jumlah anggota rumah tangga" },
    { name: "pce_month_rp", type: "DOUBLE", description: "Pengeluaran per kapita per bulan (Rp)" },
    { name: "pce_imputed", type: "BOOLEAN", description: "Benar jika pengeluaran diperkirakan dari desil, bukan diamati" },
    { name: "on_target_list", type: "BOOLEAN", description: "Termasuk daftar sasaran penghapusan kemiskinan ekstrem (P3KE/SK)" },
    { name: "disability", type: "BOOLEAN", description: "Ada anggota penyandang disabilitas" },
    { name: "elderly", type: "BOOLEAN", description: "Ada anggota lanjut usia" },
    { name: "out_of_school_child", type: "BOOLEAN", description: "Ada anak tidak sekolah" },
    { name: "unfit_house", type: "BOOLEAN", description: "Rumah tidak layak huni (RTLH)" },
    { name: "no_health_insurance", type: "BOOLEAN", description: "Tidak memiliki JKN" },
    { name: "female_head", type: "BOOLEAN", description: "Kepala rumah tangga perempuan" },
    { name: "snapshot_date", type: "DATE", description: "Tanggal snapshot registri" },
    { name: "source", type: "VARCHAR", description: "Berkas sumber atau keterangan data sintetis" }
  ]
};

export const PROGRAMME_RECEIPTS_SCHEMA: TableSchema = {
  name: "programme_receipts",
  version: 1,
  description: "Penerimaan program per rumah tangga dan periode (dipseudonimkan).",
  key: ["hh_id", "programme_code", "funder", "period"],
  columns: [
    { name: "hh_id", type: "VARCHAR", description: "Pseudonim rumah tangga (sama dengan registry_households.hh_id)" },
    { name: "kab_kode", type: "VARCHAR", description: "Kode kabupaten/kota penerima" },
    { name: "programme_code", type: "VARCHAR", description: "Kode program (lihat tabel programmes)" },
    { name: "funder", type: "VARCHAR", description: "Penyandang dana: pusat, provinsi, kota, kabupaten, csr, baznas" },
    { name: "period", type: "VARCHAR", description: "Periode penyaluran (YYYY atau YYYY-MM)" },
    { name: "units", type: "DOUBLE", nullable: true, description: "Jumlah satuan diterima (paket, bulan, unit rumah)" },
    { name: "value_rp", type: "DOUBLE", nullable: true, description: "Nilai bantuan (Rp)" },
    { name: "source", type: "VARCHAR", description: "Berkas sumber atau keterangan data sintetis" }
  ]
};
