import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { call, startTestApi } from "@/lib/openapi/testing";
import { actorOf, createTestKey, createTestWorkspace, withTestDatabase } from "@/lib/testing";
import { getKeyUseDetails, getTopKeys, getWorkspaceUsage } from "./read";
import { UsageRecorder } from "./recorder";
import { deleteExpiredUsage } from "./retention";

withTestDatabase();

let api: Awaited<ReturnType<typeof startTestApi>>;
beforeAll(async () => {
  api = await startTestApi({ usage: { flushMs: 600_000 } });
});
afterAll(async () => {
  await api.close();
});

const HOUR = 3_600_000;

describe("GET /api/v1/keys/{keyId}/usage and GET /api/v1/usage", () => {
  it("answer the counts by range, refuse an unknown range naming it, and hide other workspaces' and the owner's keys", async () => {
    const ws = await createTestWorkspace("small");
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    const reader = await createTestKey(ws, admin, ["administrator"]);
    const standard = await createTestKey(ws, admin, ["standard"]);
    const ownerKey = await createTestKey(ws, owner, ["owner"]);
    const elsewhere = await createTestWorkspace("small");
    const stranger = await createTestKey(elsewhere, await elsewhere.addMember(["administrator"]), ["administrator"]);

    for (let i = 0; i < 3; i++) await call(api.url, "/api/v1/me", { key: standard.secret });
    await call(api.url, "/api/v1/audit-log", { key: standard.secret });
    await call(api.url, "/api/v1/me", { key: ownerKey.secret });
    await api.api.flush();

    for (const range of ["24h", "7d", "30d"] as const) {
      const res = await call(api.url, `/api/v1/keys/${standard.id}/usage?range=${range}`, { key: reader.secret });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ range, totals: { success: 3, refused: 1 } });
      const buckets = res.body.buckets as { start: string; success: number; refused: number; byCode: Record<string, number> }[];
      expect(buckets).toHaveLength(range === "24h" ? 24 : range === "7d" ? 168 : 30);
      expect(buckets.at(-1)).toMatchObject({ success: 3, refused: 1, byCode: { forbidden: 1 } });
      const step = range === "30d" ? 24 * HOUR : HOUR;
      expect(Date.parse(buckets[1]!.start) - Date.parse(buckets[0]!.start)).toBe(step);
    }
    // No range: 24 hours.
    expect((await call(api.url, `/api/v1/keys/${standard.id}/usage`, { key: reader.secret })).body.range).toBe("24h");

    const bad = await call(api.url, `/api/v1/keys/${standard.id}/usage?range=1y`, { key: reader.secret });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_request", field: "range" });
    expect(bad.body.error!.message).toContain("range");
    const badWorkspace = await call(api.url, "/api/v1/usage?range=week", { key: reader.secret });
    expect(badWorkspace.status).toBe(400);
    expect(badWorkspace.body.error).toMatchObject({ field: "range" });

    expect((await call(api.url, `/api/v1/keys/${stranger.id}/usage`, { key: reader.secret })).status).toBe(404);
    expect((await call(api.url, `/api/v1/keys/${ownerKey.id}/usage`, { key: reader.secret })).status).toBe(404);
    expect((await call(api.url, `/api/v1/keys/key_0000000000000000/usage`, { key: reader.secret })).status).toBe(404);
    // The owner key sees its own.
    const own = await call(api.url, `/api/v1/keys/${ownerKey.id}/usage`, { key: ownerKey.secret });
    expect(own.status).toBe(200);
    expect(own.body.totals).toEqual({ success: 1, refused: 0 });

    // The workspace: api_keys:read; the owner key's requests are in the totals.
    await api.api.flush();
    const workspace = await call(api.url, "/api/v1/usage?range=7d", { key: reader.secret });
    expect(workspace.status).toBe(200);
    // Every request so far: the standard key's 3 + 1, the owner key's 2, and this test's reader calls (4 + 2 × 400 + 3 × 404).
    expect(workspace.body.totals).toEqual({ success: 3 + 2 + 4, refused: 1 + 2 + 3 });
    const denied = await call(api.url, "/api/v1/usage", { key: standard.secret });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: "forbidden", permission: "api_keys:read" });
  });
});

