import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { UsageRange } from "@/lib/validations/usage";
import { SUCCESS } from "./recorder";
import { bucketIndex, bucketsOf } from "./ranges";

export type UsageBucket = { start: string; success: number; refused: number; byCode: Record<string, number> };
export type UsageSeries = { range: UsageRange; buckets: UsageBucket[]; totals: { success: number; refused: number } };
export type TopKey = { keyId: string; name: string; requests: number; refused: number };
export type LastUseFrom = { at: string; ip: string | null; userAgent: string | null };

type HourRow = { at: number; outcome: string; n: number };

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows: T[] }).rows ?? [])) as T[];

/** Hourly rows (epoch ms, outcome, count) as the range's buckets and totals. */
function seriesOf(range: UsageRange, rows: HourRow[], now: number): UsageSeries {
  const shape = bucketsOf(range, now);
  const buckets: UsageBucket[] = Array.from({ length: shape.count }, (_, i) => ({
    start: new Date(shape.first + i * shape.size).toISOString(),
    success: 0,
    refused: 0,
    byCode: {},
  }));
  const totals = { success: 0, refused: 0 };
  for (const row of rows) {
    const bucket = buckets[bucketIndex(shape, row.at)];
    if (!bucket) continue;
    if (row.outcome === SUCCESS) {
      bucket.success += row.n;
      totals.success += row.n;
    } else {
      bucket.refused += row.n;
      bucket.byCode[row.outcome] = (bucket.byCode[row.outcome] ?? 0) + row.n;
      totals.refused += row.n;
    }
  }
  return { range, buckets, totals };
}

const since = (range: UsageRange, now: number) => new Date(bucketsOf(range, now).first).toISOString();

async function keyHours(db: Executor, workspaceId: string, keyId: string, from: string): Promise<HourRow[]> {
  const result = await db.execute(sql`
    select (extract(epoch from hour) * 1000)::float8 as at, outcome, n::float8 as n from key_usage_hours
    where key_id = ${keyId} and workspace_id = ${workspaceId} and hour >= ${from}::timestamptz`);
  return rowsOf<HourRow>(result);
}

async function workspaceHours(db: Executor, workspaceId: string, from: string): Promise<HourRow[]> {
  const result = await db.execute(sql`
    select (extract(epoch from hour) * 1000)::float8 as at, outcome, n::float8 as n from workspace_usage_hours
    where workspace_id = ${workspaceId} and hour >= ${from}::timestamptz`);
  return rowsOf<HourRow>(result);
}

export type UsageByRange = Record<UsageRange, UsageSeries>;

const allRanges = (rows: HourRow[], now: number): UsageByRange => ({
  "24h": seriesOf("24h", rows, now),
  "7d": seriesOf("7d", rows, now),
  "30d": seriesOf("30d", rows, now),
});

/** One key's requests over `range` (hourly buckets; daily for 30 days). The caller checks the key is visible. */
export async function queryKeyUsage(db: Executor, workspaceId: string, keyId: string, range: UsageRange, now = Date.now()): Promise<UsageSeries> {
  return seriesOf(range, await keyHours(db, workspaceId, keyId, since(range, now)), now);
}

/** The three ranges of one key from one query (the details page shows them as tabs). */
export async function queryKeyUsageByRange(db: Executor, workspaceId: string, keyId: string, now = Date.now()): Promise<UsageByRange> {
  return allRanges(await keyHours(db, workspaceId, keyId, since("30d", now)), now);
}

/** The workspace's requests over `range`, the owner key's included (a total says nothing about it). */
export async function queryWorkspaceUsage(db: Executor, workspaceId: string, range: UsageRange, now = Date.now()): Promise<UsageSeries> {
  return seriesOf(range, await workspaceHours(db, workspaceId, since(range, now)), now);
}

