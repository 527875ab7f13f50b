import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRole, createTestWorkspace, withTestDatabase, type TestWorkspace } from "@/lib/testing/database";
import { call, startTestApi } from "./testing";
import { createTestKey } from "@/lib/testing";

withTestDatabase();
let api: Awaited<ReturnType<typeof startTestApi>>;
let ws: TestWorkspace;
let ownerKey: { id: string; secret: string };
let adminKey: { id: string; secret: string };
let viewerKey: { id: string; secret: string };
let auditorKey: { id: string; secret: string };

beforeAll(async () => {
  api = await startTestApi({ throttle: { burst: 1_000, perMinute: 1_000 } });
  ws = await createTestWorkspace("small");
  const owner = await ws.addMember(["owner"], "Olivia Owner");
  const admin = await ws.addMember(["administrator"], "Adam Admin");
  await ws.addMember(["read_only"], "Victor Viewer");
  ownerKey = await createTestKey(ws, owner, ["owner"], { name: "Owner key" });
  adminKey = await createTestKey(ws, admin, ["administrator"], { name: "admin automation" });
  viewerKey = await createTestKey(ws, admin, ["read_only"], { name: "viewer" });
  const auditors = await createTestRole(ws.id, "Auditors", ["audit:read"]);
  auditorKey = await createTestKey(ws, owner, [auditors], { name: "auditor" });
});

afterAll(async () => {
  await api.close();
});

const get = (key: { secret: string }, path: string) => call(api.url, path, { key: key.secret });

describe("GET /api/v1/members and /api/v1/roles (members:read)", () => {
  it("lists the workspace's members with their roles, Owner first", async () => {
    const res = await get(viewerKey, "/api/v1/members");
    expect(res.status).toBe(200);
    const items = res.body.items as { name: string; isOwner: boolean; roles: { name: string }[] }[];
    expect(items.map((m) => m.name)).toEqual(["Olivia Owner", "Adam Admin", "Victor Viewer"]);
    expect(items[0]).toMatchObject({ isOwner: true, roles: [{ name: "Owner" }] });
  });

  it("lists roles with permissions; the owner key is counted only for the owner key", async () => {
    const res = await get(adminKey, "/api/v1/roles");
    expect(res.status).toBe(200);
    type Role = { name: string; permissions: string[]; keyCount: number };
    const byName = (items: Role[]) => Object.fromEntries(items.map((r) => [r.name, r]));
    const roles = byName(res.body.items as Role[]);
    expect(Object.keys(roles)).toEqual(["Owner", "Administrator", "Standard", "Read-only", "Auditors"]);
    expect(roles["Read-only"]!.permissions).toEqual(["workspace:read", "members:read"]);
    expect(roles.Owner!.keyCount).toBe(0);
    expect(byName((await get(ownerKey, "/api/v1/roles")).body.items as Role[]).Owner!.keyCount).toBe(1);
  });

  it("answers 403 naming members:read to a key without it", async () => {
    for (const path of ["/api/v1/members", "/api/v1/roles"]) {
      const res = await get(auditorKey, path);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: "forbidden", permission: "members:read" });
    }
  });
});

describe("GET /api/v1/audit-log (audit:read)", () => {
  type Event = { action: string; targetId: string | null; actorKeyId: string | null };

  it("reads the workspace's events newest first; events about the owner key only for the owner key", async () => {
    // An event written through the API itself, attributed to the key.
    const created = await call(api.url, "/api/v1/keys", { key: adminKey.secret, body: { name: "audited", roleIds: [ws.roleIds.read_only] } });
    expect(created.status).toBe(201);

    const res = await get(auditorKey, "/api/v1/audit-log");
    expect(res.status).toBe(200);
    const items = res.body.items as Event[];
    expect(items[0]).toMatchObject({ action: "api_key.create", actorKeyId: adminKey.id });
    expect(items.some((e) => e.targetId === ownerKey.id)).toBe(false);
    expect(JSON.stringify(res.body)).not.toContain(ownerKey.id);

    const asOwner = (await get(ownerKey, "/api/v1/audit-log")).body.items as Event[];
    expect(asOwner.some((e) => e.targetId === ownerKey.id)).toBe(true);
  });

  it("pages with limit and cursor, filters by action, and names bad parameters", async () => {
    const first = await get(auditorKey, "/api/v1/audit-log?limit=1");
    expect(first.body.items).toHaveLength(1);
    const second = await get(auditorKey, `/api/v1/audit-log?limit=1&cursor=${first.body.nextCursor}`);
    expect((second.body.items as Event[])[0]).not.toEqual((first.body.items as Event[])[0]);
    const creates = (await get(auditorKey, "/api/v1/audit-log?action=api_key.create")).body.items as Event[];
    expect(creates.length).toBeGreaterThan(0);
    expect(creates.every((e) => e.action === "api_key.create")).toBe(true);

    for (const [query, field] of [["limit=0", "limit"], ["limit=x", "limit"], ["action=DROP TABLE", "action"], ["actor=me", "actor"]]) {
      const res = await get(auditorKey, `/api/v1/audit-log?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_request", field });
    }
  });

  it("answers 403 naming audit:read to a key without it", async () => {
    const res = await get(viewerKey, "/api/v1/audit-log");
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "forbidden", permission: "audit:read" });
  });
});
