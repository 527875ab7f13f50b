import type { Plan } from "@/db/schema";
import { missingPermissions } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { fail, type Result } from "@/lib/result";
import type { KeyActor, KeyStatus } from "./types";

/** A member may hold at most this many keys in a workspace (expired ones and the owner key count). */
export const KEY_LIMIT_PER_MEMBER = 10;

/** Any of these opens the API Keys page and the keys endpoints (reading at least one's own keys). */
export const KEY_READ_PERMISSIONS = ["api_keys:read", "api_keys:create", "api_keys:manage"] as const satisfies readonly Permission[];
/** Any of these lets one create keys (and change one's own). */
export const KEY_WRITE_PERMISSIONS = ["api_keys:create", "api_keys:manage"] as const satisfies readonly Permission[];

export const PLAN_REQUIRED_MESSAGE = "API keys are available on the Small plan and above.";
export const NO_CREATE_PERMISSION = "You don't have permission to create API keys.";
// Checked before a key is looked up: members without key permissions get the same answer for
// every id (the API Keys page is a 403 for them), so nothing is learnt about which keys exist.
export const NO_KEY_ACCESS = "You don't have permission to manage API keys";
export const OWNER_KEY_EXISTS = "This workspace already has an owner key";
export const limitMessage = () =>
  `You have reached the limit of ${KEY_LIMIT_PER_MEMBER} API keys in this workspace. Delete a key to create another.`;

type KeyRef = { isOwnerKey: boolean; createdByUserId: string };

const has = (actor: KeyActor, p: Permission) => actor.permissions.has(p);
const hasAny = (actor: KeyActor, list: readonly Permission[]) => list.some((p) => has(actor, p));

/** The one plan gate: keys exist (and authenticate) only on paid plans. */
export function keysAllowedOn(plan: Plan): boolean {
  return plan !== "free";
}

/**
 * The owner key, and everything about it (its audit events, its place in role and key counts),
 * exists only for the Owner. A key actor is the Owner only when it is the owner key itself.
 */
export function seesOwnerKey(actor: Pick<KeyActor, "isOwner">): boolean {
  return actor.isOwner;
}

/** Opens the API Keys page / the keys endpoints at all. */
export function canUseKeys(actor: KeyActor): boolean {
  return hasAny(actor, KEY_READ_PERMISSIONS);
}

/** Sees every (non-owner) key, not only their own. */
export function seesAllKeys(actor: KeyActor): boolean {
  return has(actor, "api_keys:read");
}

export function canCreateKeys(actor: KeyActor): boolean {
  return hasAny(actor, KEY_WRITE_PERMISSIONS);
}

/** The owner key exists only for the Owner; other keys for their creator or readers of all. */
export function canSeeKey(actor: KeyActor, key: KeyRef): boolean {
  if (!canUseKeys(actor)) return false;
  if (key.isOwnerKey) return seesOwnerKey(actor);
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

/** A role may be put on a key only if the actor holds all its permissions (no privilege escalation). */
export function canGrantRole(actor: KeyActor, role: { builtIn: string | null; permissions: readonly Permission[] }, ownerKeyExists: boolean): boolean {
  if (role.builtIn === "owner") return actor.isOwner && !ownerKeyExists;
  return missingPermissions(role.permissions, actor.permissions).length === 0;
}

/**
 * Why the actor may not create a key now, or null. The one pre-check behind the dialog's "can
 * create / why not" and the create transaction (which passes counts read under its locks).
 */
export function createRefusal(
  actor: KeyActor,
  facts: { plan: Plan; ownKeyCount: number; ownerKeyExists: boolean; grantsOwnerRole?: boolean },
): Result<never> | null {
  if (!canCreateKeys(actor)) return fail("forbidden", NO_CREATE_PERMISSION);
  if (!keysAllowedOn(facts.plan)) return fail("plan_required", PLAN_REQUIRED_MESSAGE);
  if (facts.grantsOwnerRole && facts.ownerKeyExists) return fail("conflict", OWNER_KEY_EXISTS, { roleIds: OWNER_KEY_EXISTS });
  if (facts.ownKeyCount >= KEY_LIMIT_PER_MEMBER) return fail("limit_reached", limitMessage());
  return null;
}

/**
 * The one key state, for the console's badge and the API's refusal. Order, first match wins:
 * disabled (switched off), expired (past `expiresAt`), then inactive (creator removed), then
 * active. An expired key stays expired whoever created it.
 */
export function keyState(
  key: { expiresAt: Date | number | null; creatorActive: boolean; disabledAt?: Date | number | null },
  now: number = Date.now(),
): KeyStatus {
  if (key.disabledAt !== undefined && key.disabledAt !== null) return "disabled";
  const expiresAt = key.expiresAt instanceof Date ? key.expiresAt.getTime() : key.expiresAt;
  if (expiresAt !== null && expiresAt <= now) return "expired";
  if (!key.creatorActive) return "inactive";
  return "active";
}
