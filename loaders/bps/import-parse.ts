// One BPS website table (as a grid of text cells) → tidy bps_poverty rows, with every region row
// accounted for: used, outside the workspace (other provinces, urban/rural parts), unknown (reported
// by row), or without any figure. Two figures for the same region, year and round refuse the file.
import { readLayout, isMissingCell, type LayoutOptions, type TableLayout } from "./import-layout.js";
import { RegionRowResolver } from "./import-regions.js";
import type { PovertyField, PovertyRow } from "./rows.js";

/** A file that cannot be imported as it stands; the message is one Indonesian sentence. */
export class BpsImportError extends Error {}

/** A number as BPS writes it: "5,63", "5.63", "41,07", "684.232", "684 232"; "-", "…", "" are missing. */
export function parseBpsNumber(text: string, field: PovertyField): number | null {
  const t = text.trim().replace(/\u00a0/g, " ");
  if (t === "" || isMissingCell(t)) return null;
  let s = t.replace(/\s/g, "");
  if (s.includes(",") && s.includes(".")) s = s.lastIndexOf(",") > s.lastIndexOf(".") ? s.replaceAll(".", "").replace(",", ".") : s.replaceAll(",", "");
  else if (s.includes(",")) s = /^\d{1,3}(,\d{3})+$/.test(s) && field === "poverty_line_rp" ? s.replaceAll(",", "") : s.replace(",", ".");
  else if (field === "poverty_line_rp" && /^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replaceAll(".", "");
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new BpsImportError(`bukan angka: "${text}"`);
  return Number(s);
}

export interface RowCounts {
  /** Region rows after the header (rows with a name). */
  readonly regionRows: number;
  /** Rows whose region the workspace holds (Banten, its kab/kota, Indonesia) with at least one figure. */
  readonly used: number;
  readonly outside: number;
  readonly unknown: number;
  /** Rows with a name and no figure in any used column ("-" everywhere). */
  readonly empty: number;
  /** Non-region lines after the table (notes, sources): kept out, counted. */
  readonly notes: number;
}

export interface ParsedImport {
  readonly field: PovertyField;
  readonly indicator: string;
  readonly layout: TableLayout;
  readonly rows: PovertyRow[];
  readonly counts: RowCounts;
  /** Indonesian lines: unknown regions by row, skipped columns with their reason and how many figures they held. */
  readonly report: string[];
}

export interface ParseMeta extends LayoutOptions {
  readonly fileName: string;
  readonly importedAt: string;
  /** Where the file was obtained, appended to each row's source (e.g. the copy's repository and commit). */
  readonly origin?: string;
}

const MONTH = { 3: "Maret", 9: "September" } as const;

/** One source per table (the year is the row's): the title as BPS wrote it, where it was taken from, when. */
function sourceFor(layout: TableLayout, meta: ParseMeta): string {
  const own = `BPS, tabel statistik "${layout.title}" (ekspor situs BPS, diimpor ${meta.importedAt})`;
  return meta.origin ? `${own} ; ${meta.origin}` : own;
}

export function parseBpsTable(grid: readonly (readonly string[])[], meta: ParseMeta): ParsedImport {
  const layout = readLayout(grid, meta);
  const field = layout.indicator.field;
  const resolver = new RegionRowResolver(layout.level, layout.bantenScope);
  const rows: PovertyRow[] = [];
  const report: string[] = [];
  const seen = new Map<string, string>();
  const counts = { regionRows: 0, used: 0, outside: 0, unknown: 0, empty: 0, notes: 0 };
  const outsideReasons = new Map<string, number>();

  for (let r = layout.dataStart; r < grid.length; r++) {
    const cells = grid[r]!;
    const label = (cells[layout.labelColumn] ?? "").trim();
    const values = layout.columns.map((c) => (cells[c.index] ?? "").trim());
    const line = r + 1;
    if (label === "") {
      if (cells.some((c) => c.trim() !== "")) counts.notes++;
      continue;
    }
    // A line after the table such as "Sumber: …" or "Catatan: …" names no region and holds no figure.
    if (values.every((v) => v === "") && layout.columns.length > 0 && !cells.slice(layout.labelColumn + 1).some((c) => c.trim() !== "")) {
      if (/^(sumber|source|catatan|note|keterangan)\b/i.test(label) || label.length > 60) {
        counts.notes++;
        continue;
      }
    }
    counts.regionRows++;
    const region = resolver.resolve(label, layout.codeColumn === null ? "" : (cells[layout.codeColumn] ?? ""));
    if (region.status === "outside") {
      counts.outside++;
      outsideReasons.set(region.reason, (outsideReasons.get(region.reason) ?? 0) + 1);
      continue;
    }
    if (region.status === "unknown") {
      counts.unknown++;
      report.push(`baris ${line}: ${region.reason}; baris dilewati (periksa ejaan nama atau kodenya)`);
      continue;
    }
    let any = false;
    for (const [i, column] of layout.columns.entries()) {
      let value: number | null;
      try {
        value = parseBpsNumber(values[i]!, field);
      } catch (error) {
        throw new BpsImportError(`baris ${line}, kolom ${column.heading}: ${(error as Error).message}`);
      }
      if (value === null) continue;
      const key = `${region.kode}|${column.year}|${column.month}`;
      const where = `baris ${line} kolom ${column.index + 1}`;
      const earlier = seen.get(key);
      if (earlier) {
        throw new BpsImportError(
          `wilayah ${region.kode} ${MONTH[column.month]} ${column.year} muncul dua kali (${earlier} dan ${where}); setiap wilayah, tahun, dan putaran hanya boleh satu angka, jadi periksa nama wilayah dan judul kolomnya`
        );
      }
      seen.set(key, where);
      any = true;
      const row: PovertyRow = {
        region_kode: region.kode,
        year: column.year,
        month: column.month,
        poor_count: null,
        p0_pct: null,
        poverty_line_rp: null,
        p1: null,
        p2: null,
        source: sourceFor(layout, meta),
        retrieved_at: meta.importedAt,
        note: `impor berkas "${meta.fileName}": ${layout.indicator.label}`
      };
      row[field] = field === "poor_count" ? Math.round(value * layout.scale) : value;
      rows.push(row);
    }
    if (any) counts.used++;
    else counts.empty++;
  }
  const byReason = new Map<string, { columns: number[]; held: number }>();
  for (const s of layout.skipped) {
    const held = grid.slice(layout.dataStart).filter((row) => (row[s.index] ?? "").trim() !== "" && !isMissingCell(row[s.index] ?? "")).length;
    const entry = byReason.get(s.reason) ?? { columns: [], held: 0 };
    entry.columns.push(s.index + 1);
    entry.held += held;
    byReason.set(s.reason, entry);
  }
  for (const [reason, { columns, held }] of byReason) {
    report.push(`kolom ${columns.join(", ")} dilewati (${reason}): ${held > 0 ? `${held} angka tidak dicatat` : "kosong"}`);
  }
  if (outsideReasons.size > 0) {
    report.push(`di luar wilayah kerja, dilewati: ${[...outsideReasons].map(([reason, n]) => `${n} baris ${reason}`).join(", ")}`);
  }
  return { field, indicator: layout.indicator.label, layout, rows, counts, report: [...layout.notes, ...report] };
}
