import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { createTestWorkspace, openTestDatabase } from "@/db/testing";
import { call, createTestKey } from "./testing";

const serverDatabase = Boolean(process.env.DATABASE_URL);

/** Starts lib/openapi/test-instance.ts in its own process and waits for its port. */
function startInstance(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/openapi/test-instance.ts"], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("instance did not start in 30 s")), 30_000);
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.startsWith('{"port"')) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, child });
    });
  });
}

async function refusedWithin(url: string, secret: string, limitMs: number): Promise<{ ms: number; code?: string }> {
  const started = Date.now();
  for (;;) {
    const res = await call(url, "/api/v1/me", { key: secret });
    const ms = Date.now() - started;
    if (res.status !== 200) return { ms, code: res.body.error?.code };
    if (ms > limitMs * 3) return { ms };
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Two processes on one database need a PostgreSQL server (CI sets DATABASE_URL); the embedded
// database is one process's alone. Locally:
//   createdb -h 127.0.0.1 -U postgres keyward_dev_test
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/keyward_dev_test npx vitest run lib/openapi/two-instances.test.ts
describe.skipIf(!serverDatabase)("two app instances on one PostgreSQL database (skipped: DATABASE_URL unset)", () => {
  let handle: DatabaseHandle;
  let a: { url: string; child: ChildProcess };
  let b: { url: string; child: ChildProcess };

  beforeAll(async () => {
    handle = await openTestDatabase();
    [a, b] = await Promise.all([startInstance(), startInstance()]);
  });

  afterAll(async () => {
    for (const instance of [a, b]) {
      if (!instance || instance.child.exitCode !== null) continue;
      instance.child.kill("SIGTERM");
      await new Promise((r) => instance.child.once("exit", r));
    }
    await handle?.close();
  });

  it("a key deleted through one instance is refused by the other within 1 second", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const manager = await createTestKey(ws, admin, ["administrator"]);
    const victim = await createTestKey(ws, admin, ["read_only"]);

    // Both instances have verified (and cached) the key.
    expect((await call(b.url, "/api/v1/me", { key: victim.secret })).status).toBe(200);
    expect((await call(a.url, "/api/v1/me", { key: victim.secret })).status).toBe(200);

    const deleted = await call(a.url, `/api/v1/keys/${victim.id}`, { key: manager.secret, method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect((await call(a.url, "/api/v1/me", { key: victim.secret })).status).toBe(401);
    const seen = await refusedWithin(b.url, victim.secret, 1_000);
    expect(seen.code).toBe("invalid_api_key");
    expect(seen.ms).toBeLessThan(1_000);
  });

  it("a key's roles changed through one instance apply on the other within 1 second", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const manager = await createTestKey(ws, admin, ["administrator"]);
    const target = await createTestKey(ws, admin, ["administrator"]);
    expect((await call(b.url, "/api/v1/keys", { key: target.secret })).status).toBe(200);

    const changed = await call(a.url, `/api/v1/keys/${target.id}`, {
      key: manager.secret,
      method: "PATCH",
      body: { roleIds: [ws.roleIds.read_only] },
    });
    expect(changed.status).toBe(200);
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 3_000) {
      status = (await call(b.url, "/api/v1/keys", { key: target.secret })).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 25));
    }
    expect(status).toBe(403);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('writes pending "last used" when an instance is stopped with SIGTERM', async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin, ["read_only"]);
    const c = await startInstance();
    for (let i = 0; i < 5; i++) expect((await call(c.url, "/api/v1/me", { key: key.secret })).status).toBe(200);
    const [before] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(before!.lastUsedAt).toBeNull();
    c.child.kill("SIGTERM");
    expect(await new Promise((r) => c.child.once("exit", r))).toBe(0);
    const [after] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(after!.lastUsedAt).not.toBeNull();
    expect(after!.lastUsedIp).toBe("127.0.0.1");
  });
});
