// The result tables of /periksa as export sheets (same columns on screen, in CSV and in XLSX).
import type { ExportSheet } from "../core/export.js";
import { formatNumber } from "../core/format.js";
import type { ListInput, PeriksaResults } from "./results.js";

export type SheetKey = "overlaps" | "duplicates" | "invalid" | "unserved_area" | "unserved" | "rows";

export function resultSheets(results: PeriksaResults, lists: readonly ListInput[], threshold: number): { key: SheetKey; sheet: ExportSheet }[] {
  const caption = `Hasil pencocokan di peramban; ambang kemiripan ${formatNumber(threshold, 2)}. Berisi data pribadi: simpan dan bagikan sesuai aturan perlindungan data.`;
  const sheets: { key: SheetKey; sheet: ExportSheet }[] = [
    {
      key: "overlaps",
      sheet: {
        name: "Di lebih dari satu daftar",
        caption,
        columns: [
          { key: "programme_a", header: "Program A" },
          { key: "funder_a", header: "Penyandang dana A" },
          { key: "file_a", header: "Berkas A" },
          { key: "row_a", header: "Baris A", format: "int" },
          { key: "name_a", header: "Nama A" },
          { key: "nik_a", header: "NIK A" },
          { key: "programme_b", header: "Program B" },
          { key: "funder_b", header: "Penyandang dana B" },
          { key: "file_b", header: "Berkas B" },
          { key: "row_b", header: "Baris B", format: "int" },
          { key: "name_b", header: "Nama B" },
          { key: "nik_b", header: "NIK B" },
          { key: "how", header: "Dasar kecocokan" },
          { key: "name_sim", header: "Kemiripan nama", format: "number" },
          { key: "addr_sim", header: "Kemiripan alamat", format: "number" },
          { key: "verdict", header: "Aturan" },
          { key: "allowed", header: "Diperbolehkan" },
          { key: "reason", header: "Alasan aturan" }
        ],
        rows: results.overlaps
      }
    },
    {
      key: "duplicates",
      sheet: {
        name: "Ganda dalam satu daftar",
        caption,
        columns: [
          { key: "file", header: "Berkas" },
          { key: "row_a", header: "Baris pertama", format: "int" },
          { key: "name_a", header: "Nama pertama" },
          { key: "nik_a", header: "NIK pertama" },
          { key: "row_b", header: "Baris kedua", format: "int" },
          { key: "name_b", header: "Nama kedua" },
          { key: "nik_b", header: "NIK kedua" },
          { key: "how", header: "Dasar kecocokan" },
          { key: "name_sim", header: "Kemiripan nama", format: "number" },
          { key: "addr_sim", header: "Kemiripan alamat", format: "number" }
        ],
        rows: results.duplicates
      }
    },
    {
      key: "invalid",
      sheet: {
        name: "NIK tidak valid",
        caption,
        columns: [
          { key: "file", header: "Berkas" },
          { key: "row", header: "Baris", format: "int" },
          { key: "name", header: "Nama" },
          { key: "nik", header: "NIK tertulis" },
          { key: "code", header: "Kode" },
          { key: "message", header: "Alasan" }
        ],
        rows: results.invalidNiks
      }
    }
  ];
  if (results.unserved && results.unservedByArea) {
    sheets.push(
      {
        key: "unserved_area",
        sheet: {
          name: "Sasaran tanpa program (kel)",
          caption,
          columns: [
            { key: "kelurahan", header: "Kelurahan/desa" },
            { key: "families", header: "Keluarga sasaran (KK)", format: "int" },
            { key: "unserved", header: "Tanpa program dari daftar ini (KK)", format: "int" }
          ],
          rows: results.unservedByArea
        }
      },
      {
        key: "unserved",
        sheet: {
          name: "Sasaran tanpa program",
          caption,
          columns: [
            { key: "kelurahan", header: "Kelurahan/desa" },
            { key: "file", header: "Berkas" },
            { key: "row", header: "Baris", format: "int" },
            { key: "family", header: "NO_KK" },
            { key: "name", header: "Nama" },
            { key: "nik", header: "NIK tertulis" },
            { key: "address", header: "Alamat" }
          ],
          rows: results.unserved
        }
      }
    );
  }
  sheets.push({
    key: "rows",
    sheet: {
      name: "Laporan baris",
      caption,
      columns: [
        { key: "file", header: "Berkas" },
        { key: "row", header: "Baris", format: "int" },
        { key: "column", header: "Kolom" },
        { key: "code", header: "Kode" },
        { key: "severity", header: "Tingkat" },
        { key: "message", header: "Alasan" }
      ],
      rows: lists.flatMap((l) => l.issues.map((i) => ({ file: i.file, row: i.row, column: i.column, code: i.code, severity: i.severity === "error" ? "ditolak" : i.severity === "warning" ? "peringatan" : "catatan", message: i.message })))
    }
  });
  return sheets;
}
