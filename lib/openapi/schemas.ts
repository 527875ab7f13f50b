import { z } from "zod";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { BUILT_IN_ROLES, PLANS } from "@/db/schema";

/** Response shapes of the Open API, for openapi.json (requests use the shared lib/validations schemas). */

const permission = z.enum(PERMISSIONS);
const instant = z.iso.datetime({ offset: true });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable machine-readable code, e.g. invalid_api_key" }),
      message: z.string(),
      field: z.string().optional().meta({ description: "invalid_request: the first field at fault" }),
      fields: z.record(z.string(), z.string()).optional(),
      permission: permission.optional().meta({ description: "forbidden: the permission needed" }),
    }),
  })
  .meta({ id: "Error" });

export const workspaceSummarySchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), plan: z.enum(PLANS) })
  .meta({ id: "Workspace" });

export const meSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    isOwnerKey: z.boolean(),
    workspace: workspaceSummarySchema,
    permissions: z.array(permission).meta({ description: "Effective permissions: the key's roles ∩ its creator's" }),
    expiresAt: instant.nullable(),
  })
  .meta({ id: "Me" });

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    hint: z.string(),
    isOwnerKey: z.boolean(),
    roles: z.array(z.object({ id: z.uuid(), name: z.string() })),
    createdAt: instant,
    expiresAt: instant.nullable(),
    lastUsedAt: instant.nullable(),
    lastUsedIp: z.string().nullable(),
    createdBy: z.object({ userId: z.uuid(), name: z.string(), email: z.string(), active: z.boolean() }),
    status: z.enum(["active", "expired", "inactive"]),
    secretStored: z.boolean(),
    can: z.object({ modify: z.boolean(), delete: z.boolean(), reveal: z.boolean() }),
  })
  .meta({ id: "ApiKey" });

export const apiKeyDetailsSchema = apiKeySchema
  .extend({ effectivePermissions: z.array(permission) })
  .meta({ id: "ApiKeyDetails" });

export const apiKeyPageSchema = z
  .object({
    items: z.array(apiKeySchema),
    total: z.int().meta({ description: "Matching keys; a search pages through at most 1,000 matches" }),
    totalCapped: z
      .boolean()
      .meta({ description: "A search matched more than 1,000 keys; only the first 1,000 are returned: narrow `q` to see the rest" }),
    nextCursor: z.string().nullable(),
    prevCursor: z.string().nullable(),
  })
  .meta({ id: "ApiKeyPage" });

export const createdApiKeySchema = z
  .object({ key: apiKeySchema, secret: z.string().meta({ description: "The full secret; shown once" }) })
  .meta({ id: "CreatedApiKey" });

export const deletedApiKeySchema = z
  .object({ id: z.string(), name: z.string(), deleted: z.literal(true) })
  .meta({ id: "DeletedApiKey" });

export const verifyKeyResponseSchema = z
  .object({
    valid: z.boolean(),
    code: z
      .enum(["invalid_api_key", "expired_api_key", "inactive_api_key"])
      .nullable()
      .meta({ description: "Why the key is refused; null when valid" }),
    keyId: z.string().nullable(),
    workspace: workspaceSummarySchema.nullable(),
    permissions: z.array(permission),
    expiresAt: instant.nullable(),
  })
  .meta({ id: "VerifyKeyResult" });

const roleRef = z.object({ id: z.uuid(), name: z.string(), builtIn: z.enum(BUILT_IN_ROLES).nullable() });

export const memberListSchema = z
  .object({
    items: z.array(
      z.object({
        memberId: z.uuid(),
        userId: z.uuid(),
        email: z.string(),
        name: z.string(),
        roles: z.array(roleRef),
        isOwner: z.boolean(),
        createdAt: instant,
      }),
    ),
  })
  .meta({ id: "MemberList" });

export const roleListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        description: z.string(),
        builtIn: z.enum(BUILT_IN_ROLES).nullable(),
        permissions: z.array(permission),
        memberCount: z.int(),
        keyCount: z.int(),
      }),
    ),
  })
  .meta({ id: "RoleList" });

export const auditLogPageSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        action: z.string().meta({ description: 'e.g. "api_key.create", "member.remove"' }),
        actorName: z.string(),
        actorUserId: z.uuid().nullable(),
        actorKeyId: z.string().nullable(),
        targetType: z.string(),
        targetId: z.string().nullable(),
        targetName: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
        ip: z.string().nullable(),
        createdAt: instant,
      }),
    ),
    nextCursor: z.string().nullable().meta({ description: "Older events" }),
    prevCursor: z.string().nullable().meta({ description: "Newer events" }),
  })
  .meta({ id: "AuditLogPage" });

export const workspaceDetailsSchema = workspaceSummarySchema
  .extend({
    requireSignedRequests: z
      .boolean()
      .meta({ description: "Whether every request must carry X-Timestamp and X-Signature (see the API description)" }),
  })
  .meta({ id: "WorkspaceDetails" });
