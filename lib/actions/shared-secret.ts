"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction } from "@/lib/auth/action";
import type { Result } from "@/lib/result";
import {
  createSharedSecret,
  revealSharedSecret,
  rotateSharedSecret,
  setRequireSignedRequests,
  type SharedSecretStatus,
} from "@/lib/signing/shared-secret";

function afterWrite(slug: string, result: Result<SharedSecretStatus>) {
  if (result.ok) revalidatePath(`/w/${slug}/settings`);
  return result;
}

export async function createSharedSecretAction(slug: string): Promise<Result<SharedSecretStatus>> {
  return withWorkspaceAction(slug, async (actor) => afterWrite(slug, await createSharedSecret(actor)));
}

/** Fetches the secret on demand ("Reveal", "Copy"): the page itself never holds it. */
export async function revealSharedSecretAction(slug: string, purpose: "reveal" | "copy"): Promise<Result<{ secret: string }>> {
  return withWorkspaceAction(slug, (actor) => revealSharedSecret(actor, purpose));
}

export async function rotateSharedSecretAction(slug: string, input: unknown): Promise<Result<SharedSecretStatus>> {
  return withWorkspaceAction(slug, async (actor) => afterWrite(slug, await rotateSharedSecret(actor, input)));
}

export async function setRequireSignedRequestsAction(slug: string, input: unknown): Promise<Result<SharedSecretStatus>> {
  return withWorkspaceAction(slug, async (actor) => afterWrite(slug, await setRequireSignedRequests(actor, input)));
}
