// The rejection report of a private ingest: every finding about every registry and receipt file.
// Shown on /data so the data officer sees what was dropped and why. It never holds NIK, NO_KK,
// names, addresses or any other cell text: messages are written from the code, the column and
// official region names; an issue's private `detail` is dropped here (it goes to data/private/reports/).
import type { TableSchema } from "../lib/schema.js";
import type { Issue } from "../../src/components/domain/registry-rules/issues.js";

export const INGEST_REJECTIONS_SCHEMA: TableSchema = {
  name: "ingest_rejections",
  version: 1,
  description: "Laporan pemeriksaan berkas BNBA dan daftar penerima program: setiap baris ditolak, peringatan, dan catatan.",
  columns: [
    { name: "file", type: "VARCHAR", description: "Berkas sumber, relatif terhadap folder data privat" },
    { name: "row", type: "INTEGER", nullable: true, description: "Nomor baris di berkas (CSV) atau baris lembar kerja (XLSX); kosong untuk temuan tingkat berkas" },
    { name: "column", type: "VARCHAR", nullable: true, description: "Judul kolom seperti tertulis di berkas" },
    { name: "code", type: "VARCHAR", description: "Kode temuan yang stabil (lihat `loaders/registry/README.md`)" },
    { name: "message", type: "VARCHAR", description: "Penjelasan dalam bahasa Indonesia" },
    { name: "severity", type: "VARCHAR", description: "`error` (baris ditolak), `warning` (baris diterima dengan peringatan), `info` (catatan)" }
  ]
};

export type RejectionRow = {
  readonly file: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly code: string;
  readonly message: string;
  readonly severity: string;
};

export function toRejectionRow(issue: Issue): RejectionRow {
  return {
    file: issue.file,
    row: issue.row,
    column: issue.column,
    code: issue.code,
    message: issue.message,
    severity: issue.severity
  };
}
