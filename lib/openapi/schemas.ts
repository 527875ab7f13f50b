import { z } from "zod";
import { BUILT_IN_ROLES, PLANS } from "@/db/schema";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { SECRET_LENGTH, SECRET_PREFIX } from "@/lib/keys/format";
import { IP_ALLOWLIST_MAX, RATE_LIMIT_MAX, RATE_LIMIT_WINDOWS } from "@/lib/keys/restrictions";
import type { ApiErrorCode } from "./errors";

/** Response shapes of the Open API, for openapi.json (requests use the shared lib/validations schemas). */

const about = <S extends z.ZodType>(schema: S, description: string): S => schema.meta({ description });

const permission = about(z.enum(PERMISSIONS), "A permission, e.g. api_keys:read");
const instant = z.iso.datetime({ offset: true });
const at = (what: string) => about(instant, `${what} (ISO 8601, UTC)`);
const base62 = "[0-9A-Za-z]";
export const KEY_ID_PATTERN = `^key_${base62}{16}$`;
const SECRET_PATTERN = `^${SECRET_PREFIX}${base62}{${SECRET_LENGTH - SECRET_PREFIX.length}}$`;
const keyId = (what: string) => about(z.string().regex(new RegExp(KEY_ID_PATTERN)), what);

/** An error answer whose `error.code` is one of `codes` (each status has its own component). */
export function errorSchemaOf(name: string, codes: readonly [ApiErrorCode, ...ApiErrorCode[]]) {
  return z
    .object({
      error: about(
        z.object({
          code: about(z.enum(codes), "Stable machine-readable code"),
          message: about(z.string(), "What went wrong, for people"),
          field: about(z.string(), "invalid_request: the first field or parameter at fault").optional(),
          fields: about(z.record(z.string(), z.string()), "invalid_request: every field at fault and its message").optional(),
          permission: about(permission, "forbidden: the permission needed").optional(),
        }),
        "The error",
      ),
    })
    .meta({ id: name, description: "The one error shape of the Open API" });
}

export const workspaceSummarySchema = z
  .object({
    id: about(z.uuid(), "The workspace's id"),
    slug: about(z.string(), "The workspace's URL name in the console"),
    name: about(z.string(), "The workspace's name"),
    plan: about(z.enum(PLANS), "The workspace's plan; keys work on small and business"),
  })
  .meta({ id: "Workspace", description: "The workspace a key belongs to" });

const expiresAt = about(instant.nullable(), "When the key stops working (ISO 8601, UTC); null: Permanent");

export const meSchema = z
  .object({
    id: keyId("The key's id"),
    name: about(z.string(), "The key's name"),
    isOwnerKey: about(z.boolean(), "Whether this is the workspace's owner key"),
    workspace: workspaceSummarySchema,
    permissions: about(z.array(permission), "Effective permissions: the key's roles ∩ its creator's"),
    expiresAt,
  })
  .meta({ id: "Me", description: "The key that authenticated the request" });

const roleRef = z
  .object({ id: about(z.uuid(), "The role's id"), name: about(z.string(), "The role's name") })
  .meta({ description: "A role granted to the key" });

const previousSecretSchema = about(
  z
    .object({
      hint: about(z.string(), "The previous secret's hint"),
      validUntil: at("When the previous secret stops working"),
      lastUsedAt: about(instant.nullable(), "The previous secret's last successful authentication; null: Never"),
    })
    .nullable(),
  "After a roll, the previous secret while it still works; null otherwise",
);

