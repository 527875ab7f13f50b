import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const BUILT_IN_ROLES = ["owner", "administrator", "standard", "read_only"] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

export const members = pgTable(
  "members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("members_workspace_user_key").on(t.workspaceId, t.userId),
    index("members_user_idx").on(t.userId),
  ],
);

export const roles = pgTable(
  "roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    // Set on the four built-in roles, which cannot be edited; null on custom roles.
    builtIn: text("built_in").$type<BuiltInRole>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("roles_workspace_name_key").on(t.workspaceId, sql`lower(${t.name})`),
    uniqueIndex("roles_workspace_built_in_key").on(t.workspaceId, t.builtIn),
  ],
);

export const rolePermissions = pgTable(
  "role_permissions",
  {
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    permission: text("permission").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permission] })],
);

export const memberRoles = pgTable(
  "member_roles",
  {
    memberId: uuid("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "restrict" }),
    // True when roleId is the workspace's Owner role: lets the database hold
    // "exactly one Owner per workspace" as a partial unique index.
    isOwner: boolean("is_owner").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.roleId] }),
    index("member_roles_role_idx").on(t.roleId),
    uniqueIndex("member_roles_one_owner_key").on(t.roleId).where(sql`${t.isOwner}`),
  ],
);

export type Member = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;
export type Role = typeof roles.$inferSelect;
export type NewRole = typeof roles.$inferInsert;
export type RolePermission = typeof rolePermissions.$inferSelect;
export type MemberRole = typeof memberRoles.$inferSelect;
