// SQL behind the Sumber data page (the catalogue and the previews are read without DuckDB).
import { sql, type SqlQuery } from "../core/sql.js";

/** The ingest report by file, finding and severity (errors are rejected rows). */
export const rejectionSummaryQuery = (): SqlQuery => sql`
  SELECT file, code, severity, count(*)::INTEGER AS n, min(row) AS first_row, any_value(message) AS example
  FROM ingest_rejections
  GROUP BY file, code, severity
  ORDER BY file, CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, n DESC`;
