import { expect } from "vitest";
import type { RateLimit } from "@/lib/keys/restrictions";
import type { RateLimiter } from "./types";

/**
 * The behaviour both limiters share, run against each (memory.test.ts, redis.test.ts).
 * `make(clock)` builds a limiter that counts with the given clock.
 */
export type LimiterFactory = (clock: () => number) => RateLimiter;

const perSecond = (limit: number): RateLimit => ({ limit, window: "second" });

/** Successes never exceed the limit in any window [a, a + W), checked against every start that matters. */
export function maxInAnyWindow(successes: number[], windowMs: number): number {
  const sorted = [...successes].sort((a, b) => a - b);
  let max = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

export async function windowEdges(make: LimiterFactory, keyId: string): Promise<void> {
  let now = 1_800_000_000_030;
  const limiter = make(() => now);
  await limiter.ready?.();
  const rule = perSecond(3);
  for (let i = 0; i < 3; i++) expect((await limiter.consume(keyId, rule)).allowed).toBe(true);
  const refused = await limiter.consume(keyId, rule);
  expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0, waitMs: 1_000 });
  now += 999;
  expect(await limiter.consume(keyId, rule)).toMatchObject({ allowed: false, waitMs: 1 });
  now += 1; // exactly one window after the burst: it has left [now - 1 s, now]
  expect(await limiter.consume(keyId, rule)).toMatchObject({ allowed: true, remaining: 2 });
  expect(await limiter.peek(keyId, rule)).toMatchObject({ allowed: true, remaining: 2, waitMs: 0 });
  await limiter.close();
}

export async function neverMoreThanTheLimit(make: LimiterFactory, keyId: string): Promise<void> {
  let now = 1_800_000_000_000;
  const limiter = make(() => now);
  await limiter.ready?.();
  const rule = perSecond(7);
  const successes: number[] = [];
  // Uneven traffic: bursts, pauses, requests straddling bucket and window edges.
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 600; i++) {
    now += random() < 0.2 ? Math.floor(random() * 400) : Math.floor(random() * 30);
    if ((await limiter.consume(keyId, rule)).allowed) successes.push(now);
  }
  expect(maxInAnyWindow(successes, 1_000)).toBe(7);
  expect(successes.length).toBeGreaterThan(7 * 5);
  await limiter.close();
}

export async function burst(limiters: RateLimiter[], keyId: string): Promise<number> {
  const rule: RateLimit = { limit: 10, window: "minute" };
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => limiters[i % limiters.length]!.consume(keyId, rule)));
  const allowed = answers.filter((a) => a.allowed).length;
  const refused = answers.filter((a) => !a.allowed);
  expect(refused.every((a) => a.remaining === 0 && a.waitMs > 0 && a.waitMs <= 60_000)).toBe(true);
  return allowed;
}
