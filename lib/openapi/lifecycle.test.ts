import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, withTestDatabase, type TestWorkspace } from "@/lib/testing/database";
import type { Membership } from "@/lib/auth/membership";
import { createTestKey } from "@/lib/testing";
import { call, startTestApi } from "./testing";

withTestDatabase();
let api: Awaited<ReturnType<typeof startTestApi>>;
let ws: TestWorkspace;
let owner: Membership;
let admin: Membership;
let member: Membership;
let ownerKey: { id: string; secret: string };
let adminKey: { id: string; secret: string };

beforeAll(async () => {
  api = await startTestApi({ throttle: { burst: 1_000, perMinute: 1_000 } });
  ws = await createTestWorkspace("small");
  owner = await ws.addMember(["owner"], "Olivia Owner");
  admin = await ws.addMember(["administrator"], "Adam Admin");
  member = await ws.addMember(["standard"], "Mia Member");
  ownerKey = await createTestKey(ws, owner, ["owner"], { name: "Owner key" });
  adminKey = await createTestKey(ws, admin, ["administrator"], { name: "admin automation" });
});

afterAll(async () => {
  await api.close();
});

const as = (key: { secret: string }) => ({
  get: (path: string) => call(api.url, path, { key: key.secret }),
  post: (path: string, body?: unknown) => call(api.url, path, { key: key.secret, method: "POST", body }),
  patch: (path: string, body: unknown) => call(api.url, path, { key: key.secret, method: "PATCH", body }),
});

describe("POST /api/v1/keys/{keyId}/roll", () => {
  it("answers the new secret; both secrets work until Expire now, then only the new one", async () => {
    const target = await createTestKey(ws, admin, ["read_only"]);
    const rolled = await as(adminKey).post(`/api/v1/keys/${target.id}/roll`, { gracePeriod: "1h" });
    expect(rolled.status).toBe(200);
    const { key, secret, previousSecretValidUntil } = rolled.body as { key: { id: string; previousSecret: { validUntil: string } }; secret: string; previousSecretValidUntil: string };
    expect(key.id).toBe(target.id);
    expect(key.previousSecret.validUntil).toBe(previousSecretValidUntil);
    expect((await as({ secret }).get("/api/v1/me")).status).toBe(200);
    expect((await as(target).get("/api/v1/me")).status).toBe(200);

    const expired = await as(adminKey).post(`/api/v1/keys/${target.id}/roll/expire-previous`);
    expect(expired.status).toBe(200);
    expect(expired.body).toMatchObject({ key: { id: target.id, previousSecret: null } });
    const old = await as(target).get("/api/v1/me");
    expect(old.status).toBe(401);
    expect(old.body.error?.code).toBe("invalid_api_key");
    expect((await as({ secret }).get("/api/v1/me")).status).toBe(200);
  });

  it("defaults to 24h without a body, and refuses an unknown grace naming gracePeriod", async () => {
    const target = await createTestKey(ws, admin, ["read_only"]);
    const rolled = await as(adminKey).post(`/api/v1/keys/${target.id}/roll`);
    expect(rolled.status).toBe(200);
    expect(Date.parse(rolled.body.previousSecretValidUntil as string) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const bad = await as(adminKey).post(`/api/v1/keys/${target.id}/roll`, { gracePeriod: "forever" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_request", field: "gracePeriod" });
  });

  it("hides the owner key from other keys and refuses someone else's key without api_keys:manage", async () => {
    expect((await as(adminKey).post(`/api/v1/keys/${ownerKey.id}/roll`, {})).status).toBe(404);
    expect((await as(adminKey).post(`/api/v1/keys/${ownerKey.id}/roll/expire-previous`)).status).toBe(404);
    const memberKey = await createTestKey(ws, member, ["standard"]);
    const res = await as(memberKey).post(`/api/v1/keys/${adminKey.id}/roll`, {});
    expect(res.status).toBe(404);
    expect((await as(adminKey).post(`/api/v1/keys/nonsense/roll`, {})).status).toBe(404);
  });
});

describe("disabled keys", () => {
  it("are refused with 401 disabled_api_key and carry enabled: false; PATCH enabled switches them", async () => {
    const target = await createTestKey(ws, admin, ["read_only"]);
    const off = await as(adminKey).patch(`/api/v1/keys/${target.id}`, { enabled: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, status: "disabled" });
    const refused = await as(target).get("/api/v1/me");
    expect(refused.status).toBe(401);
    expect(refused.body.error).toEqual({ code: "disabled_api_key", message: "The API key is disabled." });

    const verified = await as(adminKey).post("/api/v1/keys/verify", { key: target.secret });
    expect(verified.body).toMatchObject({ valid: false, code: "disabled_api_key", keyId: target.id });

    expect((await as(adminKey).get(`/api/v1/keys/${target.id}`)).body).toMatchObject({ enabled: false });
    expect((await as(adminKey).get("/api/v1/keys?status=disabled")).body.items).toEqual([expect.objectContaining({ id: target.id })]);
    expect((await as(adminKey).patch(`/api/v1/keys/${target.id}`, { enabled: "yes" })).body.error).toMatchObject({ field: "enabled" });

    expect((await as(adminKey).patch(`/api/v1/keys/${target.id}`, { enabled: true })).body).toMatchObject({ enabled: true });
    expect((await as(target).get("/api/v1/me")).status).toBe(200);
  });
});

describe("POST /api/v1/keys/bulk", () => {
  it("answers one result per id, in order, each judged by the single-key rules", async () => {
    const a = await createTestKey(ws, admin, ["read_only"]);
    const b = await createTestKey(ws, admin, ["read_only"]);
    const res = await as(adminKey).post("/api/v1/keys/bulk", { action: "disable", keyIds: [a.id, ownerKey.id, b.id] });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { keyId: a.id, ok: true },
      { keyId: ownerKey.id, ok: false, error: { code: "not_found", message: "API key not found" } },
      { keyId: b.id, ok: true },
    ]);
    expect((await as(a).get("/api/v1/me")).body.error?.code).toBe("disabled_api_key");
    const deleted = await as(adminKey).post("/api/v1/keys/bulk", { action: "delete", keyIds: [a.id, b.id] });
    expect(deleted.body.results).toEqual([
      { keyId: a.id, ok: true },
      { keyId: b.id, ok: true },
    ]);
    expect((await as(a).get("/api/v1/me")).body.error?.code).toBe("invalid_api_key");
  });

  it("refuses empty, 101 and duplicate ids with 400 naming keyIds", async () => {
    for (const keyIds of [[], Array.from({ length: 101 }, (_, i) => `key_${String(i).padStart(16, "0")}`), [adminKey.id, adminKey.id]]) {
      const res = await as(adminKey).post("/api/v1/keys/bulk", { action: "delete", keyIds });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_request", field: "keyIds" });
    }
    expect((await as(adminKey).get("/api/v1/me")).status).toBe(200);
  });
});

describe("GET /api/v1/keys?status=", () => {
  it("filters server-side and validates the value", async () => {
    const soon = await createTestKey(ws, admin, ["read_only"], { expiresAt: new Date(Date.now() + 2 * 86_400_000).toISOString() });
    const res = await as(adminKey).get("/api/v1/keys?status=expiring");
    expect((res.body.items as { id: string }[]).map((k) => k.id)).toContain(soon.id);
    expect((res.body.items as { id: string }[]).map((k) => k.id)).not.toContain(adminKey.id);
    const bad = await as(adminKey).get("/api/v1/keys?status=soon");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: "status" });
  });
});
