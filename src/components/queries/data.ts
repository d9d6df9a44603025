// SQL behind the Sumber data page.
import { ident, sql, type SqlQuery } from "../sql.js";

export const catalogQuery = (): SqlQuery => sql`
  SELECT name, description, rows, bytes, columns, source, retrieved_at, loader, schema_version, synthetic
  FROM catalog
  ORDER BY name`;

/** First rows of a published table; the name must be one the catalog lists (checked by the caller). */
export const previewQuery = (table: string, limit: number): SqlQuery => sql`
  SELECT * FROM ${ident(table)} LIMIT ${limit}`;

export const rowCountQuery = (table: string): SqlQuery => sql`SELECT count(*) AS n FROM ${ident(table)}`;
