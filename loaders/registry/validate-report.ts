// The readable Indonesian report of `npm run data -- validate <file>` and its --json form.
import type { FileReport } from "./check-file.js";
import type { Issue } from "../../src/components/domain/registry-rules/issues.js";
import { formatNumber } from "../../src/components/core/format.js";

const DELIMITER_NAMES: Record<string, string> = { ";": "titik koma (;)", ",": "koma (,)", "\t": "tab", "|": "garis tegak (|)" };
const ENCODING_NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8 dengan BOM",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252 (bukan UTF-8 yang sah)"
};
const HOW_NAMES = { code: "kode", exact: "nama persis", normalised: "nama dinormalkan", alias: "alias" } as const;
const EXAMPLES = 3;

export function formatCount(n: number): string {
  return formatNumber(n);
}

/**
 * The exact --json shape: {file, kind, rows, accepted, rejected, issues: [{row, column, code, message, detail}]}.
 * `detail` quotes the cell (null when the finding needs none): this output is for the data officer only.
 */
export function reportJson(report: FileReport) {
  return {
    file: report.file,
    kind: report.kind,
    rows: report.rows,
    accepted: report.accepted,
    rejected: report.rejected,
    issues: report.issues.map((i) => ({ row: i.row, column: i.column, code: i.code, message: i.message, detail: i.detail ?? null }))
  };
}

function groupByCode(issues: readonly Issue[]): Map<string, Issue[]> {
  const groups = new Map<string, Issue[]>();
  for (const issue of issues) {
    const list = groups.get(issue.code);
    if (list) list.push(issue);
    else groups.set(issue.code, [issue]);
  }
  return groups;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function formatReport(report: FileReport): string {
  const lines: string[] = [];
  const kindName = report.kind === "registry" ? "registri BNBA" : "daftar penerima program";
  lines.push(`Pemeriksaan berkas: ${report.file}`);
  lines.push(`Jenis       : ${kindName}${report.kindDetected ? " (terdeteksi otomatis; ubah dengan --kind)" : ""}`);
  lines.push(
    report.format === "csv"
      ? `Format      : CSV, pemisah ${DELIMITER_NAMES[report.delimiter ?? ""] ?? report.delimiter}, pengodean ${ENCODING_NAMES[report.encoding ?? ""] ?? report.encoding}`
      : `Format      : XLSX, lembar kerja "${report.sheet}"`
  );
  lines.push(`Judul kolom : baris ${report.headerLine}${report.titleRows > 0 ? ` (${report.titleRows} baris judul di atasnya dilewati)` : ""}`);
  const used = report.columns.filter((c) => c.column !== null).map((c) => (c.column === c.header ? c.column : `${c.column} ← "${c.header}"`));
  lines.push(`Kolom dipakai: ${used.join(", ")}`);
  const ignored = report.columns.filter((c) => c.column === null && c.header !== "").map((c) => c.header);
  if (ignored.length > 0) lines.push(`Kolom diabaikan: ${ignored.join(", ")}`);
  lines.push(`Baris data  : ${formatCount(report.rows)} dibaca · ${formatCount(report.accepted)} diterima · ${formatCount(report.rejected)} ditolak`);
  lines.push("");

  const groups = [...groupByCode(report.issues).entries()].sort(
    ([, a], [, b]) => SEVERITY_ORDER[a[0]!.severity] - SEVERITY_ORDER[b[0]!.severity] || b.length - a.length
  );
  if (groups.length === 0) lines.push("Tidak ada temuan: semua baris diterima.");
  else lines.push("Temuan menurut kode (error = baris ditolak, warning = diterima dengan peringatan, info = catatan):");
  for (const [code, issues] of groups) {
    const first = issues[0]!;
    lines.push(`  ${code} [${first.severity}] — ${formatCount(issues.length)} temuan. ${first.message}`);
    const examples = issues
      .slice(0, EXAMPLES)
      .map((i) => `${i.row === null ? "tingkat berkas" : `baris ${i.row}${i.column ? ` (kolom "${i.column}")` : ""}`}${i.detail ? ` ${i.detail}` : ""}`);
    lines.push(`      contoh: ${examples.join("; ")}`);
  }

  if (report.regions) {
    const r = report.regions;
    lines.push("");
    lines.push(
      `Pencocokan wilayah (baris diterima): ${(Object.keys(HOW_NAMES) as (keyof typeof HOW_NAMES)[])
        .map((how) => `${HOW_NAMES[how]} ${formatCount(r.byHow[how])}`)
        .join(" · ")}`
    );
    if (r.kelUnverified > 0) lines.push(`  ${formatCount(r.kelUnverified)} baris dengan kelurahan/desa yang belum dapat diperiksa (tidak ada daftar kelurahan).`);
    const loose = [...r.loose.values()].sort((a, b) => b.rows - a.rows);
    for (const entry of loose) {
      lines.push(`  ${entry.level} ${JSON.stringify(entry.written)} → ${entry.nama} (${HOW_NAMES[entry.how]}, ${formatCount(entry.rows)} baris)`);
    }
  }
  return lines.join("\n") + "\n";
}
