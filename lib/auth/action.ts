import { headers } from "next/headers";
import { log } from "@/lib/log";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip";
import { actorFromMembership } from "@/lib/auth/actor";
import type { KeyActor } from "@/lib/keys/types";
import { fail, type Result } from "@/lib/result";
import { loadMembershipBySlug, type Membership } from "./membership";
import { findSessionUser, getSessionUserId, type SessionUser } from "./session";

export type ActionContext = { user: SessionUser; membership: Membership; ip: string | null };

/** An action's body: gets the signed-in member as the domain's actor, built once here. */
export type ActionBody<T> = (actor: KeyActor, ctx: ActionContext) => Promise<Result<T>>;

/** What the wrapper needs from the incoming request: the session's user id and the client's address. */
export type ActionRequest = { sessionUserId: string | null; ip: string | null };

async function readNextRequest(): Promise<ActionRequest> {
  const [sessionUserId, requestHeaders] = await Promise.all([getSessionUserId(), headers()]);
  return { sessionUserId, ip: requestHeaders.get(CLIENT_IP_HEADER) };
}

/**
 * The one wrapper of every server action: loads the session and the membership of `slug`
 * (server actions are public POST endpoints: nothing is assumed from the page), runs the
 * action with that member as its actor, and turns anything unexpected into a generic error instead of a thrown one.
 * Input validation happens in the domain function with the shared zod schema.
 */
export async function withWorkspaceAction<T>(
  slug: unknown,
  run: ActionBody<T>,
): Promise<Result<T>> {
  return runWorkspaceAction(readNextRequest, slug, run);
}

/**
 * `withWorkspaceAction` with the request read by `readRequest`: Next's session and headers
 * exist only inside a request, so tests drive every branch (no session, a deleted user, not a
 * member) through this, against the real database.
 */
export async function runWorkspaceAction<T>(
  readRequest: () => Promise<ActionRequest>,
  slug: unknown,
  run: ActionBody<T>,
): Promise<Result<T>> {
  try {
    const request = await readRequest();
    const user = await findSessionUser(request.sessionUserId);
    if (!user) return fail("unauthenticated", "Your session has ended. Sign in again.");
    if (typeof slug !== "string" || slug.length > 100) return fail("not_found", "Workspace not found");
    const membership = await loadMembershipBySlug(user.id, slug);
    if (!membership) return fail("not_found", "Workspace not found");
    return await run(actorFromMembership(membership, user, request.ip), { user, membership, ip: request.ip });
  } catch (err) {
    log("error", "server action failed", { err });
    return fail("internal", "Something went wrong. Nothing was changed; try again.");
  }
}
