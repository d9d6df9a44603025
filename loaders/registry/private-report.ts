// The data officer's full report: every finding with what the private file held (`detail`), written
// atomically to data/private/reports/ (git-ignored, never copied into the site). The published
// ingest_rejections table and /data carry only the code-written `message`.
import path from "node:path";
import { writeFileAtomic } from "../lib/atomic.js";
import type { Issue } from "../../src/components/domain/registry-rules/issues.js";

export const REPORTS_SUBDIR = "reports";

/** Sortable, file-name-safe stamp: 2026-12-03T13-45-07. */
export function reportStamp(at: Date = new Date()): string {
  return at.toISOString().slice(0, 19).replaceAll(":", "-");
}

/** One line per finding, in report order: file, row, column, code, severity, message, then the cell content. */
export function formatIssueLine(issue: Issue): string {
  const where = issue.row === null ? "tingkat berkas" : `baris ${issue.row}`;
  const column = issue.column ? ` · kolom "${issue.column}"` : "";
  const detail = issue.detail ? ` — isi: ${issue.detail}` : "";
  return `${issue.file} · ${where}${column} · ${issue.code} [${issue.severity}] — ${issue.message}${detail}`;
}

export function formatPrivateReport(title: string, issues: readonly Issue[], at: Date = new Date()): string {
  return [
    title,
    `Dibuat ${at.toISOString()}. Laporan ini memuat isi sel dari berkas privat: simpan di data/private/, jangan dibagikan.`,
    `${issues.length} temuan.`,
    "",
    ...issues.map(formatIssueLine),
    ""
  ].join("\n");
}

/** Writes the report to <privateDir>/reports/<stem>-<stamp>.txt and returns its path. */
export async function writePrivateReport(privateDir: string, stem: string, title: string, issues: readonly Issue[], at: Date = new Date()): Promise<string> {
  const safeStem = stem.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "laporan";
  const target = path.join(privateDir, REPORTS_SUBDIR, `${safeStem}-${reportStamp(at)}.txt`);
  await writeFileAtomic(target, formatPrivateReport(title, issues, at));
  return target;
}
