import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { loadMembershipBySlug, type Membership } from "./membership";
import { getSessionUser, type SessionUser } from "./session";

export type WorkspaceContext = { user: SessionUser; membership: Membership };

/**
 * The signed-in user and their membership of `slug`, once per request. No session → /login;
 * not a member → 404, so a workspace's existence is not revealed.
 */
export const requireWorkspaceContext = cache(async (slug: string): Promise<WorkspaceContext> => {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/w/${slug}/api-keys`)}`);
  const membership = await loadMembershipBySlug(user.id, slug);
  if (!membership) notFound();
  return { user, membership };
});
