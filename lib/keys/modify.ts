import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeyRoles, apiKeys, roles } from "@/db/schema";
import { auditActorOf } from "@/lib/auth/actor";
import { fail, invalidInput, type Result } from "@/lib/result";
import { rolesWithPermissions } from "@/lib/roles/queries";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import { modifyApiKeySchema } from "@/lib/validations/api-keys";
import { KEY_CONSTRAINTS, keyNotFound, nameTaken, ownerSeesNameTaken } from "./checks";
import { resolveGrantedRoles } from "./create";
import { applyEnabled } from "./disable";
import { recordKeyEvent } from "./events";
import { planRestrictionChanges, type RateLimit } from "./restrictions";
import { isKeyId } from "./format";
import { canChangeKey, canUseKeys, KEY_READ_PERMISSIONS, keysAllowedOn, NO_KEY_ACCESS, PLAN_REQUIRED_MESSAGE } from "./policy";
import { findVisibleKey, loadKeyView, type KeyRow } from "./queries";
import type { ApiKeyView, KeyActor } from "./types";

type Changes = Record<string, { from: unknown; to: unknown }>;
type ModifyInput = {
  name?: string;
  description?: string;
  expiresAt?: Date | null;
  roleIds?: string[];
  ipAllowlist?: string[];
  rateLimit?: RateLimit | null;
  enabled?: boolean;
};

/** The column updates and the audit's from/to of the plain fields that really change. */
function planChanges(key: KeyRow, data: ModifyInput): { update: Partial<typeof apiKeys.$inferInsert>; changes: Changes } {
  const changes: Changes = {};
  const update: Partial<typeof apiKeys.$inferInsert> = {};
  if (data.name !== undefined && data.name !== key.name) {
    update.name = data.name;
    changes.name = { from: key.name, to: data.name };
  }
  if (data.description !== undefined && data.description !== key.description) {
    update.description = data.description;
    changes.description = { from: key.description, to: data.description };
  }
  if (data.expiresAt !== undefined && data.expiresAt?.getTime() !== key.expiresAt?.getTime()) {
    update.expiresAt = data.expiresAt;
    changes.expiresAt = { from: key.expiresAt?.toISOString() ?? null, to: data.expiresAt?.toISOString() ?? null };
  }
  const restrictions = planRestrictionChanges(key, data);
  return { update: { ...update, ...restrictions.update }, changes: { ...changes, ...restrictions.changes } };
}

/** Puts exactly `roleIds` on the key (refusing escalation and Owner-role moves); the audit's from/to when they differ. */
async function replaceRoles(tx: Executor, actor: KeyActor, key: KeyRow, roleIds: string[]): Promise<Changes[string] | null> {
  const current = await tx
    .select({ id: roles.id, name: roles.name })
    .from(apiKeyRoles)
    .innerJoin(roles, eq(roles.id, apiKeyRoles.roleId))
    .where(eq(apiKeyRoles.apiKeyId, key.id));
  const all = await rolesWithPermissions(tx, actor.workspace.id);
  const granted = resolveGrantedRoles(actor, all, roleIds, new Set(current.map((r) => r.id)));
  if (!granted.ok) return refuse(granted);
  if (granted.data.some((r) => r.builtIn === "owner") !== key.isOwnerKey) {
    const message = "The Owner role can't be added to or removed from an existing key";
    refuse(fail("invalid_request", message, { roleIds: message }));
  }
  const before = current.map((r) => r.id).sort().join();
  const after = granted.data.map((r) => r.id).sort().join();
  if (before === after) return null;
  await tx.delete(apiKeyRoles).where(eq(apiKeyRoles.apiKeyId, key.id));
  await tx.insert(apiKeyRoles).values(granted.data.map((r) => ({ apiKeyId: key.id, roleId: r.id })));
  return { from: current.map((r) => r.name), to: granted.data.map((r) => r.name) };
}

export async function modifyApiKey(actor: KeyActor, keyId: string, input: unknown): Promise<Result<ApiKeyView>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  if (!isKeyId(keyId)) return keyNotFound();
  const parsed = modifyApiKeySchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const data = parsed.data;

  return transact(
    async (tx, keyChanges) => {
      const me = await requireCurrentPermission(tx, actor, KEY_READ_PERMISSIONS, NO_KEY_ACCESS);
      // Lock before reading: a delete or modify racing this one commits first or waits, so the key
      // checked and compared below is the one written (not a deleted one, not a stale name).
      const inWorkspace = and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, me.workspace.id));
      await tx.select({ id: apiKeys.id }).from(apiKeys).where(inWorkspace).for("update");
      const key = (await findVisibleKey(me, keyId, tx)) ?? refuse(keyNotFound());
      if (!canChangeKey(me, key)) refuse(fail("forbidden", "You don't have permission to modify this key"));
      if (!keysAllowedOn(me.workspace.plan)) refuse(fail("plan_required", PLAN_REQUIRED_MESSAGE));

      const { update, changes } = planChanges(key, data);
      if (update.name !== undefined && (await ownerSeesNameTaken(tx, me, update.name, key.isOwnerKey, keyId))) refuse(nameTaken());
      const roleChange = data.roleIds === undefined ? null : await replaceRoles(tx, me, key, data.roleIds);
      if (roleChange) changes.roles = roleChange;
      if (Object.keys(changes).length > 0) {
        await tx.update(apiKeys).set({ ...update, updatedAt: new Date() }).where(inWorkspace);
        await recordKeyEvent(tx, {
          workspaceId: me.workspace.id,
          type: "api_key.updated",
          key: { ...key, name: update.name ?? key.name, expiresAt: update.expiresAt === undefined ? key.expiresAt : update.expiresAt },
          audit: { actor: auditActorOf(me), action: "api_key.modify", details: { changes } },
        });
        await keyChanges.add({ workspaceId: me.workspace.id, keyId });
      }
      // SPEC §9.2: `enabled` is its own event (api_key.disabled / api_key.enabled).
      if (data.enabled !== undefined) await applyEnabled(tx, keyChanges, me, key, data.enabled);
      return (await loadKeyView(me, keyId, tx)) ?? refuse(keyNotFound());
    },
    { constraints: KEY_CONSTRAINTS },
  );
}
