import { z } from "zod";

/**
 * Page cursors are opaque to clients but come back in URLs, so anyone can hand-edit one. Each is
 * decoded and checked here, value by value, so that nothing PostgreSQL would refuse (a NUL, an
 * impossible date, a number where a date belongs) ever reaches a query: a bad cursor is a 400
 * naming `cursor`, for the console and the Open API alike. Which page a valid cursor means is
 * the list's business (lib/keys/list.ts, lib/audit/queries.ts).
 */

const CURSOR_MAX = 200;
const INVALID = "Invalid cursor";
// What the lists' to_char(… 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') writes: microseconds, UTC.
const EXACT_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const CONTROL = /\p{Cc}/u;

/** A microsecond instant that exists on the calendar (no 2026-02-30, no hour 24, no year 0). */
export function isExactInstant(value: unknown): value is string {
  if (typeof value !== "string" || !EXACT_INSTANT.test(value) || value.startsWith("0000")) return false;
  const millis = Date.parse(value);
  return !Number.isNaN(millis) && new Date(millis).toISOString().slice(0, 23) === value.slice(0, 23);
}

const plainText = (max: number) => z.string().max(max).refine((v) => !CONTROL.test(v));

const apiKeyCursorValue = z.union([
  z.strictObject({ d: z.literal("offset"), o: z.int().min(0).max(1_000_000) }),
  z.strictObject({
    d: z.enum(["after", "before"]),
    s: z.string().max(20),
    v: z.union([z.tuple([z.string().refine(isExactInstant), plainText(100)]), z.tuple([plainText(CURSOR_MAX)])]),
  }),
]);

function decodedJson(raw: string): unknown {
  try {
    return JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

const cursorText = z.string({ error: "Cursor must be text" }).max(CURSOR_MAX, INVALID);

/** `cursor` of the API keys list: base64url JSON of a keyset position or a search offset. */
export const apiKeyCursorSchema = cursorText.refine((raw) => apiKeyCursorValue.safeParse(decodedJson(raw)).success, INVALID);

/** `cursor` of the audit log: base64url "o|n" + "|" + exact instant + "|" + event id. */
export const auditCursorSchema = cursorText.refine((raw) => {
  const [direction, createdAt, id, ...rest] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  return rest.length === 0 && (direction === "o" || direction === "n") && isExactInstant(createdAt) && /^\d{1,18}$/.test(id ?? "");
}, INVALID);