export const apiKeySchema = z
  .object({
    id: keyId("The key's id"),
    name: about(z.string(), "The key's name, unique in the workspace (case-insensitively)"),
    description: about(z.string(), "What the key is for; may be empty"),
    hint: about(z.string(), "`ak_` + the first 4 random characters + `…` + the last 4: what lists show"),
    isOwnerKey: about(z.boolean(), "Whether this is the owner key (only the Owner sees it)"),
    roles: about(z.array(roleRef), "The key's roles; its permissions are their union"),
    createdAt: at("When the key was created"),
    expiresAt,
    lastUsedAt: about(instant.nullable(), "The last successful authentication (ISO 8601, UTC); null: Never"),
    lastUsedIp: about(z.string().nullable(), "The client address of the last successful authentication"),
    ipAllowlist: about(
      z.array(z.string()).max(IP_ALLOWLIST_MAX),
      "IPv4/IPv6 addresses and CIDR ranges the key may be used from; empty: any address (others get 403 ip_not_allowed)",
    ),
    rateLimit: about(
      z
        .object({
          limit: about(z.int().min(1).max(RATE_LIMIT_MAX), "Successful requests allowed in any window of this length"),
          window: about(z.enum(RATE_LIMIT_WINDOWS), "The window's length"),
        })
        .nullable(),
      "The key's rate limit (past it: 429 key_rate_limited); null: no limit",
    ),
    createdBy: about(
      z.object({
        userId: about(z.uuid(), "The creator's user id"),
        name: about(z.string(), "The creator's name"),
        email: about(z.string(), "The creator's email"),
        active: about(z.boolean(), "Whether the creator is still a member (else the key is inactive)"),
      }),
      "The member who created the key",
    ),
    status: about(
      z.enum(["active", "disabled", "expired", "inactive"]),
      "active; disabled (switched off); expired (past expiresAt); inactive (its creator left)",
    ),
    enabled: about(z.boolean(), "false while the key is disabled (refused with 401 disabled_api_key)"),
    previousSecret: previousSecretSchema,
    secretStored: about(z.boolean(), "Whether the secret can be revealed again in the console"),
    isDecoy: about(z.boolean(), "A decoy key: refused like an unknown key, each use recorded (SPEC §13)"),
    leaked: about(
      z
        .object({
          at: at("When the key was first reported leaked"),
          source: about(z.string().nullable(), "Who reported it (`github` for GitHub secret scanning)"),
          url: about(z.string().nullable(), "Where it was found"),
        })
        .nullable(),
      "The first leak report of this key; null if never reported",
    ),
    can: about(
      z.object({
        modify: about(z.boolean(), "Whether this caller may modify the key"),
        delete: about(z.boolean(), "Whether this caller may delete the key"),
        reveal: about(z.boolean(), "Whether this caller may reveal the secret in the console"),
      }),
      "What the caller may do with the key",
    ),
  })
  .meta({ id: "ApiKey", description: "An API key (never its secret)" });

export const apiKeyDetailsSchema = apiKeySchema
  .extend({ effectivePermissions: about(z.array(permission), "The key's roles ∩ its creator's current permissions") })
  .meta({ id: "ApiKeyDetails", description: "An API key with its effective permissions" });

export const apiKeyPageSchema = z
  .object({
    items: about(z.array(apiKeySchema), "This page's keys"),
    total: about(z.int(), "Matching keys, counted up to 10,000 (a search: up to 1,000, the matches it pages through)"),
    totalCapped: about(
      z.boolean(),
      "More keys match than `total`: a search returns only the first 1,000 (narrow `q` to see the rest); the list still pages through every key",
    ),
    nextCursor: about(z.string().nullable(), "Pass as `cursor` for the next page; null on the last"),
    prevCursor: about(z.string().nullable(), "Pass as `cursor` for the previous page; null on the first"),
  })
  .meta({ id: "ApiKeyPage", description: "A page of keys" });

export const createdApiKeySchema = z
  .object({
    key: apiKeySchema,
    secret: about(z.string().regex(new RegExp(SECRET_PATTERN)), "The full secret: shown once, store it now"),
  })
  .meta({ id: "CreatedApiKey", description: "The new key and its secret" });

export const deletedApiKeySchema = z
  .object({
    id: keyId("The deleted key's id"),
    name: about(z.string(), "The deleted key's name"),
    deleted: about(z.literal(true), "Always true"),
  })
  .meta({ id: "DeletedApiKey", description: "The key that was deleted" });

export const verifyKeyResponseSchema = z
  .object({
    valid: about(z.boolean(), "Whether the key may be used now"),
    code: about(
      z.enum(["invalid_api_key", "disabled_api_key", "expired_api_key", "inactive_api_key"]).nullable(),
      "Why the key is refused; null when valid",
    ),
    keyId: about(z.string().nullable(), "The key's id when it is one of this workspace's keys, else null"),
    workspace: workspaceSummarySchema.nullable(),
    permissions: about(z.array(permission), "The key's effective permissions; empty when not valid"),
    expiresAt,
  })
  .meta({ id: "VerifyKeyResult", description: "The verdict on a presented key" });

