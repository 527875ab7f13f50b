"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction, type ActionContext } from "@/lib/auth/action";
import { actorFromMembership } from "@/lib/keys/actor";
import { addMember, changeMemberRoles, removeMember, transferOwnership } from "@/lib/members/rules";

const actorOf = ({ membership, user, ip }: ActionContext) => actorFromMembership(membership, user, ip);

function revalidateMembers(slug: string) {
  revalidatePath(`/w/${slug}/members`);
  // Keys of a removed or re-roled member change status and power on the API Keys page too.
  revalidatePath(`/w/${slug}/api-keys`);
}

export async function addMemberAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (ctx) => {
    const result = await addMember(actorOf(ctx), input);
    if (result.ok) revalidateMembers(slug);
    return result;
  });
}

export async function changeMemberRolesAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (ctx) => {
    const result = await changeMemberRoles(actorOf(ctx), input);
    if (result.ok) revalidateMembers(slug);
    return result;
  });
}

export async function removeMemberAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (ctx) => {
    const result = await removeMember(actorOf(ctx), input);
    if (result.ok) revalidateMembers(slug);
    return result;
  });
}

export async function transferOwnershipAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (ctx) => {
    const result = await transferOwnership(actorOf(ctx), input);
    if (result.ok) revalidatePath(`/w/${slug}`, "layout");
    return result;
  });
}
