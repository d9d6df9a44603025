// Schemas of the published registry cells (DESIGN §3, §5): the only registry data that reaches the
// site. Every row describes at least k households (TS_MIN_CELL, default 10); households whose finest
// cell is smaller are merged into coarser cells (wider expenditure band, fewer details, kecamatan or
// kab/kota instead of kelurahan), never dropped, so every total equals the household microdata.
//
// Reading the cells: each household sits in exactly one row, and a row's description may be coarser
// than its neighbours'. Sum `households`/`persons` over the rows that match a filter; a row with a
// NULL dimension means "not detailed at this level" (show it as such, never guess).
import type { TableSchema } from "../lib/schema.js";

/** Vulnerability flags counted per cell (households with the flag), in registry column order. */
export const CELL_FLAGS = [
  "disability",
  "elderly",
  "out_of_school_child",
  "unfit_house",
  "no_health_insurance",
  "female_head"
] as const;
export type CellFlag = (typeof CELL_FLAGS)[number];

export const REGISTRY_CELLS_SCHEMA: TableSchema = {
  name: "registry_cells",
  version: 1,
  description:
    "Sel agregat registri sosial: setiap baris menggambarkan sedikitnya k rumah tangga (TS_MIN_CELL). " +
    "Sel kecil digabung ke sel yang lebih kasar (rentang pengeluaran lebih lebar, tanpa rincian, kecamatan atau kab/kota), tidak pernah dibuang, " +
    "sehingga jumlah rumah tangga dan jiwa sama dengan registri. Tidak ada baris rumah tangga.",
  key: ["cell_id"],
  columns: [
    { name: "cell_id", type: "INTEGER", description: "Nomor sel dalam partisi ini (kunci ke registry_cell_programmes)" },
    { name: "kab_kode", type: "VARCHAR", description: "Kode kabupaten/kota (4 digit)" },
    { name: "kec_kode", type: "VARCHAR", nullable: true, description: "Kode kecamatan (6 digit); kosong = sel hanya dirinci sampai kab/kota" },
    { name: "kel_kode", type: "VARCHAR", nullable: true, description: "Kode kelurahan/desa (10 digit); kosong = sel hanya dirinci sampai kecamatan atau kab/kota" },
    { name: "desil_min", type: "TINYINT", nullable: true, description: "Desil kesejahteraan terendah dalam sel (1 = termiskin); kosong = desil tidak diketahui atau tidak dirinci" },
    { name: "desil_max", type: "TINYINT", nullable: true, description: "Desil kesejahteraan tertinggi dalam sel; sama dengan desil_min bila desil dirinci satu per satu" },
    { name: "size_min", type: "SMALLINT", nullable: true, description: "Jumlah anggota rumah tangga terkecil dalam rentang sel; kosong = tidak dirinci" },
    { name: "size_max", type: "SMALLINT", nullable: true, description: "Jumlah anggota terbesar dalam rentang sel; kosong = tanpa batas atas atau tidak dirinci" },
    { name: "on_target_list", type: "BOOLEAN", nullable: true, description: "Termasuk daftar sasaran penghapusan kemiskinan ekstrem (P3KE/SK); kosong = tidak dirinci" },
    { name: "pce_lo_rp", type: "DOUBLE", description: "Batas bawah rentang pengeluaran per kapita per bulan (Rp, termasuk)" },
    { name: "pce_hi_rp", type: "DOUBLE", nullable: true, description: "Batas atas rentang pengeluaran per kapita per bulan (Rp, tidak termasuk); kosong = terbuka ke atas" },
    { name: "programmes", type: "VARCHAR", nullable: true, description: "'' = tidak ada rumah tangga dalam sel yang menerima program; kosong = setiap rumah tangga menerima sedikitnya satu program (rinciannya di registry_cell_programmes dan registry_cell_pairs), atau tidak dirinci pada sel sisa" },
    { name: "households", type: "INTEGER", description: "Jumlah rumah tangga dalam sel (≥ k)" },
    { name: "persons", type: "INTEGER", description: "Jumlah jiwa (anggota rumah tangga) dalam sel" },
    ...CELL_FLAGS.map((flag) => ({
      name: `hh_${flag}`,
      type: "INTEGER" as const,
      description: `Jumlah rumah tangga dalam sel dengan penanda ${flag} (lihat registry_households pada README loader)`
    })),
    { name: "hh_any_programme", type: "INTEGER", description: "Jumlah rumah tangga dalam sel yang menerima sedikitnya satu program (tepat, juga bila kombinasi program tidak dirinci)" },
    { name: "hh_pce_imputed", type: "INTEGER", description: "Jumlah rumah tangga yang pengeluarannya diperkirakan dari desil, bukan diamati" },
    { name: "coarsening", type: "TINYINT", description: "Tingkat penggabungan sel: 0 = rincian terhalus; makin besar makin kasar (lihat deskripsi tingkat di README loader)" }
  ]
};

export const REGISTRY_CELL_PROGRAMMES_SCHEMA: TableSchema = {
  name: "registry_cell_programmes",
  version: 1,
  description:
    "Penerimaan program per sel registri (registry_cells): rumah tangga penerima, satuan, dan nilai per program dan penyandang dana, " +
    "dijumlahkan atas semua periode dalam snapshot. Tidak ada baris rumah tangga.",
  key: ["cell_id", "programme_code", "funder"],
  columns: [
    { name: "cell_id", type: "INTEGER", description: "Sel pada registry_cells partisi yang sama" },
    { name: "programme_code", type: "VARCHAR", description: "Kode program (lihat tabel programmes)" },
    { name: "funder", type: "VARCHAR", description: "Penyandang dana: pusat, provinsi, kota, kabupaten, csr, baznas" },
    { name: "households", type: "INTEGER", description: "Rumah tangga dalam sel yang menerima program ini pada periode mana pun" },
    { name: "units", type: "DOUBLE", description: "Jumlah satuan diterima, semua periode (0 bila tidak dicatat)" },
    { name: "value_rp", type: "DOUBLE", description: "Nilai bantuan (Rp), semua periode (0 bila tidak dicatat)" },
    { name: "periods", type: "SMALLINT", description: "Jumlah periode penyaluran yang berbeda" }
  ]
};

export const REGISTRY_CELL_PAIRS_SCHEMA: TableSchema = {
  name: "registry_cell_pairs",
  version: 1,
  description:
    "Pasangan program yang diterima rumah tangga yang sama, dihitung per sel registri: dasar angka tumpang tindih (bandingkan dengan overlap_rules). " +
    "Hanya pasangan dengan sedikitnya satu rumah tangga. Tidak ada baris rumah tangga.",
  key: ["cell_id", "programme_a", "programme_b"],
  columns: [
    { name: "cell_id", type: "INTEGER", description: "Sel pada registry_cells partisi yang sama" },
    { name: "programme_a", type: "VARCHAR", description: "Kode program pertama (urutan abjad)" },
    { name: "programme_b", type: "VARCHAR", description: "Kode program kedua (urutan abjad)" },
    { name: "households", type: "INTEGER", description: "Rumah tangga dalam sel yang menerima kedua program (periode mana pun)" }
  ]
};
