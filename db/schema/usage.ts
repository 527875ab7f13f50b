import { bigint, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { workspaces } from "./workspaces";

// SPEC §11: request counts by outcome ("success" or the error code), written by lib/usage/recorder.ts
// in one upsert per flush (n = n + excluded.n, so instances add to the same buckets).
// Minute buckets are kept 48 hours, hourly ones 90 days (lib/usage/retention.ts).
export const keyUsageMinutes = pgTable(
  "key_usage_minutes",
  {
    keyId: text("key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    minute: timestamp("minute", { withTimezone: true }).notNull(),
    outcome: text("outcome").notNull(),
    n: bigint("n", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.minute, t.outcome] }), index("key_usage_minutes_minute_idx").on(t.minute)],
);

export const keyUsageHours = pgTable(
  "key_usage_hours",
  {
    keyId: text("key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    outcome: text("outcome").notNull(),
    n: bigint("n", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.keyId, t.hour, t.outcome] }),
    index("key_usage_hours_hour_idx").on(t.hour),
    index("key_usage_hours_workspace_hour_idx").on(t.workspaceId, t.hour),
  ],
);

// The workspace's totals, kept apart from the keys' rows: they outlive deleted keys, and a chart of
// a workspace with 100,000 keys reads at most 24 × 30 rows per outcome.
export const workspaceUsageHours = pgTable(
  "workspace_usage_hours",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    outcome: text("outcome").notNull(),
    n: bigint("n", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.hour, t.outcome] })],
);

// "Permissions used": when a successful request last needed each permission.
export const keyPermissionUses = pgTable(
  "key_permission_uses",
  {
    keyId: text("key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    permission: text("permission").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.permission] })],
);

// "Last used from": the address and user agent of the key's last successful request.
export const keyLastUses = pgTable("key_last_uses", {
  keyId: text("key_id")
    .primaryKey()
    .references(() => apiKeys.id, { onDelete: "cascade" }),
  at: timestamp("at", { withTimezone: true }).notNull(),
  ip: text("ip"),
  userAgent: text("user_agent"),
});

export type KeyUsageHour = typeof keyUsageHours.$inferSelect;
export type KeyLastUse = typeof keyLastUses.$inferSelect;
