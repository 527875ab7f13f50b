import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { actorFromMembership } from "@/lib/auth/actor";
import { getApiKey } from "@/lib/keys/rules";
import { call, startTestApi } from "@/lib/openapi/testing";
import { createTestKey } from "@/lib/testing";
import { LastUsedRecorder } from "./last-used";

withTestDatabase();

const lastUsedOf = async (ids: string[]) =>
  getDb().select({ id: apiKeys.id, at: apiKeys.lastUsedAt, ip: apiKeys.lastUsedIp }).from(apiKeys).where(inArray(apiKeys.id, ids));

describe('"Last used" of keys used through the Open API', () => {
  it("writes nothing per request and one row per key per flush, with the time and the caller's IP", async () => {
    const api = await startTestApi({ lastUsedFlushMs: 60_000 });
    try {
      const ws = await createTestWorkspace("small");
      const admin = await ws.addMember(["administrator"]);
      const a = await createTestKey(ws, admin);
      const b = await createTestKey(ws, admin);
      const before = Date.now();
      for (let i = 0; i < 25; i++) expect((await call(api.url, "/api/v1/me", { key: a.secret })).status).toBe(200);
      for (let i = 0; i < 5; i++) await call(api.url, "/api/v1/me", { key: b.secret });

      expect(api.api.stats().lastUsed.writes).toBe(0);
      expect((await lastUsedOf([a.id, b.id])).every((r) => r.at === null)).toBe(true);

      await api.api.flush();
      expect(api.api.stats().lastUsed).toMatchObject({ writes: 1, keysWritten: 2 });
      const rows = await lastUsedOf([a.id, b.id]);
      for (const r of rows) {
        expect(r.at!.getTime()).toBeGreaterThanOrEqual(before - 5);
        expect(r.at!.getTime()).toBeLessThanOrEqual(Date.now());
        expect(r.ip).toBe("127.0.0.1");
      }
      // The console's details show it.
      const details = await getApiKey(actorFromMembership(admin, { name: "A", email: "a@example.test" }), a.id);
      expect(details.ok && details.data.lastUsedAt).toBe(rows.find((r) => r.id === a.id)!.at!.toISOString());
      expect(details.ok && details.data.lastUsedIp).toBe("127.0.0.1");

      // Nothing used since: nothing to write.
      await api.api.flush();
      expect(api.api.stats().lastUsed.writes).toBe(1);
    } finally {
      await api.close();
    }
  });

  it("flushes on its own every LAST_USED_FLUSH_MS, at most once per key per interval", async () => {
    const api = await startTestApi({ lastUsedFlushMs: 400 });
    try {
      const ws = await createTestWorkspace("small");
      const admin = await ws.addMember(["administrator"]);
      const key = await createTestKey(ws, admin);
      const started = Date.now();
      let requests = 0;
      while (Date.now() - started < 1_000) {
        await call(api.url, "/api/v1/me", { key: key.secret });
        requests++;
      }
      await new Promise((r) => setTimeout(r, 500));
      const { keysWritten } = api.api.stats().lastUsed;
      expect(requests).toBeGreaterThan(3);
      expect(keysWritten).toBeGreaterThanOrEqual(1);
      expect(keysWritten).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 400));
      expect((await lastUsedOf([key.id]))[0]!.at).not.toBeNull();
    } finally {
      await api.close();
    }
  });

  it("writes what is pending on close (shutdown), and never moves the time backwards", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin);
    const newer = new LastUsedRecorder({ db: () => getDb(), flushMs: 60_000 });
    const older = new LastUsedRecorder({ db: () => getDb(), flushMs: 60_000 });
    const t = Date.now();
    newer.record(key.id, t, "192.0.2.1");
    older.record(key.id, t - 10_000, "192.0.2.2");
    await newer.close();
    await older.close();
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row!.lastUsedAt!.getTime()).toBe(t);
    expect(row!.lastUsedIp).toBe("192.0.2.1");
    expect(newer.stats).toMatchObject({ writes: 1, keysWritten: 1 });
  });
});
