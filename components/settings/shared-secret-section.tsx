import { requireWorkspaceContext } from "@/lib/auth/context";
import { actorFromMembership } from "@/lib/keys/actor";
import { getSharedSecretStatus } from "@/lib/signing/shared-secret";
import { SharedSecretPanel } from "./shared-secret-panel";

/**
 * Settings → "API shared secret", for members with workspace:manage. Everyone else gets
 * nothing: not the hint, not whether one exists.
 */
export async function SharedSecretSection({ slug }: { slug: string }) {
  const { user, membership } = await requireWorkspaceContext(slug);
  if (!membership.permissions.has("workspace:manage")) return null;
  const status = await getSharedSecretStatus(actorFromMembership(membership, user));
  if (!status.ok) return null;
  return <SharedSecretPanel slug={membership.workspace.slug} initialStatus={status.data} />;
}
