import { headers } from "next/headers";
import { log } from "@/lib/log";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip";
import { fail, type Result } from "@/lib/result";
import { loadMembershipBySlug, type Membership } from "./membership";
import { getSessionUser, type SessionUser } from "./session";


export type ActionContext = { user: SessionUser; membership: Membership; ip: string | null };

/**
 * The one wrapper of every server action: loads the session and the membership of `slug`
 * (server actions are public POST endpoints: nothing is assumed from the page), runs the
 * action, and turns anything unexpected into a generic error instead of a thrown one.
 * Input validation happens in the domain function with the shared zod schema.
 */
export async function withWorkspaceAction<T>(
  slug: unknown,
  run: (ctx: ActionContext) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    const user = await getSessionUser();
    if (!user) return fail("unauthenticated", "Your session has ended. Sign in again.");
    if (typeof slug !== "string" || slug.length > 100) return fail("not_found", "Workspace not found");
    const membership = await loadMembershipBySlug(user.id, slug);
    if (!membership) return fail("not_found", "Workspace not found");
    const ip = (await headers()).get(CLIENT_IP_HEADER);
    return await run({ user, membership, ip });
  } catch (err) {
    log("error", "server action failed", { err });
    return fail("internal", "Something went wrong. Nothing was changed; try again.");
  }
}
