import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, withTestDatabase, type TestWorkspace } from "@/lib/testing/database";
import { listAuditEvents } from "@/lib/audit/queries";
import { actorFromMembership } from "@/lib/auth/actor";
import { listApiKeys } from "@/lib/keys/rules";
import { auditLogQuerySchema } from "@/lib/validations/audit-log";
import { call, startTestApi } from "./testing";
import { createTestKey } from "@/lib/testing";

// Crafted input from issue 12: each is a 400 naming the field on PGlite and PostgreSQL, never a 500.

withTestDatabase();
let api: Awaited<ReturnType<typeof startTestApi>>;
let ws: TestWorkspace;
let admin: Awaited<ReturnType<TestWorkspace["addMember"]>>;
let key: { id: string; secret: string };

beforeAll(async () => {
  api = await startTestApi({ throttle: { burst: 1_000, perMinute: 1_000 } });
  ws = await createTestWorkspace("small");
  admin = await ws.addMember(["administrator"], "Adam Admin");
  key = await createTestKey(ws, admin, ["administrator"], { name: "crafted" });
});

afterAll(async () => {
  await api.close();
});

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const get = (path: string) => call(api.url, path, { key: key.secret });

// Cursors PostgreSQL would refuse, and plain garbage.
const BAD_KEY_CURSORS: [string, string][] = [
  ["a number as a date", b64({ d: "after", s: "-created", v: [12345, "key_0123456789abcdef"] })],
  ["digits as a date", b64({ d: "after", s: "-created", v: ["12345", "key_0123456789abcdef"] })],
  ["year 275760", b64({ d: "after", s: "-created", v: ["+275760-09-13T00:00:00.000000Z", "key_0123456789abcdef"] })],
  ["an impossible date", b64({ d: "before", s: "created", v: ["2026-02-30T25:00:00.000000Z", "key_0123456789abcdef"] })],
  ["a NUL in the id", b64({ d: "after", s: "-created", v: ["2026-01-01T00:00:00.000000Z", "key_\u0000"] })],
  ["a NUL in a name", b64({ d: "after", s: "name", v: ["a\u0000b"] })],
  ["garbage", "garbage"],
];

const BAD_AUDIT_CURSORS: [string, string][] = [
  ["an impossible date", b64("o|2026-13-45T00:00:00.000000Z|12")],
  ["year 0", b64("n|0000-01-01T00:00:00.000000Z|12")],
  ["garbage", "garbage"],
];

describe("the Open API refuses crafted input with a 400 naming the field", () => {
  it("a NUL in the search", async () => {
    const res = await get("/api/v1/keys?q=%00");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "invalid_request", field: "q" });
  });

  for (const [label, cursor] of BAD_KEY_CURSORS) {
    it(`a keys cursor with ${label}`, async () => {
      const res = await get(`/api/v1/keys?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_request", field: "cursor" });
    });
  }

  for (const [label, cursor] of BAD_AUDIT_CURSORS) {
    it(`an audit-log cursor with ${label}`, async () => {
      const res = await get(`/api/v1/audit-log?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_request", field: "cursor" });
    });
  }

  for (const name of ["__proto__", "constructor", "prototype"]) {
    for (const path of ["/api/v1/keys", "/api/v1/audit-log", "/api/v1/me", "/api/v1/openapi.json"]) {
      it(`${name} as a query parameter of ${path}`, async () => {
        const res = await get(`${path}?${name}=1`);
        expect(res.status).toBe(400);
        expect(res.body.error).toMatchObject({ code: "invalid_request", field: name });
      });
    }
    it(`${name} as a body key`, async () => {
      const res = await call(api.url, "/api/v1/keys", {
        key: key.secret,
        method: "POST",
        rawBody: `{"name":"p","roleIds":["${ws.roleIds.standard}"],"${name}":{"admin":true}}`,
        headers: { "content-type": "application/json" },
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_request", field: name });
    });
  }

  it("bad percent-encoding in the path", async () => {
    const res = await get("/api/v1/keys/%E0%A4%A");
    expect(res.status).toBe(400);
    expect(res.body.error?.field).toBeTruthy();
  });

  it("a key id over 200 characters", async () => {
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const res = await call(api.url, `/api/v1/keys/key_${"k".repeat(5000)}`, { key: key.secret, method, body: method === "PATCH" ? { name: "x" } : undefined });
      expect(res.status, method).toBe(400);
      expect(res.body.error, method).toMatchObject({ code: "invalid_request", field: "keyId" });
    }
  });
});

describe("the Open API treats every route the same", () => {
  it("ignores unknown query parameters (e.g. a nonce that tells identical signed requests apart)", async () => {
    for (const path of ["/api/v1/keys?nonce=1", "/api/v1/audit-log?nonce=1", "/api/v1/me?nonce=1", "/api/v1/members?x=1&y=2"]) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it("refuses a garbage cursor on /keys and /audit-log alike", async () => {
    expect((await get("/api/v1/keys?cursor=garbage")).body.error?.field).toBe("cursor");
    expect((await get("/api/v1/audit-log?cursor=garbage")).body.error?.field).toBe("cursor");
  });

  it("answers 405 with Allow to an unsupported method on a known path", async () => {
    const cases: [string, string, string][] = [
      ["PUT", "/api/v1/keys", "GET, HEAD, POST"],
      ["POST", "/api/v1/me", "GET, HEAD"],
      ["PUT", "/api/v1/keys/key_0123456789abcdef", "GET, HEAD, PATCH, DELETE"],
      ["DELETE", "/api/v1/openapi.json", "GET, HEAD"],
    ];
    for (const [method, path, allow] of cases) {
      const res = await call(api.url, path, { key: key.secret, method, body: method === "GET" ? undefined : {} });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.body.error?.code).toBe("method_not_allowed");
    }
  });
});

describe("the console's callers get the same refusals from the shared schemas", () => {
  it("the key list refuses a NUL search and bad cursors instead of failing in the database", async () => {
    const actor = actorFromMembership(admin, { name: "Adam Admin", email: "adam@example.test" });
    const nul = await listApiKeys(actor, { q: "\u0000" });
    expect(nul).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { q: expect.any(String) } });
    for (const [label, cursor] of BAD_KEY_CURSORS) {
      const result = await listApiKeys(actor, { cursor });
      expect(result, label).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { cursor: "Invalid cursor" } });
    }
  });

  it("the audit log's filters refuse a cursor the database would", async () => {
    for (const [label, cursor] of BAD_AUDIT_CURSORS) {
      const parsed = auditLogQuerySchema.safeParse({ cursor });
      expect(parsed.success, label).toBe(false);
    }
    // What the page does with a refused filter: the first page, which the database answers.
    const page = await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: false });
    expect(Array.isArray(page.items)).toBe(true);
  });
});
