import { and, desc, eq, ne, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { apiKeyRoles, apiKeys, auditEvents, members, rolePermissions, roles, workspaces } from "@/db/schema";
import { isPermission, type Permission } from "@/lib/auth/permissions";
import { loadMembershipById, permissionsOfRoles } from "@/lib/auth/membership";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import { createApiKeySchema, modifyApiKeySchema } from "@/lib/validations/api-keys";
import { effectivePermissions } from "./effective";
import { decryptSecret, encryptSecret } from "@/lib/crypto/aes";
import { emitKeyChange, notifyKeyChange } from "./revocation";
import { canChangeKey, canCreateKeys, canGrantRole, canRevealKey, canUseKeys, KEY_LIMIT_PER_MEMBER } from "./policy";
import { findVisibleKey, loadKeyView } from "./queries";
import { generateKeyId, generateSecret, hashSecret, isKeyId, secretHint } from "./format";
import type { ApiKeyDetails, ApiKeyView, CreatedApiKey, CreateKeyOptions, GrantableRole, KeyActor } from "./types";

export { listApiKeys } from "./list";

const PLAN_REQUIRED = "API keys are available on the Small plan and above.";
const NAME_TAKEN = "A key with this name already exists";
const NOT_FOUND = "API key not found";
// Checked before the key is looked up: members without key permissions get the same answer for
// every id (the API Keys page is a 403 for them), so nothing is learnt about which keys exist.
const NO_KEY_ACCESS = "You don't have permission to manage API keys";
const limitMessage = () =>
  `You have reached the limit of ${KEY_LIMIT_PER_MEMBER} API keys in this workspace. Delete a key to create another.`;

export type AuditEventView = {
  id: number;
  action: string;
  actorName: string;
  createdAt: string;
  ip: string | null;
  details: Record<string, unknown>;
};

const auditActor = (actor: KeyActor): AuditActor => ({
  userId: actor.userId,
  keyId: actor.keyId ?? null,
  name: actor.name,
  ip: actor.ip ?? null,
});

/** Every role of the workspace with its permissions, built-in first. */
async function workspaceRoles(db: Executor, workspaceId: string): Promise<GrantableRole[]> {
  const rows = await db
    .select({ id: roles.id, name: roles.name, builtIn: roles.builtIn, permission: rolePermissions.permission })
    .from(roles)
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(eq(roles.workspaceId, workspaceId))
    .orderBy(
      sql`case ${roles.builtIn} when 'owner' then 0 when 'administrator' then 1 when 'standard' then 2 when 'read_only' then 3 else 4 end`,
      roles.name,
    );
  const byId = new Map<string, GrantableRole>();
  for (const r of rows) {
    const role = byId.get(r.id) ?? { id: r.id, name: r.name, builtIn: r.builtIn, permissions: [] };
    if (r.permission && isPermission(r.permission)) role.permissions.push(r.permission);
    byId.set(r.id, role);
  }
  return [...byId.values()];
}

async function ownerKeyExists(db: Executor, workspaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), apiKeys.isOwnerKey))
    .limit(1);
  return Boolean(row);
}

async function countOwnKeys(db: Executor, actor: KeyActor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, actor.workspace.id), eq(apiKeys.createdByUserId, actor.userId)));
  return row?.n ?? 0;
}

/**
 * The owner key is outside the unique name index (a clash would tell others it exists), so for
 * the Owner, who sees every key, names are checked here: the owner key's name against every
 * key, another key's name against the owner key. Locking the owner key's row first serialises
 * the Owner's concurrent namings.
 */
async function ownerSeesNameTaken(
  tx: Executor,
  actor: KeyActor,
  name: string,
  namingOwnerKey: boolean,
  keyId: string,
): Promise<boolean> {
  if (!actor.isOwner) return false;
  const inWorkspace = eq(apiKeys.workspaceId, actor.workspace.id);
  await tx.select({ id: apiKeys.id }).from(apiKeys).where(and(inWorkspace, apiKeys.isOwnerKey)).for("update");
  const [clash] = await tx
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(
      and(
        inWorkspace,
        ne(apiKeys.id, keyId),
        sql`lower(${apiKeys.name}) = lower(${name})`,
        namingOwnerKey ? undefined : apiKeys.isOwnerKey,
      ),
    )
    .limit(1);
  return Boolean(clash);
}

const nameTaken = () => fail("conflict", NAME_TAKEN, { name: NAME_TAKEN });

