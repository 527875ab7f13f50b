import type { Actor } from "@/lib/auth/actor";
import type { Membership } from "@/lib/auth/membership";

/** A console actor for tests: the member with the permissions they hold now, under a chosen audit name. */
export const actorOf = (m: Membership, name = "Actor", ip: string | null = null): Actor => ({
  workspace: m.workspace,
  userId: m.userId,
  permissions: m.permissions,
  isOwner: m.isOwner,
  name,
  keyId: null,
  ip,
});
