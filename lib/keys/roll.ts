import { and, eq, inArray, isNotNull, lte } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { apiKeys, workspaces } from "@/db/schema";
import { auditActorOf, type Actor } from "@/lib/auth/actor";
import { encryptSecret } from "@/lib/crypto/aes";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import { refuse, transact } from "@/lib/transact";
import { GRACE_PERIOD_MS, rollApiKeySchema, type GracePeriod } from "@/lib/validations/key-lifecycle";
import { keyNotFound } from "./checks";
import { lockChangeableKey } from "./disable";
import { recordKeyEvent } from "./events";
import { generateSecret, hashSecret, isKeyId, secretHint } from "./format";
import { previousSecretOf } from "./lifecycle-view";
import { canUseKeys, keysAllowedOn, NO_KEY_ACCESS, PLAN_REQUIRED_MESSAGE } from "./policy";
import { loadKeyView, type KeyRow } from "./queries";
import type { ApiKeyView, KeyActor } from "./types";

export type RolledApiKey = { key: ApiKeyView; secret: string; previousSecretValidUntil: string | null };

/**
 * Until when the previous secret works: `grace` from now, never past the key's own expiry; null
 * when that leaves nothing (no grace, or a key expiring sooner).
 */
export function graceEnd(grace: GracePeriod, expiresAt: Date | null, now: number): Date | null {
  const ms = GRACE_PERIOD_MS[grace];
  if (ms === 0) return null;
  const end = Math.min(now + ms, expiresAt?.getTime() ?? Infinity);
  return end > now ? new Date(end) : null;
}

/** An older previous secret that still worked is ended: audit-only, it is no webhook event. */
async function recordPreviousExpired(tx: Executor, actor: Actor, key: KeyRow, reason: "rolled again" | "expired now") {
  await recordKeyEvent(tx, {
    workspaceId: actor.workspace.id,
    key,
    audit: { actor: auditActorOf(actor), action: "api_key.previous_secret_expired", details: { reason, hint: key.previousSecretHint } },
  });
}

/**
 * SPEC §9.1: a new secret for the same key. The current secret becomes the previous one for the
 * grace chosen; an older previous secret ends at once. The key row is locked first, so rolls of
 * one key run one after the other: never more than two secrets work.
 */
export async function rollApiKey(actor: KeyActor, keyId: string, input: unknown): Promise<Result<RolledApiKey>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  const parsed = rollApiKeySchema.safeParse(input ?? {});
  if (!parsed.success) return invalidInput(parsed.error.issues);
  if (!isKeyId(keyId)) return keyNotFound();
  const { gracePeriod } = parsed.data;
  const secret = generateSecret();

  const rolled = await transact(async (tx, keyChanges) => {
    const { me, key } = await lockChangeableKey(tx, actor, keyId);
    if (!keysAllowedOn(me.workspace.plan)) refuse(fail("plan_required", PLAN_REQUIRED_MESSAGE));
    const inWorkspace = and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, me.workspace.id));
    const [current] = await tx.select({ secretHash: apiKeys.secretHash }).from(apiKeys).where(inWorkspace);
    if (!current) return refuse(keyNotFound());
    // FOR SHARE, as creation: a concurrent switch to "Show secrets only once" never leaves this secret stored.
    const [ws] = await tx
      .select({ showSecretsOnce: workspaces.showSecretsOnce })
      .from(workspaces)
      .where(eq(workspaces.id, me.workspace.id))
      .for("share");
    const now = Date.now();
    const until = graceEnd(gracePeriod, key.expiresAt, now);
    const hint = secretHint(secret);
    await tx
      .update(apiKeys)
      .set({
        secretHash: hashSecret(secret),
        secretCiphertext: (ws?.showSecretsOnce ?? true) ? null : encryptSecret(secret, keyId),
        hint,
        previousSecretHash: until ? current.secretHash : null,
        previousSecretHint: until ? key.hint : null,
        previousSecretValidUntil: until,
        previousSecretLastUsedAt: until ? key.lastUsedAt : null,
        updatedAt: new Date(now),
      })
      .where(inWorkspace);
    if (previousSecretOf(key, now)) await recordPreviousExpired(tx, me, key, "rolled again");
    await recordKeyEvent(tx, {
      workspaceId: me.workspace.id,
      type: "api_key.rolled",
      key: { ...key, hint },
      data: { gracePeriod },
      audit: {
        actor: auditActorOf(me),
        action: "api_key.rolled",
        details: { gracePeriod, hint, previousSecretValidUntil: until?.toISOString() ?? null },
      },
    });
    await keyChanges.add({ workspaceId: me.workspace.id, keyId });
    const view = (await loadKeyView(me, keyId, tx)) ?? refuse(keyNotFound());
    return { key: view, previousSecretValidUntil: until?.toISOString() ?? null };
  });
  if (!rolled.ok) return rolled;
  return ok({ key: rolled.data.key, secret, previousSecretValidUntil: rolled.data.previousSecretValidUntil });
}

