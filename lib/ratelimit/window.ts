import { WINDOW_MS, type RateLimit } from "@/lib/keys/restrictions";

/**
 * The one algorithm of both limiters (in-process and Redis): a sliding window kept as SLOTS + 1
 * sub-buckets, each holding its number of successes and the time of its latest one. A request
 * at time t counts every bucket whose latest success lies in (t − window, t] and succeeds only
 * while that count is below the limit. A bucket is dropped only once all of its successes are
 * out of the window, so every success of any window [a, a + window) was counted when the
 * window's last success was admitted: no window of the limit's length, wherever it starts,
 * ever holds more successes than the limit. Memory per key is fixed (21 buckets) whatever the
 * limit; the price is that a bucket's earlier successes leave the count with its latest one.
 */
export const SLOTS = 20;

export const windowMsOf = (rule: RateLimit): number => WINDOW_MS[rule.window];
export const bucketMsOf = (rule: RateLimit): number => WINDOW_MS[rule.window] / SLOTS;

/** A limited request's answer, and what the RateLimit-* headers say. */
export type LimitDecision = {
  /** Counted and allowed (a peek: would be allowed). */
  allowed: boolean;
  limit: number;
  /** Successes still allowed now. */
  remaining: number;
  /** Milliseconds until a request would be allowed again (0 while remaining > 0). */
  waitMs: number;
};

/**
 * From the counted buckets (latest success time, successes) in time order, the wait until
 * fewer than `limit` successes are left in the window.
 */
export function waitMsOf(buckets: readonly (readonly [number, number])[], total: number, limit: number, windowMs: number, now: number): number {
  if (total < limit) return 0;
  let left = total;
  for (const [last, count] of buckets) {
    left -= count;
    if (left < limit) return Math.max(0, last + windowMs - now);
  }
  return 0;
}

export function decision(allowed: boolean, limit: number, total: number, waitMs: number): LimitDecision {
  return { allowed, limit, remaining: Math.max(0, limit - total), waitMs };
}

/** RateLimit-Limit, -Remaining and -Reset (whole seconds, rounded up), and Retry-After on a refusal. */
export function limitHeaders(d: LimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "ratelimit-limit": String(d.limit),
    "ratelimit-remaining": String(d.remaining),
    "ratelimit-reset": String(Math.ceil(d.waitMs / 1000)),
  };
  if (!d.allowed) headers["retry-after"] = String(Math.max(1, Math.ceil(d.waitMs / 1000)));
  return headers;
}
