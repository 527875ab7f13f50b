import { z } from "zod";

/**
 * Field atoms shared by every form and the Open API: one set of text rules, one set of messages.
 * Lengths count Unicode code points, as SPEC §2 does.
 */

// C0 and C1 control characters, DEL included.
const CONTROL = /\p{Cc}/u;
// The same, minus tab and line feed: what a multi-line description may keep.
const CONTROL_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// Invisible format characters (Unicode category Cf: U+200B, U+202E bidi overrides, U+FEFF…) and the
// line and paragraph separators: they let a name look like another in the list and the audit log.
const INVISIBLE = /[\p{Cf}\u2028\u2029]/u;

export const codePoints = (value: string): number => [...value].length;

/** A missing value is "required"; a value of the wrong type (an API client's mistake) says so. */
export const requiredOr = (missing: string, wrongType: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? missing : wrongType;

type TextRules = { label: string; max: number; required: boolean; multiline: boolean };

function text({ label, max, required, multiline }: TextRules) {
  const base = z.string({ error: requiredOr(`${label} is required`, `${label} must be text`) }).trim();
  return (required ? base.min(1, `${label} is required`) : base)
    .refine((v) => codePoints(v) <= max, `${label} must be at most ${max} characters`)
    .refine((v) => !(multiline ? CONTROL_BUT_TAB_AND_NEWLINE : CONTROL).test(v), `${label} must not contain control characters`)
    .refine((v) => !INVISIBLE.test(v), `${label} must not contain invisible or direction-changing characters (such as U+200B or U+202E)`)
    .meta({
      // What the refinements enforce, for openapi.json (JSON Schema counts code points too).
      ...(required ? { minLength: 1 } : {}),
      maxLength: max,
      description:
        `${label}: ${required ? "required, " : ""}trimmed, at most ${max} characters; no control characters` +
        `${multiline ? " but tab and newline" : ""}, no invisible or direction-changing ones (Unicode Cf, U+2028, U+2029)`,
    });
}

/** A name shown in lists and the audit log: trimmed, 1–`max` code points, one visible line. */
export function displayName({ label = "Name", max, required = true }: { label?: string; max: number; required?: boolean }) {
  return text({ label, max, required, multiline: false });
}

/** Free text under a name: trimmed, at most `max` code points; tabs and newlines are kept. */
export function description({ label = "Description", max }: { label?: string; max: number }) {
  return text({ label, max, required: false, multiline: true });
}

/** Roles to grant: 1–20 role ids, duplicates dropped. */
export const roleIdsSchema = z
  .array(z.uuid({ error: "Unknown role" }), { error: requiredOr("Select at least one role", "Roles must be a list of role ids") })
  .min(1, "Select at least one role")
  .max(20, "Select at most 20 roles")
  .transform((ids) => [...new Set(ids)])
  .meta({ description: "Ids of the workspace roles to grant (1–20): the permissions are their union" });

/** Text of a search box or URL parameter: a NUL or control character is refused, never sent to the database. */
export function queryText({ label, max }: { label: string; max: number }) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !CONTROL.test(v), `${label} must not contain control characters`)
    .meta({ maxLength: max });
}
