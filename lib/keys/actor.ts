import type { Membership } from "@/lib/auth/membership";
import type { KeyActor } from "./types";

/** The console's actor: the signed-in member with their current permissions. */
export function actorFromMembership(
  membership: Membership,
  user: { name: string; email: string },
  ip?: string | null,
): KeyActor {
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
