import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabaseHandle, getDb } from "@/db/client";
import { deleteApiKey } from "@/lib/keys/rules";
import { call, startTestApi } from "@/lib/openapi/testing";
import { actorOf, createTestKey, createTestWorkspace, expireTestKey, withTestDatabase } from "@/lib/testing";
import { queryKeyUsage, queryLastUseFrom, queryPermissionsUsed, queryRequestsLast24h, queryWorkspaceUsage } from "./queries";
import { UsageRecorder } from "./recorder";

withTestDatabase();

type Count = { outcome: string; n: number };

async function minuteCounts(keyId: string): Promise<Record<string, number>> {
  const result = await getDb().execute(sql`select outcome, sum(n)::float8 as n from key_usage_minutes where key_id = ${keyId} group by outcome`);
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: Count[] }).rows) as Count[];
  return Object.fromEntries(rows.map((r) => [r.outcome, r.n]));
}

describe("usage counted on the Open API (SPEC §11)", () => {
  it("counts every request naming an existing key by outcome, writes nothing until a flush, then exactly what was asked", async () => {
    const api = await startTestApi({ usage: { flushMs: 600_000 }, lastUsedFlushMs: 600_000 });
    try {
      const ws = await createTestWorkspace("small");
      const admin = await ws.addMember(["administrator"]);
      const key = await createTestKey(ws, admin, ["read_only"]);
      const other = await createTestKey(ws, admin, ["administrator"]);
      const expired = await createTestKey(ws, admin, ["read_only"]);
      await expireTestKey(expired.id);

      for (let i = 0; i < 7; i++) expect((await call(api.url, "/api/v1/me", { key: key.secret })).status).toBe(200);
      // Read-only lacks audit:read and api_keys:read.
      for (let i = 0; i < 3; i++) expect((await call(api.url, "/api/v1/audit-log", { key: key.secret })).status).toBe(403);
      expect((await call(api.url, "/api/v1/members", { key: key.secret, headers: { "user-agent": "usage-test/1.0" } })).status).toBe(200);
      for (let i = 0; i < 2; i++) {
        const refused = await call(api.url, "/api/v1/me", { key: expired.secret });
        expect(refused.status).toBe(401);
        // The refusal knows the key (to count it) but never says which key it was.
        expect(JSON.stringify(refused.body)).not.toContain(expired.id);
      }
      expect((await call(api.url, "/api/v1/keys?limit=abc", { key: other.secret })).status).toBe(400);
      expect((await call(api.url, `/api/v1/keys/key_0000000000000000`, { key: other.secret })).status).toBe(404);
      // Answered before any route: an unknown path, another method, a body over the limit.
      expect((await call(api.url, "/api/v1/no-such-endpoint", { key: other.secret })).status).toBe(404);
      expect((await call(api.url, "/api/v1/me", { method: "DELETE", key: other.secret })).status).toBe(405);
      // Unknown keys and no key name no key: nothing to count.
      await call(api.url, "/api/v1/me", { key: `ak_${"A".repeat(32)}` });
      await call(api.url, "/api/v1/me");

      expect(api.api.stats().usage).toMatchObject({ counted: 7 + 3 + 1 + 2 + 2 + 2, writes: 0 });
      expect(await minuteCounts(key.id)).toEqual({});

      await api.api.flush();
      expect(await minuteCounts(key.id)).toEqual({ success: 8, forbidden: 3 });
      expect(await minuteCounts(expired.id)).toEqual({ expired_api_key: 2 });
      expect(await minuteCounts(other.id)).toEqual({ invalid_request: 1, not_found: 2, method_not_allowed: 1 });

      const day = await queryKeyUsage(getDb(), ws.id, key.id, "24h");
      expect(day.totals).toEqual({ success: 8, refused: 3 });
      expect(day.buckets).toHaveLength(24);
      expect(day.buckets.at(-1)).toMatchObject({ success: 8, refused: 3, byCode: { forbidden: 3 } });
      expect((await queryKeyUsage(getDb(), ws.id, key.id, "7d")).buckets).toHaveLength(168);
      const month = await queryKeyUsage(getDb(), ws.id, key.id, "30d");
      expect(month.buckets).toHaveLength(30);
      expect(month.buckets.at(-1)).toMatchObject({ success: 8, refused: 3 });

      const workspace = await queryWorkspaceUsage(getDb(), ws.id, "24h");
      expect(workspace.totals).toEqual({ success: 8, refused: 3 + 2 + 2 + 2 });
      expect(await queryRequestsLast24h(getDb(), ws.id, [key.id, other.id, expired.id])).toEqual({ [key.id]: 11, [other.id]: 4, [expired.id]: 2 });

      // Which permission each success needed: /members needs members:read; /me needs none.
      expect([...(await queryPermissionsUsed(getDb(), key.id))]).toEqual(["members:read"]);
      expect(await queryLastUseFrom(getDb(), key.id)).toMatchObject({ ip: "127.0.0.1", userAgent: "usage-test/1.0" });
      expect(await queryLastUseFrom(getDb(), expired.id)).toBeNull();

      // Counted again on top, never overwritten.
      for (let i = 0; i < 4; i++) await call(api.url, "/api/v1/me", { key: key.secret });
      await api.api.flush();
      expect(await minuteCounts(key.id)).toEqual({ success: 12, forbidden: 3 });
      expect(api.api.stats().usage!.writes).toBe(4);
    } finally {
      await api.close();
    }
  });

  it("closing the handler (the shutdown path) writes what was counted", async () => {
    const api = await startTestApi({ usage: { flushMs: 600_000 } });
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin);
    for (let i = 0; i < 5; i++) await call(api.url, "/api/v1/me", { key: key.secret });
    expect(await minuteCounts(key.id)).toEqual({});
    await api.close();
    expect(await minuteCounts(key.id)).toEqual({ success: 5 });
  });

  it("counts nothing with counting off", async () => {
    const api = await startTestApi({ usage: false });
    try {
      const ws = await createTestWorkspace("small");
      const admin = await ws.addMember(["administrator"]);
      const key = await createTestKey(ws, admin);
      await call(api.url, "/api/v1/me", { key: key.secret });
      await api.api.flush();
      expect(api.api.stats().usage).toBeUndefined();
      expect(await minuteCounts(key.id)).toEqual({});
    } finally {
      await api.close();
    }
  });
});

