import { rolePermissions, roles, type BuiltInRole } from "@/db/schema";
import type { Executor } from "@/db/client";
import { BUILT_IN_ROLE_DEFINITIONS, BUILT_IN_ROLE_ORDER } from "@/lib/auth/permissions";

/** Every workspace holds the four built-in roles; returns their ids by kind. */
export async function createBuiltInRoles(tx: Executor, workspaceId: string): Promise<Record<BuiltInRole, string>> {
  const ids = {} as Record<BuiltInRole, string>;
  for (const kind of BUILT_IN_ROLE_ORDER) {
    const def = BUILT_IN_ROLE_DEFINITIONS[kind];
    const [role] = await tx
      .insert(roles)
      .values({ workspaceId, name: def.name, description: def.description, builtIn: kind })
      .returning({ id: roles.id });
    if (!role) throw new Error("role insert returned nothing");
    ids[kind] = role.id;
    await tx.insert(rolePermissions).values(def.permissions.map((permission) => ({ roleId: role.id, permission })));
  }
  return ids;
}
