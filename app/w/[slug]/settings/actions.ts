"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction, type ActionContext } from "@/lib/auth/action";
import { actorFromMembership } from "@/lib/keys/actor";
import { renameWorkspace, setShowSecretsOnce } from "@/lib/workspaces/settings";

const actorOf = ({ membership, user, ip }: ActionContext) => actorFromMembership(membership, user, ip);

export async function renameWorkspaceAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (ctx) => {
    const result = await renameWorkspace(actorOf(ctx), input);
    // The name is in the header and the workspace switcher of every page.
    if (result.ok) revalidatePath("/", "layout");
    return result;
  });
}

export async function setShowSecretsOnceAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (ctx) => {
    const result = await setShowSecretsOnce(actorOf(ctx), input);
    if (result.ok) revalidatePath(`/w/${slug}`, "layout");
    return result;
  });
}
