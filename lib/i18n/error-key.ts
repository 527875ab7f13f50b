/**
 * The English text of a lib/ message is its id (gettext style): its key under
 * `Errors.messages` is the text's words in camelCase ("Name is required" → `nameIsRequired`).
 * Shared by the server's translator (lib/i18n/errors.ts) and the browser's (FieldError,
 * FormError), which finds a message with `t.has()` without the English catalog.
 */
export function errorKey(message: string): string | null {
  // Only English text has an id: an already translated message (or a name) passes through.
  if (!/^[\p{Script=Latin}\P{L}]*$/u.test(message)) return null;
  const words = message.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0 || !/[a-z]/.test(words.join(""))) return null;
  return words[0] + words.slice(1).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}
