"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction } from "@/lib/auth/action";
import { createRole, deleteRole, updateRole } from "@/lib/roles/rules";

function revalidateRoles(slug: string) {
  revalidatePath(`/w/${slug}/roles`);
  revalidatePath(`/w/${slug}/members`);
}

export async function createRoleAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await createRole(actor, input);
    if (result.ok) revalidateRoles(slug);
    return result;
  });
}

export async function updateRoleAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await updateRole(actor, input);
    // Keys holding the role may have gained or lost permissions: every page of the workspace.
    if (result.ok) revalidatePath(`/w/${slug}`, "layout");
    return result;
  });
}

export async function deleteRoleAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await deleteRole(actor, input);
    if (result.ok) revalidateRoles(slug);
    return result;
  });
}