describe("UsageRecorder", () => {
  it("two recorders (two instances) adding to the same buckets at once lose nothing", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const keys = await Promise.all(Array.from({ length: 5 }, () => createTestKey(ws, admin)));
    const a = new UsageRecorder({ db: () => getDb(), flushMs: 600_000 });
    const b = new UsageRecorder({ db: () => getDb(), flushMs: 600_000 });
    const now = Date.now();
    for (let round = 0; round < 3; round++) {
      for (const [i, key] of keys.entries()) {
        a.count(key.id, "success", now, i + 1);
        b.count(key.id, "success", now, 10 * (i + 1));
        b.count(key.id, "forbidden", now - 60_000, 1);
      }
      await Promise.all([a.flush(), b.flush()]);
    }
    expect(a.stats.failures + b.stats.failures).toBe(0);
    for (const [i, key] of keys.entries()) {
      expect(await minuteCounts(key.id)).toEqual({ success: 3 * 11 * (i + 1), forbidden: 3 });
    }
    expect((await queryWorkspaceUsage(getDb(), ws.id, "24h", now)).totals).toEqual({ success: 3 * 11 * 15, refused: 15 });
  });

  it("keeps counts of a minute that turned apart, and drops the counts of a key deleted before the flush", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const kept = await createTestKey(ws, admin);
    const gone = await createTestKey(ws, admin);
    const recorder = new UsageRecorder({ db: () => getDb(), flushMs: 600_000 });
    const minute = Date.now() - (Date.now() % 60_000);
    recorder.count(kept.id, "success", minute - 1);
    recorder.count(kept.id, "success", minute + 1);
    recorder.count(kept.id, "success", minute - 2);
    recorder.count(gone.id, "success", minute);
    expect(recorder.pendingBuckets).toBe(3);
    expect((await deleteApiKey(actorOf(admin), gone.id)).ok).toBe(true);
    await recorder.flush();
    expect(recorder.stats.failures).toBe(0);
    const result = await getDb().execute(
      sql`select (extract(epoch from minute) * 1000)::float8 as at, n::float8 as n from key_usage_minutes where key_id = ${kept.id} order by minute`,
    );
    const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { at: number; n: number }[];
    expect(rows).toEqual([
      { at: minute - 60_000, n: 2 },
      { at: minute, n: 1 },
    ]);
    expect(await minuteCounts(gone.id)).toEqual({});
  });

  it("a failed flush keeps the counts for the next one", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin);
    let broken = true;
    const recorder = new UsageRecorder({
      db: () => (broken ? ({ execute: () => Promise.reject(new Error("connection lost")) } as unknown as ReturnType<typeof getDb>) : getDb()),
      flushMs: 600_000,
    });
    recorder.count(key.id, "success", Date.now(), 3);
    recorder.recordSuccess(key.id, Date.now(), "members:read", "10.0.0.1", "agent");
    await recorder.flush();
    expect(recorder.stats.failures).toBe(2);
    broken = false;
    await recorder.flush();
    expect(await minuteCounts(key.id)).toEqual({ success: 3 });
    expect(await queryLastUseFrom(getDb(), key.id)).toMatchObject({ ip: "10.0.0.1", userAgent: "agent" });
    expect(recorder.stats.counted).toBe(3);
  });

  it("writes the last use of 20,000 keys seen between two flushes (in batches, not one statement)", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin);
    const recorder = new UsageRecorder({ db: () => getDb(), flushMs: 600_000 });
    const now = Date.now();
    // Ids of keys that do not exist stand for the many keys a cold run sees: their rows are dropped by the join.
    for (let i = 0; i < 20_000; i++) recorder.recordSuccess(`key_${i.toString(16).padStart(16, "0")}`, now, "members:read", "10.0.0.2", "agent");
    recorder.recordSuccess(key.id, now, "members:read", "10.0.0.3", "agent");
    await recorder.flush();
    expect(recorder.stats.failures).toBe(0);
    expect(await queryLastUseFrom(getDb(), key.id)).toMatchObject({ ip: "10.0.0.3" });
  });
});

