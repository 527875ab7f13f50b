import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { authFailureBuckets } from "@/db/schema";
import { log } from "@/lib/log";

export type ThrottleOptions = {
  /** Failed authentications an address may make in a burst. */
  burst?: number;
  /** …and how many more it earns per minute after that. */
  perMinute?: number;
  /** Addresses remembered at once; the least recently seen are forgotten first. */
  maxAddresses?: number;
  /** The database the instances share their counts in; without it the counts are this instance's. */
  db?: () => Executor;
  /** How often counts are written to and read from the database. */
  syncMs?: number;
};

type Bucket = { tokens: number; at: number };

const PRUNE_EVERY_MS = 60_000;

/**
 * Failed authentications per client address, as a token bucket: `burst` failures at once,
 * then `perMinute` more each minute. Only failures spend tokens, so an address whose requests
 * succeed is never slowed. Memory is bounded by `maxAddresses`. Local time is monotonic (a
 * wall clock set back must not lock addresses out).
 *
 * With `db`, every instance's failures spend one shared bucket per address: each instance
 * counts in memory and, every `syncMs`, adds its counts to the shared buckets in one statement
 * and reads the buckets that are empty, so a request never waits for the database and an
 * address is throttled everywhere within about `syncMs`.
 */
export class FailureThrottle {
  private readonly buckets = new Map<string, Bucket>();
  private pending = new Map<string, number>();
  private readonly burst: number;
  private readonly perMs: number;
  private readonly maxAddresses: number;
  private readonly limits: string;
  private readonly db?: () => Executor;
  private readonly syncMs: number;
  private timer?: NodeJS.Timeout;
  private syncing?: Promise<void>;
  private lastPrune = 0;

  constructor(options: ThrottleOptions = {}) {
    this.burst = options.burst ?? 30;
    this.perMs = (options.perMinute ?? 30) / 60_000;
    this.maxAddresses = options.maxAddresses ?? 50_000;
    this.limits = `${this.burst}/${options.perMinute ?? 30}`;
    this.db = options.db;
    this.syncMs = options.syncMs ?? 1_000;
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
    this.startSyncing();
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
    this.startSyncing();
    let bucket = this.buckets.get(address);
    if (bucket) {
      this.refill(bucket, now);
      this.buckets.delete(address);
    } else {
      bucket = { tokens: this.burst, at: now };
      this.forgetOldest();
    }
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.buckets.set(address, bucket);
    if (this.db && this.pending.size < this.maxAddresses) this.pending.set(address, (this.pending.get(address) ?? 0) + 1);
  }

  private forgetOldest(): void {
    if (this.buckets.size < this.maxAddresses) return;
    const oldest = this.buckets.keys().next();
    if (!oldest.done) this.buckets.delete(oldest.value);
  }

  private startSyncing(): void {
    if (!this.db || this.timer) return;
    this.timer = setInterval(() => void this.sync(), this.syncMs);
    this.timer.unref();
  }

  /** Adds this instance's counts to the shared buckets and adopts the shared state; one at a time. */
  sync(): Promise<void> {
    this.syncing ??= this.exchange()
      .catch((err: unknown) => log("warn", "failure throttle sync failed", { err }))
      .finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async exchange(): Promise<void> {
    const db = this.db!();
    const batch = this.pending;
    this.pending = new Map();
    const perSecond = this.perMs * 1000;
    const current = sql`least(${this.burst}::float8, ${authFailureBuckets.tokens} + extract(epoch from now() - ${authFailureBuckets.at}) * ${perSecond}::float8)`;
    const shared: { ip: string; tokens: number }[] = [];
    if (batch.size > 0) {
      const rows = [...batch].map(([ip, n]) => ({ ip, limits: this.limits, tokens: Math.max(0, this.burst - n) }));
      shared.push(
        ...(await db
          .insert(authFailureBuckets)
          .values(rows)
          .onConflictDoUpdate({
            target: [authFailureBuckets.ip, authFailureBuckets.limits],
            set: { tokens: sql`greatest(0, ${current} - (${this.burst}::float8 - excluded.tokens))`, at: sql`now()` },
          })
          .returning({ ip: authFailureBuckets.ip, tokens: authFailureBuckets.tokens })),
      );
    }
    // Addresses other instances have emptied (updated within one refill time, still below one token).
    const refillSeconds = this.burst / perSecond;
    const recent = sql`${authFailureBuckets.limits} = ${this.limits} and ${authFailureBuckets.at} > now() - make_interval(secs => ${refillSeconds}::float8)`;
    const empty = await db
      .select({ ip: authFailureBuckets.ip, tokens: sql<number>`${current}` })
      .from(authFailureBuckets)
      .where(sql`${recent} and ${current} < 1`)
      .limit(this.maxAddresses);
    this.adopt([...shared, ...empty]);
    await this.prune(db, refillSeconds);
  }

  /** The shared count, less the failures this instance has seen since it was read. */
  private adopt(rows: { ip: string; tokens: number }[]): void {
    const now = performance.now();
    for (const { ip, tokens } of rows) {
      const since = this.pending.get(ip) ?? 0;
      if (!this.buckets.has(ip)) this.forgetOldest();
      this.buckets.delete(ip);
      this.buckets.set(ip, { tokens: Math.max(0, Number(tokens) - since), at: now });
    }
  }

  private async prune(db: Executor, refillSeconds: number): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await db.delete(authFailureBuckets).where(sql`${authFailureBuckets.at} < now() - make_interval(secs => ${refillSeconds}::float8)`);
  }

  /** Stops syncing (pending counts of this instance are dropped). */
  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
