import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRole, createTestWorkspace, withTestDatabase, type TestWorkspace } from "@/lib/testing/database";
import type { Membership } from "@/lib/auth/membership";
import { call, startTestApi } from "./testing";
import { createTestKey } from "@/lib/testing";

withTestDatabase();
let api: Awaited<ReturnType<typeof startTestApi>>;
let ws: TestWorkspace;
let owner: Membership;
let admin: Membership;
let member: Membership;
let ownerKey: { id: string; secret: string };
let adminKey: { id: string; secret: string };
let memberKey: { id: string; secret: string };

beforeAll(async () => {
  api = await startTestApi({ throttle: { burst: 1_000, perMinute: 1_000 } });
  ws = await createTestWorkspace("small");
  owner = await ws.addMember(["owner"], "Olivia Owner");
  admin = await ws.addMember(["administrator"], "Adam Admin");
  member = await ws.addMember(["standard"], "Mia Member");
  ownerKey = await createTestKey(ws, owner, ["owner"], { name: "Owner key" });
  adminKey = await createTestKey(ws, admin, ["administrator"], { name: "admin automation" });
  memberKey = await createTestKey(ws, member, ["standard"], { name: "member service" });
});

afterAll(async () => {
  await api.close();
});

const as = (key: { secret: string }) => ({
  get: (path: string) => call(api.url, path, { key: key.secret }),
  post: (path: string, body: unknown) => call(api.url, path, { key: key.secret, body }),
  patch: (path: string, body: unknown) => call(api.url, path, { key: key.secret, method: "PATCH", body }),
  delete: (path: string) => call(api.url, path, { key: key.secret, method: "DELETE" }),
});

type KeyItem = { id: string; name: string; isOwnerKey: boolean };

describe("GET /api/v1/keys", () => {
  it("lists every non-owner key for api_keys:read, the owner key only to the owner key", async () => {
    const adminList = await as(adminKey).get("/api/v1/keys");
    expect(adminList.status).toBe(200);
    const names = (adminList.body.items as KeyItem[]).map((k) => k.name);
    expect(names).toEqual(expect.arrayContaining(["admin automation", "member service"]));
    expect(names).not.toContain("Owner key");
    expect(JSON.stringify(adminList.body)).not.toContain(ownerKey.id);
    expect(adminList.body.total).toBe(names.length);

    const ownerList = await as(ownerKey).get("/api/v1/keys");
    expect((ownerList.body.items as KeyItem[])[0]).toMatchObject({ name: "Owner key", isOwnerKey: true });
  });

  it("shows a key holding only api_keys:create its creator's keys", async () => {
    const res = await as(memberKey).get("/api/v1/keys");
    expect(res.status).toBe(200);
    expect((res.body.items as KeyItem[]).map((k) => k.name)).toEqual(["member service"]);
  });

  it("searches, pages and validates its query", async () => {
    const found = await as(adminKey).get("/api/v1/keys?q=automaton");
    expect((found.body.items as KeyItem[]).map((k) => k.name)).toContain("admin automation");
    const page = await as(adminKey).get("/api/v1/keys?limit=1");
    expect(page.body.items).toHaveLength(1);
    expect(typeof page.body.nextCursor).toBe("string");
    const next = await as(adminKey).get(`/api/v1/keys?limit=1&cursor=${page.body.nextCursor}`);
    expect((next.body.items as KeyItem[])[0]!.id).not.toBe((page.body.items as KeyItem[])[0]!.id);

    const bad = await as(adminKey).get("/api/v1/keys?limit=abc");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_request", field: "limit" });
    expect((await as(adminKey).get("/api/v1/keys?limit=1000")).body.error?.field).toBe("limit");
    expect((await as(adminKey).get("/api/v1/keys?cursor=garbage")).body.error?.code).toBe("invalid_request");
    expect((await as(adminKey).get("/api/v1/keys?q=a&q=b")).body.error?.field).toBe("q");
  });
});

