import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";

// Server code only (lib/i18n/request.ts): kept apart from locales.ts, which the browser imports.

/**
 * The best of our languages for an Accept-Language header (RFC 4647 lookup with CLDR's
 * distances: "zh", "zh-Hans-CN" and "zh-SG" find zh-CN, "uk-UA" finds uk), else English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage || acceptLanguage.length > 1000) return DEFAULT_LOCALE;
  try {
    const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages().filter((l) => l !== "*");
    const found = match(requested, LOCALES, DEFAULT_LOCALE);
    return isLocale(found) ? found : DEFAULT_LOCALE;
  } catch {
    // A malformed tag (RangeError from Intl) counts as no preference.
    return DEFAULT_LOCALE;
  }
}
