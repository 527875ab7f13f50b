import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestWorkspace } from "@/lib/testing/database";
import { generateSecret } from "@/lib/keys/format";
import { call, withTwoInstances } from "./testing";
import { createTestKey } from "@/lib/testing";

const serverDatabase = Boolean(process.env.DATABASE_URL);

// Behind a (pretend) proxy, so each test's guesses come from an address of its own and never
// throttle the 127.0.0.1 of other test files' instances on the same database.
process.env.TRUST_PROXY = "true";
const from = (ip: string) => ({ "x-forwarded-for": ip });
const address = () => `198.18.${randomBytes(2).join(".")}`;

// Two processes on one database need a PostgreSQL server (CI sets DATABASE_URL), see two-instances.test.ts.
describe.skipIf(!serverDatabase)("the failed-authentication throttle across two instances (skipped: DATABASE_URL unset)", () => {
  const instances = withTwoInstances();

  it("failures on one instance throttle the address on the other within about a second", async () => {
    const ip = address();
    for (let i = 0; i < 30; i++) {
      const res = await call(instances.a().url, "/api/v1/me", { key: generateSecret(), headers: from(ip) });
      expect(res.status).toBe(401);
    }
    const started = Date.now();
    let res = await call(instances.b().url, "/api/v1/me", { key: generateSecret(), headers: from(ip) });
    while (res.status === 401 && Date.now() - started < 3_000) {
      await new Promise((r) => setTimeout(r, 50));
      res = await call(instances.b().url, "/api/v1/me", { key: generateSecret(), headers: from(ip) });
    }
    expect(res.status).toBe(429);
    expect(res.body.error?.code).toBe("rate_limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(2_000);
    // Another address is not affected.
    expect((await call(instances.b().url, "/api/v1/me", { key: generateSecret(), headers: from(address()) })).status).toBe(401);
  });

  it("a valid key neither instance has verified yet gets through from a throttled address", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin, ["read_only"]);
    const ip = address();
    for (let i = 0; i < 31; i++) await call(instances.a().url, "/api/v1/me", { key: generateSecret(), headers: from(ip) });
    expect((await call(instances.a().url, "/api/v1/me", { key: generateSecret(), headers: from(ip) })).status).toBe(429);
    expect((await call(instances.a().url, "/api/v1/me", { key: key.secret, headers: from(ip) })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await call(instances.b().url, "/api/v1/me", { key: generateSecret(), headers: from(ip) })).status).toBe(429);
    expect((await call(instances.b().url, "/api/v1/me", { key: key.secret, headers: from(ip) })).status).toBe(200);
  });
});
