import { doublePrecision, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// The Open API's failed-authentication token buckets (lib/openapi/failure-throttle.ts), shared by
// every instance: `tokens` left as of `at`. Instances flush their counts about once a second.
// `limits` ("burst/perMinute") keeps buckets of differently configured instances apart. A row
// whose bucket has refilled is deleted.
export const authFailureBuckets = pgTable(
  "auth_failure_buckets",
  {
    ip: text("ip").notNull(),
    limits: text("limits").notNull(),
    tokens: doublePrecision("tokens").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ip, t.limits] }), index("auth_failure_buckets_at_idx").on(t.at)],
);
