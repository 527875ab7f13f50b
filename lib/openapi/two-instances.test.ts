import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { createTestWorkspace } from "@/lib/testing/database";
import { answeredWithin, call, startTestInstance, stopTestInstance, withTwoInstances } from "./testing";
import { createTestKey } from "@/lib/testing";

const serverDatabase = Boolean(process.env.DATABASE_URL);

// Two processes on one database need a PostgreSQL server (CI sets DATABASE_URL); the embedded
// database is one process's alone. Locally:
//   createdb -h 127.0.0.1 -U postgres keyward_dev_test
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/keyward_dev_test npx vitest run lib/openapi/two-instances.test.ts
describe.skipIf(!serverDatabase)("two app instances on one PostgreSQL database (skipped: DATABASE_URL unset)", () => {
  const instances = withTwoInstances();

  it("a key deleted through one instance is refused by the other within 1 second", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const manager = await createTestKey(ws, admin, ["administrator"]);
    const victim = await createTestKey(ws, admin, ["read_only"]);

    // Both instances have verified (and cached) the key.
    expect((await call(instances.b().url, "/api/v1/me", { key: victim.secret })).status).toBe(200);
    expect((await call(instances.a().url, "/api/v1/me", { key: victim.secret })).status).toBe(200);

    const deleted = await call(instances.a().url, `/api/v1/keys/${victim.id}`, { key: manager.secret, method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect((await call(instances.a().url, "/api/v1/me", { key: victim.secret })).status).toBe(401);
    const seen = await answeredWithin(() => call(instances.b().url, "/api/v1/me", { key: victim.secret }), "invalid_api_key", 1_000);
    expect(seen.code).toBe("invalid_api_key");
    expect(seen.ms).toBeLessThan(1_000);
  });

  it("a key's roles changed through one instance apply on the other within 1 second", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const manager = await createTestKey(ws, admin, ["administrator"]);
    const target = await createTestKey(ws, admin, ["administrator"]);
    expect((await call(instances.b().url, "/api/v1/keys", { key: target.secret })).status).toBe(200);

    const changed = await call(instances.a().url, `/api/v1/keys/${target.id}`, {
      key: manager.secret,
      method: "PATCH",
      body: { roleIds: [ws.roleIds.read_only] },
    });
    expect(changed.status).toBe(200);
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 3_000) {
      status = (await call(instances.b().url, "/api/v1/keys", { key: target.secret })).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 25));
    }
    expect(status).toBe(403);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('writes pending "last used" when an instance is stopped with SIGTERM', async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin, ["read_only"]);
    const c = await startTestInstance();
    for (let i = 0; i < 5; i++) expect((await call(c.url, "/api/v1/me", { key: key.secret })).status).toBe(200);
    const [before] = await instances.handle().db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(before!.lastUsedAt).toBeNull();
    expect(await stopTestInstance(c)).toBe(0);
    const [after] = await instances.handle().db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(after!.lastUsedAt).not.toBeNull();
    expect(after!.lastUsedIp).toBe("127.0.0.1");
  });
});
