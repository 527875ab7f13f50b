import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const PLANS = ["free", "small", "business"] as const;
export type Plan = (typeof PLANS)[number];

/** SPEC §13: what happens to a key reported leaked (Settings → "Leaked keys"). */
export const LEAK_POLICIES = ["disable", "delete", "notify"] as const;
export type LeakPolicy = (typeof LEAK_POLICIES)[number];

export const workspaces = pgTable(
  "workspaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    plan: text("plan").$type<Plan>().notNull().default("free"),
    showSecretsOnce: boolean("show_secrets_once").notNull().default(false),
    requireSignedRequests: boolean("require_signed_requests").notNull().default(false),
    leakPolicy: text("leak_policy").$type<LeakPolicy>().notNull().default("disable"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("workspaces_slug_key").on(t.slug),
    check("workspaces_plan_check", sql`${t.plan} in ('free', 'small', 'business')`),
    check("workspaces_leak_policy_check", sql`${t.leakPolicy} in ('disable', 'delete', 'notify')`),
  ],
);

export type Workspace = typeof workspaces.$inferSelect;
export type NewWorkspace = typeof workspaces.$inferInsert;
