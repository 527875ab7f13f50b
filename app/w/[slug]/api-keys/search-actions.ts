"use server";

import { withWorkspaceAction } from "@/lib/auth/action";
import { actorFromMembership } from "@/lib/keys/actor";
import { findKeyIdBySecret } from "@/lib/keys/list";
import type { Result } from "@/lib/result";

/** The search box's look-up of a pasted secret, by hash, kept out of `?q=`. */
export async function findKeyBySecretAction(slug: string, secret: string): Promise<Result<{ keyId: string | null }>> {
  return withWorkspaceAction(slug, ({ membership, user, ip }) => findKeyIdBySecret(actorFromMembership(membership, user, ip), secret));
}
