// programmes, overlap_rules, programme_allocations: the programme reference tables (DESIGN §3),
// read from data/reference/programmes/*.csv, validated, and written to Parquet.
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadRows, writeParquet, type Provenance } from "../lib/parquet.js";
import type { TableSchema } from "../lib/schema.js";
import { crossCheck, readOverlapRules, readProgrammeAllocations, readProgrammes, ReferenceDataError } from "./reference.js";

export const PROGRAMMES_SCHEMA: TableSchema = {
  name: "programmes",
  version: 1,
  description: "Katalog program penanggulangan kemiskinan ekstrem: penyandang dana, strategi Inpres 4/2022, satuan, biaya, dan efek.",
  key: ["code"],
  columns: [
    { name: "code", type: "VARCHAR", description: "Kode program (dipakai di programme_receipts dan overlap_rules)" },
    { name: "name", type: "VARCHAR", description: "Nama program" },
    { name: "funder", type: "VARCHAR", description: "Penyandang dana: pusat, provinsi, kota, kabupaten, csr, baznas" },
    { name: "strategy", type: "VARCHAR", description: "Strategi Inpres 4/2022: kurangi_beban (beban pengeluaran), tingkatkan_pendapatan, kurangi_kantong (kantong kemiskinan)" },
    { name: "unit", type: "VARCHAR", description: "Satuan penyaluran (paket, anak per bulan, jiwa, unit rumah, …)" },
    { name: "unit_cost_rp", type: "DOUBLE", nullable: true, description: "Biaya per satuan (Rp); kosong bila tidak dipublikasikan" },
    { name: "value_per_capita_month_rp", type: "DOUBLE", nullable: true, description: "Nilai per kapita per bulan (Rp); kosong bila nilai terbit per rumah tangga atau per anak" },
    { name: "eligible_desil_max", type: "TINYINT", nullable: true, description: "Desil tertinggi yang layak menerima (lihat basis: terbit, turunan, atau asumsi)" },
    { name: "effect", type: "VARCHAR", description: "Efek dalam model: transfer, graduation, housing, health_cover" },
    { name: "graduation_prob_per_year", type: "DOUBLE", nullable: true, description: "Peluang lulus dari kemiskinan per tahun (program pemberdayaan; selalu asumsi)" },
    { name: "basis", type: "VARCHAR", description: "Dasar tiap nilai: terbit, turunan (dengan rumus), atau asumsi (dengan alasan)" },
    { name: "source", type: "VARCHAR", description: "Sumber (URL, berkas kutipan berita, atau publikasi)" },
    { name: "note", type: "VARCHAR", nullable: true, description: "Catatan" }
  ]
};

export const OVERLAP_RULES_SCHEMA: TableSchema = {
  name: "overlap_rules",
  version: 1,
  description: "Aturan tumpang tindih antarprogram: kombinasi yang diperbolehkan dan yang dianggap duplikasi. Pasangan yang tidak tercantum dianggap diperbolehkan.",
  key: ["programme_a", "programme_b"],
  columns: [
    { name: "programme_a", type: "VARCHAR", description: "Kode program pertama (urutan abjad)" },
    { name: "programme_b", type: "VARCHAR", description: "Kode program kedua (urutan abjad)" },
    { name: "rule", type: "VARCHAR", description: "allowed (boleh diterima bersamaan) atau duplicate (tumpang tindih)" },
    { name: "reason", type: "VARCHAR", description: "Alasan aturan" },
    { name: "basis", type: "VARCHAR", description: "Dasar aturan; 'asumsi' bila belum ada aturan tertulis" },
    { name: "source", type: "VARCHAR", description: "Sumber" }
  ]
};

