import { bigserial, boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // The acting user (console) or key (Open API); names copied so events outlive them.
    actorUserId: uuid("actor_user_id"),
    actorKeyId: text("actor_key_id"),
    actorName: text("actor_name").notNull(),
    // e.g. "api_key.create", "api_key.reveal", "member.remove"
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    targetName: text("target_name"),
    // Events about the owner key are shown to the Owner only.
    ownerOnly: boolean("owner_only").notNull().default(false),
    // What changed; never a secret.
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_workspace_created_idx").on(t.workspaceId, t.createdAt.desc(), t.id.desc()),
    index("audit_events_workspace_target_idx").on(t.workspaceId, t.targetId, t.createdAt.desc()),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
