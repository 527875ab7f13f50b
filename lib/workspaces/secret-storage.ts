import { and, count, desc, eq, isNotNull, not, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { apiKeys, auditEvents } from "@/db/schema";

/**
 * How many keys of the workspace still have a stored secret: what turning "Show secrets only
 * once" on would delete. The owner key counts only for the Owner (others must not learn it exists).
 */
export async function countStoredSecrets(workspaceId: string, includeOwnerKey: boolean, db: Executor = getDb()): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.workspaceId, workspaceId),
        isNotNull(apiKeys.secretCiphertext),
        includeOwnerKey ? undefined : not(apiKeys.isOwnerKey),
      ),
    );
  return row?.n ?? 0;
}

export type ShowOnceSwitch = { at: string; by: string };

/** When and by whom "Show secrets only once" was last turned on (from the audit log), or null. */
export async function lastTurnedOnShowOnce(workspaceId: string, db: Executor = getDb()): Promise<ShowOnceSwitch | null> {
  const [row] = await db
    .select({ at: auditEvents.createdAt, by: auditEvents.actorName })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.workspaceId, workspaceId),
        eq(auditEvents.action, "workspace.update_settings"),
        sql`${auditEvents.details} -> 'showSecretsOnce' ->> 'to' = 'true'`,
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(1);
  return row ? { at: row.at.toISOString(), by: row.by } : null;
}
