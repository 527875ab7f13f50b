import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { getDb } from "@/db/client";
import { rolesWithPermissions } from "@/lib/roles/queries";
import { members, rolePermissions, roles, workspaces, type BuiltInRole, type Workspace } from "@/db/schema";
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

async function rolesAndPermissions(db: Executor, workspaceId: string, memberId: string) {
  const held = await rolesWithPermissions(db, workspaceId, { memberId });
  const permissions = new Set(held.flatMap((r) => r.permissions));
  const memberRoleList = held.map(({ id, name, builtIn }) => ({ id, name, builtIn }));
  return { roles: memberRoleList, permissions, isOwner: memberRoleList.some((r) => r.builtIn === "owner") };
}

/**
 * The user's membership of the workspace (by slug or id), or null when they are not a member.
 * `lock` takes a row lock on the membership, for a transaction that acts on it.
 */
export async function loadMembership(
  userId: string,
  workspace: { slug: string } | { id: string },
  db: Executor = getDb(),
  { lock = false }: { lock?: boolean } = {},
): Promise<Membership | null> {
  const query = db
    .select({ workspace: workspaces, memberId: members.id })
    .from(workspaces)
    .innerJoin(members, and(eq(members.workspaceId, workspaces.id), eq(members.userId, userId)))
    .where("slug" in workspace ? eq(workspaces.slug, workspace.slug) : eq(workspaces.id, workspace.id))
    .limit(1);
  const [row] = await (lock ? query.for("update", { of: members }) : query);
  if (!row) return null;
  return { workspace: row.workspace, memberId: row.memberId, userId, ...(await rolesAndPermissions(db, row.workspace.id, row.memberId)) };
}

export const loadMembershipBySlug = (userId: string, slug: string, db: Executor = getDb()) => loadMembership(userId, { slug }, db);

/** The same by workspace id (the Open API knows the workspace from the key). */
export const loadMembershipById = (userId: string, workspaceId: string, db: Executor = getDb()) =>
  loadMembership(userId, { id: workspaceId }, db);

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
