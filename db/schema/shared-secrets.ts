import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { workspaces } from "./workspaces";

// A workspace's API shared secret (SPEC §5.1). The current one has retiredAt null; a rotated
// one stays valid until validUntil (its grace period).
export const sharedSecrets = pgTable(
  "shared_secrets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    ciphertext: text("ciphertext").notNull(),
    hint: text("hint").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    validUntil: timestamp("valid_until", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("shared_secrets_one_current_key").on(t.workspaceId).where(sql`${t.retiredAt} is null`),
    index("shared_secrets_workspace_idx").on(t.workspaceId),
  ],
);

// Signatures seen within the timestamp window, to refuse replays across instances.
export const seenSignatures = pgTable(
  "seen_signatures",
  {
    signature: text("signature").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("seen_signatures_expires_idx").on(t.expiresAt)],
);

export type SharedSecret = typeof sharedSecrets.$inferSelect;
