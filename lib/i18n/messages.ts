import type { Locale } from "./locales";
import type en from "./messages/en.json";

/** The shape of every locale's messages: English is the source, the others have the same keys. */
export type Messages = typeof en;

/** One locale's messages: only that file is read (and sent to the browser by the provider). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await import(`./messages/${locale}.json`)).default as Messages;
}
