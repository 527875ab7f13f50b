import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { createTestKey, expireTestKey } from "@/lib/testing";
import { call, startTestApi } from "./testing";

// SPEC §10 on the Open API: key → state → signature → IP → rate limit → permission; 403
// ip_not_allowed, 429 key_rate_limited, RateLimit-* on every response of a limited key.
const handle = withTestDatabase();
let api: Awaited<ReturnType<typeof startTestApi>>;
let proxied: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  api = await startTestApi({ throttle: { burst: 1_000, perMinute: 1_000 }, lastUsedFlushMs: 60_000 });
  // Behind a proxy (TRUST_PROXY=true): the caller is the last X-Forwarded-For entry.
  proxied = await startTestApi({ throttle: { burst: 1_000, perMinute: 1_000 }, trustProxy: true });
});

afterAll(async () => {
  await api.close();
  await proxied.close();
});

/** A workspace, its admin, the admin's key (to manage keys) and a Read-only key to restrict. */
async function setUp() {
  const ws = await createTestWorkspace("small");
  const admin = await ws.addMember(["administrator"]);
  const manager = await createTestKey(ws, admin, ["administrator"]);
  const target = await createTestKey(ws, admin, ["read_only"]);
  const restrict = async (body: Record<string, unknown>) => {
    const r = await call(api.url, `/api/v1/keys/${target.id}`, { key: manager.secret, method: "PATCH", body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r;
  };
  return { ws, admin, manager, target, restrict };
}

const from = (ip: string) => ({ "x-forwarded-for": ip });
const limitOf = (r: { headers: Headers }) => ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"].map((h) => r.headers.get(h));
const lastUsed = async (keyId: string) => {
  const [row] = await handle().db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, keyId));
  return row!.at;
};

describe("the fields on the Open API", () => {
  it("create and PATCH accept both; key objects carry them", async () => {
    const { ws, manager } = await setUp();
    const created = await call(api.url, "/api/v1/keys", {
      key: manager.secret,
      body: { name: "restricted", roleIds: [ws.roleIds.read_only], ipAllowlist: ["203.0.113.0/24"], rateLimit: { limit: 5, window: "second" } },
    });
    expect(created.status).toBe(201);
    const key = created.body.key as { id: string };
    expect(created.body.key).toMatchObject({ ipAllowlist: ["203.0.113.0/24"], rateLimit: { limit: 5, window: "second" } });
    const patched = await call(api.url, `/api/v1/keys/${key.id}`, { key: manager.secret, method: "PATCH", body: { rateLimit: null, ipAllowlist: ["::1"] } });
    expect(patched.body).toMatchObject({ ipAllowlist: ["::1"], rateLimit: null });
    const read = await call(api.url, `/api/v1/keys/${key.id}`, { key: manager.secret });
    expect(read.body).toMatchObject({ ipAllowlist: ["::1"], rateLimit: null });
    const plain = await call(api.url, `/api/v1/keys/${manager.id}`, { key: manager.secret });
    expect(plain.body).toMatchObject({ ipAllowlist: [], rateLimit: null });
  });

  it.each([
    [{ ipAllowlist: ["10.0.0.1", "example.com"] }, "ipAllowlist", "ipAllowlist: Not an IP address or CIDR range: example.com"],
    [{ rateLimit: { limit: 0, window: "minute" } }, "rateLimit", "rateLimit: Rate limit must be at least 1"],
    [{ rateLimit: { limit: 10, window: "week" } }, "rateLimit", 'rateLimit: Rate limit window must be "second", "minute" or "hour"'],
  ])("refuses %j with 400 naming the field, changing nothing", async (body, field, message) => {
    const { manager, target } = await setUp();
    const refused = await call(api.url, `/api/v1/keys/${target.id}`, { key: manager.secret, method: "PATCH", body });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "invalid_request", field, message });
    const read = await call(api.url, `/api/v1/keys/${target.id}`, { key: manager.secret });
    expect(read.body).toMatchObject({ ipAllowlist: [], rateLimit: null });
  });
});

describe("IP allowlist", () => {
  it("403 ip_not_allowed names the address seen; an allowed address passes; changes apply at once", async () => {
    const { target, restrict } = await setUp();
    await restrict({ ipAllowlist: ["198.51.100.0/24"] });
    const refused = await call(api.url, "/api/v1/me", { key: target.secret });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: "ip_not_allowed", message: "Requests from 127.0.0.1 are not allowed for this API key." });
    expect(refused.headers.get("ratelimit-limit")).toBeNull();

    await restrict({ ipAllowlist: ["198.51.100.0/24", "127.0.0.0/8"] });
    expect((await call(api.url, "/api/v1/me", { key: target.secret })).status).toBe(200);
    // An IPv4-mapped entry matches the IPv4 peer.
    await restrict({ ipAllowlist: ["::ffff:127.0.0.1"] });
    expect((await call(api.url, "/api/v1/me", { key: target.secret })).status).toBe(200);
    await restrict({ ipAllowlist: [] });
    expect((await call(api.url, "/api/v1/me", { key: target.secret })).status).toBe(200);
  });

  it("behind a trusted proxy, the proxy's X-Forwarded-For entry is the address", async () => {
    const { target, restrict } = await setUp();
    await restrict({ ipAllowlist: ["203.0.113.0/24", "2001:db8::/32"] });
    expect((await call(proxied.url, "/api/v1/me", { key: target.secret, headers: from("203.0.113.9") })).status).toBe(200);
    expect((await call(proxied.url, "/api/v1/me", { key: target.secret, headers: from("2001:db8::5") })).status).toBe(200);
    // Only the last entry counts: what the client put before it is not trusted.
    const spoofed = await call(proxied.url, "/api/v1/me", { key: target.secret, headers: from("203.0.113.9, 192.0.2.44") });
    expect(spoofed.status).toBe(403);
    expect(spoofed.body.error?.message).toBe("Requests from 192.0.2.44 are not allowed for this API key.");
  });

  it("is checked after the key's state and before the permission", async () => {
    const { target, manager, restrict } = await setUp();
    await restrict({ ipAllowlist: ["198.51.100.1"] });
    // Permission: a Read-only key may not list keys, but the address is refused first.
    expect((await call(api.url, "/api/v1/keys", { key: target.secret })).body.error?.code).toBe("ip_not_allowed");
    await expireTestKey(target.id);
    const { api: handler } = api;
    handler.clearCache();
    expect((await call(api.url, "/api/v1/me", { key: target.secret })).body.error?.code).toBe("expired_api_key");
    expect((await call(api.url, `/api/v1/keys/${target.id}`, { key: manager.secret })).status).toBe(200);
  });
});

