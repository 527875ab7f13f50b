"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction, type ActionContext } from "@/lib/auth/action";
import { actorFromMembership } from "@/lib/keys/actor";
import { createRole, deleteRole, updateRole } from "@/lib/roles/rules";

const actorOf = ({ membership, user, ip }: ActionContext) => actorFromMembership(membership, user, ip);

function revalidateRoles(slug: string) {
  revalidatePath(`/w/${slug}/roles`);
  revalidatePath(`/w/${slug}/members`);
}

export async function createRoleAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (ctx) => {
    const result = await createRole(actorOf(ctx), input);
    if (result.ok) revalidateRoles(slug);
    return result;
  });
}

export async function updateRoleAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (ctx) => {
    const result = await updateRole(actorOf(ctx), input);
    // Keys holding the role may have gained or lost permissions: every page of the workspace.
    if (result.ok) revalidatePath(`/w/${slug}`, "layout");
    return result;
  });
}

export async function deleteRoleAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (ctx) => {
    const result = await deleteRole(actorOf(ctx), input);
    if (result.ok) revalidateRoles(slug);
    return result;
  });
}
