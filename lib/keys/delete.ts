import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record";
import { auditActorOf, type Actor } from "@/lib/auth/actor";
import { fail, type Result } from "@/lib/result";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import { keyNotFound } from "./checks";
import { recordKeyEvent, type KeyEventSubject } from "./events";
import { isKeyId } from "./format";
import { canChangeKey, canUseKeys, KEY_READ_PERMISSIONS, NO_KEY_ACCESS } from "./policy";
import { findVisibleKey } from "./queries";
import type { KeyChanges } from "./revocation";
import type { KeyActor } from "./types";

/** Deletes keys already checked, each with its audit event and its revocation on every instance. */
export async function removeKeys(
  tx: Executor,
  keyChanges: KeyChanges,
  actor: Actor,
  where: ReturnType<typeof and>,
  details?: Record<string, unknown>,
): Promise<KeyEventSubject[]> {
  return removeKeysAs(tx, keyChanges, { workspaceId: actor.workspace.id, actor: auditActorOf(actor) }, where, details);
}

/**
 * The one delete of keys of `by.workspaceId` matching `where`, for actors that are not members
 * too (a leak report, SPEC §13): each key's event, its audit entry and its revocation.
 */
export async function removeKeysAs(
  tx: Executor,
  keyChanges: KeyChanges,
  by: { workspaceId: string; actor: AuditActor },
  where: ReturnType<typeof and>,
  details?: Record<string, unknown>,
): Promise<KeyEventSubject[]> {
  const deleted = await tx.delete(apiKeys).where(and(eq(apiKeys.workspaceId, by.workspaceId), where)).returning({
    id: apiKeys.id,
    name: apiKeys.name,
    hint: apiKeys.hint,
    isOwnerKey: apiKeys.isOwnerKey,
    createdByUserId: apiKeys.createdByUserId,
    expiresAt: apiKeys.expiresAt,
  });
  for (const key of deleted) {
    await recordKeyEvent(tx, {
      workspaceId: by.workspaceId,
      type: "api_key.deleted",
      key,
      audit: { actor: by.actor, action: "api_key.delete", ...(details ? { details } : {}) },
    });
    await keyChanges.add({ workspaceId: by.workspaceId, keyId: key.id });
  }
  return deleted;
}

export async function deleteApiKey(actor: KeyActor, keyId: string): Promise<Result<{ id: string; name: string }>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  if (!isKeyId(keyId)) return keyNotFound();
  return transact(async (tx, keyChanges) => {
    const me = await requireCurrentPermission(tx, actor, KEY_READ_PERMISSIONS, NO_KEY_ACCESS);
    const key = (await findVisibleKey(me, keyId, tx)) ?? refuse(keyNotFound());
    if (!canChangeKey(me, key)) refuse(fail("forbidden", "You don't have permission to delete this key"));
    const deleted = await removeKeys(tx, keyChanges, me, and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, me.workspace.id)));
    if (deleted.length === 0) refuse(keyNotFound());
    return { id: keyId, name: key.name };
  });
}

/**
 * Ownership is moving to another member: the owner key goes with the old Owner, so the new one
 * can create their own. Runs in the transfer's transaction (which checked the actor is the Owner).
 */
export async function deleteOwnerKeyOnTransfer(tx: Executor, keyChanges: KeyChanges, actor: Actor): Promise<boolean> {
  const where = and(eq(apiKeys.workspaceId, actor.workspace.id), eq(apiKeys.isOwnerKey, true));
  const deleted = await removeKeys(tx, keyChanges, actor, where, { reason: "ownership transferred" });
  return deleted.length > 0;
}
