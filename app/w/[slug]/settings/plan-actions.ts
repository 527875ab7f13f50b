"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction } from "@/lib/auth/action";
import { actorFromMembership } from "@/lib/keys/actor";
import { upgradePlan } from "@/lib/workspaces/plan";

export async function upgradePlanAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async ({ membership, user, ip }) => {
    const result = await upgradePlan(actorFromMembership(membership, user, ip), input);
    // The plan shows in the header, Settings and the API Keys page.
    if (result.ok) revalidatePath(`/w/${slug}`, "layout");
    return result;
  });
}
