// poverty_lines: local poverty lines and extreme lines per region, year, survey month and extreme-line
// series, each with how it was obtained (terbit / turunan with its formula / model). The scenario
// and the synthetic default read the latest row with year ≤ Y that has both lines.
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadRows, writeParquet } from "../lib/parquet.js";
import type { TableSchema } from "../lib/schema.js";
import { anchorRatio, buildPovertyLineRows, readLineAnchors, type LineAnchor, type PovertyLineRow, type RatioLookup } from "../bps/lines.js";
import { BPS_SNAPSHOT_DIR, SNAPSHOT_RETRIEVED_AT } from "../bps/paths.js";
import { snapshotWithImports } from "../bps/import-record.js";
import type { PovertyRow } from "../bps/rows.js";
import { ratioFromLines } from "../../src/components/domain/model/extreme-ratio.js";

export const POVERTY_LINES_SCHEMA: TableSchema = {
  name: "poverty_lines",
  version: 1,
  description:
    "Garis kemiskinan (GK) wilayah dan garis kemiskinan ekstrem per wilayah, tahun, bulan survei, dan seri garis ekstrem. Garis ekstrem = rasio r_t × GK wilayah; garis lama (US$1,90 PPP 2011) dan baru (US$2,15 PPP 2017) adalah seri terpisah yang tidak disambung.",
  key: ["region_kode", "year", "month", "series"],
  columns: [
    { name: "region_kode", type: "VARCHAR", description: "Kode wilayah: 00 Indonesia, 36 Banten, 3601–3674 kabupaten/kota" },
    { name: "year", type: "INTEGER", description: "Tahun survei" },
    { name: "month", type: "INTEGER", description: "Bulan Susenas: 3 = Maret, 9 = September" },
    { name: "series", type: "VARCHAR", description: "Seri garis ekstrem: usd190_ppp2011 (lama, s.d. Maret 2024) atau usd215_ppp2017 (baru, sejak 2024)" },
    { name: "poverty_line_rp", type: "DOUBLE", nullable: true, description: "Garis kemiskinan BPS wilayah (Rp per kapita per bulan); kosong bila tidak terbit dan tidak dapat diturunkan" },
    { name: "poverty_line_basis", type: "VARCHAR", nullable: true, description: "terbit (angka BPS) atau turunan (diisi dengan rumus yang ditulis di basis)" },
    { name: "extreme_ratio", type: "DOUBLE", description: "Rasio garis ekstrem ÷ garis kemiskinan (r_t)" },
    { name: "extreme_ratio_lo", type: "DOUBLE", description: "Batas bawah rasio" },
    { name: "extreme_ratio_hi", type: "DOUBLE", description: "Batas atas rasio" },
    { name: "extreme_line_rp", type: "DOUBLE", nullable: true, description: "Garis kemiskinan ekstrem (Rp per kapita per bulan) = rasio × GK, atau angka terbit" },
    { name: "extreme_line_lo_rp", type: "DOUBLE", nullable: true, description: "Garis ekstrem dengan rasio batas bawah" },
    { name: "extreme_line_hi_rp", type: "DOUBLE", nullable: true, description: "Garis ekstrem dengan rasio batas atas" },
    { name: "basis", type: "VARCHAR", description: "terbit / turunan (dengan rumus) / model, dan cara GK yang tidak terbit diisi" },
    { name: "source", type: "VARCHAR", description: "Sumber GK wilayah dan garis ekstrem nasional" },
    { name: "note", type: "VARCHAR", nullable: true, description: "Catatan garis ekstrem yang diterbitkan" }
  ]
};

export function kabKotaCodes(rows: readonly PovertyRow[]): string[] {
  return [...new Set(rows.map((r) => r.region_kode).filter((k) => /^36\d\d$/.test(k)))].sort();
}

/** Rows of the table from the snapshot, with ratios from the published anchors (or the given lookup). */
export function povertyLineRows(povertyRows: readonly PovertyRow[], anchors: readonly LineAnchor[], ratioFor?: RatioLookup): PovertyLineRow[] {
  const national = povertyRows
    .filter((r) => r.region_kode === "00" && r.poverty_line_rp !== null)
    .map((r) => ({ year: r.year, month: r.month, poverty_line_rp: r.poverty_line_rp! }));
  // r_t from the rupiah lines (src/components/domain/model/extreme-ratio.ts), the same function the model uses;
  // rounds without a national GK fall back to the nearest published anchor.
  const lookup: RatioLookup =
    ratioFor ??
    ((series, year, month) => {
      const r = ratioFromLines(anchors, national, series, year, month);
      if (!r) return anchorRatio(anchors, series, year);
      return { ratio: r.ratio, lo: r.lo, hi: r.hi, kind: r.kind === "terbit" ? "terbit" : "model", how: r.how, source: r.source };
    });
  return buildPovertyLineRows(povertyRows, anchors, lookup, kabKotaCodes(povertyRows));
}

export async function buildPovertyLines(connection: DuckDBConnection, out: string, options: { snapshotDir?: string } = {}): Promise<void> {
  const dir = options.snapshotDir ?? BPS_SNAPSHOT_DIR;
  const [poverty, anchors] = await Promise.all([snapshotWithImports(dir), readLineAnchors(dir)]);
  const rows = povertyLineRows(poverty, anchors);
  const staged = await loadRows(connection, POVERTY_LINES_SCHEMA, rows as unknown as Record<string, unknown>[]);
  await writeParquet(
    connection,
    `SELECT * FROM ${staged}`,
    POVERTY_LINES_SCHEMA,
    {
      source:
        "GK wilayah: snapshot angka BPS (data/reference/bps/bps_poverty.csv). Garis ekstrem nasional: data/reference/bps/lines.csv (BPS, dikutip dari berita). GK yang tidak terbit diturunkan dengan rumus di kolom basis.",
      retrieved_at: SNAPSHOT_RETRIEVED_AT,
      loader: "loaders/tables/poverty-lines.ts",
      synthetic: false
    },
    out,
    { orderBy: "region_kode, year, month, series" }
  );
}
