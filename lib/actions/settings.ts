"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction } from "@/lib/auth/action";
import { upgradePlan } from "@/lib/workspaces/plan";
import { renameWorkspace, setShowSecretsOnce } from "@/lib/workspaces/settings";

export async function renameWorkspaceAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await renameWorkspace(actor, input);
    // The name is in the header and the workspace switcher of every page.
    if (result.ok) revalidatePath("/", "layout");
    return result;
  });
}

export async function setShowSecretsOnceAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await setShowSecretsOnce(actor, input);
    if (result.ok) revalidatePath(`/w/${slug}`, "layout");
    return result;
  });
}

export async function upgradePlanAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await upgradePlan(actor, input);
    // The plan shows in the header, Settings and the API Keys page.
    if (result.ok) revalidatePath(`/w/${slug}`, "layout");
    return result;
  });
}