/** What the create dialog offers: roles the actor may grant, and whether (or why not) they can create. */
export async function getCreateKeyOptions(actor: KeyActor): Promise<CreateKeyOptions> {
  const db = getDb();
  const [allRoles, hasOwnerKey, ownKeyCount] = await Promise.all([
    workspaceRoles(db, actor.workspace.id),
    ownerKeyExists(db, actor.workspace.id),
    countOwnKeys(db, actor),
  ]);
  const grantable = allRoles.filter((r) =>
    r.builtIn === "owner" ? actor.isOwner && !hasOwnerKey : canGrantRole(actor, r.permissions),
  );
  let reason: string | null = null;
  if (actor.workspace.plan === "free") reason = PLAN_REQUIRED;
  else if (!canCreateKeys(actor)) reason = "You don't have permission to create API keys.";
  else if (ownKeyCount >= KEY_LIMIT_PER_MEMBER) reason = limitMessage();
  return { roles: grantable, canCreate: reason === null, reason, ownKeyCount, limit: KEY_LIMIT_PER_MEMBER };
}

/**
 * Resolves role ids in the workspace and checks the actor may grant each one. `keep` are roles
 * the key already holds (keeping them is no escalation). Returns the roles or a failed result.
 */
async function resolveGrantedRoles(
  db: Executor,
  actor: KeyActor,
  roleIds: string[],
  keep: ReadonlySet<string> = new Set(),
): Promise<Result<GrantableRole[]>> {
  const all = await workspaceRoles(db, actor.workspace.id);
  const byId = new Map(all.map((r) => [r.id, r]));
  const chosen: GrantableRole[] = [];
  for (const id of roleIds) {
    const role = byId.get(id);
    if (!role) return fail("invalid_request", "roleIds: Unknown role", { roleIds: "Unknown role" });
    if (keep.has(id)) {
      chosen.push(role);
      continue;
    }
    if (role.builtIn === "owner") {
      if (!actor.isOwner) return fail("invalid_request", "roleIds: Unknown role", { roleIds: "Unknown role" });
    } else if (!canGrantRole(actor, role.permissions)) {
      const message = `You can't grant the role "${role.name}": it has permissions you don't hold`;
      return fail("forbidden", message, { roleIds: message });
    }
    chosen.push(role);
  }
  return ok(chosen);
}

/** Locks the actor's membership row: serialises their concurrent creations for the limit check. */
async function lockMembership(tx: Executor, actor: KeyActor): Promise<boolean> {
  const rows = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, actor.workspace.id), eq(members.userId, actor.userId)))
    .for("update");
  return rows.length > 0;
}

async function currentPlan(tx: Executor, workspaceId: string) {
  const [ws] = await tx.select({ plan: workspaces.plan, showSecretsOnce: workspaces.showSecretsOnce }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return ws;
}

class Refusal extends Error {
  constructor(readonly result: Result<never>) {
    super(result.ok ? "" : result.error);
  }
}

/** Runs a transaction whose body may refuse with a Result; maps constraint violations to messages. */
async function transact<T>(body: (tx: Executor) => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await getDb().transaction(body));
  } catch (err) {
    if (err instanceof Refusal) return err.result;
    if (isUniqueViolation(err, "api_keys_workspace_name_key")) return nameTaken();
    if (isUniqueViolation(err, "api_keys_one_owner_key_per_workspace")) {
      return fail("conflict", "This workspace already has an owner key", { roleIds: "This workspace already has an owner key" });
    }
    throw err;
  }
}

const refuse = (result: Result<never>): never => {
  throw new Refusal(result);
};

