import { Redis } from "ioredis";
import type { RateLimit } from "@/lib/keys/restrictions";
import { log } from "@/lib/log";
import { MemoryRateLimiter } from "./memory";
import type { LimiterHooks, RateLimiter } from "./types";
import { bucketMsOf, decision, windowMsOf, type LimitDecision } from "./window";

/**
 * window.ts's algorithm in one Lua script, so a check-and-count is atomic across every
 * instance sharing the Redis server and costs one round trip (EVALSHA). The key's buckets are
 * one hash that expires with its window. Time is the
 * Redis server's, so instances whose clocks differ still share one window; tests pass their own.
 *
 * Returns {allowed, total, waitMs}. Fields: bucket index → "successes:latest success ms".
 */
const SCRIPT = `
local limit = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local bucketMs = tonumber(ARGV[3])
local consume = ARGV[4] == '1'
local now
if ARGV[5] ~= '' then now = tonumber(ARGV[5]) else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local current = string.format('%d', math.floor(now / bucketMs))
local flat = redis.call('HGETALL', KEYS[1])
local buckets, total = {}, 0
for i = 1, #flat, 2 do
  local count, last = string.match(flat[i + 1], '^(%d+):(%d+)$')
  count, last = tonumber(count), tonumber(last)
  if last == nil or last <= now - windowMs then
    redis.call('HDEL', KEYS[1], flat[i])
  else
    buckets[flat[i]] = {last, count}
    total = total + count
  end
end
local allowed = 0
if consume and total < limit then
  local bucket = buckets[current] or {now, 0}
  bucket[1] = math.max(bucket[1], now)
  bucket[2] = bucket[2] + 1
  buckets[current] = bucket
  redis.call('HSET', KEYS[1], current, string.format('%d:%d', bucket[2], bucket[1]))
  redis.call('PEXPIRE', KEYS[1], windowMs + bucketMs)
  total = total + 1
  allowed = 1
elseif total < limit then
  allowed = 1
end
local wait = 0
if total >= limit then
  local ordered = {}
  for _, bucket in pairs(buckets) do ordered[#ordered + 1] = bucket end
  table.sort(ordered, function(a, b) return a[1] < b[1] end)
  local left = total
  for _, bucket in ipairs(ordered) do
    left = left - bucket[2]
    if left < limit then wait = math.max(0, bucket[1] + windowMs - now); break end
  end
end
return {allowed, total, wait}
`;

type Scripted = Redis & {
  keyRateLimit(key: string, limit: number, windowMs: number, bucketMs: number, consume: string, now: string): Promise<[number, number, number]>;
};

export type RedisLimiterOptions = {
  url: string;
  /** Prepended to every Redis key (tests use one per run). */
  prefix?: string;
  /** A command that takes longer fails (and the request falls back to the in-process limit). */
  commandTimeoutMs?: number;
  hooks?: LimiterHooks;
  /** Tests only: the time the script counts with, instead of the Redis server's clock. */
  clock?: () => number;
};

/**
 * The limit across every instance sharing REDIS_URL. When Redis cannot answer (down, refused,
 * slower than the command timeout) the request is never held: it is checked against this
 * instance's own in-process limiter instead, so the limit still holds per instance (neither
 * fail-closed, which would turn a Redis outage into an outage of every limited key, nor
 * fail-open, which would let a leaked key run unthrottled). The switch is logged once each way.
 */
export class RedisRateLimiter implements RateLimiter {
  readonly scope = "redis" as const;
  readonly stats = { redis: 0, fallbacks: 0 };
  private readonly redis: Scripted;
  private readonly fallback: MemoryRateLimiter;
  private readonly prefix: string;
  private degraded = false;

  constructor(private readonly options: RedisLimiterOptions) {
    this.prefix = options.prefix ?? "keyward:ratelimit:";
    this.fallback = new MemoryRateLimiter(options.hooks, options.clock);
    this.redis = new Redis(options.url, {
      // Fail at once while disconnected instead of queueing: a request never waits for a reconnect.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 500,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    }) as Scripted;
    this.redis.defineCommand("keyRateLimit", { numberOfKeys: 1, lua: SCRIPT });
    this.redis.on("error", (err: Error) => this.markDown(err));
    this.redis.on("ready", () => this.markUp());
  }

  /** Resolves once connected (or rejects after the connect timeout): for tests and start-up logs. */
  ready(): Promise<void> {
    if (this.redis.status === "ready") return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("Redis did not answer")), 2_500);
      this.redis.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  consume(keyId: string, rule: RateLimit): Promise<LimitDecision> {
    return this.run(keyId, rule, true);
  }

  peek(keyId: string, rule: RateLimit): Promise<LimitDecision> {
    return this.run(keyId, rule, false);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.fallback.close();
  }

  private async run(keyId: string, rule: RateLimit, consume: boolean): Promise<LimitDecision> {
    try {
      const now = this.options.clock ? String(this.options.clock()) : "";
      const [allowed, total, waitMs] = await this.redis.keyRateLimit(
        `${this.prefix}${keyId}:${rule.window}`,
        rule.limit,
        windowMsOf(rule),
        bucketMsOf(rule),
        consume ? "1" : "0",
        now,
      );
      this.stats.redis++;
      this.markUp();
      const answer = decision(allowed === 1, rule.limit, total, waitMs);
      if (consume && !answer.allowed) this.options.hooks?.onKeyRateLimited?.({ keyId, rule, at: Date.now() });
      return answer;
    } catch (err) {
      this.stats.fallbacks++;
      this.markDown(err as Error);
      return consume ? this.fallback.consume(keyId, rule) : this.fallback.peek(keyId, rule);
    }
  }

  private markDown(err: Error): void {
    if (this.degraded) return;
    this.degraded = true;
    log("warn", "rate limiter: Redis unavailable, limits now hold per instance until it is back", { err: err.message });
  }

  private markUp(): void {
    if (!this.degraded) return;
    this.degraded = false;
    log("info", "rate limiter: Redis is back, limits hold across instances again");
  }
}