/** SPEC §9.1 "Expire now": the previous secret stops working at once, on every instance. */
export async function expirePreviousSecret(actor: KeyActor, keyId: string): Promise<Result<ApiKeyView>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  if (!isKeyId(keyId)) return keyNotFound();
  return transact(async (tx, keyChanges) => {
    const { me, key } = await lockChangeableKey(tx, actor, keyId);
    if (key.previousSecretHint !== null || key.previousSecretValidUntil !== null) {
      const stillWorked = previousSecretOf(key) !== null;
      await tx
        .update(apiKeys)
        .set({ previousSecretHash: null, previousSecretHint: null, previousSecretValidUntil: null, previousSecretLastUsedAt: null, updatedAt: new Date() })
        .where(and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, me.workspace.id)));
      if (stillWorked) await recordPreviousExpired(tx, me, key, "expired now");
      await keyChanges.add({ workspaceId: me.workspace.id, keyId });
    }
    return (await loadKeyView(me, keyId, tx)) ?? refuse(keyNotFound());
  });
}

const SYSTEM_ACTOR = { userId: null, name: "Keyward" };

/**
 * A previous secret whose grace ran out on its own (SPEC §9.1): it was refused from that instant
 * by the clock; this clears it and records `api_key.previous_secret_expired` once, across
 * instances (the UPDATE's row locks decide who records it). Run periodically; returns how many.
 */
export async function endElapsedGracePeriods(db: Executor, now = new Date(), batch = 500): Promise<number> {
  const ended = await transact(
    async (tx, keyChanges) => {
      // SKIP LOCKED: two instances sweeping at once take different keys; a key being rolled waits.
      const keys = await tx
        .select({
          id: apiKeys.id,
          workspaceId: apiKeys.workspaceId,
          name: apiKeys.name,
          hint: apiKeys.hint,
          isOwnerKey: apiKeys.isOwnerKey,
          createdByUserId: apiKeys.createdByUserId,
          expiresAt: apiKeys.expiresAt,
          previousSecretHint: apiKeys.previousSecretHint,
        })
        .from(apiKeys)
        .where(and(isNotNull(apiKeys.previousSecretHash), lte(apiKeys.previousSecretValidUntil, now)))
        .limit(batch)
        .for("update", { skipLocked: true });
      if (keys.length === 0) return 0;
      await tx
        .update(apiKeys)
        .set({ previousSecretHash: null, previousSecretHint: null, previousSecretValidUntil: null, previousSecretLastUsedAt: null })
        .where(inArray(apiKeys.id, keys.map((k) => k.id)));
      for (const key of keys) {
        await recordKeyEvent(tx, {
          workspaceId: key.workspaceId,
          key,
          audit: { actor: SYSTEM_ACTOR, action: "api_key.previous_secret_expired", details: { reason: "grace period ended", hint: key.previousSecretHint } },
        });
        await keyChanges.add({ workspaceId: key.workspaceId, keyId: key.id });
      }
      return keys.length;
    },
    // A transaction is fine too: its own .transaction() is a savepoint.
    { db: db as Database },
  );
  return ended.ok ? ended.data : 0;
}
