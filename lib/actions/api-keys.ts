"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction } from "@/lib/auth/action";
import { findKeyIdBySecret } from "@/lib/keys/list";
import { createApiKey, deleteApiKey, modifyApiKey, revealApiKeySecret } from "@/lib/keys/rules";
import { bulkApiKeys, expirePreviousSecret, rollApiKey, setApiKeyEnabled } from "@/lib/keys/rules";
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

/** SPEC §9.1: a new secret, the previous one kept for the grace chosen. The answer holds the new secret once. */
export async function rollApiKeyAction(slug: string, keyId: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await rollApiKey(actor, String(keyId), input);
    if (result.ok) revalidateKeys(slug, result.data.key.id);
    return result;
  });
}

/** SPEC §9.1 "Expire now". */
export async function expirePreviousSecretAction(slug: string, keyId: string) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await expirePreviousSecret(actor, String(keyId));
    if (result.ok) revalidateKeys(slug, result.data.id);
    return result;
  });
}

/** SPEC §9.2: disable (false) or enable (true). */
export async function setApiKeyEnabledAction(slug: string, keyId: string, enabled: boolean) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await setApiKeyEnabled(actor, String(keyId), enabled);
    if (result.ok) revalidateKeys(slug, result.data.id);
    return result;
  });
}

/** SPEC §9.3: delete, disable or enable the selected keys, each judged on its own. */
export async function bulkApiKeysAction(slug: string, input: unknown) {
  return withWorkspaceAction(slug, async (actor) => {
    const result = await bulkApiKeys(actor, input);
    if (result.ok) revalidateKeys(slug);
    return result;
  });
}
