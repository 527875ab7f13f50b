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
