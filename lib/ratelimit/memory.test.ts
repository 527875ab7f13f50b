import { describe, expect, it } from "vitest";
import { burst, maxInAnyWindow, neverMoreThanTheLimit, windowEdges } from "./limiter-cases";
import { MemoryRateLimiter } from "./memory";
import { limitHeaders } from "./window";

describe("in-process rate limiter", () => {
  it("refuses past the limit until the burst has left the window, to the millisecond", () =>
    windowEdges((clock) => new MemoryRateLimiter({}, clock), "key_a"));

  it("never admits more than the limit in any window of its length", () =>
    neverMoreThanTheLimit((clock) => new MemoryRateLimiter({}, clock), "key_b"));

  it("a burst of 50 concurrent requests against a limit of 10: exactly 10 succeed", async () => {
    expect(await burst([new MemoryRateLimiter()], "key_c")).toBe(10);
  });

  it("counts each key on its own, and starts afresh when the window changes", () => {
    const limiter = new MemoryRateLimiter({}, () => 5_000);
    expect(limiter.consume("key_1", { limit: 1, window: "hour" }).allowed).toBe(true);
    expect(limiter.consume("key_1", { limit: 1, window: "hour" }).allowed).toBe(false);
    expect(limiter.consume("key_2", { limit: 1, window: "hour" }).allowed).toBe(true);
    expect(limiter.consume("key_1", { limit: 1, window: "minute" }).allowed).toBe(true);
    // A raised limit applies at once to what was counted.
    expect(limiter.consume("key_1", { limit: 2, window: "minute" }).allowed).toBe(true);
    expect(limiter.consume("key_1", { limit: 2, window: "minute" }).allowed).toBe(false);
  });

  it("calls onKeyRateLimited once per refusal, never for a success or a peek", () => {
    const events: string[] = [];
    const limiter = new MemoryRateLimiter({ onKeyRateLimited: (e) => events.push(`${e.keyId}:${e.rule.limit}`) }, () => 0);
    const rule = { limit: 1, window: "second" } as const;
    limiter.consume("key_x", rule);
    limiter.peek("key_x", rule);
    limiter.consume("key_x", rule);
    expect(events).toEqual(["key_x:1"]);
  });

  it("forgets idle keys when it holds too many", () => {
    let now = 0;
    const limiter = new MemoryRateLimiter({}, () => now, 3);
    for (const id of ["a", "b", "c"]) limiter.consume(id, { limit: 5, window: "second" });
    now = 10_000;
    limiter.consume("d", { limit: 5, window: "second" });
    expect(limiter.trackedKeys).toBe(1);
  });

  it("headers: whole seconds rounded up, Retry-After only on a refusal", () => {
    expect(limitHeaders({ allowed: true, limit: 10, remaining: 4, waitMs: 0 })).toEqual({
      "ratelimit-limit": "10",
      "ratelimit-remaining": "4",
      "ratelimit-reset": "0",
    });
    expect(limitHeaders({ allowed: false, limit: 10, remaining: 0, waitMs: 1_001 })).toMatchObject({
      "ratelimit-reset": "2",
      "retry-after": "2",
    });
    expect(limitHeaders({ allowed: false, limit: 10, remaining: 0, waitMs: 3 })["retry-after"]).toBe("1");
  });

  it("the window check itself is sound", () => {
    expect(maxInAnyWindow([0, 999, 1000, 1001], 1000)).toBe(3);
    expect(maxInAnyWindow([0, 1000, 2000], 1000)).toBe(1);
  });
});
