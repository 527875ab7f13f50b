import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { log } from "@/lib/log";

type Use = { at: number; ip: string | null };

export type LastUsedStats = {
  /** UPDATE statements run. */
  writes: number;
  /** Key rows those statements carried. */
  keysWritten: number;
  failures: number;
};

const BATCH = 500;

/**
 * "Last used" without a database write per request: uses are remembered in memory (the newest
 * per key) and written in batches once per `flushMs`, so each key costs at most one row update
 * per interval however busy it is. `close()` writes what is left (shutdown).
 */
export class LastUsedRecorder {
  readonly stats: LastUsedStats = { writes: 0, keysWritten: 0, failures: 0 };
  private pending = new Map<string, Use>();
  private pendingPrevious = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(private readonly options: { db: () => Executor; flushMs: number }) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.options.flushMs);
    this.timer.unref();
  }

  get pendingKeys(): number {
    return this.pending.size;
  }

  record(keyId: string, at: number, ip: string | null): void {
    const previous = this.pending.get(keyId);
    if (!previous) {
      this.pending.set(keyId, { at, ip });
    } else if (previous.at <= at) {
      // In place: this runs on every verified request.
      previous.at = at;
      previous.ip = ip;
    }
  }

  /**
   * SPEC §9.1: a use of a rolled key's previous secret (by its hash), so the details page shows
   * when the old secret went quiet. Written with the next flush.
   */
  recordPreviousSecret(secretHash: string, at: number): void {
    const previous = this.pendingPrevious.get(secretHash);
    if (previous === undefined || previous < at) this.pendingPrevious.set(secretHash, at);
  }

  /** Writes every pending use now; waits for a flush already under way. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending.size === 0 && this.pendingPrevious.size === 0) return;
    this.flushing = this.writePending().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async writePending(): Promise<void> {
    await this.writePreviousSecretUses();
    const batch = [...this.pending];
    this.pending = new Map();
    for (let i = 0; i < batch.length; i += BATCH) {
      const chunk = batch.slice(i, i + BATCH);
      try {
        await this.write(chunk);
      } catch (err) {
        this.stats.failures++;
        log("warn", "last used not written; retrying at the next flush", { keys: chunk.length, err });
        for (const [keyId, use] of chunk) this.record(keyId, use.at, use.ip);
      }
    }
  }

  private async writePreviousSecretUses(): Promise<void> {
    const uses = [...this.pendingPrevious].slice(0, BATCH);
    for (const [hash] of uses) this.pendingPrevious.delete(hash);
    if (uses.length === 0) return;
    const hashes = uses.map(([hash]) => hash);
    const ats = uses.map(([, at]) => new Date(at).toISOString());
    try {
      this.stats.writes++;
      await this.options.db().execute(sql`
        update api_keys as k set previous_secret_last_used_at = u.at
        from unnest(${sql.param(hashes)}::text[], ${sql.param(ats)}::text[]::timestamptz[]) as u(hash, at)
        where k.previous_secret_hash = u.hash and (k.previous_secret_last_used_at is null or k.previous_secret_last_used_at < u.at)`);
    } catch (err) {
      this.stats.failures++;
      log("warn", "previous secret last used not written; retrying at the next flush", { keys: uses.length, err });
      for (const [hash, at] of uses) this.recordPreviousSecret(hash, at);
    }
  }

  private async write(chunk: [string, Use][]): Promise<void> {
    // One array parameter per column: the same short statement for every batch (times as text[],
    // as in lib/usage/recorder.ts).
    const ids = chunk.map(([keyId]) => keyId);
    const ats = chunk.map(([, use]) => new Date(use.at).toISOString());
    const ips = chunk.map(([, use]) => use.ip);
    this.stats.writes++;
    this.stats.keysWritten += chunk.length;
    // Never moves "last used" backwards when several instances flush the same key.
    await this.options.db().execute(sql`
      update api_keys as k set last_used_at = u.at, last_used_ip = u.ip
      from unnest(${sql.param(ids)}::text[], ${sql.param(ats)}::text[]::timestamptz[], ${sql.param(ips)}::text[]) as u(id, at, ip)
      where k.id = u.id and (k.last_used_at is null or k.last_used_at < u.at)`);
  }
}
