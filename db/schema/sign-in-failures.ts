import { bigserial, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Failed console sign-ins of the last 15 minutes (SPEC §4), shared by every instance. The email
// is kept as a hash: people type passwords into the email field. Older rows are pruned.
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ip: text("ip").notNull(),
    emailHash: text("email_hash").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sign_in_failures_ip_at_idx").on(t.ip, t.at), index("sign_in_failures_at_idx").on(t.at)],
);
