import { z } from "zod";
import { AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE_MAX } from "@/lib/audit/queries";
import { auditLogQuerySchema } from "./audit-log";

/** POST /api/v1/keys/verify: a key some caller presented to one of the workspace's services. */
export const verifyKeyRequestSchema = z.object({
  key: z
    .string({ error: "Key is required (a string)" })
    .min(1, "Key is required")
    .max(200, "Key must be at most 200 characters")
    .meta({ description: "The secret someone presented, e.g. in an X-Api-Key header" }),
});

export type VerifyKeyRequest = z.output<typeof verifyKeyRequestSchema>;

/** GET /api/v1/audit-log: the console's filters, plus a page size. */
export const auditLogApiQuerySchema = auditLogQuerySchema.extend({
  limit: z.coerce
    .number({ error: "Limit must be a number" })
    .int("Limit must be a whole number")
    .min(1, "Limit must be at least 1")
    .max(AUDIT_PAGE_SIZE_MAX, `Limit must be at most ${AUDIT_PAGE_SIZE_MAX}`)
    .optional()
    .default(AUDIT_PAGE_SIZE)
    .meta({ description: `Events per page (1–${AUDIT_PAGE_SIZE_MAX})` }),
});
