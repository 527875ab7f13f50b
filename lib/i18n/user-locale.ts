import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import { LOCALES, type Locale } from "./locales";

export const userLocaleSchema = z.strictObject({
  locale: z.enum(LOCALES, { error: `Language must be one of ${LOCALES.join(", ")}` }),
});

/** Keeps a user's console language (the header's "Language" menu): it follows them to every browser and sign-in. */
export async function setUserLocale(userId: string, input: unknown): Promise<Result<{ locale: Locale }>> {
  const parsed = userLocaleSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const updated = await getDb().update(users).set({ locale: parsed.data.locale }).where(eq(users.id, userId)).returning({ id: users.id });
  if (updated.length === 0) return fail("unauthenticated", "Your session has ended. Sign in again.");
  return ok({ locale: parsed.data.locale });
}
