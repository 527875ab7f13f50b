import { sql, type AnyColumn } from "drizzle-orm";

/** A timestamptz as ISO text with its microseconds (a JS Date keeps milliseconds only), for keyset cursors. */
export const exactTimestamp = (column: AnyColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
