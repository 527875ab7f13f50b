"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { requestErrorTranslator, translateResult } from "@/lib/i18n/errors";
import { setUserLocale } from "@/lib/i18n/user-locale";
import { log } from "@/lib/log";
import { fail } from "@/lib/result";

/** The header's "Language" menu: the signed-in user's language, kept on the user. */
export async function setLanguageAction(input: unknown) {
  // A refusal is said in the language the page is in (the one being left).
  return translateResult(await setLanguage(input), await requestErrorTranslator());
}

async function setLanguage(input: unknown) {
  try {
    const user = await getSessionUser();
    if (!user) return fail("unauthenticated", "Your session has ended. Sign in again.");
    const result = await setUserLocale(user.id, input);
    // Every page's text changes: re-render them all with the new language.
    if (result.ok) revalidatePath("/", "layout");
    return result;
  } catch (err) {
    log("error", "server action failed", { err });
    return fail("internal", "Something went wrong. Nothing was changed; try again.");
  }
}
