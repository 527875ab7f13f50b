"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction, type ActionContext } from "@/lib/auth/action";
import { actorFromMembership } from "@/lib/keys/actor";
import type { Result } from "@/lib/result";
import {
  createSharedSecret,
  revealSharedSecret,
  rotateSharedSecret,
  setRequireSignedRequests,
  type SharedSecretStatus,
} from "@/lib/signing/shared-secret";

const actorOf = ({ membership, user, ip }: ActionContext) => actorFromMembership(membership, user, ip);

function afterWrite(slug: string, result: Result<SharedSecretStatus>) {
  if (result.ok) revalidatePath(`/w/${slug}/settings`);
  return result;
}

export async function createSharedSecretAction(slug: string): Promise<Result<SharedSecretStatus>> {
  return withWorkspaceAction(slug, async (ctx) => afterWrite(slug, await createSharedSecret(actorOf(ctx))));
}

/** Fetches the secret on demand ("Reveal", "Copy"): the page itself never holds it. */
export async function revealSharedSecretAction(slug: string, purpose: "reveal" | "copy"): Promise<Result<{ secret: string }>> {
  return withWorkspaceAction(slug, (ctx) => revealSharedSecret(actorOf(ctx), purpose));
}

export async function rotateSharedSecretAction(slug: string, input: unknown): Promise<Result<SharedSecretStatus>> {
  return withWorkspaceAction(slug, async (ctx) => afterWrite(slug, await rotateSharedSecret(actorOf(ctx), input)));
}

export async function setRequireSignedRequestsAction(slug: string, input: unknown): Promise<Result<SharedSecretStatus>> {
  return withWorkspaceAction(slug, async (ctx) => afterWrite(slug, await setRequireSignedRequests(actorOf(ctx), input)));
}
