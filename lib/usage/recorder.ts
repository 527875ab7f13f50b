import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { log } from "@/lib/log";
import { deleteExpiredUsage } from "./retention";

/** "success", or the error code the request got (invalid_request, forbidden, expired_api_key…). */
export type UsageOutcome = string;

export const SUCCESS = "success";

export type UsageStats = {
  /** Requests counted in memory since start. */
  counted: number;
  /** Statements run by flushes. */
  writes: number;
  /** Bucket rows (key × minute × outcome) those statements carried. */
  rowsWritten: number;
  failures: number;
};

type MinuteCounts = { minute: number; outcomes: Map<UsageOutcome, number> };
type KeyCounts = { current: MinuteCounts; earlier: MinuteCounts[] };
type LastUse = { at: number; ip: string | null; userAgent: string | null };

const MINUTE = 60_000;
const BATCH = 1_000;
const USER_AGENT_MAX = 300;

const RETENTION_EVERY = 3_600_000;

export type UsageRecorderOptions = { db: () => Executor; flushMs: number };

/**
 * SPEC §11: every request naming an existing key is counted per key, per minute, by outcome, in
 * memory, and written once per `flushMs` (and at shutdown) by one statement per 1,000 buckets:
 * a multi-row upsert that adds to what is stored, so several instances share the same buckets
 * and none overwrites another's counts. The statement writes the minute, the hour and the
 * workspace buckets at once: a failed flush changes nothing and is retried whole.
 *
 * `count` is on the hot path: a few Map look-ups, no promise, no allocation once a key's minute
 * is open.
 */
