"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction } from "@/lib/auth/action";
import { actorFromMembership } from "@/lib/keys/actor";
import { createApiKey, deleteApiKey, modifyApiKey, revealApiKeySecret } from "@/lib/keys/rules";
import type { ActionContext } from "@/lib/auth/action";
import type { Result } from "@/lib/result";

const actorOf = ({ membership, user, ip }: ActionContext) => actorFromMembership(membership, user, ip);

function revalidateKeys(slug: string, keyId?: string) {
  revalidatePath(`/w/${slug}/api-keys`);
  if (keyId) revalidatePath(`/w/${slug}/api-keys/${keyId}`);
}

export async function createApiKeyAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (ctx) => {
    const result = await createApiKey(actorOf(ctx), input);
    if (result.ok) revalidateKeys(slug);
    return result;
  });
}

export async function modifyApiKeyAction(slug: string, keyId: string, input: unknown) {
  return withWorkspaceAction(slug, async (ctx) => {
    const result = await modifyApiKey(actorOf(ctx), String(keyId), input);
    if (result.ok) revalidateKeys(slug, result.data.id);
    return result;
  });
}

export async function deleteApiKeyAction(slug: string, keyId: string) {
  return withWorkspaceAction(slug, async (ctx) => {
    const result = await deleteApiKey(actorOf(ctx), String(keyId));
    if (result.ok) revalidateKeys(slug);
    return result;
  });
}

/** Fetches a secret on demand ("Reveal", "Copy key"): the page itself never holds one. */
export async function revealApiKeySecretAction(
  slug: string,
  keyId: string,
  purpose: "reveal" | "copy",
): Promise<Result<{ secret: string | null }>> {
  return withWorkspaceAction(slug, (ctx) => revealApiKeySecret(actorOf(ctx), String(keyId), purpose));
}
