import type { RateLimit } from "@/lib/keys/restrictions";
import type { LimitDecision } from "./window";

/** The limiter the Open API asks on every request of a key with a rate limit (SPEC §10). */
export interface RateLimiter {
  /** "memory": per instance; "redis": across every instance sharing REDIS_URL. */
  readonly scope: "memory" | "redis";
  /** Counts one request if the key has room for it. Synchronous in process; one Redis round trip otherwise. */
  consume(keyId: string, rule: RateLimit): LimitDecision | Promise<LimitDecision>;
  /** Whether a request would be allowed now, without counting one (for the headers of a request refused before the limit is asked). */
  peek(keyId: string, rule: RateLimit): LimitDecision | Promise<LimitDecision>;
  /** Resolves once the limiter can answer for every instance (Redis connected); rejects when it can't. */
  ready?(): Promise<void>;
  close(): Promise<void>;
}

export type RateLimitedEvent = { keyId: string; rule: RateLimit; at: number };

export type LimiterHooks = {
  /**
   * Called (synchronously, must not throw) each time a key is refused for its rate limit. The
   * webhook `api_key.rate_limited` (SPEC §12, at most once per key per hour) hangs here.
   */
  onKeyRateLimited?: (event: RateLimitedEvent) => void;
};
