import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { getDb } from "@/db/client";
import { memberRoles, members, rolePermissions, roles, workspaces, type BuiltInRole, type Workspace } from "@/db/schema";
import { isPermission, type Permission } from "./permissions";

export type MemberRoleSummary = { id: string; name: string; builtIn: BuiltInRole | null };

export type Membership = {
  workspace: Workspace;
  memberId: string;
  userId: string;
  roles: MemberRoleSummary[];
  permissions: ReadonlySet<Permission>;
  isOwner: boolean;
};

async function rolesAndPermissions(db: Executor, memberId: string) {
  const rows = await db
    .select({ id: roles.id, name: roles.name, builtIn: roles.builtIn, permission: rolePermissions.permission })
    .from(memberRoles)
    .innerJoin(roles, eq(roles.id, memberRoles.roleId))
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(eq(memberRoles.memberId, memberId));
  const byId = new Map<string, MemberRoleSummary>();
  const permissions = new Set<Permission>();
  for (const r of rows) {
    byId.set(r.id, { id: r.id, name: r.name, builtIn: r.builtIn });
    if (r.permission && isPermission(r.permission)) permissions.add(r.permission);
  }
  const memberRoleList = [...byId.values()];
  return { roles: memberRoleList, permissions, isOwner: memberRoleList.some((r) => r.builtIn === "owner") };
}

/** The user's membership of the workspace with this slug, or null when they are not a member. */
export async function loadMembershipBySlug(userId: string, slug: string, db: Executor = getDb()): Promise<Membership | null> {
  const [row] = await db
    .select({ workspace: workspaces, memberId: members.id })
    .from(workspaces)
    .innerJoin(members, and(eq(members.workspaceId, workspaces.id), eq(members.userId, userId)))
    .where(eq(workspaces.slug, slug))
    .limit(1);
  if (!row) return null;
  return { workspace: row.workspace, memberId: row.memberId, userId, ...(await rolesAndPermissions(db, row.memberId)) };
}

/** The same by workspace id (the Open API knows the workspace from the key). */
export async function loadMembershipById(
  userId: string,
  workspaceId: string,
  db: Executor = getDb(),
): Promise<Membership | null> {
  const [row] = await db
    .select({ workspace: workspaces, memberId: members.id })
    .from(workspaces)
    .innerJoin(members, and(eq(members.workspaceId, workspaces.id), eq(members.userId, userId)))
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  if (!row) return null;
  return { workspace: row.workspace, memberId: row.memberId, userId, ...(await rolesAndPermissions(db, row.memberId)) };
}

/** Workspaces the user belongs to, by name: the switcher's list and where `/` goes. */
export async function listUserWorkspaces(userId: string, db: Executor = getDb()) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, plan: workspaces.plan })
    .from(workspaces)
    .innerJoin(members, eq(members.workspaceId, workspaces.id))
    .where(eq(members.userId, userId))
    .orderBy(asc(workspaces.createdAt), asc(workspaces.name));
}

/** Union of the permissions of the given roles, limited to the workspace. */
export async function permissionsOfRoles(
  workspaceId: string,
  roleIds: readonly string[],
  db: Executor = getDb(),
): Promise<Set<Permission>> {
  if (roleIds.length === 0) return new Set();
  const rows = await db
    .select({ permission: rolePermissions.permission })
    .from(rolePermissions)
    .innerJoin(roles, eq(roles.id, rolePermissions.roleId))
    .where(and(eq(roles.workspaceId, workspaceId), inArray(roles.id, [...roleIds])))
    .groupBy(rolePermissions.permission)
    .orderBy(sql`1`);
  return new Set(rows.map((r) => r.permission).filter(isPermission));
}
