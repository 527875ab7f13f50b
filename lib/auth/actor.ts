import type { Workspace } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record";
import type { VerifiedKey } from "@/lib/keys/verify";
import type { Membership } from "./membership";
import type { Permission } from "./permissions";

/**
 * Who performs an operation. From the console: the signed-in member. From the Open API: the
 * calling key's creator, limited to the key's effective permissions (`keyId` set; `isOwner`
 * only for the owner key, so other keys never see it).
 */
export type Actor = {
  workspace: Workspace;
  userId: string;
  permissions: ReadonlySet<Permission>;
  isOwner: boolean;
  /** Shown in the audit log. */
  name: string;
  keyId?: string | null;
  ip?: string | null;
};

/** The console's actor: the signed-in member with their current permissions. */
export function actorFromMembership(membership: Membership, user: { name: string; email: string }, ip?: string | null): Actor {
  return {
    workspace: membership.workspace,
    userId: membership.userId,
    permissions: membership.permissions,
    isOwner: membership.isOwner,
    name: user.name ? `${user.name} (${user.email})` : user.email,
    keyId: null,
    ip: ip ?? null,
  };
}

/** The Open API's actor: the key's creator, limited to what the key may do. */
export function actorFromKey(key: VerifiedKey, ip: string): Actor {
  return {
    workspace: key.workspace,
    userId: key.createdByUserId,
    permissions: key.permissionSet,
    isOwner: key.isOwnerKey,
    name: `API key ${key.name}`,
    keyId: key.keyId,
    ip,
  };
}

/** How the actor is written into an audit event. */
export function auditActorOf(actor: Pick<Actor, "userId" | "name" | "keyId" | "ip" | "isOwner">): AuditActor {
  const ownerKey = Boolean(actor.keyId) && actor.isOwner;
  return { userId: actor.userId, keyId: actor.keyId ?? null, name: actor.name, ip: actor.ip ?? null, ...(ownerKey ? { ownerKey } : {}) };
}

/**
 * No privilege escalation, for every grant (roles on keys and members, permissions on roles):
 * the permissions in `wanted` that `held` lacks, once each. Empty means the grant is allowed.
 */
export function missingPermissions(wanted: Iterable<Permission>, held: ReadonlySet<Permission>): Permission[] {
  return [...new Set(wanted)].filter((p) => !held.has(p));
}
