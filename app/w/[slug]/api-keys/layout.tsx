import { forbidden } from "next/navigation";
import { requireWorkspaceContext } from "@/lib/auth/context";
import { actorFromMembership } from "@/lib/auth/actor";
import { canUseKeys } from "@/lib/keys/policy";

/**
 * Refuses the API keys pages with HTTP 403 before anything streams: the list's loading
 * skeleton (a Suspense boundary) would otherwise send a 200 first. The pages check again.
 */
export default async function ApiKeysLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { user, membership } = await requireWorkspaceContext((await params).slug);
  if (!canUseKeys(actorFromMembership(membership, user))) forbidden();
  return children;
}
