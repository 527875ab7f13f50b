import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";
import { negotiateLocale } from "./negotiate";
import { loadMessages } from "./messages";

/**
 * The request's language: the signed-in user's choice (header menu "Language"), else the
 * browser's Accept-Language, else English. Pages before sign-in follow the browser.
 */
export async function requestLocale(): Promise<Locale> {
  const user = await getSessionUser().catch(() => null);
  if (user && isLocale(user.locale)) return user.locale;
  return negotiateLocale((await headers()).get("accept-language"));
}

// next-intl's per-request configuration (next.config.mjs points its plugin here): server
// components read it through getTranslations(); NextIntlClientProvider in app/layout.tsx hands
// the same locale and only its messages to client components.
export default getRequestConfig(async () => {
  const locale = await requestLocale().catch(() => DEFAULT_LOCALE);
  return { locale, messages: await loadMessages(locale) };
});