describe.skipIf(!process.env.DATABASE_URL)("a flush racing a key's deletion (PostgreSQL; skipped: DATABASE_URL unset)", () => {
  it("drops the key deleted while the flush waits on it and writes the rest of the batch", async () => {
    const handle = getDatabaseHandle();
    if (handle.kind !== "postgres") throw new Error("DATABASE_URL is set: the test database is PostgreSQL");
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const kept = await createTestKey(ws, admin);
    const gone = await createTestKey(ws, admin);
    const recorder = new UsageRecorder({ db: () => getDb(), flushMs: 600_000 });
    const now = Date.now();
    for (const key of [kept, gone]) {
      recorder.count(key.id, "success", now, 2);
      recorder.recordSuccess(key.id, now, "members:read", "10.0.0.4", "agent");
    }

    // The deletion holds the key's row until it commits; the flush starts meanwhile and waits on it.
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let deleting!: () => void;
    const deleted = new Promise<void>((resolve) => (deleting = resolve));
    const deletion = handle.client.begin(async (tx) => {
      await tx`delete from api_keys where id = ${gone.id}`;
      deleting();
      await committed;
    });
    await deleted;
    const flushed = recorder.flush();
    for (let i = 0; i < 250; i++) {
      const [waiting] = await handle.client`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%key_usage_minutes%'`;
      if (waiting!.n > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    commit();
    await deletion;
    await flushed;

    expect(recorder.stats.failures).toBe(0);
    expect(await minuteCounts(kept.id)).toEqual({ success: 2 });
    expect(await minuteCounts(gone.id)).toEqual({});
    expect(await queryLastUseFrom(getDb(), kept.id)).toMatchObject({ ip: "10.0.0.4" });
  });
});
