import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { memberRoles, members, workspaces } from "@/db/schema";
import { createTestRole, createTestWorkspace, withTestDatabase, removeTestMember } from "@/lib/testing/database";
import { emitKeyChange } from "@/lib/keys/revocation";
import { actorFromMembership } from "@/lib/auth/actor";
import { deleteApiKey } from "@/lib/keys/rules";
import { generateSecret } from "@/lib/keys/format";
import { call, startTestApi } from "./testing";
import { createTestKey, expireTestKey } from "@/lib/testing";

const handle = withTestDatabase();
let api: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  // A generous throttle here: this file tests refusals, the throttle has its own test below.
  api = await startTestApi({ throttle: { burst: 1_000, perMinute: 1_000 } });
});

afterAll(async () => {
  await api.close();
});

const me = (key: string | undefined, headers?: Record<string, string>) => call(api.url, "/api/v1/me", { key, headers });

describe("Open API authentication (SPEC §5)", () => {
  it("accepts the secret in X-Api-Key, DF-API-KEY and Authorization: Bearer", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const { id, secret } = await createTestKey(ws, admin, ["read_only"]);

    const variants: Record<string, string>[] = [
      { "X-Api-Key": secret },
      { "DF-API-KEY": secret },
      { Authorization: `Bearer ${secret}` },
      { authorization: `bearer ${secret}` },
    ];
    for (const headers of variants) {
      const res = await me(undefined, headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(res.body.id).toBe(id);
      expect(res.body.workspace).toMatchObject({ id: ws.id, slug: ws.slug, plan: "small" });
      expect(res.body.permissions).toEqual(["workspace:read", "members:read"]);
      expect(res.body.expiresAt).toBeNull();
    }
  });

  it("answers 401 missing_api_key without a key header", async () => {
    const variants: Record<string, string>[] = [{}, { authorization: "Basic dXNlcjpwYXNz" }, { "x-api-key": "  " }, { authorization: "Bearer " }];
    for (const headers of variants) {
      const res = await me(undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe("missing_api_key");
      expect(res.body.error?.message).toMatch(/X-Api-Key/);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    }
  });

  it("answers 401 invalid_api_key for malformed, bad-checksum and unknown secrets", async () => {
    const unknown = generateSecret();
    const flipped = unknown.slice(0, 10) + (unknown[10] === "a" ? "b" : "a") + unknown.slice(11);
    for (const key of ["nope", "ak_short", flipped, unknown, unknown + "x", `${unknown}!`, unknown.toLowerCase(), "Bearer " + unknown]) {
      const res = await me(key);
      expect(res.status, key).toBe(401);
      expect(res.body.error?.code).toBe("invalid_api_key");
    }
  });

  it("refuses a deleted key on the very next request, though it was cached", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const { id, secret } = await createTestKey(ws, admin);
    expect((await me(secret)).status).toBe(200);
    const deleted = await deleteApiKey(actorFromMembership(admin, { name: "A", email: "a@example.test" }), id);
    expect(deleted.ok).toBe(true);
    const res = await me(secret);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe("invalid_api_key");
  });

  it("answers 401 expired_api_key, checking the clock on every request even when cached", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const expiresAt = Date.now() + 3_600_000;
    const soon = await createTestKey(ws, admin, ["read_only"], { expiresAt: new Date(expiresAt).toISOString() });
    const first = await me(soon.secret);
    expect(first.status).toBe(200);
    expect(first.body.expiresAt).toBe(new Date(expiresAt).toISOString());
    // Nothing announces an expiry: the cached key must be refused by the clock alone.
    const queries = api.api.stats().verifier.queries;
    vi.useFakeTimers({ toFake: ["Date"], now: expiresAt + 1 });
    try {
      const later = await me(soon.secret);
      expect(later.status).toBe(401);
      expect(later.body.error?.code).toBe("expired_api_key");
      expect(api.api.stats().verifier.queries).toBe(queries);
    } finally {
      vi.useRealTimers();
    }

    const past = await createTestKey(ws, admin);
    await expireTestKey(past.id);
    expect((await me(past.secret)).body.error?.code).toBe("expired_api_key");
  });

  it("answers 401 inactive_api_key once the creator is removed from the workspace", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const { secret } = await createTestKey(ws, admin);
    expect((await me(secret)).status).toBe(200);
    await removeTestMember(ws.id, admin.userId);
    emitKeyChange({ workspaceId: ws.id, userId: admin.userId });
    const res = await me(secret);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe("inactive_api_key");
  });

  it("answers 402 plan_required for keys of a free-plan workspace", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const { secret } = await createTestKey(ws, admin);
    expect((await me(secret)).status).toBe(200);
    await handle().db.update(workspaces).set({ plan: "free" }).where(eq(workspaces.id, ws.id));
    emitKeyChange({ workspaceId: ws.id });
    const res = await me(secret);
    expect(res.status).toBe(402);
    expect(res.body.error?.code).toBe("plan_required");
  });

  it("answers 403 forbidden naming the permission the key lacks", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const { secret } = await createTestKey(ws, admin, ["read_only"]);
    const res = await call(api.url, "/api/v1/keys", { key: secret });
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe("forbidden");
    expect(res.body.error?.permission).toBe("api_keys:read");
    expect(res.body.error?.message).toContain("api_keys:read");
    const verify = await call(api.url, "/api/v1/keys/verify", { key: secret, body: { key: secret } });
    expect(verify.status).toBe(403);
    expect(verify.body.error?.message).toContain("api_keys:verify");
  });

  it("grants the union of the key's roles, limited by the creator's current permissions", async () => {
    const ws = await createTestWorkspace("small");
    const owner = await ws.addMember(["owner"]);
    const auditRole = await createTestRole(ws.id, "Auditors", ["audit:read"]);
    const verifyRole = await createTestRole(ws.id, "Verifiers", ["api_keys:verify"]);
    const { secret } = await createTestKey(ws, owner, [auditRole, verifyRole]);
    expect((await me(secret)).body.permissions).toEqual(["api_keys:verify", "audit:read"]);

    const admin = await ws.addMember(["administrator"]);
    const adminKey = await createTestKey(ws, admin, ["administrator"]);
    expect((await me(adminKey.secret)).body.permissions).toContain("api_keys:manage");
    // The creator is demoted to Read-only: the key shrinks with them at once.
    await handle().db.delete(memberRoles).where(eq(memberRoles.memberId, admin.memberId));
    await handle().db.insert(memberRoles).values({ memberId: admin.memberId, roleId: ws.roleIds.read_only });
    emitKeyChange({ workspaceId: ws.id, userId: admin.userId });
    const demoted = await me(adminKey.secret);
    expect(demoted.status).toBe(200);
    expect(demoted.body.permissions).toEqual(["workspace:read", "members:read"]);
    expect((await call(api.url, "/api/v1/keys", { key: adminKey.secret })).status).toBe(403);
  });

  it("gives the owner key every permission", async () => {
    const ws = await createTestWorkspace("small");
    const owner = await ws.addMember(["owner"]);
    const { secret } = await createTestKey(ws, owner, ["owner"]);
    const res = await me(secret);
    expect(res.body.isOwnerKey).toBe(true);
    expect(res.body.permissions).toHaveLength(10);
  });

  it("re-reads a key whose creator's membership changed in the database without a notification only after invalidation", async () => {
    // The cache is authoritative until told otherwise: this documents that a change must be announced.
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const { secret } = await createTestKey(ws, admin);
    expect((await me(secret)).status).toBe(200);
    await handle().db.delete(members).where(and(eq(members.workspaceId, ws.id), eq(members.userId, admin.userId)));
    expect((await me(secret)).status).toBe(200);
    emitKeyChange({ workspaceId: ws.id });
    expect((await me(secret)).body.error?.code).toBe("inactive_api_key");
  });
});

