import { describe, expect, it } from "vitest";
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
