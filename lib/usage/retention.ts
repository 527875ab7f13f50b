import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";

const HOUR = 3_600_000;

/** How long each kind of usage row is kept (README "Usage"). */
export const USAGE_RETENTION = {
  minutes: 48 * HOUR,
  hours: 90 * 24 * HOUR,
  permissionUses: 90 * 24 * HOUR,
} as const;

const BATCH = 5_000;

/** Deletes rows of `table` older than `cutoff` in batches, so no statement holds locks on millions of rows. */
async function deleteInBatches(db: Executor, table: SQL, column: SQL, cutoff: Date, batch: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const result = await db.execute(sql`
      delete from ${table} where ctid = any(array(
        select ctid from ${table} where ${column} < ${cutoff.toISOString()}::timestamptz limit ${batch}))`);
    const n = rowCount(result);
    deleted += n;
    if (n < batch) return deleted;
  }
}

function rowCount(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number; rowCount?: number };
  return Number(r.count ?? r.affectedRows ?? r.rowCount ?? 0);
}

export type RetentionResult = { minutes: number; hours: number; workspaceHours: number; permissionUses: number };

/**
 * Drops usage older than it is kept: minute buckets after 48 hours (the hourly ones hold the same
 * counts), hourly buckets and permission uses after 90 days. Any instance may run it at any time.
 */
export async function deleteExpiredUsage(db: Executor, now = Date.now(), batch = BATCH): Promise<RetentionResult> {
  const minutes = new Date(now - USAGE_RETENTION.minutes);
  const hours = new Date(now - USAGE_RETENTION.hours);
  const uses = new Date(now - USAGE_RETENTION.permissionUses);
  return {
    minutes: await deleteInBatches(db, sql`key_usage_minutes`, sql`minute`, minutes, batch),
    hours: await deleteInBatches(db, sql`key_usage_hours`, sql`hour`, hours, batch),
    workspaceHours: await deleteInBatches(db, sql`workspace_usage_hours`, sql`hour`, hours, batch),
    permissionUses: await deleteInBatches(db, sql`key_permission_uses`, sql`last_used_at`, uses, batch),
  };
}
