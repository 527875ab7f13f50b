import { and, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { EXPIRING_WITHIN_DAYS, type KeyStatusFilter } from "@/lib/validations/key-lifecycle";
import { visibleKeysCondition } from "./queries";
import type { KeyActor } from "./types";

const within = sql.raw(`interval '${EXPIRING_WITHIN_DAYS} days'`);
const enabled = sql`${apiKeys.disabledAt} is null`;
const creatorIsMember = sql`exists (select 1 from members m where m.workspace_id = ${apiKeys.workspaceId} and m.user_id = ${apiKeys.createdByUserId})`;

/**
 * SPEC §9.4: the Status filter as a condition on the key row, the same states as `keyState`
 * (disabled first). Expiring and expired are ranges of (workspace_id, expires_at) and disabled is
 * the partial (workspace_id, created_at, id) index of disabled keys, so each stays fast at
 * 100,000 keys; the time is the database's, one clock for every instance.
 */
export function statusCondition(status: KeyStatusFilter): SQL | undefined {
  switch (status) {
    case "all":
      return undefined;
    case "disabled":
      return sql`${apiKeys.disabledAt} is not null`;
    case "expired":
      return and(enabled, sql`${apiKeys.expiresAt} is not null`, sql`${apiKeys.expiresAt} <= now()`);
    case "expiring":
      return and(enabled, sql`${apiKeys.expiresAt} > now()`, sql`${apiKeys.expiresAt} <= now() + ${within}`);
    case "active":
      return and(enabled, sql`(${apiKeys.expiresAt} is null or ${apiKeys.expiresAt} > now())`, creatorIsMember);
  }
}

/** How many keys the actor sees that expire within 7 days (the list's notice; its "Show them" lists exactly these). */
export async function countExpiringKeys(actor: KeyActor, db: Executor = getDb()): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(and(visibleKeysCondition(actor), statusCondition("expiring")));
  return row?.n ?? 0;
}

