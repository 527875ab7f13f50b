import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { apiKeyRoles, apiKeys, memberRoles, members, rolePermissions, roles, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { isPermission, type Permission } from "@/lib/auth/permissions";
import { emitKeyChange, notifyKeyChange } from "@/lib/keys/revocation";
import { auditActorOf, currentMembership, missingPermissions, type AdminActor } from "@/lib/members/actor";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import { createRoleSchema, deleteRoleSchema, updateRoleSchema } from "@/lib/validations/roles";

const NAME_TAKEN = "A role with this name already exists";
const NO_PERMISSION = "You don't have permission to manage roles";

function cannotGrant(missing: string[]): Result<never> {
  const message = `You can only grant or take away permissions you hold yourself (you lack ${missing.join(", ")})`;
  return fail("forbidden", message, { permissions: message });
}

/** Creates a custom role (`roles:manage`) holding only permissions the actor holds. */
export async function createRole(actor: AdminActor, rawInput: unknown, db = getDb()): Promise<Result<{ id: string }>> {
  const parsed = createRoleSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  const workspaceId = actor.workspace.id;
  try {
    return await db.transaction(async (tx) => {
      const me = await currentMembership(tx, actor);
      if (!me?.permissions.has("roles:manage")) return fail<{ id: string }>("forbidden", NO_PERMISSION);
      const missing = missingPermissions(input.permissions, me.permissions);
      if (missing.length) return cannotGrant(missing);
      const [role] = await tx
        .insert(roles)
        .values({ workspaceId, name: input.name, description: input.description, builtIn: null })
        .returning({ id: roles.id });
      if (!role) throw new Error("role insert returned nothing");
      await tx.insert(rolePermissions).values(input.permissions.map((permission) => ({ roleId: role.id, permission })));
      await recordAuditEvent(tx, {
        workspaceId,
        actor: auditActorOf(actor),
        action: "role.create",
        targetType: "role",
        targetId: role.id,
        targetName: input.name,
        details: { permissions: input.permissions, description: input.description },
      });
      return ok({ id: role.id });
    });
  } catch (err) {
    if (isUniqueViolation(err, "roles_workspace_name_key")) return fail("conflict", NAME_TAKEN, { name: NAME_TAKEN });
    throw err;
  }
}

type LockedRole = { id: string; name: string; description: string; builtIn: string | null; permissions: Permission[] };

async function lockRole(tx: Executor, workspaceId: string, roleId: string): Promise<LockedRole | null> {
  const [role] = await tx
    .select({ id: roles.id, name: roles.name, description: roles.description, builtIn: roles.builtIn })
    .from(roles)
    .where(and(eq(roles.id, roleId), eq(roles.workspaceId, workspaceId)))
    .for("update");
  if (!role) return null;
  const granted = await tx.select({ permission: rolePermissions.permission }).from(rolePermissions).where(eq(rolePermissions.roleId, roleId));
  return { ...role, permissions: granted.map((g) => g.permission).filter(isPermission) };
}

/**
 * Edits a custom role (`roles:manage`). The actor may add or take away only permissions they
 * hold. Every key holding the role changes what it may do at once.
 */
export async function updateRole(actor: AdminActor, rawInput: unknown, db = getDb()): Promise<Result<{ id: string }>> {
  const parsed = updateRoleSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  const workspaceId = actor.workspace.id;
  let permissionsChanged = false;
  try {
    const result = await db.transaction(async (tx) => {
      const me = await currentMembership(tx, actor);
      if (!me?.permissions.has("roles:manage")) return fail<{ id: string }>("forbidden", NO_PERMISSION);
      const role = await lockRole(tx, workspaceId, input.roleId);
      if (!role) return fail<{ id: string }>("not_found", "This role no longer exists");
      if (role.builtIn) return fail<{ id: string }>("forbidden", "Built-in roles cannot be changed");
      const before = new Set(role.permissions);
      const after = new Set(input.permissions);
      const added = input.permissions.filter((p) => !before.has(p));
      const removed = role.permissions.filter((p) => !after.has(p));
      const missing = missingPermissions([...added, ...removed], me.permissions);
      if (missing.length) return cannotGrant(missing);

      const changed: Record<string, unknown> = {};
      if (role.name !== input.name) changed.name = { from: role.name, to: input.name };
      if (role.description !== input.description) changed.description = { from: role.description, to: input.description };
      if (added.length) changed.permissionsAdded = added;
      if (removed.length) changed.permissionsRemoved = removed;
      if (Object.keys(changed).length === 0) return ok({ id: role.id });

      await tx
        .update(roles)
        .set({ name: input.name, description: input.description })
        .where(and(eq(roles.id, role.id), eq(roles.workspaceId, workspaceId)));
      if (added.length || removed.length) {
        await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, role.id));
        await tx.insert(rolePermissions).values(input.permissions.map((permission) => ({ roleId: role.id, permission })));
        await notifyKeyChange(tx, { workspaceId });
        permissionsChanged = true;
      }
      await recordAuditEvent(tx, {
        workspaceId,
        actor: auditActorOf(actor),
        action: "role.update",
        targetType: "role",
        targetId: role.id,
        targetName: input.name,
        details: changed,
      });
      return ok({ id: role.id });
    });
    if (permissionsChanged) emitKeyChange({ workspaceId });
    return result;
  } catch (err) {
    if (isUniqueViolation(err, "roles_workspace_name_key")) return fail("conflict", NAME_TAKEN, { name: NAME_TAKEN });
    throw err;
  }
}

