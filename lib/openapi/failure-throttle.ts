export type ThrottleOptions = {
  /** Failed authentications an address may make in a burst. */
  burst?: number;
  /** …and how many more it earns per minute after that. */
  perMinute?: number;
  /** Addresses remembered at once; the least recently seen are forgotten first. */
  maxAddresses?: number;
};

type Bucket = { tokens: number; at: number };

/**
 * Failed authentications per client address, as a token bucket: `burst` failures at once,
 * then `perMinute` more each minute. Only failures spend tokens, so an address whose requests
 * succeed is never slowed. Memory is bounded by `maxAddresses`. Time is monotonic (a wall
 * clock set back must not lock addresses out).
 */
export class FailureThrottle {
  private readonly buckets = new Map<string, Bucket>();
  private readonly burst: number;
  private readonly perMs: number;
  private readonly maxAddresses: number;

  constructor(options: ThrottleOptions = {}) {
    this.burst = options.burst ?? 30;
    this.perMs = (options.perMinute ?? 30) / 60_000;
    this.maxAddresses = options.maxAddresses ?? 50_000;
  }

  get size(): number {
    return this.buckets.size;
  }

  private refill(bucket: Bucket, now: number): void {
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
  }

  /** Seconds the address must wait before its next failure is answered, or 0 when it may try. */
  retryAfter(address: string, now: number = performance.now()): number {
    const bucket = this.buckets.get(address);
    if (!bucket) return 0;
    this.refill(bucket, now);
    if (bucket.tokens >= 1) {
      if (bucket.tokens >= this.burst) this.buckets.delete(address);
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Spends one token of the address. */
  recordFailure(address: string, now: number = performance.now()): void {
    let bucket = this.buckets.get(address);
    if (bucket) {
      this.refill(bucket, now);
      this.buckets.delete(address);
    } else {
      bucket = { tokens: this.burst, at: now };
      if (this.buckets.size >= this.maxAddresses) {
        const oldest = this.buckets.keys().next();
        if (!oldest.done) this.buckets.delete(oldest.value);
      }
    }
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.buckets.set(address, bucket);
  }
}
