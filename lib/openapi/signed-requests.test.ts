import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys, sharedSecrets } from "@/db/schema";
import { createTestRole, createTestWorkspace, withTestDatabase, type TestWorkspace } from "@/lib/testing/database";
import type { Membership } from "@/lib/auth/membership";
import { actorFromMembership } from "@/lib/auth/actor";
import { emitKeyChange } from "@/lib/keys/revocation";
import { signRequest } from "@/lib/signing/format";
import { createSharedSecret, revealSharedSecret, rotateSharedSecret, setRequireSignedRequests } from "@/lib/signing/shared-secret";
import { call, startTestApi } from "./testing";
import { createTestKey } from "@/lib/testing";

const handle = withTestDatabase();
let api: Awaited<ReturnType<typeof startTestApi>>;
let other: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  api = await startTestApi({ throttle: { burst: 1_000, perMinute: 1_000 } });
  // A second instance on the same database, with memories of its own.
  other = await startTestApi({ throttle: { burst: 1_000, perMinute: 1_000 } });
});

afterAll(async () => {
  await api.close();
  await other.close();
});

type Signing = { ws: TestWorkspace; owner: Membership; key: { id: string; secret: string }; secret: () => Promise<string> };

/** A workspace with a shared secret (signing off), its owner and a Standard key. */
async function workspaceWithSecret(): Promise<Signing> {
  const ws = await createTestWorkspace("small");
  const owner = await ws.addMember(["owner"]);
  const actor = actorFromMembership(owner, { name: "Olive", email: "olive@x.test" });
  await createSharedSecret(actor);
  const key = await createTestKey(ws, owner, ["standard"]);
  const secret = async () => {
    const r = await revealSharedSecret(actor, "reveal");
    if (!r.ok) throw new Error(r.error);
    return r.data.secret;
  };
  return { ws, owner, key, secret };
}

const ownerActor = (s: Signing) => actorFromMembership(s.owner, { name: "Olive", email: "olive@x.test" });
const requireSigning = async (s: Signing, enabled: boolean) => {
  const r = await setRequireSignedRequests(ownerActor(s), { enabled });
  if (!r.ok) throw new Error(r.error);
};