export async function createApiKey(actor: KeyActor, input: unknown): Promise<Result<CreatedApiKey>> {
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  if (!canCreateKeys(actor)) return fail("forbidden", "You don't have permission to create API keys");
  const data = parsed.data;
  const id = generateKeyId();
  const secret = generateSecret();

  const created = await transact(async (tx) => {
    if (!(await lockMembership(tx, actor))) refuse(fail("forbidden", "You are not a member of this workspace"));
    const ws = await currentPlan(tx, actor.workspace.id);
    if (!ws || ws.plan === "free") refuse(fail("plan_required", PLAN_REQUIRED));
    const granted = await resolveGrantedRoles(tx, actor, data.roleIds);
    if (!granted.ok) return refuse(granted);
    const isOwnerKey = granted.data.some((r) => r.builtIn === "owner");
    if (isOwnerKey && (await ownerKeyExists(tx, actor.workspace.id))) {
      refuse(fail("conflict", "This workspace already has an owner key", { roleIds: "This workspace already has an owner key" }));
    }
    if ((await countOwnKeys(tx, actor)) >= KEY_LIMIT_PER_MEMBER) refuse(fail("limit_reached", limitMessage()));
    if (await ownerSeesNameTaken(tx, actor, data.name, isOwnerKey, id)) refuse(nameTaken());

    await tx.insert(apiKeys).values({
      id,
      workspaceId: actor.workspace.id,
      name: data.name,
      description: data.description,
      secretHash: hashSecret(secret),
      secretCiphertext: ws!.showSecretsOnce ? null : encryptSecret(secret, id),
      hint: secretHint(secret),
      isOwnerKey,
      createdByUserId: actor.userId,
      expiresAt: data.expiresAt,
    });
    await tx.insert(apiKeyRoles).values(granted.data.map((r) => ({ apiKeyId: id, roleId: r.id })));
    await recordAuditEvent(tx, {
      workspaceId: actor.workspace.id,
      actor: auditActor(actor),
      action: "api_key.create",
      targetType: "api_key",
      targetId: id,
      targetName: data.name,
      ownerOnly: isOwnerKey,
      details: { roles: granted.data.map((r) => r.name), expiresAt: data.expiresAt?.toISOString() ?? null },
    });
    return loadKeyView(actor, id, tx);
  });
  if (!created.ok) return created;
  return ok({ key: created.data!, secret });
}

export async function modifyApiKey(actor: KeyActor, keyId: string, input: unknown): Promise<Result<ApiKeyView>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  if (!isKeyId(keyId)) return fail("not_found", NOT_FOUND);
  const parsed = modifyApiKeySchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const data = parsed.data;

  const result = await transact(async (tx) => {
    // Lock before reading: a delete or modify racing this one commits first or waits, so the key
    // checked and compared below is the one written (not a deleted one, not a stale name).
    await tx
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, actor.workspace.id)))
      .for("update");
    const key = await findVisibleKey(actor, keyId, tx);
    if (!key) return refuse(fail("not_found", NOT_FOUND));
    if (!canChangeKey(actor, key)) refuse(fail("forbidden", "You don't have permission to modify this key"));
    const ws = await currentPlan(tx, actor.workspace.id);
    if (!ws || ws.plan === "free") refuse(fail("plan_required", PLAN_REQUIRED));

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const update: Partial<typeof apiKeys.$inferInsert> = {};
    if (data.name !== undefined && data.name !== key.name) {
      if (await ownerSeesNameTaken(tx, actor, data.name, key.isOwnerKey, keyId)) refuse(nameTaken());
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
    if (data.roleIds !== undefined) {
      const current = await tx
        .select({ id: roles.id, name: roles.name, builtIn: roles.builtIn })
        .from(apiKeyRoles)
        .innerJoin(roles, eq(roles.id, apiKeyRoles.roleId))
        .where(eq(apiKeyRoles.apiKeyId, keyId));
      const granted = await resolveGrantedRoles(tx, actor, data.roleIds, new Set(current.map((r) => r.id)));
      if (!granted.ok) return refuse(granted);
      if (granted.data.some((r) => r.builtIn === "owner") !== key.isOwnerKey) {
        const message = "The Owner role can't be added to or removed from an existing key";
        refuse(fail("invalid_request", message, { roleIds: message }));
      }
      const before = current.map((r) => r.id).sort().join();
      const after = granted.data.map((r) => r.id).sort().join();
      if (before !== after) {
        await tx.delete(apiKeyRoles).where(eq(apiKeyRoles.apiKeyId, keyId));
        await tx.insert(apiKeyRoles).values(granted.data.map((r) => ({ apiKeyId: keyId, roleId: r.id })));
        changes.roles = { from: current.map((r) => r.name), to: granted.data.map((r) => r.name) };
      }
    }
    if (Object.keys(changes).length > 0) {
      await tx
        .update(apiKeys)
        .set({ ...update, updatedAt: new Date() })
        .where(and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, actor.workspace.id)));
      await recordAuditEvent(tx, {
        workspaceId: actor.workspace.id,
        actor: auditActor(actor),
        action: "api_key.modify",
        targetType: "api_key",
        targetId: keyId,
        targetName: update.name ?? key.name,
        ownerOnly: key.isOwnerKey,
        details: { changes },
      });
      await notifyKeyChange(tx, { workspaceId: actor.workspace.id, keyId });
    }
    return (await loadKeyView(actor, keyId, tx)) ?? refuse(fail("not_found", NOT_FOUND));
  });
  if (!result.ok) return result;
  emitKeyChange({ workspaceId: actor.workspace.id, keyId });
  return result;
}

