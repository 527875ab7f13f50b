import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { createTestWorkspace } from "@/lib/testing/database";
import { createTestKey } from "@/lib/testing";
import { answeredWithin, call, withTwoInstances } from "./testing";

const serverDatabase = Boolean(process.env.DATABASE_URL);

// See two-instances.test.ts: two processes on one database need a PostgreSQL server.
describe.skipIf(!serverDatabase)("SPEC §9 across two app instances (skipped: DATABASE_URL unset)", () => {
  const instances = withTwoInstances();

  it("a key disabled through one instance is refused as disabled_api_key by the other within 1 second", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const manager = await createTestKey(ws, admin, ["administrator"]);
    const target = await createTestKey(ws, admin, ["read_only"]);
    expect((await call(instances.b().url, "/api/v1/me", { key: target.secret })).status).toBe(200);

    const off = await call(instances.a().url, `/api/v1/keys/${target.id}`, { key: manager.secret, method: "PATCH", body: { enabled: false } });
    expect(off.status).toBe(200);
    expect((await call(instances.a().url, "/api/v1/me", { key: target.secret })).body.error?.code).toBe("disabled_api_key");
    const seen = await answeredWithin(() => call(instances.b().url, "/api/v1/me", { key: target.secret }), "disabled_api_key", 1_000);
    expect(seen.code).toBe("disabled_api_key");
    expect(seen.ms).toBeLessThan(1_000);
  });

  it('"Expire now" on one instance ends the previous secret on the other within 1 second', async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const manager = await createTestKey(ws, admin, ["administrator"]);
    const target = await createTestKey(ws, admin, ["read_only"]);
    const rolled = await call(instances.a().url, `/api/v1/keys/${target.id}/roll`, { key: manager.secret, body: { gracePeriod: "24h" } });
    expect(rolled.status).toBe(200);
    expect((await call(instances.b().url, "/api/v1/me", { key: target.secret })).status).toBe(200);

    const ended = await call(instances.a().url, `/api/v1/keys/${target.id}/roll/expire-previous`, { key: manager.secret, method: "POST" });
    expect(ended.status).toBe(200);
    const seen = await answeredWithin(() => call(instances.b().url, "/api/v1/me", { key: target.secret }), "invalid_api_key", 1_000);
    expect(seen.code).toBe("invalid_api_key");
    expect(seen.ms).toBeLessThan(1_000);
    expect((await call(instances.b().url, "/api/v1/me", { key: rolled.body.secret as string })).status).toBe(200);
  });

  it("the end of a grace period is refused by every instance by the clock, with no notification", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const manager = await createTestKey(ws, admin, ["administrator"]);
    const target = await createTestKey(ws, admin, ["read_only"]);
    expect((await call(instances.a().url, `/api/v1/keys/${target.id}/roll`, { key: manager.secret, body: { gracePeriod: "1h" } })).status).toBe(200);
    // Shorten the grace behind the instances' backs (no NOTIFY): each must read its own clock.
    const end = Date.now() + 1_500;
    await instances.handle().db.update(apiKeys).set({ previousSecretValidUntil: sql`${new Date(end).toISOString()}::timestamptz` }).where(eq(apiKeys.id, target.id));
    const b = instances.b().url;
    const first = await call(b, "/api/v1/me", { key: target.secret });
    if (Date.now() < end - 200) expect(first.status).toBe(200);
    const seen = await answeredWithin(() => call(b, "/api/v1/me", { key: target.secret }), "invalid_api_key", 3_000);
    expect(seen.code).toBe("invalid_api_key");
    expect(Date.now()).toBeGreaterThanOrEqual(end);
  });
});
