import { z } from "zod";

export const API_KEY_NAME_MAX = 50;
export const API_KEY_DESCRIPTION_MAX = 200;
export const API_KEYS_PAGE_SIZE = 50;

// C0 and C1 control characters, DEL included.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

// A missing value is "required"; a value of the wrong type (an API client's mistake) says so.
const requiredOr = (missing: string, wrongType: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? missing : wrongType;

export const apiKeyNameSchema = z
  .string({ error: requiredOr("Name is required", "Name must be text") })
  .trim()
  .min(1, "Name is required")
  .refine((v) => [...v].length <= API_KEY_NAME_MAX, `Name must be at most ${API_KEY_NAME_MAX} characters`)
  .refine((v) => !CONTROL_CHARACTERS.test(v), "Name must not contain control characters");

export const apiKeyDescriptionSchema = z
  .string({ error: "Description must be text" })
  .trim()
  .refine((v) => [...v].length <= API_KEY_DESCRIPTION_MAX, `Description must be at most ${API_KEY_DESCRIPTION_MAX} characters`)
  .refine((v) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v), "Description must not contain control characters");

export const apiKeyRoleIdsSchema = z
  .array(z.uuid({ error: "Unknown role" }), { error: requiredOr("Select at least one role", "Roles must be a list of role ids") })
  .min(1, "Select at least one role")
  .max(20, "Select at most 20 roles")
  .transform((ids) => [...new Set(ids)]);

/** null = Permanent; otherwise an ISO 8601 instant that must lie in the future when submitted. */
export const apiKeyExpiresAtSchema = z
  .union([z.null(), z.iso.datetime({ offset: true, error: "Expiry must be a date and time" })], {
    error: "Expiry must be a date and time, or null for Permanent",
  })
  .refine((v) => v === null || Date.parse(v) > Date.now(), "Expiry must be in the future")
  .transform((v) => (v === null ? null : new Date(v)));

export const createApiKeySchema = z.strictObject({
  name: apiKeyNameSchema,
  description: apiKeyDescriptionSchema.optional().default(""),
  roleIds: apiKeyRoleIdsSchema,
  expiresAt: apiKeyExpiresAtSchema.optional().default(null),
});

export const modifyApiKeySchema = z
  .strictObject({
    name: apiKeyNameSchema.optional(),
    description: apiKeyDescriptionSchema.optional(),
    roleIds: apiKeyRoleIdsSchema.optional(),
    expiresAt: apiKeyExpiresAtSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change");

export const keyIdSchema = z.string().regex(/^key_[0-9A-Za-z]{16}$/, "Unknown key");

/** Orders of the key list; "-" descending. The owner key stays pinned first for the Owner. */
export const API_KEY_SORTS = ["-created", "created", "name", "-name"] as const;
export type ApiKeySort = (typeof API_KEY_SORTS)[number];

export const listApiKeysSchema = z.strictObject({
  q: z.string().trim().max(100, "Search must be at most 100 characters").optional().default(""),
  createdBy: z.enum(["anyone", "me"]).optional().default("anyone"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().default(API_KEYS_PAGE_SIZE),
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