describe("top keys, permissions used", () => {
  it("ranks keys by requests and by refusals, and shows the owner key to the Owner alone", async () => {
    const ws = await createTestWorkspace("small");
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    const second = await ws.addMember(["administrator"]);
    const keys = [];
    for (let i = 0; i < 12; i++) keys.push(await createTestKey(ws, i < 6 ? admin : second));
    const ownerKey = await createTestKey(ws, owner, ["owner"]);
    const recorder = new UsageRecorder({ db: () => getDb(), flushMs: 600_000 });
    const now = Date.now();
    keys.forEach((key, i) => {
      recorder.count(key.id, "success", now, 100 + 10 * i);
      if (i < 3) recorder.count(key.id, "forbidden", now, 3 - i);
    });
    recorder.count(ownerKey.id, "success", now, 1_000);
    recorder.count(ownerKey.id, "invalid_request", now, 50);
    await recorder.flush();

    const forAdmin = await getTopKeys(actorOf(admin), "24h");
    if (!forAdmin.ok) throw new Error(forAdmin.error);
    expect(forAdmin.data.byRequests.map((k) => k.keyId)).toEqual(keys.slice(2).reverse().map((k) => k.id));
    expect(forAdmin.data.byRequests[0]).toMatchObject({ requests: 210, refused: 0 });
    expect(forAdmin.data.byRefusals.map((k) => [k.keyId, k.refused])).toEqual([
      [keys[0]!.id, 3],
      [keys[1]!.id, 2],
      [keys[2]!.id, 1],
    ]);
    const forOwner = await getTopKeys(actorOf(owner), "24h");
    if (!forOwner.ok) throw new Error(forOwner.error);
    expect(forOwner.data.byRequests[0]).toMatchObject({ keyId: ownerKey.id, requests: 1_050 });
    expect(forOwner.data.byRefusals[0]).toMatchObject({ keyId: ownerKey.id, refused: 50 });
    // The workspace totals hold the owner key's requests for everyone who may see them.
    const totals = await getWorkspaceUsage(actorOf(admin), { range: "24h" });
    expect(totals.ok && totals.data.totals).toEqual({ success: 12 * 100 + 660 + 1_000, refused: 6 + 50 });

    const standardMember = await ws.addMember(["standard"]);
    expect((await getTopKeys(actorOf(standardMember), "24h")).ok).toBe(false);
    expect((await getWorkspaceUsage(actorOf(standardMember), {})).ok).toBe(false);
  });

  it("marks each effective permission used or unused by a success in the last 30 days", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin, ["administrator"]);
    const recorder = new UsageRecorder({ db: () => getDb(), flushMs: 600_000 });
    recorder.recordSuccess(key.id, Date.now(), "members:read", "10.1.2.3", "curl/8.5.0");
    recorder.recordSuccess(key.id, Date.now() - 31 * 24 * HOUR, "audit:read", null, null);
    await recorder.flush();
    const details = await getKeyUseDetails(key.id, ["members:read", "audit:read", "api_keys:read"]);
    expect(details.permissions).toEqual([
      { permission: "members:read", used: true },
      { permission: "audit:read", used: false },
      { permission: "api_keys:read", used: false },
    ]);
    expect(details.lastUseFrom).toMatchObject({ ip: "10.1.2.3", userAgent: "curl/8.5.0" });
  });
});

describe("retention", () => {
  it("deletes minute buckets after 48 hours and hourly ones after 90 days, in batches, and nothing newer", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin);
    const now = Date.now();
    const recorder = new UsageRecorder({ db: () => getDb(), flushMs: 600_000 });
    const ages = [1, 47, 49, 24 * 89, 24 * 91, 24 * 200].map((h) => h * HOUR);
    for (const age of ages) recorder.count(key.id, "success", now - age, 1);
    for (let i = 0; i < 7; i++) recorder.count(key.id, "forbidden", now - 72 * HOUR - i * 60_000, 1);
    await recorder.flush();

    const removed = await deleteExpiredUsage(getDb(), now, 3);
    expect(removed.minutes).toBeGreaterThanOrEqual(3 + 1 + 7);
    const ageOf = async (table: "key_usage_minutes" | "key_usage_hours") => {
      const column = table === "key_usage_minutes" ? sql`minute` : sql`hour`;
      const result = await getDb().execute(
        sql`select round((${now}::float8 - extract(epoch from ${column}) * 1000) / ${HOUR})::int as h from ${sql.raw(table)} where key_id = ${key.id} order by 1`,
      );
      return ((Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { h: number }[]).map((r) => r.h);
    };
    expect(await ageOf("key_usage_minutes")).toEqual([1, 47]);
    // Hourly buckets start on the hour: an age here is up to an hour more than the request's.
    const hours = await ageOf("key_usage_hours");
    expect(hours.filter((h) => h > 24 * 90 + 1)).toEqual([]);
    expect(hours.filter((h) => h >= 24 * 89 && h <= 24 * 89 + 1)).toHaveLength(1);
    expect(hours.filter((h) => h <= 50)).toHaveLength(3);
    const workspace = await getWorkspaceUsage(actorOf(admin), { range: "30d" });
    expect(workspace.ok && workspace.data.totals.success).toBe(3);
  });
});
