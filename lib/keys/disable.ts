import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { auditActorOf, type Actor } from "@/lib/auth/actor";
import { fail, type Result } from "@/lib/result";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import { keyNotFound } from "./checks";
import { recordKeyEvent } from "./events";
import { isKeyId } from "./format";
import { canChangeKey, canUseKeys, KEY_READ_PERMISSIONS, NO_KEY_ACCESS } from "./policy";
import { findVisibleKey, loadKeyView, type KeyRow } from "./queries";
import type { KeyChanges } from "./revocation";
import type { ApiKeyView, KeyActor } from "./types";

export const CANNOT_CHANGE = "You don't have permission to modify this key";

/**
 * Switches a key (already checked and locked) on or off, with its audit and webhook event and
 * its revocation on every instance; nothing when it already is. Whether it changed.
 */
export async function applyEnabled(tx: Executor, keyChanges: KeyChanges, actor: Actor, key: KeyRow, enabled: boolean): Promise<boolean> {
  if ((key.disabledAt === null) === enabled) return false;
  const now = new Date();
  await tx
    .update(apiKeys)
    .set({ disabledAt: enabled ? null : now, updatedAt: now })
    .where(and(eq(apiKeys.id, key.id), eq(apiKeys.workspaceId, actor.workspace.id)));
  const event = enabled ? "api_key.enabled" : "api_key.disabled";
  await recordKeyEvent(tx, {
    workspaceId: actor.workspace.id,
    type: event,
    key,
    audit: { actor: auditActorOf(actor), action: event },
  });
  await keyChanges.add({ workspaceId: actor.workspace.id, keyId: key.id });
  return true;
}

/**
 * Locks the key row and returns it when the actor may change it (re-checked in `tx`); refuses
 * with not_found (invisible, e.g. the owner key to a non-Owner) or forbidden.
 */
export async function lockChangeableKey(tx: Executor, actor: KeyActor, keyId: string) {
  const me = await requireCurrentPermission(tx, actor, KEY_READ_PERMISSIONS, NO_KEY_ACCESS);
  await tx
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, me.workspace.id)))
    .for("update");
  const key = (await findVisibleKey(me, keyId, tx)) ?? refuse(keyNotFound());
  if (!canChangeKey(me, key)) refuse(fail("forbidden", CANNOT_CHANGE));
  return { me, key };
}

/** SPEC §9.2: disable (`enabled` false) or enable a key. Same permission as modifying it. */
export async function setApiKeyEnabled(actor: KeyActor, keyId: string, enabled: unknown): Promise<Result<ApiKeyView>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  if (typeof enabled !== "boolean") return fail("invalid_request", "enabled: Enabled must be true or false", { enabled: "Enabled must be true or false" });
  if (!isKeyId(keyId)) return keyNotFound();
  return transact(async (tx, keyChanges) => {
    const { me, key } = await lockChangeableKey(tx, actor, keyId);
    await applyEnabled(tx, keyChanges, me, key, enabled);
    return (await loadKeyView(me, keyId, tx)) ?? refuse(keyNotFound());
  });
}