export async function queryWorkspaceUsageByRange(db: Executor, workspaceId: string, now = Date.now()): Promise<UsageByRange> {
  return allRanges(await workspaceHours(db, workspaceId, since("30d", now)), now);
}

/**
 * The 10 keys with the most requests and the 10 with the most refusals over `range`, in one query;
 * the owner key only when `withOwnerKey` (the Owner).
 */
export async function queryTopKeys(
  db: Executor,
  workspaceId: string,
  range: UsageRange,
  withOwnerKey: boolean,
  now = Date.now(),
): Promise<{ byRequests: TopKey[]; byRefusals: TopKey[] }> {
  const result = await db.execute(sql`
    with per_key as (
      select u.key_id, k.name, sum(u.n)::float8 as requests, coalesce(sum(u.n) filter (where u.outcome <> ${SUCCESS}), 0)::float8 as refused
      from key_usage_hours u join api_keys k on k.id = u.key_id and k.workspace_id = ${workspaceId}
      where u.workspace_id = ${workspaceId} and u.hour >= ${since(range, now)}::timestamptz
        and ${withOwnerKey ? sql`true` : sql`not k.is_owner_key`}
      group by u.key_id, k.name
    ),
    ranked as (
      (select 'requests' as list, * from per_key order by requests desc, key_id limit 10)
      union all
      (select 'refusals' as list, * from per_key where refused > 0 order by refused desc, key_id limit 10)
    )
    select list, key_id as "keyId", name, requests, refused from ranked`);
  const rows = rowsOf<TopKey & { list: string }>(result);
  const pick = (list: string, order: (t: TopKey) => number) =>
    rows
      .filter((r) => r.list === list)
      .map(({ keyId, name, requests, refused }) => ({ keyId, name, requests, refused }))
      .sort((a, b) => order(b) - order(a) || (a.keyId < b.keyId ? -1 : 1));
  return { byRequests: pick("requests", (t) => t.requests), byRefusals: pick("refusals", (t) => t.refused) };
}

/**
 * "Requests (24 h)" of a page of keys (refused included), in one query on the hourly buckets'
 * primary key: the 24 hourly buckets ending with the current hour, as the "24 hours" chart counts.
 */
export async function queryRequestsLast24h(db: Executor, workspaceId: string, keyIds: readonly string[], now = Date.now()): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(keyIds.map((id) => [id, 0]));
  if (keyIds.length === 0) return counts;
  // The page's ids as one array parameter: one value to bind, not 50.
  const result = await db.execute(sql`
    select key_id as "keyId", sum(n)::float8 as n from key_usage_hours
    where key_id = any(${sql.param(keyIds)}::text[]) and workspace_id = ${workspaceId} and hour >= ${since("24h", now)}::timestamptz
    group by key_id`);
  for (const row of rowsOf<{ keyId: string; n: number }>(result)) counts[row.keyId] = row.n;
  return counts;
}

const PERMISSIONS_WINDOW = 30 * 24 * 3_600_000;

/** The permissions successful requests of the key needed in the last 30 days. */
export async function queryPermissionsUsed(db: Executor, keyId: string, now = Date.now()): Promise<Set<string>> {
  const result = await db.execute(sql`
    select permission from key_permission_uses
    where key_id = ${keyId} and last_used_at >= ${new Date(now - PERMISSIONS_WINDOW).toISOString()}::timestamptz`);
  return new Set(rowsOf<{ permission: string }>(result).map((r) => r.permission));
}

/** Address and user agent of the key's last successful request, or null when it never had one. */
export async function queryLastUseFrom(db: Executor, keyId: string): Promise<LastUseFrom | null> {
  const result = await db.execute(sql`select at, ip, user_agent as "userAgent" from key_last_uses where key_id = ${keyId}`);
  const [row] = rowsOf<{ at: Date | string; ip: string | null; userAgent: string | null }>(result);
  return row ? { at: new Date(row.at).toISOString(), ip: row.ip, userAgent: row.userAgent } : null;
}
