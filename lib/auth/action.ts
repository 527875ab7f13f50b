import { headers } from "next/headers";
import { log } from "@/lib/log";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip";
import { actorFromMembership } from "@/lib/auth/actor";
import type { KeyActor } from "@/lib/keys/types";
import { keepEnglish, requestErrorTranslator, translateResult, type ErrorTranslator } from "@/lib/i18n/errors";
import { fail, type Result } from "@/lib/result";
import { loadMembershipBySlug, type Membership } from "./membership";
import { findSessionUser, getSessionUserId, type SessionUser } from "./session";

export type ActionContext = { user: SessionUser; membership: Membership; ip: string | null };

/** An action's body: gets the signed-in member as the domain's actor, built once here. */
export type ActionBody<T> = (actor: KeyActor, ctx: ActionContext) => Promise<Result<T>>;

/**
 * What the wrapper needs from the incoming request: the session's user id, the client's
 * address, and the reader's language for a refusal's message (English when absent).
 */
export type ActionRequest = { sessionUserId: string | null; ip: string | null; translate?: ErrorTranslator };

async function readNextRequest(): Promise<ActionRequest> {
  const [sessionUserId, requestHeaders, translate] = await Promise.all([getSessionUserId(), headers(), requestErrorTranslator()]);
  return { sessionUserId, ip: requestHeaders.get(CLIENT_IP_HEADER), translate };
}

/**
 * The one wrapper of every server action: loads the session and the membership of `slug`
 * (server actions are public POST endpoints: nothing is assumed from the page), runs the
 * action with that member as its actor, and turns anything unexpected into a generic error instead of a thrown one.
 * Input validation happens in the domain function with the shared zod schema. A failure's
 * messages (lib/ speaks English) reach the console in the reader's language.
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
  let translate: ErrorTranslator = keepEnglish;
  try {
    const request = await readRequest();
    translate = request.translate ?? keepEnglish;
    return translateResult(await runAs(request, slug, run), translate);
  } catch (err) {
    log("error", "server action failed", { err });
    return translateResult(fail("internal", "Something went wrong. Nothing was changed; try again."), translate);
  }
}

async function runAs<T>(request: ActionRequest, slug: unknown, run: ActionBody<T>): Promise<Result<T>> {
  const user = await findSessionUser(request.sessionUserId);
  if (!user) return fail("unauthenticated", "Your session has ended. Sign in again.");
  if (typeof slug !== "string" || slug.length > 100) return fail("not_found", "Workspace not found");
  const membership = await loadMembershipBySlug(user.id, slug);
  if (!membership) return fail("not_found", "Workspace not found");
  return await run(actorFromMembership(membership, user, request.ip), { user, membership, ip: request.ip });
}
