import { z } from "zod";

/** SPEC §9.1: how long the previous secret keeps working after a roll. */
export const GRACE_PERIODS = ["none", "1h", "24h", "7d"] as const;
export type GracePeriod = (typeof GRACE_PERIODS)[number];

export const GRACE_PERIOD_MS: Record<GracePeriod, number> = {
  none: 0,
  "1h": 60 * 60_000,
  "24h": 24 * 60 * 60_000,
  "7d": 7 * 24 * 60 * 60_000,
};

/** The dialog's radio labels, in order. */
export const GRACE_PERIOD_LABELS: Record<GracePeriod, string> = {
  none: "Not at all",
  "1h": "1 hour",
  "24h": "24 hours",
  "7d": "7 days",
};

export const rollApiKeySchema = z
  .strictObject({
    gracePeriod: z
      .enum(GRACE_PERIODS, { error: `Grace period must be one of ${GRACE_PERIODS.map((g) => `"${g}"`).join(", ")}` })
      .optional()
      .default("24h")
      .meta({ description: "How long the previous secret keeps working (never past the key's expiry); default 24h" }),
  })
  .meta({ description: "How to roll the key" });

export const BULK_ACTIONS = ["delete", "disable", "enable"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const BULK_MAX = 100;

export const bulkKeysSchema = z
  .strictObject({
    action: z
      .enum(BULK_ACTIONS, { error: `Action must be one of ${BULK_ACTIONS.map((a) => `"${a}"`).join(", ")}` })
      .meta({ description: "What to do to every key" }),
    keyIds: z
      .array(z.string({ error: "Key ids must be text" }).max(100, "Key ids must be at most 100 characters"), {
        error: "Key ids must be a list of key ids",
      })
      .min(1, "Select at least one key")
      .max(BULK_MAX, `At most ${BULK_MAX} keys at once`)
      .refine((ids) => new Set(ids).size === ids.length, "Key ids must not repeat")
      .meta({ description: `1–${BULK_MAX} distinct key ids`, uniqueItems: true }),
  })
  .meta({ description: "A bulk action on keys" });

/** SPEC §9.4: the Status filter. */
export const KEY_STATUS_FILTERS = ["all", "active", "expiring", "expired", "disabled"] as const;
export type KeyStatusFilter = (typeof KEY_STATUS_FILTERS)[number];
export { EXPIRING_WITHIN_DAYS } from "@/lib/keys/expiring";

export const keyStatusFilterSchema = z
  .enum(KEY_STATUS_FILTERS, { error: `Status must be one of ${KEY_STATUS_FILTERS.join(", ")}` })
  .optional()
  .default("all")
  .meta({
    description:
      "`active`: enabled and not expired (creator still a member); `expiring`: enabled, expiring within 7 days; `expired`: enabled and past expiry; `disabled`",
  });

export type RollApiKeyInput = z.input<typeof rollApiKeySchema>;
export type BulkKeysInput = z.input<typeof bulkKeysSchema>;
