import { and, eq, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { members, users, type BuiltInRole } from "@/db/schema";
import { auditActorOf, missingPermissions, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";
import { compareRoles } from "@/lib/roles/order";
import { rolesWithPermissions, type RoleWithPermissions } from "@/lib/roles/queries";

export const NO_PERMISSION = "You don't have permission to manage members";
export const GONE = "This member is no longer in the workspace";

export type RoleInfo = RoleWithPermissions;

/** The workspace's roles among `ids`, with their permissions; ids of other workspaces are absent. */
export async function rolesById(tx: Executor, workspaceId: string, ids: readonly string[]): Promise<Map<string, RoleInfo>> {
  const found = await rolesWithPermissions(tx, workspaceId, { ids });
  return new Map(found.map((r) => [r.id, r]));
}

/**
 * Checks roles someone wants to give: all of this workspace, never Owner (ownership moves only
 * by transfer), and none with a permission the actor lacks (no privilege escalation).
 */
export function checkGrantable(
  wanted: readonly string[],
  known: Map<string, RoleInfo>,
  held: ReadonlySet<Permission>,
  field = "roleIds",
): Result<RoleInfo[]> {
  const list: RoleInfo[] = [];
  for (const id of wanted) {
    const role = known.get(id);
    if (!role) return fail("invalid_request", "Unknown role", { [field]: "Unknown role" });
    if (role.builtIn === "owner") {
      const message = "The Owner role changes hands only by transferring ownership";
      return fail("forbidden", message, { [field]: message });
    }
    const missing = missingPermissions(role.permissions, held);
    if (missing.length) {
      const message = `You can't grant “${role.name}”: it holds permissions you don't have (${missing.join(", ")})`;
      return fail("forbidden", message, { [field]: message });
    }
    list.push(role);
  }
  return ok(list.sort(compareRoles));
}

export const roleNames = (list: { name: string; builtIn: BuiltInRole | null }[]) => [...list].sort(compareRoles).map((r) => r.name);

export type TargetMember = { memberId: string; userId: string; email: string; name: string; roles: RoleInfo[] };

/**
 * Locks the actor's membership and the target's in id order, before anything else: two members
 * changing each other at once then wait for one another instead of deadlocking.
 */
export async function lockActorAndTarget(tx: Executor, actor: Actor, targetMemberId: string): Promise<void> {
  await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, actor.workspace.id), or(eq(members.userId, actor.userId), eq(members.id, targetMemberId))))
    .orderBy(members.id)
    .for("update");
}

/** The member with this id in the workspace, locked against concurrent changes, with their roles. */
export async function lockTarget(tx: Executor, workspaceId: string, memberId: string): Promise<TargetMember | null> {
  const [row] = await tx
    .select({ memberId: members.id, userId: members.userId })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.workspaceId, workspaceId)))
    .for("update");
  if (!row) return null;
  const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, row.userId));
  const held = await rolesWithPermissions(tx, workspaceId, { memberId });
  return { ...row, email: user?.email ?? "", name: user?.name ?? "", roles: held.sort(compareRoles) };
}

export const isOwnerMember = (m: TargetMember) => m.roles.some((r) => r.builtIn === "owner");

export const auditMemberEvent = (
  tx: Executor,
  actor: Actor,
  action: "member.add" | "member.update_roles" | "member.remove" | "member.transfer_ownership",
  target: { userId: string; email: string },
  details: Record<string, unknown>,
) =>
  recordAuditEvent(tx, {
    workspaceId: actor.workspace.id,
    actor: auditActorOf(actor),
    action,
    targetType: "member",
    targetId: target.userId,
    targetName: target.email,
    details,
  });
