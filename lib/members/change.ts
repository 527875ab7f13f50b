import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { apiKeys, memberRoles, members } from "@/db/schema";
import { missingPermissions, type Actor } from "@/lib/auth/actor";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import { changeMemberRolesSchema, removeMemberSchema } from "@/lib/validations/members";
import {
  auditMemberEvent,
  checkGrantable,
  GONE,
  isOwnerMember,
  lockActorAndTarget,
  lockTarget,
  NO_PERMISSION,
  roleNames,
  rolesById,
  type TargetMember,
} from "./grants";

/**
 * In one transaction: the actor still holds `members:manage`, the member (locked) is still in the
 * workspace and is not the Owner (`ownerRefusal` says why not); then `work` changes them,
 * calling `keysChanged()` when their keys' effective permissions change, so every instance
 * drops its cached verifications after the commit.
 */
async function changeMember<T>(
  actor: Actor,
  memberId: string,
  ownerRefusal: string,
  db: ReturnType<typeof getDb>,
  work: (tx: Executor, me: Actor, target: TargetMember, keysChanged: () => Promise<void>) => Promise<Result<T>>,
): Promise<Result<T>> {
  const workspaceId = actor.workspace.id;
  return transact(
    async (tx, keyChanges) => {
      await lockActorAndTarget(tx, actor, memberId);
      const me = await requireCurrentPermission(tx, actor, "members:manage", NO_PERMISSION);
      const target = (await lockTarget(tx, workspaceId, memberId)) ?? refuse(fail("not_found", GONE));
      if (isOwnerMember(target)) refuse(fail("forbidden", ownerRefusal));
      const result = await work(tx, me, target, () => keyChanges.add({ workspaceId, userId: target.userId }));
      return result.ok ? result.data : refuse(result);
    },
    { db },
  );
}

/**
 * Replaces a member's roles (`members:manage`). Never to or from Owner. Roles the actor could
 * not grant can be neither given nor taken away; the member keeps at least one role.
 */
export async function changeMemberRoles(actor: Actor, rawInput: unknown, db = getDb()): Promise<Result<{ roles: string[] }>> {
  const parsed = changeMemberRolesSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  const refusal = "The Owner's roles change only by transferring ownership";
  return changeMember(actor, input.memberId, refusal, db, async (tx, me, target, keysChanged) => {
    const current = new Set(target.roles.map((r) => r.id));
    const wanted = new Set(input.roleIds);
    const added = input.roleIds.filter((id) => !current.has(id));
    const removed = target.roles.filter((r) => !wanted.has(r.id));
    const addable = checkGrantable(added, await rolesById(tx, actor.workspace.id, input.roleIds), me.permissions);
    if (!addable.ok) return addable;
    for (const role of removed) {
      const missing = missingPermissions(role.permissions, me.permissions);
      if (missing.length) {
        const message = `You can't take away “${role.name}”: it holds permissions you don't have (${missing.join(", ")})`;
        return fail("forbidden", message, { roleIds: message });
      }
    }
    const next = [...target.roles.filter((r) => wanted.has(r.id)), ...addable.data];
    if (added.length === 0 && removed.length === 0) return ok({ roles: roleNames(next) });

    if (removed.length) {
      const ids = removed.map((r) => r.id);
      await tx.delete(memberRoles).where(and(eq(memberRoles.memberId, target.memberId), inArray(memberRoles.roleId, ids)));
    }
    if (added.length) {
      await tx.insert(memberRoles).values(added.map((roleId) => ({ memberId: target.memberId, roleId, isOwner: false })));
    }
    await auditMemberEvent(tx, me, "member.update_roles", target, { from: roleNames(target.roles), to: roleNames(next) });
    // The member's keys are limited by their permissions: those change now.
    await keysChanged();
    return ok({ roles: roleNames(next) });
  });
}

/**
 * Removes a member (`members:manage`): their keys stop authenticating at once ("Inactive —
 * creator removed") but stay listed. The Owner cannot be removed, and nobody can remove a
 * member holding permissions they lack themselves.
 */
export async function removeMember(actor: Actor, rawInput: unknown, db = getDb()): Promise<Result<{ email: string; inactiveKeys: number }>> {
  const parsed = removeMemberSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const refusal = "The Owner cannot be removed. Transfer ownership first.";
  return changeMember(actor, parsed.data.memberId, refusal, db, async (tx, me, target, keysChanged) => {
    const missing = missingPermissions(
      target.roles.flatMap((r) => r.permissions),
      me.permissions,
    );
    if (missing.length) {
      return fail("forbidden", `You can't remove a member who holds permissions you don't have (${missing.join(", ")})`);
    }
    const workspaceId = actor.workspace.id;
    const [keys] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(apiKeys)
      .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.createdByUserId, target.userId)));
    await tx.delete(members).where(and(eq(members.id, target.memberId), eq(members.workspaceId, workspaceId)));
    const inactiveKeys = keys?.n ?? 0;
    await auditMemberEvent(tx, me, "member.remove", target, { roles: roleNames(target.roles), inactiveKeys });
    await keysChanged();
    return ok({ email: target.email, inactiveKeys });
  });
}
