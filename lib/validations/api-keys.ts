import { z } from "zod";
import { description, displayName, queryText, roleIdsSchema } from "./common";
import { apiKeyCursorSchema } from "./cursors";
import { ipAllowlistSchema, rateLimitSchema } from "@/lib/keys/restrictions";
import { keyStatusFilterSchema } from "./key-lifecycle";

export const API_KEY_NAME_MAX = 50;
export const API_KEY_DESCRIPTION_MAX = 200;
export const API_KEYS_PAGE_SIZE = 50;

export const apiKeyNameSchema = displayName({ max: API_KEY_NAME_MAX });

export const apiKeyDescriptionSchema = description({ max: API_KEY_DESCRIPTION_MAX });

export const apiKeyRoleIdsSchema = roleIdsSchema;

/** null = Permanent; otherwise an ISO 8601 instant that must lie in the future when submitted. */
export const apiKeyExpiresAtSchema = z
  .union([z.null(), z.iso.datetime({ offset: true, error: "Expiry must be a date and time" })], {
    error: "Expiry must be a date and time, or null for Permanent",
  })
  .refine((v) => v === null || Date.parse(v) > Date.now(), "Expiry must be in the future")
  .transform((v) => (v === null ? null : new Date(v)))
  .meta({ description: "When the key stops working: a future ISO 8601 instant, or null for Permanent (the default)" });

/** SPEC §13: a decoy never authorizes anything; any use is recorded and raises an alert. */
export const apiKeyDecoySchema = z
  .boolean({ error: "Decoy must be true or false" })
  .optional()
  .default(false)
  .meta({ description: "A decoy key: refused exactly like an unknown key, each use recorded (`api_key.decoy_used`)" });

export const createApiKeySchema = z.strictObject({
  name: apiKeyNameSchema,
  description: apiKeyDescriptionSchema.optional().default(""),
  roleIds: apiKeyRoleIdsSchema,
  expiresAt: apiKeyExpiresAtSchema.optional().default(null),
  ipAllowlist: ipAllowlistSchema.optional().default([]),
  rateLimit: rateLimitSchema.optional().default(null),
  decoy: apiKeyDecoySchema,
});

export const modifyApiKeySchema = z
  .strictObject({
    name: apiKeyNameSchema.optional(),
    description: apiKeyDescriptionSchema.optional(),
    roleIds: apiKeyRoleIdsSchema.optional(),
    expiresAt: apiKeyExpiresAtSchema.optional(),
    ipAllowlist: ipAllowlistSchema.optional(),
    rateLimit: rateLimitSchema.optional(),
    enabled: z
      .boolean({ error: "Enabled must be true or false" })
      .optional()
      .meta({ description: "false disables the key (refused with 401 disabled_api_key); true enables it again" }),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change")
  .meta({ minProperties: 1, description: "Only the fields to change" });

/** Orders of the key list; "-" descending. The owner key stays pinned first for the Owner. */
export const API_KEY_SORTS = ["-created", "created", "name", "-name"] as const;
export type ApiKeySort = (typeof API_KEY_SORTS)[number];

// Not strict: an unknown URL parameter is ignored (integrators add one to tell identical signed requests apart).
export const listApiKeysSchema = z.object({
  q: queryText({ label: "Search", max: 100 })
    .optional()
    .default("")
    .meta({ description: "Search in names (substring first, then typo-tolerant)" }),
  createdBy: z
    .enum(["anyone", "me"], { error: "Created by must be anyone or me" })
    .optional()
    .default("anyone")
    .meta({ description: "`me`: only keys created by this key's creator" }),
  status: keyStatusFilterSchema,
  cursor: z
    .union([z.literal(""), apiKeyCursorSchema], { error: "Invalid cursor" })
    .optional()
    .meta({ description: "`nextCursor` or `prevCursor` of the previous page" }),
  limit: z.coerce
    .number({ error: "Limit must be a number" })
    .int("Limit must be a whole number")
    .min(1, "Limit must be at least 1")
    .max(100, "Limit must be at most 100")
    .optional()
    .default(API_KEYS_PAGE_SIZE)
    .meta({ description: "Keys per page (1–100)" }),
  sort: z
    .enum(API_KEY_SORTS, { error: `Sort must be one of ${API_KEY_SORTS.join(", ")}` })
    .optional()
    .default("-created")
    .meta({ description: "Order of the list: by creation time or name, `-` for descending. A search (`q`) is ordered by relevance instead." }),
});

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
export type CreateApiKeyData = z.output<typeof createApiKeySchema>;
export type ModifyApiKeyInput = z.input<typeof modifyApiKeySchema>;
export type ModifyApiKeyData = z.output<typeof modifyApiKeySchema>;
export type ListApiKeysInput = z.input<typeof listApiKeysSchema>;
export type ListApiKeysData = z.output<typeof listApiKeysSchema>;