describe("POST /api/v1/keys", () => {
  it("creates a key whose secret is answered once and works at once", async () => {
    const res = await as(adminKey).post("/api/v1/keys", { name: "  created by api ", roleIds: [ws.roleIds.read_only] });
    expect(res.status).toBe(201);
    const created = res.body as { key: KeyItem & { createdBy: { userId: string } }; secret: string };
    expect(created.key.name).toBe("created by api");
    expect(created.key.createdBy.userId).toBe(admin.userId);
    expect(created.secret).toMatch(/^ak_[0-9A-Za-z]{32}$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const me = await call(api.url, "/api/v1/me", { key: created.secret });
    expect(me.body).toMatchObject({ id: created.key.id, permissions: ["workspace:read", "members:read"] });
    expect((await as(adminKey).get(`/api/v1/keys/${created.key.id}`)).body).not.toHaveProperty("secret");
  });

  it("names the field at fault", async () => {
    const cases: [unknown, string][] = [
      [{ roleIds: [ws.roleIds.read_only] }, "name"],
      [{ name: "", roleIds: [ws.roleIds.read_only] }, "name"],
      [{ name: 123, roleIds: [ws.roleIds.read_only] }, "name"],
      [{ name: "x".repeat(51), roleIds: [ws.roleIds.read_only] }, "name"],
      [{ name: "ok name", roleIds: [] }, "roleIds"],
      [{ name: "ok name", roleIds: "read_only" }, "roleIds"],
      [{ name: "ok name", roleIds: [ws.roleIds.read_only], expiresAt: "2001-01-01T00:00:00Z" }, "expiresAt"],
      [{ name: "ok name", roleIds: [ws.roleIds.read_only], expiresAt: "tomorrow" }, "expiresAt"],
      [{ name: "ok name", roleIds: [ws.roleIds.read_only], colour: "blue" }, "colour"],
      [[1, 2], "body"],
      ["just a string", "body"],
      [null, "body"],
    ];
    for (const [body, field] of cases) {
      const res = await as(adminKey).post("/api/v1/keys", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.code).toBe("invalid_request");
      expect(res.body.error?.field, JSON.stringify(body)).toBe(field);
      expect(res.body.error?.message).toContain(field);
    }
  });

  it("refuses a duplicate name (409), privilege escalation (403) and the limit of 10 (409 limit_reached)", async () => {
    const dup = await as(adminKey).post("/api/v1/keys", { name: "ADMIN AUTOMATION", roleIds: [ws.roleIds.read_only] });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: "conflict", field: "name" });

    const escalate = await as(memberKey).post("/api/v1/keys", { name: "escalated", roleIds: [ws.roleIds.administrator] });
    expect(escalate.status).toBe(403);
    expect(escalate.body.error?.code).toBe("forbidden");

    const ownerRole = await as(adminKey).post("/api/v1/keys", { name: "sneaky owner", roleIds: [ws.roleIds.owner] });
    expect(ownerRole.status).toBe(400);

    const creator = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, creator, ["administrator"]);
    for (let i = 1; i < 10; i++) {
      expect((await as(key).post("/api/v1/keys", { name: `limit ${creator.userId} ${i}`, roleIds: [ws.roleIds.read_only] })).status).toBe(201);
    }
    const over = await as(key).post("/api/v1/keys", { name: `limit ${creator.userId} 10`, roleIds: [ws.roleIds.read_only] });
    expect(over.status).toBe(409);
    expect(over.body.error?.code).toBe("limit_reached");
  });
});