describe("failed-authentication throttling", () => {
  it("answers 429 rate_limited with Retry-After after a burst of failures, but lets a verified key through", async () => {
    const throttled = await startTestApi({ throttle: { burst: 5, perMinute: 6 } });
    try {
      const ws = await createTestWorkspace("small");
      const admin = await ws.addMember(["administrator"]);
      const { secret } = await createTestKey(ws, admin);
      expect((await call(throttled.url, "/api/v1/me", { key: secret })).status).toBe(200);

      const codes: number[] = [];
      for (let i = 0; i < 8; i++) codes.push((await call(throttled.url, "/api/v1/me", { key: generateSecret() })).status);
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(codes.slice(5)).toEqual([429, 429, 429]);
      const limited = await call(throttled.url, "/api/v1/me", { key: "garbage" });
      expect(limited.status).toBe(429);
      expect(limited.body.error?.code).toBe("rate_limited");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

      // Successful traffic is not slowed.
      for (let i = 0; i < 3; i++) expect((await call(throttled.url, "/api/v1/me", { key: secret })).status).toBe(200);
      // A missing key is not a guess and is not throttled.
      expect((await call(throttled.url, "/api/v1/me")).body.error?.code).toBe("missing_api_key");
    } finally {
      await throttled.close();
    }
  });
});

describe("a broken database", () => {
  it("answers a JSON 500 without details and keeps serving", async () => {
    const broken = await startTestApi({
      db: () => {
        throw new Error("database is down");
      },
    });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await call(broken.url, "/api/v1/me", { key: generateSecret() });
        expect(res.status).toBe(500);
        expect(res.body.error?.code).toBe("internal_error");
        expect(JSON.stringify(res.body)).not.toContain("database is down");
      }
      expect((await call(broken.url, "/api/v1/me")).status).toBe(401);
    } finally {
      await broken.close();
    }
  });
});
