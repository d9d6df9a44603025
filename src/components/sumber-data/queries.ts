// SQL behind the Sumber data page.
import { ident, sql, type SqlQuery } from "../core/sql.js";

export const catalogQuery = (): SqlQuery => sql`
  SELECT name, description, rows, bytes, columns, source, retrieved_at, loader, schema_version, synthetic,
    min_cell, households, coarsened_households
  FROM catalog
  ORDER BY name`;

/** First rows of a published table; the name must be one the catalog lists (checked by the caller). */
export const previewQuery = (table: string, limit: number): SqlQuery => sql`
  SELECT * FROM ${ident(table)} LIMIT ${limit}`;

export const rowCountQuery = (table: string): SqlQuery => sql`SELECT count(*) AS n FROM ${ident(table)}`;

/** The ingest report by file, finding and severity (errors are rejected rows). */
export const rejectionSummaryQuery = (): SqlQuery => sql`
  SELECT file, code, severity, count(*)::INTEGER AS n, min(row) AS first_row, any_value(message) AS example
  FROM ingest_rejections
  GROUP BY file, code, severity
  ORDER BY file, CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, n DESC`;
