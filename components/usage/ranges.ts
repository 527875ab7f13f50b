import type { UsageRange } from "@/lib/validations/usage";

/** The three periods, in tab order; their labels are `Usage.ranges.<value>` ("24 hours", "7 days", "30 days"). */
export const RANGE_TABS: { value: UsageRange }[] = [{ value: "24h" }, { value: "7d" }, { value: "30d" }];