export class UsageRecorder {
  readonly stats: UsageStats = { counted: 0, writes: 0, rowsWritten: 0, failures: 0 };
  private counts = new Map<string, KeyCounts>();
  private permissions = new Map<string, Map<string, number>>();
  private lastUses = new Map<string, LastUse>();
  private timer: NodeJS.Timeout | undefined;
  private retention: NodeJS.Timeout | undefined;
  private hourly: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(private readonly options: UsageRecorderOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.options.flushMs);
    this.timer.unref();
    // Old buckets go once an hour (the first time a minute after start), from whichever instance.
    const expire = () =>
      void deleteExpiredUsage(this.options.db()).catch((err: unknown) => log("warn", "old usage not deleted", { err }));
    this.retention = setTimeout(expire, 60_000);
    this.retention.unref();
    const hourly = setInterval(expire, RETENTION_EVERY);
    hourly.unref();
    this.hourly = hourly;
  }

  /** Buckets (key × minute) waiting for the next flush. */
  get pendingBuckets(): number {
    let n = 0;
    for (const counts of this.counts.values()) n += 1 + counts.earlier.length;
    return n;
  }

  /** One request naming `keyId`, answered with `outcome`. */
  count(keyId: string, outcome: UsageOutcome, at: number, n = 1): void {
    this.stats.counted += n;
    const minute = at - (at % MINUTE);
    let counts = this.counts.get(keyId);
    if (!counts) {
      counts = { current: { minute, outcomes: new Map() }, earlier: [] };
      this.counts.set(keyId, counts);
    } else if (counts.current.minute !== minute) {
      if (minute > counts.current.minute) {
        counts.earlier.push(counts.current);
        counts.current = { minute, outcomes: new Map() };
      } else {
        // A request that began before the minute turned (or counts put back after a failed flush).
        let bucket = counts.earlier.find((b) => b.minute === minute);
        if (!bucket) {
          bucket = { minute, outcomes: new Map() };
          counts.earlier.push(bucket);
        }
        bucket.outcomes.set(outcome, (bucket.outcomes.get(outcome) ?? 0) + n);
        return;
      }
    }
    const outcomes = counts.current.outcomes;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + n);
  }

  /** A successful request: the permission it needed (if any), and where it came from. */
  recordSuccess(keyId: string, at: number, permission: string | null, ip: string | null, userAgent: string | null): void {
    if (permission) {
      let used = this.permissions.get(keyId);
      if (!used) {
        used = new Map();
        this.permissions.set(keyId, used);
      }
      if ((used.get(permission) ?? 0) < at) used.set(permission, at);
    }
    const last = this.lastUses.get(keyId);
    if (!last) {
      this.lastUses.set(keyId, { at, ip, userAgent });
    } else if (last.at <= at) {
      last.at = at;
      last.ip = ip;
      last.userAgent = userAgent;
    }
  }

  /** Writes everything counted so far; waits for a flush already under way. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.counts.size === 0 && this.permissions.size === 0 && this.lastUses.size === 0) return;
    this.flushing = this.writePending().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.retention);
    clearInterval(this.hourly);
    this.timer = undefined;
    await this.flush();
  }

  private async writePending(): Promise<void> {
    const counts = this.counts;
    const permissions = this.permissions;
    const lastUses = this.lastUses;
    this.counts = new Map();
    this.permissions = new Map();
    this.lastUses = new Map();

    // Sorted, so that instances flushing the same buckets lock them in one order (no deadlock).
    const rows: [string, number, string, number][] = [];
    for (const [keyId, { current, earlier }] of counts) {
      for (const bucket of [...earlier, current]) {
        for (const [outcome, n] of bucket.outcomes) rows.push([keyId, bucket.minute, outcome, n]);
      }
    }
    rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0)));
    for (let i = 0; i < rows.length; i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      await this.attempt("usage counts", () => this.writeCounts(chunk), () => {
        for (const [keyId, minute, outcome, n] of chunk) this.count(keyId, outcome, minute, n);
        this.stats.counted -= chunk.reduce((s, r) => s + r[3], 0);
      });
    }

    const uses = [...permissions].flatMap(([keyId, used]) => [...used].map(([permission, at]) => [keyId, permission, at] as const));
    uses.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
    const lasts = [...lastUses].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    // In batches as the counts, so that no one statement holds the locks of 50,000 rows.
    for (let i = 0; i < Math.max(uses.length, lasts.length); i += BATCH) {
      const someUses = uses.slice(i, i + BATCH);
      const someLasts = lasts.slice(i, i + BATCH);
      await this.attempt("last use", () => this.writeUses(someUses, someLasts), () => {
        for (const [keyId, permission, at] of someUses) this.recordSuccess(keyId, at, permission, null, null);
        for (const [keyId, last] of someLasts) this.recordSuccess(keyId, last.at, null, last.ip, last.userAgent);
      });
    }
  }

  private async attempt(what: string, write: () => Promise<void>, putBack: () => void): Promise<void> {
    try {
      this.stats.writes++;
      await write();
    } catch (err) {
      this.stats.failures++;
      log("warn", `${what} not written; retrying at the next flush`, { err });
      putBack();
    }
  }

  private async writeCounts(chunk: [string, number, string, number][]): Promise<void> {
    // One array parameter per column: the statement's text is the same for every flush, however
    // many rows it carries, and building it costs nothing per row. Times travel as text[] (drizzle's
    // postgres.js driver passes timestamptz values through unserialized, arrays of them included).
    const keyIds = chunk.map((r) => r[0]);
    const minutes = chunk.map((r) => new Date(r[1]).toISOString());
    const outcomes = chunk.map((r) => r[2]);
    const ns = chunk.map((r) => r[3]);
    this.stats.rowsWritten += chunk.length;
    // Deleted keys' counts are dropped by the join (their rows went with them). So are those of a
    // key deleted while the flush runs: the join's key-share lock waits for that deletion, and the
    // key drops out instead of failing the inserts' foreign keys (and with them the whole batch).
    await this.options.db().execute(sql`
      with v(key_id, minute, outcome, n) as (
        select * from unnest(${sql.param(keyIds)}::text[], ${sql.param(minutes)}::text[]::timestamptz[], ${sql.param(outcomes)}::text[], ${sql.param(ns)}::bigint[])
      ),
      known as (
        select v.key_id, k.workspace_id, v.minute, v.outcome, v.n from v join api_keys k on k.id = v.key_id for key share of k
      ),
      minutes as (
        insert into key_usage_minutes (key_id, workspace_id, minute, outcome, n)
        select key_id, workspace_id, minute, outcome, n from known order by key_id, minute, outcome
        on conflict (key_id, minute, outcome) do update set n = key_usage_minutes.n + excluded.n
      ),
      hours as (
        insert into key_usage_hours (key_id, workspace_id, hour, outcome, n)
        select key_id, workspace_id, date_trunc('hour', minute), outcome, sum(n) from known
        group by key_id, workspace_id, date_trunc('hour', minute), outcome
        order by key_id, date_trunc('hour', minute), outcome
        on conflict (key_id, hour, outcome) do update set n = key_usage_hours.n + excluded.n
      )
      insert into workspace_usage_hours (workspace_id, hour, outcome, n)
      select workspace_id, date_trunc('hour', minute), outcome, sum(n) from known
      group by workspace_id, date_trunc('hour', minute), outcome
      order by workspace_id, date_trunc('hour', minute), outcome
      on conflict (workspace_id, hour, outcome) do update set n = workspace_usage_hours.n + excluded.n`);
  }

  private async writeUses(uses: (readonly [string, string, number])[], lasts: [string, LastUse][]): Promise<void> {
    const parts: SQL[] = [];
    if (uses.length) {
      const keyIds = uses.map((u) => u[0]);
      const names = uses.map((u) => u[1]);
      const ats = uses.map((u) => new Date(u[2]).toISOString());
      parts.push(sql`permission_uses as (
        insert into key_permission_uses (key_id, permission, last_used_at)
        select p.key_id, p.permission, p.at
        from unnest(${sql.param(keyIds)}::text[], ${sql.param(names)}::text[], ${sql.param(ats)}::text[]::timestamptz[]) as p(key_id, permission, at)
        join api_keys k on k.id = p.key_id order by p.key_id, p.permission for key share of k
        on conflict (key_id, permission) do update
        set last_used_at = greatest(key_permission_uses.last_used_at, excluded.last_used_at)
      )`);
    }
    if (lasts.length) {
      const keyIds = lasts.map(([keyId]) => keyId);
      const ats = lasts.map(([, u]) => new Date(u.at).toISOString());
      const ips = lasts.map(([, u]) => u.ip);
      const agents = lasts.map(([, u]) => u.userAgent?.slice(0, USER_AGENT_MAX) ?? null);
      parts.push(sql`last_uses as (
        insert into key_last_uses (key_id, at, ip, user_agent)
        select l.key_id, l.at, l.ip, l.user_agent
        from unnest(${sql.param(keyIds)}::text[], ${sql.param(ats)}::text[]::timestamptz[], ${sql.param(ips)}::text[], ${sql.param(agents)}::text[]) as l(key_id, at, ip, user_agent)
        join api_keys k on k.id = l.key_id order by l.key_id for key share of k
        on conflict (key_id) do update set at = excluded.at, ip = excluded.ip, user_agent = excluded.user_agent
        where key_last_uses.at < excluded.at
      )`);
    }
    await this.options.db().execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
  }
}