describe("GET, PATCH, DELETE /api/v1/keys/{keyId}", () => {
  it("gets a key with its effective permissions; the owner key does not exist for other keys", async () => {
    const res = await as(adminKey).get(`/api/v1/keys/${memberKey.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: memberKey.id, name: "member service" });
    expect(res.body.effectivePermissions).toEqual(["workspace:read", "members:read", "api_keys:create", "api_keys:verify"]);

    for (const req of [
      as(adminKey).get(`/api/v1/keys/${ownerKey.id}`),
      as(adminKey).patch(`/api/v1/keys/${ownerKey.id}`, { name: "mine now" }),
      as(adminKey).delete(`/api/v1/keys/${ownerKey.id}`),
    ]) {
      const r = await req;
      expect(r.status).toBe(404);
      expect(r.body.error?.code).toBe("not_found");
    }
    expect((await as(ownerKey).get(`/api/v1/keys/${ownerKey.id}`)).status).toBe(200);
    expect((await as(adminKey).get("/api/v1/keys/key_doesnotexist00")).status).toBe(404);
    expect((await as(adminKey).get("/api/v1/keys/not-a-key-id")).status).toBe(404);
  });

  it("modifies a key with the console's rules, and the change applies to its next request", async () => {
    const target = await createTestKey(ws, member, ["standard"]);
    expect((await call(api.url, "/api/v1/me", { key: target.secret })).body.permissions).toContain("api_keys:create");

    const renamed = await as(memberKey).patch(`/api/v1/keys/${target.id}`, { name: "renamed by owner of key", roleIds: [ws.roleIds.read_only] });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "renamed by owner of key", roles: [{ name: "Read-only" }] });
    expect((await call(api.url, "/api/v1/me", { key: target.secret })).body.permissions).toEqual(["workspace:read", "members:read"]);

    // Not visible without api_keys:read: not found. Visible but not manageable: forbidden.
    expect((await as(memberKey).patch(`/api/v1/keys/${adminKey.id}`, { name: "hijacked" })).status).toBe(404);
    const readers = await createTestRole(ws.id, "Key readers", ["api_keys:read", "api_keys:create"]);
    const reader = await ws.addMember([readers]);
    const readerKey = await createTestKey(ws, reader, [readers]);
    const othersKey = await as(readerKey).patch(`/api/v1/keys/${adminKey.id}`, { name: "hijacked" });
    expect(othersKey.status).toBe(403);
    expect(othersKey.body.error).toMatchObject({ code: "forbidden", permission: "api_keys:manage" });
    expect(othersKey.body.error?.message).toContain("api_keys:manage");

    const expired = await as(adminKey).patch(`/api/v1/keys/${target.id}`, { expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(expired.status).toBe(200);
    expect((await as(adminKey).patch(`/api/v1/keys/${target.id}`, {})).body.error?.code).toBe("invalid_request");
    expect((await as(adminKey).patch(`/api/v1/keys/${target.id}`, { description: 5 })).body.error?.field).toBe("description");
  });

  it("deletes a key, which is refused on its next request", async () => {
    const target = await createTestKey(ws, admin, ["read_only"]);
    expect((await call(api.url, "/api/v1/me", { key: target.secret })).status).toBe(200);
    const res = await as(adminKey).delete(`/api/v1/keys/${target.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: target.id, deleted: true });
    expect((await call(api.url, "/api/v1/me", { key: target.secret })).body.error?.code).toBe("invalid_api_key");
    expect((await as(adminKey).delete(`/api/v1/keys/${target.id}`)).status).toBe(404);
  });

  it("lets a key delete itself", async () => {
    const self = await createTestKey(ws, admin, ["administrator"]);
    expect((await as(self).delete(`/api/v1/keys/${self.id}`)).status).toBe(200);
    expect((await as(self).get("/api/v1/me")).status).toBe(401);
  });
});

