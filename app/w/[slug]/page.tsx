import { redirect } from "next/navigation";
import { requireWorkspaceContext } from "@/lib/auth/context";
import { landingPath } from "@/lib/auth/sections";

export default async function WorkspaceHome({ params }: { params: Promise<{ slug: string }> }) {
  const { membership } = await requireWorkspaceContext((await params).slug);
  redirect(landingPath(membership.workspace.slug, membership.permissions));
}
