import type { UsageRange } from "@/lib/validations/usage";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A range's buckets: `count` of `size` ms, the last one holding `now`. */
export type RangeBuckets = { range: UsageRange; size: number; count: number; first: number };

export function bucketsOf(range: UsageRange, now = Date.now()): RangeBuckets {
  if (range === "30d") {
    const today = now - (now % DAY);
    return { range, size: DAY, count: 30, first: today - 29 * DAY };
  }
  const count = range === "7d" ? 7 * 24 : 24;
  const hour = now - (now % HOUR);
  return { range, size: HOUR, count, first: hour - (count - 1) * HOUR };
}

/** The bucket an hourly row falls in, or -1 outside the range. */
export function bucketIndex(buckets: RangeBuckets, hour: number): number {
  const i = Math.floor((hour - buckets.first) / buckets.size);
  return i >= 0 && i < buckets.count ? i : -1;
}