export const ROLE_USAGE_SAMPLE = 10;

export type RoleUsage = {
  memberCount: number;
  members: { userId: string; name: string; email: string }[];
  keyCount: number;
  keys: { id: string; name: string }[];
};

/**
 * Who holds a role: members and keys (first few names, and totals). The owner key is part of
 * it only for the Owner; to everyone else it does not exist.
 */
export async function roleUsage(
  workspaceId: string,
  roleId: string,
  { includeOwnerKey = false }: { includeOwnerKey?: boolean } = {},
  db: Executor = getDb(),
): Promise<RoleUsage> {
  const memberWhere = and(eq(memberRoles.roleId, roleId), eq(members.workspaceId, workspaceId));
  const ownerKeyFilter = includeOwnerKey ? undefined : eq(apiKeys.isOwnerKey, false);
  const [memberRows, [memberTotal], keyRows, [keyTotal], [ownerKeyHolds]] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(memberRoles)
      .innerJoin(members, eq(members.id, memberRoles.memberId))
      .innerJoin(users, eq(users.id, members.userId))
      .where(memberWhere)
      .orderBy(asc(users.name))
      .limit(ROLE_USAGE_SAMPLE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(memberRoles)
      .innerJoin(members, eq(members.id, memberRoles.memberId))
      .where(memberWhere),
    // A sample, in no particular order: sorting a role's 50,000 keys by name to show ten costs
    // more than the page is worth.
    db
      .select({ id: apiKeys.id, name: apiKeys.name })
      .from(apiKeyRoles)
      .innerJoin(apiKeys, eq(apiKeys.id, apiKeyRoles.apiKeyId))
      .where(and(eq(apiKeyRoles.roleId, roleId), eq(apiKeys.workspaceId, workspaceId), ownerKeyFilter))
      .limit(ROLE_USAGE_SAMPLE),
    db.select({ n: sql<number>`count(*)::int` }).from(apiKeyRoles).where(eq(apiKeyRoles.roleId, roleId)),
    includeOwnerKey
      ? Promise.resolve([{ n: 0 }])
      : db
          .select({ n: sql<number>`count(*)::int` })
          .from(apiKeys)
          .innerJoin(apiKeyRoles, and(eq(apiKeyRoles.apiKeyId, apiKeys.id), eq(apiKeyRoles.roleId, roleId)))
          .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.isOwnerKey, true))),
  ]);
  keyRows.sort((a, b) => a.name.localeCompare(b.name));
  const keyCount = (keyTotal?.n ?? 0) - (ownerKeyHolds?.n ?? 0);
  return { memberCount: memberTotal?.n ?? 0, members: memberRows, keyCount, keys: keyRows };
}

export function describeUsage(name: string, usage: RoleUsage): string {
  const parts: string[] = [];
  const more = (total: number, shown: number) => (total > shown ? ` and ${total - shown} more` : "");
  if (usage.memberCount) {
    parts.push(
      `${usage.memberCount} member${usage.memberCount === 1 ? "" : "s"} (${usage.members.map((m) => m.name).join(", ")}${more(usage.memberCount, usage.members.length)})`,
    );
  }
  if (usage.keyCount) {
    parts.push(
      `${usage.keyCount} API key${usage.keyCount === 1 ? "" : "s"} (${usage.keys.map((k) => k.name).join(", ")}${more(usage.keyCount, usage.keys.length)})`,
    );
  }
  return `“${name}” is in use by ${parts.join(" and ")}. Remove it from them first.`;
}

/** Deletes a custom role (`roles:manage`) that no member or key holds. */
export async function deleteRole(actor: AdminActor, rawInput: unknown, db = getDb()): Promise<Result<{ name: string }>> {
  const parsed = deleteRoleSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  const workspaceId = actor.workspace.id;
  const result = await db.transaction(async (tx) => {
    const me = await currentMembership(tx, actor);
    if (!me?.permissions.has("roles:manage")) return fail<{ name: string }>("forbidden", NO_PERMISSION);
    // The row lock also waits for anyone assigning the role right now (their foreign key
    // check locks the role row), so the usage below cannot go stale before the delete.
    const role = await lockRole(tx, workspaceId, input.roleId);
    if (!role) return fail<{ name: string }>("not_found", "This role no longer exists");
    if (role.builtIn) return fail<{ name: string }>("forbidden", "Built-in roles cannot be deleted");
    const usage = await roleUsage(workspaceId, role.id, { includeOwnerKey: true }, tx);
    if (usage.memberCount || usage.keyCount) {
      const visible = me.isOwner ? usage : await roleUsage(workspaceId, role.id, { includeOwnerKey: false }, tx);
      const message =
        visible.memberCount || visible.keyCount ? describeUsage(role.name, visible) : `“${role.name}” is in use and cannot be deleted.`;
      return fail<{ name: string }>("conflict", message);
    }
    await tx.delete(roles).where(and(eq(roles.id, role.id), eq(roles.workspaceId, workspaceId)));
    await recordAuditEvent(tx, {
      workspaceId,
      actor: auditActorOf(actor),
      action: "role.delete",
      targetType: "role",
      targetId: role.id,
      targetName: role.name,
      details: { permissions: role.permissions },
    });
    await notifyKeyChange(tx, { workspaceId });
    return ok({ name: role.name });
  });
  if (result.ok) emitKeyChange({ workspaceId });
  return result;
}