/** A signed call: the path and body are signed exactly as sent unless `sign` says otherwise. */
function signedCall(
  url: string,
  path: string,
  { key, secret, method = "GET", body, sign = {} }: {
    key: string;
    secret: string;
    method?: string;
    body?: string;
    sign?: { path?: string; body?: string; method?: string; timestamp?: number };
  },
) {
  const headers = signRequest({
    secret,
    method: sign.method ?? method,
    pathWithQuery: sign.path ?? path,
    body: sign.body ?? body ?? "",
    timestamp: sign.timestamp,
  });
  return call(url, path, {
    key,
    method,
    rawBody: body,
    headers: { ...headers, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
  });
}

describe("signed Open API requests (SPEC §5.1)", () => {
  it("are not needed while the workspace does not require them, and are needed at once when it does", async () => {
    const s = await workspaceWithSecret();
    expect((await call(api.url, "/api/v1/me", { key: s.key.secret })).status).toBe(200);

    await requireSigning(s, true);
    const unsigned = await call(api.url, "/api/v1/me", { key: s.key.secret });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error?.code).toBe("missing_signature");
    expect(unsigned.body.error?.message).toMatch(/X-Timestamp/);
    const onlyTimestamp = await call(api.url, "/api/v1/me", { key: s.key.secret, headers: { "X-Timestamp": String(Math.floor(Date.now() / 1000)) } });
    expect(onlyTimestamp.body.error?.code).toBe("missing_signature");

    const signed = await signedCall(api.url, "/api/v1/me", { key: s.key.secret, secret: await s.secret() });
    expect(signed.status).toBe(200);
    expect(signed.body.id).toBe(s.key.id);

    await requireSigning(s, false);
    expect((await call(api.url, "/api/v1/me", { key: s.key.secret })).status).toBe(200);
  });

  it("are checked after the key and before anything else: permissions, the body, the route", async () => {
    const s = await workspaceWithSecret();
    await requireSigning(s, true);
    const secret = await s.secret();
    // The key first.
    const noKey = await signedCall(api.url, "/api/v1/me", { key: "", secret });
    expect(noKey.body.error?.code).toBe("missing_api_key");
    const badKey = await signedCall(api.url, "/api/v1/me", { key: "ak_nope", secret });
    expect(badKey.body.error?.code).toBe("invalid_api_key");
    // Then the signature, before a 403 (Standard lacks audit:read) or a 400 (not JSON).
    expect((await call(api.url, "/api/v1/audit-log", { key: s.key.secret })).body.error?.code).toBe("missing_signature");
    const notJson = await call(api.url, "/api/v1/keys/verify", { key: s.key.secret, method: "POST", rawBody: "{oops", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(401);
    expect(notJson.body.error?.code).toBe("missing_signature");
    const forbidden = await signedCall(api.url, "/api/v1/audit-log", { key: s.key.secret, secret });
    expect(forbidden.status).toBe(403);
  });

  it("cover the method, the path with its query and the exact body bytes", async () => {
    const s = await workspaceWithSecret();
    await requireSigning(s, true);
    const secret = await s.secret();
    const key = s.key.secret;

    const list = await signedCall(api.url, "/api/v1/keys?limit=5&q=a%20b", { key, secret });
    expect(list.status).toBe(200);
    const queryDropped = await signedCall(api.url, "/api/v1/keys?limit=5", { key, secret, sign: { path: "/api/v1/keys" } });
    expect(queryDropped.status).toBe(401);
    expect(queryDropped.body.error?.code).toBe("invalid_signature");

    // Bytes as sent, not re-serialised JSON: spacing and non-ASCII characters are signed as they are.
    const created = await signedCall(api.url, "/api/v1/keys", {
      key,
      secret,
      method: "POST",
      body: `{"name": "héllo ✓ ${s.ws.slug}",  "roleIds": ["${s.ws.roleIds.read_only}"]}`,
    });
    expect(created.status).toBe(201);
    const body = `{ "key" : "${key}" }`;
    const verify = await signedCall(api.url, "/api/v1/keys/verify", { key, secret, method: "POST", body });
    expect(verify.status).toBe(200);
    expect(verify.body.valid).toBe(true);
    const tampered = await signedCall(api.url, "/api/v1/keys/verify", { key, secret, method: "POST", body, sign: { body: body.replace(" : ", ":") } });
    expect(tampered.body.error?.code).toBe("invalid_signature");
    const otherMethod = await signedCall(api.url, "/api/v1/me", { key, secret, sign: { method: "POST" } });
    expect(otherMethod.body.error?.code).toBe("invalid_signature");
    const malformed = await call(api.url, "/api/v1/me", { key, headers: { "X-Timestamp": String(Math.floor(Date.now() / 1000)), "X-Signature": "sha256=abc" } });
    expect(malformed.status).toBe(401);
    expect(malformed.body.error?.code).toBe("invalid_signature");
  });

  it("refuse a stale timestamp, another workspace's secret and a replay, on any instance", async () => {
    const s = await workspaceWithSecret();
    const t = await workspaceWithSecret();
    await requireSigning(s, true);
    const secret = await s.secret();
    const key = s.key.secret;
    const now = Math.floor(Date.now() / 1000);

    // Well outside the window: a loaded machine may take seconds between `now` and the check.
    for (const timestamp of [now - 360, now + 360]) {
      const stale = await signedCall(api.url, "/api/v1/me", { key, secret, sign: { timestamp } });
      expect(stale.status).toBe(401);
      expect(stale.body.error?.code).toBe("stale_timestamp");
    }
    const foreign = await signedCall(api.url, "/api/v1/me", { key, secret: await t.secret() });
    expect(foreign.body.error?.code).toBe("invalid_signature");

    const headers = signRequest({ secret, method: "GET", pathWithQuery: "/api/v1/me?once=1" });
    expect((await call(api.url, "/api/v1/me?once=1", { key, headers })).status).toBe(200);
    const again = await call(api.url, "/api/v1/me?once=1", { key, headers });
    expect(again.status).toBe(401);
    expect(again.body.error?.code).toBe("replayed_request");
    const elsewhere = await call(other.url, "/api/v1/me?once=1", { key, headers });
    expect(elsewhere.body.error?.code).toBe("replayed_request");
  });

  it("accept the previous secret during its grace period only", async () => {
    const s = await workspaceWithSecret();
    await requireSigning(s, true);
    const old = await s.secret();
    const rotated = await rotateSharedSecret(ownerActor(s), { grace: "1h" });
    expect(rotated.ok).toBe(true);
    const current = await s.secret();
    const key = s.key.secret;
    expect((await signedCall(api.url, "/api/v1/me", { key, secret: old })).status).toBe(200);
    expect((await signedCall(api.url, "/api/v1/me", { key, secret: current })).status).toBe(200);

    // The hour is over (moved in the database; every instance hears of it).
    await handle().db
      .update(sharedSecrets)
      .set({ validUntil: new Date(Date.now() - 1000) })
      .where(and(eq(sharedSecrets.workspaceId, s.ws.id), isNotNull(sharedSecrets.retiredAt)));
    emitKeyChange({ workspaceId: s.ws.id });
    // (Other query strings: the same request signed in the same second is the same signature, a replay.)
    const expired = await signedCall(api.url, "/api/v1/me?after=1", { key, secret: old });
    expect(expired.body.error?.code).toBe("invalid_signature");
    expect((await signedCall(api.url, "/api/v1/me?after=1", { key, secret: current })).status).toBe(200);
  });

  it("leave 'Last used' alone when the signature is refused", async () => {
    const s = await workspaceWithSecret();
    await requireSigning(s, true);
    const lastUsed = async () => {
      await api.api.flush();
      const [row] = await handle().db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, s.key.id));
      return row!.at;
    };
    expect((await call(api.url, "/api/v1/me", { key: s.key.secret })).status).toBe(401);
    expect(await lastUsed()).toBeNull();
    expect((await signedCall(api.url, "/api/v1/me", { key: s.key.secret, secret: await s.secret() })).status).toBe(200);
    expect(await lastUsed()).not.toBeNull();
  });
});

