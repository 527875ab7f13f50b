"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction } from "@/lib/auth/action";
import { setLeakPolicy } from "@/lib/leaks/policy";

/** Settings → "Leaked keys": what happens to a key of the workspace reported leaked (SPEC §13). */
export async function setLeakPolicyAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await setLeakPolicy(actor, input);
    if (result.ok) revalidatePath(`/w/${slug}/settings`);
    return result;
  });
}
