import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    // scrypt, self-describing: "scrypt$N$r$p$salt$hash" (base64url). Null for OIDC-only users.
    passwordHash: text("password_hash"),
    // The console language the user chose in the header's "Language" menu (lib/i18n/locales.ts);
    // null: follow the browser. No CHECK: adding a language is a message file, not a migration.
    locale: text("locale"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
