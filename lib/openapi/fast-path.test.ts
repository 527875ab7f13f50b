import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestKey } from "@/lib/testing";
import { createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { generateSecret } from "@/lib/keys/format";
import { call, startTestApi } from "./testing";

// GET /api/v1/me skips fastify (lib/openapi/fast-path.ts); "/api/v1/me/" and "/api/v1/me?x=1" still
// go through it. Both must answer byte for byte alike but for the Date.
withTestDatabase();
let api: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  api = await startTestApi({ throttle: { burst: 1_000, perMinute: 1_000 } });
});
afterAll(async () => {
  await api.close();
});

const headersOf = (h: Headers) => [...h.entries()].filter(([name]) => name !== "date");

describe("the fast path of GET /api/v1/me", () => {
  it("answers exactly what fastify answers, for a valid, an unknown, a malformed and a missing key", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const { secret } = await createTestKey(ws, admin, ["read_only"]);
    for (const key of [secret, generateSecret(), "ak_short", undefined]) {
      const fast = await call(api.url, "/api/v1/me", { key });
      for (const path of ["/api/v1/me/", "/api/v1/me?x=1"]) {
        const routed = await call(api.url, path, { key });
        expect(routed.status).toBe(fast.status);
        expect(routed.body).toEqual(fast.body);
        expect(headersOf(routed.headers)).toEqual(headersOf(fast.headers));
      }
      // The baseline security headers (lib/server/http-guards.ts), written in the fast path's one writeHead.
      expect(fast.headers.get("x-content-type-options")).toBe("nosniff");
      expect(fast.headers.get("x-frame-options")).toBe("DENY");
      expect(fast.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    expect((await call(api.url, "/api/v1/me", { key: secret })).status).toBe(200);
  });

  it("counts the request as a use of the key, like every verified request", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const { secret } = await createTestKey(ws, admin, ["read_only"]);
    const before = api.api.services.lastUsed.pendingKeys;
    expect((await call(api.url, "/api/v1/me", { key: secret })).status).toBe(200);
    expect(api.api.services.lastUsed.pendingKeys).toBe(before + 1);
  });

  it("leaves other methods to fastify", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const { secret } = await createTestKey(ws, admin, ["read_only"]);
    const post = await call(api.url, "/api/v1/me", { key: secret, method: "POST", body: {} });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });
});
