import { log } from "@/lib/log";
import { MemoryRateLimiter } from "./memory";
import { RedisRateLimiter } from "./redis";
import type { LimiterHooks, RateLimiter } from "./types";

export type { RateLimiter, LimiterHooks, RateLimitedEvent } from "./types";
export { limitHeaders, type LimitDecision } from "./window";
export { MemoryRateLimiter } from "./memory";
export { RedisRateLimiter } from "./redis";

/**
 * REDIS_URL set: one limit across every instance sharing that Redis. Unset: the embedded
 * default, counted in this process (the limit holds per instance).
 */
export function createRateLimiter(hooks: LimiterHooks = {}, env: NodeJS.ProcessEnv = process.env): RateLimiter {
  const url = env.REDIS_URL?.trim();
  if (!url) return new MemoryRateLimiter(hooks);
  log("info", "rate limits hold across instances (Redis)", { redis: redactedUrl(url) });
  return new RedisRateLimiter({ url, hooks });
}

/** The URL without its password, for logs. */
function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable REDIS_URL)";
  }
}
