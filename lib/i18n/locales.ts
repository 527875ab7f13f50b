import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

/**
 * The console's languages. Adding one is a message file (messages/<locale>.json, every key of
 * en.json) and a line here; the test in messages.test.ts fails until the file is complete.
 */
export const LOCALES = ["en", "zh-CN", "uk"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language under its own name, as the "Language" menu lists it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文", uk: "Українська" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

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