export async function deleteApiKey(actor: KeyActor, keyId: string): Promise<Result<{ id: string; name: string }>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  if (!isKeyId(keyId)) return fail("not_found", NOT_FOUND);
  const result = await transact(async (tx) => {
    const key = await findVisibleKey(actor, keyId, tx);
    if (!key) return refuse(fail("not_found", NOT_FOUND));
    if (!canChangeKey(actor, key)) refuse(fail("forbidden", "You don't have permission to delete this key"));
    const deleted = await tx
      .delete(apiKeys)
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, actor.workspace.id)))
      .returning({ id: apiKeys.id });
    if (deleted.length === 0) refuse(fail("not_found", NOT_FOUND));
    await recordAuditEvent(tx, {
      workspaceId: actor.workspace.id,
      actor: auditActor(actor),
      action: "api_key.delete",
      targetType: "api_key",
      targetId: keyId,
      targetName: key.name,
      ownerOnly: key.isOwnerKey,
    });
    await notifyKeyChange(tx, { workspaceId: actor.workspace.id, keyId });
    return { id: keyId, name: key.name };
  });
  if (result.ok) emitKeyChange({ workspaceId: actor.workspace.id, keyId });
  return result;
}

/** The secret for "Reveal" or "Copy", audited; `secret: null` when the workspace showed it only once. */
export async function revealApiKeySecret(
  actor: KeyActor,
  keyId: string,
  purpose: "reveal" | "copy",
): Promise<Result<{ secret: string | null }>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  if (!isKeyId(keyId)) return fail("not_found", NOT_FOUND);
  if (purpose !== "reveal" && purpose !== "copy") return fail("invalid_request", "purpose: Must be reveal or copy", { purpose: "Must be reveal or copy" });
  const db = getDb();
  const key = await findVisibleKey(actor, keyId, db);
  if (!key) return fail("not_found", NOT_FOUND);
  if (!canRevealKey(actor, key)) return fail("forbidden", "You don't have permission to see this key's secret");
  const [row] = await db
    .select({ ciphertext: apiKeys.secretCiphertext })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, actor.workspace.id)));
  if (!row) return fail("not_found", NOT_FOUND);
  if (!row.ciphertext) return ok({ secret: null });
  const secret = decryptSecret(row.ciphertext, keyId);
  await recordAuditEvent(db, {
    workspaceId: actor.workspace.id,
    actor: auditActor(actor),
    action: purpose === "reveal" ? "api_key.reveal" : "api_key.copy",
    targetType: "api_key",
    targetId: keyId,
    targetName: key.name,
    ownerOnly: key.isOwnerKey,
  });
  return ok({ secret });
}

export async function getApiKey(actor: KeyActor, keyId: string): Promise<Result<ApiKeyDetails>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  if (!isKeyId(keyId)) return fail("not_found", NOT_FOUND);
  const view = await loadKeyView(actor, keyId);
  if (!view) return fail("not_found", NOT_FOUND);
  const [rolePerms, creator] = await Promise.all([
    permissionsOfRoles(
      actor.workspace.id,
      view.roles.map((r) => r.id),
    ),
    loadMembershipById(view.createdBy.userId, actor.workspace.id),
  ]);
  const permissions: Permission[] = effectivePermissions(rolePerms, creator?.permissions ?? null, view.isOwnerKey);
  return ok({ ...view, effectivePermissions: permissions });
}

/** The key's audit events, newest first (only for those who can see the key). */
export async function listApiKeyAuditTrail(actor: KeyActor, keyId: string, limit = 50): Promise<Result<AuditEventView[]>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  if (!isKeyId(keyId)) return fail("not_found", NOT_FOUND);
  const db = getDb();
  const key = await findVisibleKey(actor, keyId, db);
  if (!key) return fail("not_found", NOT_FOUND);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.workspaceId, actor.workspace.id),
        eq(auditEvents.targetType, "api_key"),
        eq(auditEvents.targetId, keyId),
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(Math.min(Math.max(limit, 1), 200));
  return ok(
    rows.map((r) => ({
      id: r.id,
      action: r.action,
      actorName: r.actorName,
      createdAt: r.createdAt.toISOString(),
      ip: r.ip,
      details: r.details,
    })),
  );
}

