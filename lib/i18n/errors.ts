import { createTranslator } from "next-intl";
import type { Result } from "@/lib/result";
import { errorKey } from "./error-key";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { loadMessages, type Messages } from "./messages";
import { readFileSync } from "node:fs";
import path from "node:path";

/*
 * The console's translation of lib/'s messages (server side). lib/ speaks English, as the Open
 * API answers; a server action's result is translated once, at the boundary to the browser:
 * runWorkspaceAction, the language action and the login page. A message is found by its
 * English text: exactly (`Errors.messages`, keyed by errorKey), else as one of the patterns in
 * `Errors.templates` (its English text with `{placeholders}` compiled to a regular
 * expression), else as `field: message` (invalidInput's first error), else unchanged.
 */

/** English text in, the reader's language out. */
export type ErrorTranslator = (message: string) => string;

/**
 * The English source text, read as written: the bundler compiles the message files (next.config
 * precompile), and the templates below need the English strings themselves.
 */
const en = JSON.parse(readFileSync(path.join(process.cwd(), "lib/i18n/messages/en.json"), "utf8")) as Messages;

/** Keeps English: what tests and the Open API see. */
export const keepEnglish: ErrorTranslator = (message) => message;

type Template = { name: string; regex: RegExp; args: string[] };

/** Each English template as an anchored regular expression, longest literal text first. */
const TEMPLATES: Template[] = Object.entries(en.Errors.templates as Record<string, string>)
  .map(([name, text]) => {
    const args: string[] = [];
    const source = text
      .split(/(\{\w+\})/)
      .map((part) => {
        const arg = /^\{(\w+)\}$/.exec(part);
        if (!arg) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        args.push(arg[1]!);
        return "(.+?)";
      })
      .join("");
    return { name, regex: new RegExp(`^${source}$`, "s"), args, literal: text.replace(/\{\w+\}/g, "").length };
  })
  .sort((a, b) => b.literal - a.literal);

type Translate = ReturnType<typeof createTranslator<Messages, "Errors">>;
type Common = ReturnType<typeof createTranslator<Messages, "Common">>;

/** The English names of built-in roles and plans, to say them in the reader's language. */
function named(table: Record<string, string>, value: string, say: (key: string) => string): string {
  const key = Object.entries(table).find(([, english]) => english === value)?.[0];
  return key ? say(key) : value;
}

/** "2 members (Ann, Bo and 3 more) and 1 API key (ci)": describeUsage's sentence part. */
function usage(value: string, t: Translate): string {
  const names = (list: string) => {
    const more = /^(.*) and (\d+) more$/s.exec(list);
    return more ? t("usage.more", { names: more[1]!, count: Number(more[2]) }) : list;
  };
  const found = /^(?:(\d+) members? \((.*?)\))?(?: and )?(?:(\d+) API keys? \((.*)\))?$/s.exec(value);
  if (!found || (!found[1] && !found[3])) return value;
  const members = found[1] ? t("usage.members", { count: Number(found[1]), names: names(found[2]!) }) : null;
  const keys = found[3] ? t("usage.keys", { count: Number(found[3]), names: names(found[4]!) }) : null;
  return members && keys ? t("usage.both", { members, keys }) : (members ?? keys)!;
}

/** A translator of lib/ messages into `messages`' language (`Errors` and `Common` namespaces). */
export function createErrorTranslator(locale: Locale, messages: Messages): ErrorTranslator {
  if (locale === DEFAULT_LOCALE) return keepEnglish;
  const t = createTranslator({ locale, messages, namespace: "Errors" });
  const common: Common = createTranslator({ locale, messages, namespace: "Common" });
  const values: Record<string, (value: string) => string> = {
    role: (v) => named(en.Common.roles, v, (k) => common(`roles.${k}` as Parameters<Common>[0])),
    current: (v) => named(en.Common.plans, v, (k) => common(`plans.${k}` as Parameters<Common>[0])),
    plan: (v) => named(en.Common.plans, v, (k) => common(`plans.${k}` as Parameters<Common>[0])),
    usage: (v) => usage(v, t),
  };
  const translate: ErrorTranslator = (message) => {
    const key = errorKey(message);
    const exact = key && `messages.${key}`;
    if (exact && t.has(exact as Parameters<Translate["has"]>[0])) return t(exact as Parameters<Translate>[0]);
    for (const template of TEMPLATES) {
      const found = template.regex.exec(message);
      if (!found) continue;
      const args = Object.fromEntries(template.args.map((arg, i) => [arg, (values[arg] ?? keepEnglish)(found[i + 1]!)]));
      return t(`templates.${template.name}` as Parameters<Translate>[0], args);
    }
    // invalidInput's "field: message": the field is a name in the request, the message is ours.
    const prefixed = /^([A-Za-z_][\w.]*): (.+)$/s.exec(message);
    if (prefixed) {
      const inner = translate(prefixed[2]!);
      if (inner !== prefixed[2]) return `${prefixed[1]}: ${inner}`;
    }
    return message;
  };
  return (message) => {
    try {
      return translate(message);
    } catch {
      // A broken translation never hides the error: English it is.
      return message;
    }
  };
}

/** The translator of a locale, its messages loaded. */
export async function errorTranslator(locale: Locale): Promise<ErrorTranslator> {
  if (locale === DEFAULT_LOCALE) return keepEnglish;
  return createErrorTranslator(locale, await loadMessages(locale));
}

/** A result with its error and every field error in the reader's language. */
export function translateResult<T>(result: Result<T>, translate: ErrorTranslator): Result<T> {
  if (result.ok || translate === keepEnglish) return result;
  const fieldErrors = result.fieldErrors && Object.fromEntries(Object.entries(result.fieldErrors).map(([field, message]) => [field, translate(message)]));
  return { ...result, error: translate(result.error), ...(fieldErrors ? { fieldErrors } : {}) };
}

/**
 * The translator of the current request's language (next-intl's request locale: the user's
 * choice, else Accept-Language). Outside a Next request (unit tests) it keeps English.
 */
export async function requestErrorTranslator(): Promise<ErrorTranslator> {
  try {
    const { getLocale } = await import("next-intl/server");
    return await errorTranslator((await getLocale()) as Locale);
  } catch {
    return keepEnglish;
  }
}
