import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { roles } from "./members";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const apiKeys = pgTable(
  "api_keys",
  {
    // Public, non-secret id: "key_" + 16 base62 characters.
    id: text("id").primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    // Hex SHA-256 of the secret: the only way a presented secret is looked up.
    secretHash: text("secret_hash").notNull(),
    // AES-256-GCM under KEY_ENCRYPTION_KEY ("v1.iv.tag.ciphertext", base64url); null when the
    // workspace shows secrets only once.
    secretCiphertext: text("secret_ciphertext"),
    hint: text("hint").notNull(),
    isOwnerKey: boolean("is_owner_key").notNull().default(false),
    // The creator; the key is active only while this user is a member of the workspace.
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastUsedIp: text("last_used_ip"),
    // SPEC §9.2: set while the key is switched off (refused as disabled_api_key); null = enabled.
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // SPEC §10: addresses or CIDR ranges a request may come from (empty = any), and an optional rate limit.
    ipAllowlist: text("ip_allowlist").array().notNull().default(sql`'{}'::text[]`),
    rateLimit: integer("rate_limit"),
    rateLimitWindow: text("rate_limit_window", { enum: ["second", "minute", "hour"] }),
    // SPEC §9.1: the secret before the last roll, valid until `previousSecretValidUntil` (null: none).
    previousSecretHash: text("previous_secret_hash"),
    previousSecretHint: text("previous_secret_hint"),
    previousSecretValidUntil: timestamp("previous_secret_valid_until", { withTimezone: true }),
    previousSecretLastUsedAt: timestamp("previous_secret_last_used_at", { withTimezone: true }),
    // SPEC §13: when the key was first reported leaked, by what and where; null = never reported.
    leakedAt: timestamp("leaked_at", { withTimezone: true }),
    leakSource: text("leak_source"),
    leakUrl: text("leak_url"),
    // A decoy never authorizes anything: it is refused like an unknown key and each use is recorded.
    isDecoy: boolean("is_decoy").notNull().default(false),
  },
  (t) => [
    uniqueIndex("api_keys_secret_hash_key").on(t.secretHash),
    uniqueIndex("api_keys_one_owner_key_per_workspace").on(t.workspaceId).where(sql`${t.isOwnerKey}`),
    // The owner key is left out: a clash with its name would tell others it exists. The Owner,
    // who sees every key, gets the same uniqueness from lib/keys/rules.ts.
    uniqueIndex("api_keys_workspace_name_key").on(t.workspaceId, sql`lower(${t.name})`).where(sql`not ${t.isOwnerKey}`),
    index("api_keys_workspace_created_idx").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    index("api_keys_workspace_creator_created_idx").on(
      t.workspaceId,
      t.createdByUserId,
      t.createdAt.desc(),
      t.id.desc(),
    ),
    index("api_keys_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    // Search: description words, and a pasted hint ("ak_kHZw…abcd" or its first part "ak_kHZw").
    index("api_keys_description_trgm_idx").using("gin", sql`${t.description} gin_trgm_ops`),
    index("api_keys_workspace_hint_idx").on(t.workspaceId, sql`left(${t.hint}, 7)`),
    check(
      "api_keys_rate_limit_check",
      sql`(${t.rateLimit} is null and ${t.rateLimitWindow} is null) or (${t.rateLimit} between 1 and 1000000 and ${t.rateLimitWindow} in ('second', 'minute', 'hour'))`,
    ),
    // SPEC §9: verification finds a key by either secret; the Status filter walks these.
    uniqueIndex("api_keys_previous_secret_hash_key").on(t.previousSecretHash),
    index("api_keys_workspace_expires_idx").on(t.workspaceId, t.expiresAt).where(sql`${t.expiresAt} is not null`),
    index("api_keys_workspace_disabled_created_idx")
      .on(t.workspaceId, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.disabledAt} is not null`),
    // "Active" counts up to 10,001 keys from this index alone (an index-only scan; the creator's
    // membership joins on created_by_user_id): no heap read per key (issue #20).
    index("api_keys_workspace_enabled_creator_idx")
      .on(t.workspaceId, t.createdByUserId, t.expiresAt, t.isOwnerKey)
      .where(sql`${t.disabledAt} is null`),
  ],
);

export const apiKeyRoles = pgTable(
  "api_key_roles",
  {
    apiKeyId: text("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.roleId] }), index("api_key_roles_role_idx").on(t.roleId)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
export type ApiKeyRole = typeof apiKeyRoles.$inferSelect;