export const PROGRAMME_ALLOCATIONS_SCHEMA: TableSchema = {
  name: "programme_allocations",
  version: 1,
  description: "Alokasi program per tahun dan wilayah seperti dipublikasikan (berita, pernyataan resmi), dengan sumber.",
  key: ["programme_code", "year", "area_kode", "component", "status"],
  columns: [
    { name: "programme_code", type: "VARCHAR", description: "Kode program" },
    { name: "year", type: "SMALLINT", description: "Tahun anggaran atau tahun pernyataan" },
    { name: "area_kode", type: "VARCHAR", description: "Kode Kemendagri wilayah tanpa titik" },
    { name: "area_name", type: "VARCHAR", description: "Nama wilayah" },
    { name: "component", type: "VARCHAR", description: "total, atau bagian alokasi (dasar, tambahan, anak_terlantar, penyandang_disabilitas)" },
    { name: "status", type: "VARCHAR", description: "realisasi, rencana, atau usulan" },
    { name: "planned_units", type: "DOUBLE", description: "Jumlah satuan" },
    { name: "unit", type: "VARCHAR", description: "Satuan" },
    { name: "budget_rp", type: "DOUBLE", nullable: true, description: "Anggaran (Rp), bila disebut sumber" },
    { name: "approximate", type: "BOOLEAN", description: "Benar bila sumber menyebut 'sekitar', 'sampai dengan', atau angka dibulatkan" },
    { name: "source", type: "VARCHAR", description: "Sumber: media dan tanggal, atau URL" },
    { name: "note", type: "VARCHAR", nullable: true, description: "Kutipan atau catatan" }
  ]
};

const LOADER = "loaders/programmes/tables.ts";
/** When the reference CSVs were compiled from the seeds and reference files. */
const COMPILED_AT = "2026-11-23";

function provenance(source: string): Provenance {
  return { source, retrieved_at: COMPILED_AT, loader: LOADER, synthetic: false };
}

async function checkedReference() {
  const [programmes, rules, allocations] = await Promise.all([readProgrammes(), readOverlapRules(), readProgrammeAllocations()]);
  const problems = crossCheck(programmes, rules, allocations);
  if (problems.length > 0) throw new ReferenceDataError("data/reference/programmes", problems);
  return { programmes, rules, allocations };
}

const nullIfEmpty = (text: string): string | null => (text === "" ? null : text);

export async function buildProgrammes(connection: DuckDBConnection, out: string): Promise<void> {
  const { programmes } = await checkedReference();
  const rows = programmes.map((p) => ({ ...p, note: nullIfEmpty(p.note) }));
  const table = await loadRows(connection, PROGRAMMES_SCHEMA, rows);
  await writeParquet(
    connection,
    `SELECT * FROM ${table}`,
    PROGRAMMES_SCHEMA,
    provenance("`data/reference/programmes/programmes.csv`: kutipan berita (SuaraBanten.id/ANTARA, BISNISBANTEN, RUBRIKBANTEN) dan rujukan; sumber per baris di kolom `source`"),
    out,
    { orderBy: "code" }
  );
}

export async function buildOverlapRules(connection: DuckDBConnection, out: string): Promise<void> {
  const { rules } = await checkedReference();
  const table = await loadRows(connection, OVERLAP_RULES_SCHEMA, rules.map((r) => ({ ...r })));
  await writeParquet(
    connection,
    `SELECT * FROM ${table}`,
    OVERLAP_RULES_SCHEMA,
    provenance("`data/reference/programmes/overlap_rules.csv`: rancangan Tepat Sasaran dan kutipan berita; aturan tanpa dokumen tertulis berlabel asumsi"),
    out,
    { orderBy: "programme_a, programme_b" }
  );
}

export async function buildProgrammeAllocations(connection: DuckDBConnection, out: string): Promise<void> {
  const { allocations } = await checkedReference();
  const rows = allocations.map((a) => ({ ...a, note: nullIfEmpty(a.note) }));
  const table = await loadRows(connection, PROGRAMME_ALLOCATIONS_SCHEMA, rows);
  await writeParquet(
    connection,
    `SELECT * FROM ${table}`,
    PROGRAMME_ALLOCATIONS_SCHEMA,
    provenance("`data/reference/programmes/programme_allocations.csv`: kutipan berita dan rujukan; sumber per baris di kolom `source`"),
    out,
    { orderBy: "programme_code, year, area_kode, component, status" }
  );
}
