import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { FailureThrottle } from "./failure-throttle";

describe("FailureThrottle", () => {
  it("allows a burst of failures, then asks to wait, then refills", () => {
    const t = new FailureThrottle({ burst: 3, perMinute: 6 });
    const now = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter("1.2.3.4", now)).toBe(0);
      t.recordFailure("1.2.3.4", now);
    }
    expect(t.retryAfter("1.2.3.4", now)).toBe(10);
    expect(t.retryAfter("5.6.7.8", now)).toBe(0);
    expect(t.retryAfter("1.2.3.4", now + 9_000)).toBe(1);
    expect(t.retryAfter("1.2.3.4", now + 10_000)).toBe(0);
  });

  it("forgets addresses that have refilled, and never holds more than maxAddresses", () => {
    const t = new FailureThrottle({ burst: 2, perMinute: 60, maxAddresses: 100 });
    for (let i = 0; i < 1_000; i++) t.recordFailure(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(t.size).toBe(100);
    t.recordFailure("192.0.2.1", 0);
    expect(t.retryAfter("192.0.2.1", 60_000)).toBe(0);
    expect(t.size).toBe(99);
  });
});

describe("FailureThrottle shared through the database", () => {
  const handle = withTestDatabase();
  const address = () => `203.0.113.${randomBytes(4).toString("hex")}`;

  it("two instances spend one bucket per address, each seeing the other's failures after a sync", async () => {
    // One token a minute: a slow machine does not refill the bucket between the steps.
    const a = new FailureThrottle({ burst: 4, perMinute: 1, db: () => handle().db, syncMs: 60_000 });
    const b = new FailureThrottle({ burst: 4, perMinute: 1, db: () => handle().db, syncMs: 60_000 });
    const ip = address();
    a.recordFailure(ip);
    a.recordFailure(ip);
    b.recordFailure(ip);
    expect(a.retryAfter(ip)).toBe(0);
    await a.sync();
    await b.sync();
    // 3 of 4 spent across both: one more failure, on either, empties the bucket for both.
    expect(b.retryAfter(ip)).toBe(0);
    b.recordFailure(ip);
    expect(b.retryAfter(ip)).toBeGreaterThan(0);
    expect(a.retryAfter(ip)).toBe(0);
    await b.sync();
    await a.sync();
    expect(a.retryAfter(ip)).toBeGreaterThanOrEqual(30);
    expect(a.retryAfter(address())).toBe(0);
    // Differently configured instances keep their own buckets.
    const other = new FailureThrottle({ burst: 100, perMinute: 100, db: () => handle().db, syncMs: 60_000 });
    await other.sync();
    expect(other.retryAfter(ip)).toBe(0);
    for (const t of [a, b, other]) t.close();
  });

  it("counts failures recorded while a sync is under way", async () => {
    const a = new FailureThrottle({ burst: 3, perMinute: 1, db: () => handle().db, syncMs: 60_000 });
    const ip = address();
    a.recordFailure(ip);
    const syncing = a.sync();
    a.recordFailure(ip);
    a.recordFailure(ip);
    await syncing;
    expect(a.retryAfter(ip)).toBeGreaterThan(0);
    await a.sync();
    expect(a.retryAfter(ip)).toBeGreaterThan(0);
    a.close();
  });
});
