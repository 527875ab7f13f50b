import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";

/**
 * A key can never do more than its creator can do right now: (union of the key's roles'
 * permissions) ∩ (the creator's current permissions). The owner key holds every permission.
 * `creatorPermissions` null = the creator is no longer a member: the key does nothing.
 */
export function effectivePermissions(
  keyRolePermissions: Iterable<Permission>,
  creatorPermissions: ReadonlySet<Permission> | null,
  isOwnerKey: boolean,
): Permission[] {
  if (creatorPermissions === null) return [];
  if (isOwnerKey) return [...PERMISSIONS];
  const granted = new Set(keyRolePermissions);
  return PERMISSIONS.filter((p) => granted.has(p) && creatorPermissions.has(p));
}
