import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys, webhookKeyAlerts } from "@/db/schema";
import { recordKeyEvent } from "@/lib/keys/events";
import { describeRateLimit } from "@/lib/keys/restrictions";
import { log } from "@/lib/log";
import type { LimiterHooks, RateLimitedEvent } from "@/lib/ratelimit";

const HOUR_MS = 3_600_000;
/** Keys remembered in process as "alerted this hour", so a flood of 429s costs no query. */
const REMEMBERED_MAX = 10_000;

/**
 * Sends `api_key.rate_limited` (SPEC §12) for the key, unless it was sent for it within the last
 * hour by any instance: the alert row is inserted, or moved forward only when an hour has passed,
 * in the same transaction as the outbox rows. Returns whether this call sent it.
 */
export async function sendRateLimitedAlert(db: Executor, event: RateLimitedEvent): Promise<boolean> {
  const at = new Date(event.at);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(webhookKeyAlerts)
      .values({ keyId: event.keyId, type: "api_key.rate_limited", sentAt: at })
      .onConflictDoUpdate({
        target: [webhookKeyAlerts.keyId, webhookKeyAlerts.type],
        set: { sentAt: at },
        setWhere: sql`${webhookKeyAlerts.sentAt} <= ${new Date(event.at - HOUR_MS).toISOString()}::timestamptz`,
      })
      .returning({ keyId: webhookKeyAlerts.keyId });
    if (claimed.length === 0) return false;
    const [key] = await tx
      .select({
        id: apiKeys.id,
        workspaceId: apiKeys.workspaceId,
        name: apiKeys.name,
        hint: apiKeys.hint,
        isOwnerKey: apiKeys.isOwnerKey,
        createdByUserId: apiKeys.createdByUserId,
        expiresAt: apiKeys.expiresAt,
      })
      .from(apiKeys)
      .where(eq(apiKeys.id, event.keyId));
    if (!key) return false;
    await recordKeyEvent(tx, {
      workspaceId: key.workspaceId,
      type: "api_key.rate_limited",
      key,
      data: { rateLimit: { ...event.rule, description: describeRateLimit(event.rule) } },
    });
    return true;
  });
}

/**
 * The limiter's hook: off the request path (the 429 is answered at once), and at most one
 * database claim per key per hour from this instance.
 */
export function rateLimitedWebhooks(db: () => Executor): LimiterHooks {
  const alerted = new Map<string, number>();
  return {
    onKeyRateLimited: (event) => {
      const last = alerted.get(event.keyId);
      if (last !== undefined && event.at - last < HOUR_MS) return;
      if (alerted.size >= REMEMBERED_MAX) alerted.clear();
      alerted.set(event.keyId, event.at);
      sendRateLimitedAlert(db(), event).catch((err: unknown) => log("warn", "could not queue the api_key.rate_limited webhook", { keyId: event.keyId, err }));
    },
  };
}