describe("GET /api/v1/workspace (workspace:read)", () => {
  it("shows name, slug, plan and whether signing is required, never the secret", async () => {
    const s = await workspaceWithSecret();
    const res = await call(api.url, "/api/v1/workspace", { key: s.key.secret });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: s.ws.id, name: `Workspace ${s.ws.slug}`, slug: s.ws.slug, plan: "small", requireSignedRequests: false });
    await requireSigning(s, true);
    const signed = await signedCall(api.url, "/api/v1/workspace", { key: s.key.secret, secret: await s.secret() });
    expect(signed.body.requireSignedRequests).toBe(true);
    expect(JSON.stringify(signed.body)).not.toMatch(/ss_/);
  });

  it("answers 403 naming workspace:read to a key without it", async () => {
    const ws = await createTestWorkspace("small");
    const owner = await ws.addMember(["owner"]);
    const auditors = await createTestRole(ws.id, "Auditors", ["audit:read"]);
    const key = await createTestKey(ws, owner, [auditors]);
    const res = await call(api.url, "/api/v1/workspace", { key: key.secret });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "forbidden", permission: "workspace:read" });
  });
});

describe("openapi.json", () => {
  it("documents signing: the description, the two headers on every operation, the 401 codes and GET /api/v1/workspace", async () => {
    type Operation = { parameters?: { name: string; in: string; required: boolean }[]; responses: Record<string, { description: string }> };
    const doc = (await (await fetch(`${api.url}/api/v1/openapi.json`)).json()) as {
      info: { description: string };
      paths: Record<string, Record<string, Operation>>;
    };
    expect(doc.info.description).toMatch(/X-Timestamp.*X-Signature: v1=<hex HMAC-SHA256/s);
    for (const code of ["missing_signature", "stale_timestamp", "invalid_signature", "replayed_request"]) {
      expect(doc.info.description).toContain(code);
    }
    const workspace = doc.paths["/api/v1/workspace"]!.get!;
    expect(workspace.responses["401"]!.description).toContain("replayed_request");
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (path === "/api/v1/openapi.json") continue;
      for (const operation of Object.values(operations)) {
        // A public operation (`security: []`, the leak reports) has no key, so nothing to sign.
        if ((operation as { security?: unknown[] }).security?.length === 0) continue;
        const headers = (operation.parameters ?? []).filter((p) => p.in === "header").map((p) => [p.name, p.required]);
        expect(headers, path).toEqual([
          ["X-Timestamp", false],
          ["X-Signature", false],
        ]);
      }
    }
  });
});
