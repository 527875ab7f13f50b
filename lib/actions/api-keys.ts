"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction } from "@/lib/auth/action";
import { findKeyIdBySecret } from "@/lib/keys/list";
import { createApiKey, deleteApiKey, modifyApiKey, revealApiKeySecret } from "@/lib/keys/rules";
import type { Result } from "@/lib/result";

function revalidateKeys(slug: string, keyId?: string) {
  revalidatePath(`/w/${slug}/api-keys`);
  if (keyId) revalidatePath(`/w/${slug}/api-keys/${keyId}`);
}

export async function createApiKeyAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await createApiKey(actor, input);
    if (result.ok) revalidateKeys(slug);
    return result;
  });
}

export async function modifyApiKeyAction(slug: string, keyId: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await modifyApiKey(actor, String(keyId), input);
    if (result.ok) revalidateKeys(slug, result.data.id);
    return result;
  });
}

export async function deleteApiKeyAction(slug: string, keyId: string) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await deleteApiKey(actor, String(keyId));
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
  return withWorkspaceAction(slug, (actor) => revealApiKeySecret(actor, String(keyId), purpose));
}

/** The search box's look-up of a pasted secret, by hash, kept out of `?q=`. */
export async function findKeyBySecretAction(slug: string, secret: string): Promise<Result<{ keyId: string | null }>> {
  return withWorkspaceAction(slug, (actor) => findKeyIdBySecret(actor, secret));
}
