import { eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { rolePermissions, roles, type BuiltInRole } from "@/db/schema";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { compareRoles } from "@/lib/members/queries";

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
 * hold each. The owner key is counted only with `includeOwnerKey` (the Owner's view): to
 * everyone else it does not exist.
 */
export async function listRoles(
  workspaceId: string,
  { includeOwnerKey = false }: { includeOwnerKey?: boolean } = {},
  db: Executor = getDb(),
): Promise<RoleView[]> {
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
