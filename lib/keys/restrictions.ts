import { z } from "zod";
import { allowlistNeverMatches, isAllowlistEntry } from "./ip-allowlist";

/**
 * SPEC §10: the key's restrictions, "Allowed IP addresses" and "Rate limit". One set of zod
 * schemas, used by the create and modify rules (so the server action and the Open API route),
 * and by the dialogs' form.
 */

export const IP_ALLOWLIST_MAX = 50;
export const RATE_LIMIT_MAX = 1_000_000;
export const RATE_LIMIT_WINDOWS = ["second", "minute", "hour"] as const;
export type RateLimitWindow = (typeof RATE_LIMIT_WINDOWS)[number];
export type RateLimit = { limit: number; window: RateLimitWindow };

export const WINDOW_MS: Record<RateLimitWindow, number> = { second: 1_000, minute: 60_000, hour: 3_600_000 };

export const NEVER_MATCHES_MESSAGE = "No address is allowed by this list";
export const notAnAddress = (line: string) =>
  `Not an IP address or CIDR range: ${line.length > 64 ? `${line.slice(0, 64)}…` : line}`;
const TOO_MANY = `At most ${IP_ALLOWLIST_MAX} IP addresses or CIDR ranges`;

/** One line per entry; blank lines are dropped. */
export const allowlistLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const checkEntries = (lines: string[], ctx: z.RefinementCtx) => {
  if (lines.length > IP_ALLOWLIST_MAX) {
    ctx.addIssue({ code: "custom", message: TOO_MANY });
    return;
  }
  const bad = lines.find((l) => !isAllowlistEntry(l));
  if (bad !== undefined) ctx.addIssue({ code: "custom", message: notAnAddress(bad) });
};

/** The Open API field (and what the rules store): entries trimmed, blanks dropped, duplicates kept once. */
export const ipAllowlistSchema = z
  .array(z.string({ error: "Each allowed IP address must be a string" }).max(200, "An allowed IP address line is too long"), {
    error: "Allowed IP addresses must be a list of addresses or CIDR ranges",
  })
  .max(IP_ALLOWLIST_MAX * 4, TOO_MANY)
  .transform((list) => [...new Set(list.map((l) => l.trim()).filter(Boolean))])
  .superRefine(checkEntries)
  .meta({
    description: `IPv4 or IPv6 addresses or CIDR ranges the key may be used from, at most ${IP_ALLOWLIST_MAX}; empty: any address`,
    example: ["203.0.113.0/24", "2001:db8::/32"],
  });

/** The form's text area: one entry per line, the same rules. */
export const ipAllowlistTextSchema = z.string().max(10_000, TOO_MANY).transform(allowlistLines).pipe(ipAllowlistSchema);

export const rateLimitSchema = z
  .strictObject(
    {
      limit: z
        .number({ error: "Rate limit must be a number of requests" })
        .int("Rate limit must be a whole number")
        .min(1, "Rate limit must be at least 1")
        .max(RATE_LIMIT_MAX, "Rate limit must be at most 1,000,000")
        .meta({ description: "Requests allowed in any window of this length" }),
      window: z
        .enum(RATE_LIMIT_WINDOWS, { error: 'Rate limit window must be "second", "minute" or "hour"' })
        .meta({ description: "The window's length" }),
    },
    { error: "Rate limit must be {limit, window} or null for no limit" },
  )
  .nullable()
  .meta({ description: "At most `limit` successful requests in any window of this length; null: no limit (the default)" });

/** What a dialog shows under the list when it can never match (the admin may still save it). */
export const allowlistWarning = (lines: readonly string[]): string | null =>
  allowlistNeverMatches(lines) ? NEVER_MATCHES_MESSAGE : null;

export const describeRateLimit = (rule: RateLimit | null): string =>
  rule ? `${rule.limit.toLocaleString("en-US")} ${rule.limit === 1 ? "request" : "requests"} per ${rule.window}` : "No limit";

/** The columns a key's restrictions are stored in, from the rules' input. */
export function restrictionColumns(data: { ipAllowlist?: string[]; rateLimit?: RateLimit | null }) {
  return {
    ...(data.ipAllowlist !== undefined ? { ipAllowlist: data.ipAllowlist } : {}),
    ...(data.rateLimit !== undefined
      ? { rateLimit: data.rateLimit?.limit ?? null, rateLimitWindow: data.rateLimit?.window ?? null }
      : {}),
  };
}

export const rateLimitOf = (row: { rateLimit: number | null; rateLimitWindow: string | null }): RateLimit | null =>
  row.rateLimit !== null && (RATE_LIMIT_WINDOWS as readonly string[]).includes(row.rateLimitWindow ?? "")
    ? { limit: row.rateLimit, window: row.rateLimitWindow as RateLimitWindow }
    : null;

type Changes = Record<string, { from: unknown; to: unknown }>;

/** Modify: the column updates and audit from/to of the restrictions that really change. */
export function planRestrictionChanges(
  key: { ipAllowlist: string[]; rateLimit: number | null; rateLimitWindow: string | null },
  data: { ipAllowlist?: string[]; rateLimit?: RateLimit | null },
): { update: ReturnType<typeof restrictionColumns>; changes: Changes } {
  const changes: Changes = {};
  const next: { ipAllowlist?: string[]; rateLimit?: RateLimit | null } = {};
  if (data.ipAllowlist !== undefined && data.ipAllowlist.join("\n") !== key.ipAllowlist.join("\n")) {
    next.ipAllowlist = data.ipAllowlist;
    changes.ipAllowlist = { from: key.ipAllowlist, to: data.ipAllowlist };
  }
  const before = rateLimitOf(key);
  if (data.rateLimit !== undefined && JSON.stringify(data.rateLimit) !== JSON.stringify(before)) {
    next.rateLimit = data.rateLimit;
    changes.rateLimit = { from: describeRateLimit(before), to: describeRateLimit(data.rateLimit) };
  }
  return { update: restrictionColumns(next), changes };
}
