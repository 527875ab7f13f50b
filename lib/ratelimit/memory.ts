import type { RateLimit } from "@/lib/keys/restrictions";
import type { LimiterHooks, RateLimiter } from "./types";
import { bucketMsOf, decision, SLOTS, waitMsOf, windowMsOf, type LimitDecision } from "./window";

/** One key's buckets (window.ts): a ring of SLOTS + 1 (bucket index, successes, latest success time). */
type Ring = { window: string; index: Float64Array; count: Uint32Array; last: Float64Array };

const RING = SLOTS + 1;

/**
 * The embedded default: counts in this process's memory, so the limit holds per instance.
 * Synchronous: a limited key's request costs a loop over 21 buckets and no promise.
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly scope = "memory" as const;
  private readonly rings = new Map<string, Ring>();
  private sweptAt = -Infinity;

  constructor(
    private readonly hooks: LimiterHooks = {},
    private readonly clock: () => number = Date.now,
    /** Keys remembered; past it, keys with nothing left in their window are forgotten. */
    private readonly capacity = 100_000,
  ) {}

  get trackedKeys(): number {
    return this.rings.size;
  }

  consume(keyId: string, rule: RateLimit): LimitDecision {
    return this.decide(keyId, rule, true);
  }

  peek(keyId: string, rule: RateLimit): LimitDecision {
    return this.decide(keyId, rule, false);
  }

  async close(): Promise<void> {
    this.rings.clear();
  }

  private decide(keyId: string, rule: RateLimit, consume: boolean): LimitDecision {
    const now = this.clock();
    const windowMs = windowMsOf(rule);
    const ring = this.ringOf(keyId, rule.window, consume);
    let total = 0;
    if (ring) for (let i = 0; i < RING; i++) if (ring.last[i]! > now - windowMs) total += ring.count[i]!;
    // A peek answers whether a request would be allowed now.
    const allowed = total < rule.limit;
    if (consume && allowed && ring) {
      const current = Math.floor(now / bucketMsOf(rule));
      const slot = current % RING;
      // The bucket this slot held last is SLOTS + 1 buckets old: wholly out of the window.
      if (ring.index[slot] !== current) {
        ring.index[slot] = current;
        ring.count[slot] = 0;
      }
      ring.count[slot]!++;
      ring.last[slot] = Math.max(ring.last[slot]!, now);
      total++;
    }
    const waitMs = ring && total >= rule.limit ? waitMsOf(counted(ring, now - windowMs), total, rule.limit, windowMs, now) : 0;
    if (consume && !allowed) this.hooks.onKeyRateLimited?.({ keyId, rule, at: now });
    return decision(allowed, rule.limit, total, waitMs);
  }

  private ringOf(keyId: string, window: string, create: boolean): Ring | undefined {
    const ring = this.rings.get(keyId);
    // A changed window starts afresh: its buckets have another length.
    if (ring && ring.window === window) return ring;
    if (!create) return undefined;
    if (this.rings.size >= this.capacity) this.sweep();
    const fresh: Ring = { window, index: new Float64Array(RING).fill(-1), count: new Uint32Array(RING), last: new Float64Array(RING).fill(-Infinity) };
    this.rings.set(keyId, fresh);
    return fresh;
  }

  private sweep(): void {
    const now = this.clock();
    if (now - this.sweptAt < 1_000) return;
    this.sweptAt = now;
    for (const [keyId, ring] of this.rings) {
      const windowMs = windowMsOf({ limit: 1, window: ring.window as RateLimit["window"] });
      if (Math.max(...ring.last) <= now - windowMs) this.rings.delete(keyId);
    }
  }
}

/** The buckets still in the window, oldest first. */
function counted(ring: Ring, after: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < RING; i++) if (ring.last[i]! > after && ring.count[i]! > 0) out.push([ring.last[i]!, ring.count[i]!]);
  return out.sort((a, b) => a[0] - b[0]);
}
