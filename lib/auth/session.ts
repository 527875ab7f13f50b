import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { getAuthOptions } from "./options";

export type SessionUser = { id: string; email: string; name: string; locale: string | null };

/** The user id in the request's next-auth session (unchecked), or null when signed out. */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(getAuthOptions());
  return session?.user?.id ?? null;
}

/** The user behind a session's user id, checked against the database (a deleted user's cookie counts for nothing). */
export async function findSessionUser(id: string | null | undefined): Promise<SessionUser | null> {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [user] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return user ?? null;
}

/**
 * The signed-in user, checked against the database, once per request: the page, its layout and
 * the language of the request (lib/i18n/request.ts) share one query.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => findSessionUser(await getSessionUserId()));
