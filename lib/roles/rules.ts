import { and, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { rolePermissions, roles } from "@/db/schema";
import { auditActorOf, missingPermissions, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record";
import { seesOwnerKey } from "@/lib/keys/policy";
import { fail, invalidInput, type Result } from "@/lib/result";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import { createRoleSchema, deleteRoleSchema, updateRoleSchema } from "@/lib/validations/roles";
import { rolesWithPermissions, type RoleWithPermissions } from "./queries";
import { describeUsage, roleUsage } from "./usage";

export { describeUsage, roleUsage, ROLE_USAGE_SAMPLE, type RoleUsage } from "./usage";

const NAME_TAKEN = "A role with this name already exists";
const NO_PERMISSION = "You don't have permission to manage roles";
const GONE = "This role no longer exists";
const CONSTRAINTS = { roles_workspace_name_key: () => fail("conflict", NAME_TAKEN, { name: NAME_TAKEN }) };

function cannotGrant(missing: string[]): never {
  const message = `You can only grant or take away permissions you hold yourself (you lack ${missing.join(", ")})`;
  return refuse(fail("forbidden", message, { permissions: message }));
}

const auditRole = (tx: Executor, actor: Actor, action: string, role: { id: string; name: string }, details: Record<string, unknown>) =>
  recordAuditEvent(tx, {
    workspaceId: actor.workspace.id,
    actor: auditActorOf(actor),
    action,
    targetType: "role",
    targetId: role.id,
    targetName: role.name,
    details,
  });

/** Creates a custom role (`roles:manage`) holding only permissions the actor holds. */
export async function createRole(actor: Actor, rawInput: unknown, db = getDb()): Promise<Result<{ id: string }>> {
  const parsed = createRoleSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  return transact(
    async (tx) => {
      const me = await requireCurrentPermission(tx, actor, "roles:manage", NO_PERMISSION);
      const missing = missingPermissions(input.permissions, me.permissions);
      if (missing.length) cannotGrant(missing);
      const [role] = await tx
        .insert(roles)
        .values({ workspaceId: me.workspace.id, name: input.name, description: input.description, builtIn: null })
        .returning({ id: roles.id });
      if (!role) throw new Error("role insert returned nothing");
      await tx.insert(rolePermissions).values(input.permissions.map((permission) => ({ roleId: role.id, permission })));
      await auditRole(tx, me, "role.create", { id: role.id, name: input.name }, { permissions: input.permissions, description: input.description });
      return { id: role.id };
    },
    { db, constraints: CONSTRAINTS },
  );
}

type LockedRole = RoleWithPermissions & { description: string };

/** The custom role, locked against concurrent changes and assignments; refuses built-in ones. */
async function lockCustomRole(tx: Executor, workspaceId: string, roleId: string, builtInRefusal: string): Promise<LockedRole> {
  const [row] = await tx
    .select({ description: roles.description })
    .from(roles)
    .where(and(eq(roles.id, roleId), eq(roles.workspaceId, workspaceId)))
    .for("update");
  const [role] = row ? await rolesWithPermissions(tx, workspaceId, { ids: [roleId] }) : [];
  if (!row || !role) return refuse(fail("not_found", GONE));
  if (role.builtIn) refuse(fail("forbidden", builtInRefusal));
  return { ...role, description: row.description };
}

/**
 * Edits a custom role (`roles:manage`). The actor may add or take away only permissions they
 * hold. Every key holding the role changes what it may do at once.
 */
export async function updateRole(actor: Actor, rawInput: unknown, db = getDb()): Promise<Result<{ id: string }>> {
  const parsed = updateRoleSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  return transact(
    async (tx, keyChanges) => {
      const me = await requireCurrentPermission(tx, actor, "roles:manage", NO_PERMISSION);
      const workspaceId = me.workspace.id;
      const role = await lockCustomRole(tx, workspaceId, input.roleId, "Built-in roles cannot be changed");
      const before = new Set(role.permissions);
      const after = new Set(input.permissions);
      const added = input.permissions.filter((p) => !before.has(p));
      const removed = role.permissions.filter((p) => !after.has(p));
      const missing = missingPermissions([...added, ...removed], me.permissions);
      if (missing.length) cannotGrant(missing);

      const changed: Record<string, unknown> = {};
      if (role.name !== input.name) changed.name = { from: role.name, to: input.name };
      if (role.description !== input.description) changed.description = { from: role.description, to: input.description };
      if (added.length) changed.permissionsAdded = added;
      if (removed.length) changed.permissionsRemoved = removed;
      if (Object.keys(changed).length === 0) return { id: role.id };

      await tx
        .update(roles)
        .set({ name: input.name, description: input.description })
        .where(and(eq(roles.id, role.id), eq(roles.workspaceId, workspaceId)));
      if (added.length || removed.length) {
        await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, role.id));
        await tx.insert(rolePermissions).values(input.permissions.map((permission) => ({ roleId: role.id, permission })));
        await keyChanges.add({ workspaceId });
      }
      await auditRole(tx, me, "role.update", { id: role.id, name: input.name }, changed);
      return { id: role.id };
    },
    { db, constraints: CONSTRAINTS },
  );
}

/** Deletes a custom role (`roles:manage`) that no member or key holds. */
export async function deleteRole(actor: Actor, rawInput: unknown, db = getDb()): Promise<Result<{ name: string }>> {
  const parsed = deleteRoleSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  return transact(
    async (tx, keyChanges) => {
      const me = await requireCurrentPermission(tx, actor, "roles:manage", NO_PERMISSION);
      const workspaceId = me.workspace.id;
      // The row lock also waits for anyone assigning the role right now (their foreign key
      // check locks the role row), so the usage below cannot go stale before the delete.
      const role = await lockCustomRole(tx, workspaceId, input.roleId, "Built-in roles cannot be deleted");
      const usage = await roleUsage(workspaceId, role.id, { includeOwnerKey: true }, tx);
      if (usage.memberCount || usage.keyCount) {
        const visible = seesOwnerKey(me) ? usage : await roleUsage(workspaceId, role.id, { includeOwnerKey: false }, tx);
        const message =
          visible.memberCount || visible.keyCount ? describeUsage(role.name, visible) : `“${role.name}” is in use and cannot be deleted.`;
        refuse(fail("conflict", message));
      }
      await tx.delete(roles).where(and(eq(roles.id, role.id), eq(roles.workspaceId, workspaceId)));
      await auditRole(tx, me, "role.delete", role, { permissions: role.permissions });
      await keyChanges.add({ workspaceId });
      return { name: role.name };
    },
    { db },
  );
}
