import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestKey } from "@/lib/testing";
import { createTestRole, createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { call, startTestApi } from "./testing";

withTestDatabase();
let api: Awaited<ReturnType<typeof startTestApi>>;
let managerKey: { secret: string };
let adminKey: { secret: string };
let otherKey: { secret: string };

beforeAll(async () => {
  api = await startTestApi({ throttle: { burst: 1_000, perMinute: 1_000 } });
  const ws = await createTestWorkspace("small");
  const owner = await ws.addMember(["owner"], "Olivia Owner");
  const admin = await ws.addMember(["administrator"], "Adam Admin");
  const managers = await createTestRole(ws.id, "Webhook managers", ["workspace:manage"]);
  managerKey = await createTestKey(ws, owner, [managers], { name: "hooks" });
  adminKey = await createTestKey(ws, admin, ["administrator"], { name: "admin" });
  const other = await createTestWorkspace("small");
  otherKey = await createTestKey(other, await other.addMember(["owner"]), [await createTestRole(other.id, "M", ["workspace:manage"])]);
});
afterAll(async () => {
  await api.close();
});

const PUBLIC = "https://93.184.215.14/hooks";

describe("/api/v1/webhooks (workspace:manage)", () => {
  it("adds, lists, reads, changes and deletes an endpoint; the secret only in the POST answer", async () => {
    const created = await call(api.url, "/api/v1/webhooks", { key: managerKey.secret, body: { url: PUBLIC, events: ["api_key.created"] } });
    expect(created.status).toBe(201);
    const { endpoint, secret } = created.body as { endpoint: { id: string; secretHint: string }; secret: string };
    expect(secret).toMatch(/^whsec_/);
    const id = endpoint.id;

    const list = await call(api.url, "/api/v1/webhooks", { key: managerKey.secret });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect((list.body.items as { id: string }[]).map((e) => e.id)).toContain(id);

    const got = await call(api.url, `/api/v1/webhooks/${id}`, { key: managerKey.secret });
    expect(got.body).toMatchObject({ id, url: PUBLIC, enabled: true });
    const patched = await call(api.url, `/api/v1/webhooks/${id}`, { key: managerKey.secret, method: "PATCH", body: { enabled: false, events: ["api_key.deleted"] } });
    expect(patched.body).toMatchObject({ enabled: false, events: ["api_key.deleted"] });
    const deliveries = await call(api.url, `/api/v1/webhooks/${id}/deliveries`, { key: managerKey.secret });
    expect(deliveries.body).toEqual({ items: [] });

    expect((await call(api.url, `/api/v1/webhooks/${id}`, { key: otherKey.secret })).status).toBe(404);
    const deleted = await call(api.url, `/api/v1/webhooks/${id}`, { key: managerKey.secret, method: "DELETE" });
    expect(deleted.body).toEqual({ id, deleted: true });
    expect((await call(api.url, `/api/v1/webhooks/${id}`, { key: managerKey.secret })).status).toBe(404);
    expect((await call(api.url, "/api/v1/webhooks/nope", { key: managerKey.secret })).status).toBe(404);
  });

  it("answers 400 naming the field for bad input, and 403 without workspace:manage", async () => {
    const bad = async (body: unknown, field: string) => {
      const res = await call(api.url, "/api/v1/webhooks", { key: managerKey.secret, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_request", field });
    };
    await bad({ url: "nope", events: ["api_key.created"] }, "url");
    await bad({ url: "http://93.184.215.14/h", events: ["api_key.created"] }, "url");
    await bad({ url: "https://169.254.169.254/", events: ["api_key.created"] }, "url");
    await bad({ url: PUBLIC, events: [] }, "events");
    await bad({ url: PUBLIC, events: ["nope"] }, "events");
    const list = await call(api.url, "/api/v1/webhooks", { key: managerKey.secret });
    expect(list.body.items).toEqual([]);
    const forbidden = await call(api.url, "/api/v1/webhooks", { key: adminKey.secret });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toMatchObject({ code: "forbidden", permission: "workspace:manage" });
  });
});