const roleKind = about(z.enum(BUILT_IN_ROLES).nullable(), "Which built-in role this is; null for a custom role");

export const memberListSchema = z
  .object({
    items: about(
      z.array(
        z
          .object({
            memberId: about(z.uuid(), "The membership's id"),
            userId: about(z.uuid(), "The user's id"),
            email: about(z.string(), "The member's email"),
            name: about(z.string(), "The member's name"),
            roles: about(
              z.array(z.object({ id: about(z.uuid(), "The role's id"), name: about(z.string(), "The role's name"), builtIn: roleKind })),
              "The member's roles",
            ),
            isOwner: about(z.boolean(), "Whether the member is the workspace's Owner"),
            createdAt: at("When the member joined"),
          })
          .meta({ description: "A member" }),
      ),
      "Every member, the Owner first",
    ),
  })
  .meta({ id: "MemberList", description: "The workspace's members" });

export const roleListSchema = z
  .object({
    items: about(
      z.array(
        z
          .object({
            id: about(z.uuid(), "The role's id"),
            name: about(z.string(), "The role's name"),
            description: about(z.string(), "What the role is for; may be empty"),
            builtIn: roleKind,
            permissions: about(z.array(permission), "The role's permissions"),
            memberCount: about(z.int(), "Members holding the role"),
            keyCount: about(z.int(), "Keys holding the role"),
          })
          .meta({ description: "A role" }),
      ),
      "Built-in roles first, then custom roles",
    ),
  })
  .meta({ id: "RoleList", description: "The workspace's roles" });

export const auditLogPageSchema = z
  .object({
    items: about(
      z.array(
        z
          .object({
            id: about(z.string(), "The event's id"),
            action: about(z.string(), 'What happened, e.g. "api_key.create", "member.remove"'),
            actorName: about(z.string(), "Who did it"),
            actorUserId: about(z.uuid().nullable(), "The acting user's id, if a user acted"),
            actorKeyId: about(z.string().nullable(), "The acting key's id, if a key acted through the Open API"),
            targetType: about(z.string(), 'What it was done to, e.g. "api_key", "member"'),
            targetId: about(z.string().nullable(), "The target's id"),
            targetName: about(z.string().nullable(), "The target's name at the time"),
            details: about(z.record(z.string(), z.unknown()), "What changed, per action"),
            ip: about(z.string().nullable(), "The client address"),
            createdAt: at("When it happened"),
          })
          .meta({ description: "An audit event" }),
      ),
      "This page's events, newest first",
    ),
    nextCursor: about(z.string().nullable(), "Older events: pass as `cursor`; null on the oldest page"),
    prevCursor: about(z.string().nullable(), "Newer events: pass as `cursor`; null on the newest page"),
  })
  .meta({ id: "AuditLogPage", description: "A page of audit events" });

export const workspaceDetailsSchema = workspaceSummarySchema
  .extend({
    requireSignedRequests: about(
      z.boolean(),
      "Whether every request must carry X-Timestamp and X-Signature (see the API description)",
    ),
  })
  .meta({ id: "WorkspaceDetails", description: "The key's workspace" });

export const rolledApiKeySchema = z
  .object({
    key: apiKeySchema,
    secret: about(z.string().regex(new RegExp(SECRET_PATTERN)), "The new secret: shown once, store it now"),
    previousSecretValidUntil: about(
      instant.nullable(),
      "Until when the previous secret keeps working (never past the key's expiry); null: it stopped at once",
    ),
  })
  .meta({ id: "RolledApiKey", description: "The rolled key and its new secret" });

export const keyResultSchema = z.object({ key: apiKeySchema }).meta({ id: "ApiKeyResult", description: "The key" });

export const bulkResultSchema = z
  .object({
    results: about(
      z.array(
        z.union([
          z.object({ keyId: about(z.string(), "The id as sent"), ok: z.literal(true) }),
          z.object({
            keyId: about(z.string(), "The id as sent"),
            ok: z.literal(false),
            error: about(
              z.object({
                code: about(z.enum(["not_found", "forbidden"]), "Why this key was left unchanged"),
                message: about(z.string(), "What went wrong, for people"),
              }),
              "Why this key was not changed",
            ),
          }),
        ]),
      ),
      "One result per id, in the order sent",
    ),
  })
  .meta({ id: "BulkKeyResults", description: "What happened to each key" });
