import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys, webhookExpiryNotices } from "@/db/schema";
import { recordKeyEvent } from "@/lib/keys/events";
import { endElapsedGracePeriods } from "@/lib/keys/roll";
import { log } from "@/lib/log";
import { rowsOf } from "./dispatcher";

const DAY = 24 * 60 * 60 * 1000;
/** Days before expiry at which `api_key.expiring` is sent; 0 stands for `api_key.expired`. */
export const EXPIRY_THRESHOLDS_DAYS = [1, 7, 14] as const;
/** A key that expired longer ago than this (the checker was not running) is not announced any more. */
const EXPIRED_LOOKBACK_MS = 7 * DAY;
const BATCH = 500;

/** EXPIRY_CHECK_MS, default 60 000. */
export function expiryCheckMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.EXPIRY_CHECK_MS ?? 60_000);
  return Number.isFinite(value) && value >= 100 ? value : 60_000;
}

/** The threshold a key is inside now: the nearest one only (a key created 5 days before expiry gets "7", never "14"). */
export function thresholdFor(expiresAt: Date, now: Date): number | null {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return 0;
  return EXPIRY_THRESHOLDS_DAYS.find((days) => left <= days * DAY) ?? null;
}

type Candidate = { id: string; workspace_id: string; name: string; hint: string; created_by_user_id: string; expires_at: Date | string };

/**
 * One pass of the expiry checker: for each non-owner key of a workspace with a webhook endpoint
 * that wants expiry events, the threshold it is inside now is claimed (insert … on conflict do
 * nothing, so one instance wins) and its event recorded in the same transaction. The claim is
 * keyed by the expiry date: a key given a later expiry is eligible again. Returns events sent.
 */
export async function checkExpiringKeys(db: Executor, now = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + EXPIRY_THRESHOLDS_DAYS[EXPIRY_THRESHOLDS_DAYS.length - 1]! * DAY);
  const since = new Date(now.getTime() - EXPIRED_LOOKBACK_MS);
  const candidates = rowsOf<Candidate>(
    await db.execute(sql`
      select k.id, k.workspace_id, k.name, k.hint, k.created_by_user_id, k.expires_at
      from ${apiKeys} k
      where not k.is_owner_key and k.expires_at is not null
        and k.expires_at <= ${horizon.toISOString()}::timestamptz and k.expires_at > ${since.toISOString()}::timestamptz
        and exists (
          select 1 from webhook_endpoints e
          where e.workspace_id = k.workspace_id and e.enabled and e.events && array['api_key.expiring', 'api_key.expired']::text[]
        )
      order by k.expires_at
      limit ${BATCH}`),
  );
  let sent = 0;
  for (const row of candidates) {
    const expiresAt = new Date(row.expires_at);
    const threshold = thresholdFor(expiresAt, now);
    if (threshold === null) continue;
    const claimed = await db.transaction(async (tx) => {
      const won = await tx
        .insert(webhookExpiryNotices)
        .values({ keyId: row.id, expiresAt, threshold, sentAt: now })
        .onConflictDoNothing()
        .returning({ keyId: webhookExpiryNotices.keyId });
      if (won.length === 0) return false;
      // The key may have changed (deleted, new expiry) since it was read: announce it only as it is.
      const [key] = await tx
        .select({ expiresAt: apiKeys.expiresAt })
        .from(apiKeys)
        .where(and(eq(apiKeys.id, row.id), eq(apiKeys.workspaceId, row.workspace_id)));
      if (key?.expiresAt?.getTime() !== expiresAt.getTime()) return false;
      const subject = { id: row.id, name: row.name, hint: row.hint, isOwnerKey: false, createdByUserId: row.created_by_user_id, expiresAt };
      if (threshold === 0) await recordKeyEvent(tx, { workspaceId: row.workspace_id, type: "api_key.expired", key: subject });
      else {
        const daysLeft = Math.floor((expiresAt.getTime() - now.getTime()) / DAY);
        await recordKeyEvent(tx, { workspaceId: row.workspace_id, type: "api_key.expiring", key: subject, data: { daysLeft } });
      }
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

/**
 * Runs the checker at start and every `intervalMs` (with it, the end of roll grace periods that
 * ran out on their own: SPEC §9.1's `api_key.previous_secret_expired`); the returned function stops it (waiting for a pass under way). */
export function startExpiryChecker({ db, intervalMs = expiryCheckMs(), now = () => new Date() }: { db: () => Executor; intervalMs?: number; now?: () => Date }) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    const at = now();
    running = Promise.all([checkExpiringKeys(db(), at), endElapsedGracePeriods(db(), at)])
      .catch((err: unknown) => log("warn", "expiry check failed", { err }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
