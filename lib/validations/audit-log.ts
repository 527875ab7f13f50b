import { z } from "zod";
import { auditCursorSchema } from "./cursors";

/** Filters of the audit log, from a URL's query (the page, the CSV export, the Open API); unknown parameters are ignored. */
export const auditLogQuerySchema = z.object({
  action: z
    .string()
    .trim()
    .max(100, "Action must be at most 100 characters")
    .regex(/^[a-z_.]*$/, "Unknown action")
    .optional()
    .transform((v) => v || undefined)
    .meta({ description: 'Only events of this action, e.g. "api_key.create"' }),
  actor: z
    .union([z.literal(""), z.uuid({ error: "Unknown actor" })])
    .optional()
    .transform((v) => v || undefined)
    .meta({ description: "Only events by this user id" }),
  cursor: z
    .union([z.literal(""), auditCursorSchema], { error: "Invalid cursor" })
    .optional()
    .transform((v) => v || undefined)
    .meta({ description: "`nextCursor` (older) or `prevCursor` (newer) of the previous page" }),
});

export type AuditLogQuery = z.output<typeof auditLogQuerySchema>;

/** The first value of each query parameter (Next gives arrays for repeated ones). */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