describe("POST /api/v1/keys/verify", () => {
  it("verifies keys of the caller's workspace only, and never details another workspace's key", async () => {
    const valid = await as(memberKey).post("/api/v1/keys/verify", { key: adminKey.secret });
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({
      valid: true,
      code: null,
      keyId: adminKey.id,
      workspace: { id: ws.id, slug: ws.slug },
      expiresAt: null,
    });
    expect(valid.body.permissions).toContain("api_keys:manage");

    const other = await createTestWorkspace("small");
    const otherAdmin = await other.addMember(["administrator"]);
    const foreign = await createTestKey(other, otherAdmin, ["administrator"]);
    const refused = await as(memberKey).post("/api/v1/keys/verify", { key: foreign.secret });
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({ valid: false, code: "invalid_api_key", keyId: null, workspace: null, permissions: [], expiresAt: null });

    const ownerOnly = await as(memberKey).post("/api/v1/keys/verify", { key: ownerKey.secret });
    expect(ownerOnly.body).toMatchObject({ valid: false, code: "invalid_api_key", keyId: null });

    for (const key of ["garbage", "ak_" + "0".repeat(32)]) {
      expect((await as(memberKey).post("/api/v1/keys/verify", { key })).body).toMatchObject({ valid: false, code: "invalid_api_key" });
    }
  });

  it("says why a key of the workspace is refused", async () => {
    const soon = await createTestKey(ws, admin, ["read_only"], { expiresAt: new Date(Date.now() + 800).toISOString() });
    await new Promise((r) => setTimeout(r, 900));
    const res = await as(memberKey).post("/api/v1/keys/verify", { key: soon.secret });
    expect(res.body).toMatchObject({ valid: false, code: "expired_api_key", keyId: soon.id, permissions: [] });
  });

  it("names the field of a bad body", async () => {
    for (const body of [{}, { key: 5 }, { key: "" }]) {
      const res = await as(memberKey).post("/api/v1/keys/verify", body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_request", field: "key" });
    }
  });
});

describe("request hygiene", () => {
  it("refuses bodies over 64 kB with 413 and invalid JSON with 400", async () => {
    const big = await call(api.url, "/api/v1/keys", {
      key: adminKey.secret,
      rawBody: JSON.stringify({ name: "x", description: "y".repeat(70_000), roleIds: [] }),
      headers: { "content-type": "application/json" },
    });
    expect(big.status).toBe(413);
    expect(big.body.error?.code).toBe("payload_too_large");

    const broken = await call(api.url, "/api/v1/keys", { key: adminKey.secret, method: "POST", rawBody: '{"name": ', headers: { "content-type": "application/json" } });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({ code: "invalid_request", field: "body" });

    const empty = await call(api.url, "/api/v1/keys", { key: adminKey.secret, method: "POST" });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.field).toBe("body");
  });

  it("never answers 500 to garbage", async () => {
    const garbage: { path: string; method?: string; rawBody?: string; headers?: Record<string, string> }[] = [
      { path: "/api/v1/keys", method: "POST", rawBody: "\u0000\u0001\u0002", headers: { "content-type": "application/octet-stream" } },
      { path: "/api/v1/keys", method: "POST", rawBody: '{"__proto__": {"admin": true}, "name": "p", "roleIds": []}', headers: { "content-type": "application/json" } },
      { path: "/api/v1/keys", method: "POST", rawBody: '{"name": "x", "roleIds": ["not-a-uuid"]}', headers: { "content-type": "text/plain" } },
      { path: "/api/v1/keys/verify", method: "POST", rawBody: "[[[[[[[[[[]]]]]]]]]]", headers: { "content-type": "application/json" } },
      { path: "/api/v1/keys/%E0%A4%A", method: "GET" },
      { path: `/api/v1/keys/${"k".repeat(5000)}`, method: "GET" },
      { path: "/api/v1/keys?limit=1e999", method: "GET" },
      { path: "/api/v1/keys?createdBy=everyone", method: "GET" },
      { path: "/api/v1/keys/key_AAAAAAAAAAAAAAAA", method: "PATCH", rawBody: '{"roleIds":[null]}', headers: { "content-type": "application/json" } },
      { path: "/api/v1/nope", method: "GET" },
      { path: "/api/v1/me", method: "PUT" },
    ];
    for (const g of garbage) {
      const res = await fetch(api.url + g.path, {
        method: g.method,
        headers: { "x-api-key": adminKey.secret, ...g.headers },
        body: g.rawBody,
      });
      expect(res.status, `${g.method} ${g.path}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${g.method} ${g.path}`).toBeLessThan(500);
      const body = (await res.json()) as { error: { code: string } };
      expect(typeof body.error.code).toBe("string");
    }
  });

  it("sends no CORS headers", async () => {
    const res = await fetch(`${api.url}/api/v1/me`, { headers: { "x-api-key": adminKey.secret, origin: "https://evil.example" } });
    expect(res.status).toBe(200);
    expect([...res.headers.keys()].filter((h) => h.startsWith("access-control-"))).toEqual([]);
    const preflight = await fetch(`${api.url}/api/v1/me`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});
