import type { Permission } from "@/lib/auth/permissions";
import type { KeyActor } from "./types";

/** A member may hold at most this many keys in a workspace (expired ones and the owner key count). */
export const KEY_LIMIT_PER_MEMBER = 10;

type KeyRef = { isOwnerKey: boolean; createdByUserId: string };

const has = (actor: KeyActor, p: Permission) => actor.permissions.has(p);

/** Opens the API Keys page / the keys endpoints at all. */
export function canUseKeys(actor: KeyActor): boolean {
  return has(actor, "api_keys:read") || has(actor, "api_keys:create") || has(actor, "api_keys:manage");
}

/** Sees every (non-owner) key, not only their own. */
export function seesAllKeys(actor: KeyActor): boolean {
  return has(actor, "api_keys:read");
}

export function canCreateKeys(actor: KeyActor): boolean {
  return has(actor, "api_keys:create") || has(actor, "api_keys:manage");
}

/** The owner key exists only for the Owner; other keys for their creator or readers of all. */
export function canSeeKey(actor: KeyActor, key: KeyRef): boolean {
  if (!canUseKeys(actor)) return false;
  if (key.isOwnerKey) return actor.isOwner;
  return seesAllKeys(actor) || key.createdByUserId === actor.userId;
}

/** Modify and delete: own keys with api_keys:create, others' with api_keys:manage, the owner key by the Owner. */
export function canChangeKey(actor: KeyActor, key: KeyRef): boolean {
  if (!canSeeKey(actor, key)) return false;
  if (key.isOwnerKey) return actor.isOwner;
  if (has(actor, "api_keys:manage")) return true;
  return key.createdByUserId === actor.userId && has(actor, "api_keys:create");
}

/** Reveal or copy the secret: the key's creator and api_keys:manage holders (owner key: the Owner). */
export function canRevealKey(actor: KeyActor, key: KeyRef): boolean {
  if (!canSeeKey(actor, key)) return false;
  if (key.isOwnerKey) return actor.isOwner;
  return key.createdByUserId === actor.userId || has(actor, "api_keys:manage");
}

/** No privilege escalation: a role may be put on a key only if the actor holds all its permissions. */
export function canGrantRole(actor: KeyActor, rolePermissions: readonly Permission[]): boolean {
  return rolePermissions.every((p) => actor.permissions.has(p));
}
