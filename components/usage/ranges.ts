import type { UsageRange } from "@/lib/validations/usage";

export const RANGE_TABS: { value: UsageRange; label: string }[] = [
  { value: "24h", label: "24 hours" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
];
