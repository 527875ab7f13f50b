import type { Executor } from "@/db/client";
import { loadMembershipById, type Membership } from "@/lib/auth/membership";
import type { Permission } from "@/lib/auth/permissions";
import type { KeyActor } from "@/lib/keys/types";
import type { AuditActor } from "@/lib/audit/record";

/** Who performs an admin-console change: the signed-in member (same shape as a key actor). */
export type AdminActor = Pick<KeyActor, "workspace" | "userId" | "name" | "ip">;

/**
 * The actor's membership as the transaction sees it: rules are checked against the actor's
 * permissions now, not those the page was rendered with. Null when no longer a member.
 */
export async function currentMembership(tx: Executor, actor: AdminActor): Promise<Membership | null> {
  return loadMembershipById(actor.userId, actor.workspace.id, tx);
}

export function auditActorOf(actor: AdminActor): AuditActor {
  return { userId: actor.userId, name: actor.name, ip: actor.ip ?? null };
}

/** Permissions in `wanted` that `held` lacks. */
export function missingPermissions(wanted: Iterable<string>, held: ReadonlySet<Permission>): string[] {
  return [...new Set(wanted)].filter((p) => !held.has(p as Permission));
}
