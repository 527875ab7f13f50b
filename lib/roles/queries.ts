import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { memberRoles, rolePermissions, roles, type BuiltInRole } from "@/db/schema";
import { isPermission, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { seesOwnerKey } from "@/lib/keys/policy";
import { compareRoles, roleOrderBy } from "./order";

export type RoleView = {
  id: string;
  name: string;
  description: string;
  builtIn: BuiltInRole | null;
  /** In catalogue order. */
  permissions: Permission[];
  memberCount: number;
  keyCount: number;
};

/**
 * Roles of a workspace (built-in first, then custom by name) with how many members and keys
 * hold each. The owner key is counted only for a viewer who sees it (the Owner): to everyone
 * else it does not exist.
 */
export async function listRoles(viewer: { workspace: { id: string }; isOwner: boolean }, db: Executor = getDb()): Promise<RoleView[]> {
  const workspaceId = viewer.workspace.id;
  const includeOwnerKey = seesOwnerKey(viewer);
  // Column references are spelled out: drizzle leaves them unqualified in a one-table select.
  // Keys are counted from api_key_roles alone (an index-only count on role_id: ~100,000 keys
  // stay cheap), then the owner key, at most one, is taken out for everyone but the Owner.
  const ownerKeyCorrection = includeOwnerKey
    ? sql``
    : sql` - (select count(*)::int from api_keys ok join api_key_roles okr on okr.api_key_id = ok.id and okr.role_id = "roles"."id"
          where ok.workspace_id = "roles"."workspace_id" and ok.is_owner_key)`;
  const rows = await db
    .select({
      id: roles.id,
      name: roles.name,
      description: roles.description,
      builtIn: roles.builtIn,
      memberCount: sql<number>`(select count(*)::int from member_roles mr where mr.role_id = "roles"."id")`,
      keyCount: sql<number>`((select count(*)::int from api_key_roles kr where kr.role_id = "roles"."id")${ownerKeyCorrection})`,
    })
    .from(roles)
    .where(eq(roles.workspaceId, workspaceId));
  const permissionRows = await db
    .select({ roleId: rolePermissions.roleId, permission: rolePermissions.permission })
    .from(rolePermissions)
    .innerJoin(roles, eq(roles.id, rolePermissions.roleId))
    .where(eq(roles.workspaceId, workspaceId));
  const granted = new Map<string, Set<string>>();
  for (const r of permissionRows) {
    const set = granted.get(r.roleId) ?? new Set<string>();
    set.add(r.permission);
    granted.set(r.roleId, set);
  }
  return rows
    .map((r) => ({
      ...r,
      permissions: PERMISSIONS.filter((p) => granted.get(r.id)?.has(p))
    }))
    .sort(compareRoles);
}

export type RoleWithPermissions = { id: string; name: string; builtIn: BuiltInRole | null; permissions: Permission[] };

/**
 * Roles of the workspace with their permissions, in role order: all of them, those among `ids`
 * (ids of other workspaces are absent), or those a member holds (`memberId`).
 */
export async function rolesWithPermissions(
  db: Executor,
  workspaceId: string,
  { ids, memberId }: { ids?: readonly string[]; memberId?: string } = {},
): Promise<RoleWithPermissions[]> {
  if (ids && ids.length === 0) return [];
  const held = memberId
    ? inArray(roles.id, db.select({ id: memberRoles.roleId }).from(memberRoles).where(eq(memberRoles.memberId, memberId)))
    : undefined;
  const rows = await db
    .select({ id: roles.id, name: roles.name, builtIn: roles.builtIn, permission: rolePermissions.permission })
    .from(roles)
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(and(eq(roles.workspaceId, workspaceId), ids ? inArray(roles.id, [...ids]) : undefined, held))
    .orderBy(...roleOrderBy());
  const byId = new Map<string, RoleWithPermissions>();
  for (const r of rows) {
    const role = byId.get(r.id) ?? { id: r.id, name: r.name, builtIn: r.builtIn, permissions: [] };
    if (r.permission && isPermission(r.permission)) role.permissions.push(r.permission);
    byId.set(r.id, role);
  }
  return [...byId.values()];
}

/** Role id → built-in kind for the workspace's built-in roles: screens show those names in the reader's language. */
export async function builtInRoleIds(db: Executor, workspaceId: string): Promise<Record<string, BuiltInRole>> {
  const rows = await db
    .select({ id: roles.id, builtIn: roles.builtIn })
    .from(roles)
    .where(and(eq(roles.workspaceId, workspaceId), isNotNull(roles.builtIn)));
  return Object.fromEntries(rows.flatMap((r) => (r.builtIn ? [[r.id, r.builtIn] as const] : [])));
}