describe("rate limit", () => {
  it("past the limit: 429 key_rate_limited with Retry-After; RateLimit-* on every response", async () => {
    const { target, restrict } = await setUp();
    await restrict({ rateLimit: { limit: 3, window: "minute" } });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call(api.url, "/api/v1/me", { key: target.secret }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers.slice(0, 2).map(limitOf)).toEqual([
      ["3", "2", "0"],
      ["3", "1", "0"],
    ]);
    const [limit, remaining, reset] = limitOf(answers[2]!);
    expect([limit, remaining]).toEqual(["3", "0"]);
    expect(Number(reset)).toBeGreaterThanOrEqual(59);
    expect(Number(reset)).toBeLessThanOrEqual(60);
    expect(answers[2]!.headers.get("retry-after")).toBeNull();

    const refused = answers[3]!;
    expect(refused.body.error?.code).toBe("key_rate_limited");
    expect(refused.body.error?.message).toMatch(/^This API key is limited to 3 requests per minute\. Retry in \d+ s\.$/);
    const retryAfter = refused.headers.get("retry-after");
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(limitOf(refused)).toEqual(["3", "0", retryAfter]);
  });

  it("is checked before the permission (a forbidden request counts) and its headers ride on every answer", async () => {
    const { target, restrict } = await setUp();
    await restrict({ rateLimit: { limit: 2, window: "hour" } });
    const forbidden = await call(api.url, "/api/v1/keys", { key: target.secret });
    expect(forbidden.body.error?.code).toBe("forbidden");
    expect(limitOf(forbidden)).toEqual(["2", "1", "0"]);
    const notFound = await call(api.url, "/api/v1/keys/key_0000000000000000", { key: target.secret });
    expect(notFound.status).toBe(403); // read_only lacks api_keys:read: the permission refuses first
    expect(limitOf(notFound)).toEqual(["2", "0", expect.stringMatching(/^\d+$/)]);
    expect((await call(api.url, "/api/v1/me", { key: target.secret })).status).toBe(429);
  });

  it("a refusal for the address does not spend the limit, and still carries the limit's headers", async () => {
    const { target, restrict } = await setUp();
    await restrict({ ipAllowlist: ["203.0.113.0/24"], rateLimit: { limit: 1, window: "hour" } });
    for (let i = 0; i < 3; i++) {
      const refused = await call(proxied.url, "/api/v1/me", { key: target.secret, headers: from("192.0.2.1") });
      expect(refused.body.error?.code).toBe("ip_not_allowed");
      expect(limitOf(refused)).toEqual(["1", "1", "0"]);
      expect(refused.headers.get("retry-after")).toBeNull();
    }
    expect((await call(proxied.url, "/api/v1/me", { key: target.secret, headers: from("203.0.113.1") })).status).toBe(200);
    expect((await call(proxied.url, "/api/v1/me", { key: target.secret, headers: from("203.0.113.1") })).status).toBe(429);
  });

  it("50 concurrent requests against a limit of 10: exactly 10 succeed", async () => {
    const { target, restrict } = await setUp();
    await restrict({ rateLimit: { limit: 10, window: "minute" } });
    const answers = await Promise.all(Array.from({ length: 50 }, () => call(api.url, "/api/v1/me", { key: target.secret })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(40);
  });

  it("removing the limit applies at once; a key without one gets no RateLimit headers", async () => {
    const { target, restrict } = await setUp();
    await restrict({ rateLimit: { limit: 1, window: "hour" } });
    await call(api.url, "/api/v1/me", { key: target.secret });
    expect((await call(api.url, "/api/v1/me", { key: target.secret })).status).toBe(429);
    await restrict({ rateLimit: null });
    const free = await call(api.url, "/api/v1/me", { key: target.secret });
    expect(free.status).toBe(200);
    expect(limitOf(free)).toEqual([null, null, null]);
  });
});

describe("Last used", () => {
  it("is not touched by refusals: address, rate limit, permission", async () => {
    const { target, restrict } = await setUp();
    await restrict({ ipAllowlist: ["198.51.100.1"] });
    await call(api.url, "/api/v1/me", { key: target.secret });
    await restrict({ ipAllowlist: [], rateLimit: { limit: 1, window: "hour" } });
    expect((await call(api.url, "/api/v1/keys", { key: target.secret })).body.error?.code).toBe("forbidden");
    expect((await call(api.url, "/api/v1/me", { key: target.secret })).status).toBe(429);
    await api.api.flush();
    expect(await lastUsed(target.id)).toBeNull();

    await restrict({ rateLimit: null });
    expect((await call(api.url, "/api/v1/me", { key: target.secret })).status).toBe(200);
    await api.api.flush();
    expect(await lastUsed(target.id)).not.toBeNull();
  });
});
