import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { getAuthOptions } from "./options";

export type SessionUser = { id: string; email: string; name: string };

/** The signed-in user, checked against the database (a deleted user's cookie counts for nothing). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [user] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return user ?? null;
}
