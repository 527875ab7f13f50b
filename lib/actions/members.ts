"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction } from "@/lib/auth/action";
import { addMember, changeMemberRoles, removeMember, transferOwnership } from "@/lib/members/rules";

function revalidateMembers(slug: string) {
  revalidatePath(`/w/${slug}/members`);
  // Keys of a removed or re-roled member change status and power on the API Keys page too.
  revalidatePath(`/w/${slug}/api-keys`);
}

export async function addMemberAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await addMember(actor, input);
    if (result.ok) revalidateMembers(slug);
    return result;
  });
}

export async function changeMemberRolesAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await changeMemberRoles(actor, input);
    if (result.ok) revalidateMembers(slug);
    return result;
  });
}

export async function removeMemberAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await removeMember(actor, input);
    if (result.ok) revalidateMembers(slug);
    return result;
  });
}

export async function transferOwnershipAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await transferOwnership(actor, input);
    if (result.ok) revalidatePath(`/w/${slug}`, "layout");
    return result;
  });
}
