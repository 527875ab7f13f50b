import { z } from "zod";

export const USAGE_RANGES = ["24h", "7d", "30d"] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];

// Not strict, like the other list queries: an unknown URL parameter is ignored.
export const usageQuerySchema = z.object({
  range: z
    .enum(USAGE_RANGES, { error: `Range must be one of ${USAGE_RANGES.join(", ")}` })
    .optional()
    .default("24h")
    .meta({ description: "`24h` and `7d`: hourly buckets; `30d`: daily buckets (UTC days)" }),
});
