import { actorFromMembership, type Actor } from "@/lib/auth/actor";
import type { Membership } from "@/lib/auth/membership";

/**
 * A console actor for tests: the member with the permissions they hold now, under a chosen audit
 * name. With `email` the audit name is the console's "Name (email)", as a signed-in member's is.
 */
export const actorOf = (m: Membership, name = "Actor", ip: string | null = null, { email }: { email?: string } = {}): Actor =>
  email ? actorFromMembership(m, { name, email }, ip) : { ...actorFromMembership(m, { name, email: "" }, ip), name };

/** The e-mail address a test member of this name signs in with. */
export const emailOf = (name: string) => `${name.toLowerCase().replace(/\W+/g, ".")}@example.test`;
