import { useTranslations } from "next-intl";
import { errorKey } from "@/lib/i18n/error-key";

/**
 * A validation or server message in the reader's language: lib/'s English text (a zod message
 * made in the browser, NETWORK_ERROR) is found in `Errors.messages` by its text; one the server
 * already translated, or one we have no entry for, is shown as it is.
 */
export function useErrorMessage(): (message: string) => string {
  const t = useTranslations("Errors.messages");
  return (message) => {
    const key = errorKey(message) as Parameters<typeof t>[0] | null;
    return key && t.has(key) ? t(key) : message;
  };
}
