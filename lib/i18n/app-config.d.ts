import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Typed keys: t("ApiKeys.title") checks against en.json at compile time, and a locale is one of LOCALES.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
