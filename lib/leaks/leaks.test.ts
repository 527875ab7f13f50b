import { generateKeyPairSync, randomInt, sign, type KeyObject } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys, auditEvents } from "@/db/schema";
import { createApiKey, getApiKey } from "@/lib/keys/rules";
import { generateSecret } from "@/lib/keys/format";
import { call, startTestApi } from "@/lib/openapi/testing";
import { actorOf, createTestKey, createTestWorkspace, mustOk, withTestDatabase, type TestWorkspace } from "@/lib/testing";
import { GitHubPublicKeys } from "./github-keys";
import { setLeakPolicy } from "./policy";
import { leakReportStats } from "./report";

const handle = withTestDatabase();

const pair = () => generateKeyPairSync("ec", { namedCurve: "P-256" });
const github = pair();
const stranger = pair();
const KEY_ID = "test-key-" + randomInt(1e9);
const keysDir = mkdtempSync(path.join(tmpdir(), "kw-leaks-"));
const keysFile = path.join(keysDir, "keys.json");
writeFileSync(
  keysFile,
  JSON.stringify({ public_keys: [{ key_identifier: KEY_ID, key: github.publicKey.export({ type: "spki", format: "pem" }), is_current: true }] }),
);

let api: Awaited<ReturnType<typeof startTestApi>>;
// Each test file run reports from its own addresses (behind a trusted proxy), so the shared limit never carries over.
const address = () => `198.51.${randomInt(256)}.${randomInt(256)}-${randomInt(1e9)}`;
const from = address();

beforeAll(async () => {
  api = await startTestApi({
    trustProxy: true,
    throttle: { burst: 1_000, perMinute: 1_000 },
    leaks: { reports: { burst: 10_000, perMinute: 10_000 }, githubKeys: new GitHubPublicKeys({ file: keysFile }) },
  });
});
afterAll(async () => {
  await api.close();
});

const report = (body: unknown, ip = from) => call(api.url, "/api/v1/leaks", { body, headers: { "x-forwarded-for": ip } });
const reportRaw = (rawBody: string) =>
  call(api.url, "/api/v1/leaks", { rawBody, method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": from } });

const signed = (body: string, key: KeyObject = github.privateKey) => sign("sha256", Buffer.from(body), { key, dsaEncoding: "der" }).toString("base64");
const githubCall = (body: string, headers: Record<string, string>) =>
  call(api.url, "/api/v1/leaks/github", { rawBody: body, method: "POST", headers: { "content-type": "application/json", ...headers } });

const keyRow = async (id: string) => (await handle().db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0];
const eventsOf = (ws: TestWorkspace, action: string) =>
  handle().db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, ws.id), eq(auditEvents.action, action)));

async function workspaceWithKey(policy?: "disable" | "delete" | "notify") {
  const ws = await createTestWorkspace("small");
  const owner = await ws.addMember(["owner"]);
  if (policy) mustOk(await setLeakPolicy(actorOf(owner), { policy }));
  const key = await createTestKey(ws, owner, ["read_only"]);
  return { ws, owner, key };
}

describe("POST /api/v1/leaks, by the workspace's policy (SPEC §13)", () => {
  it("Disable it (the default): the key is disabled, badged Leaked with when and the source, and audited once by Leak report", async () => {
    const { ws, owner, key } = await workspaceWithKey();
    expect((await call(api.url, "/api/v1/me", { key: key.secret })).status).toBe(200);
    const res = await report({ keys: [key.secret], source: "pastebin scanner", url: "https://paste.example/abc" });
    expect(res.status).toBe(202);
    // Refused at once, though it was cached a moment ago.
    const refused = await call(api.url, "/api/v1/me", { key: key.secret });
    expect([refused.status, refused.body.error?.code]).toEqual([401, "disabled_api_key"]);
    expect(res.body).toEqual({ received: 1 });
    const row = (await keyRow(key.id))!;
    expect(row.disabledAt).toBeInstanceOf(Date);
    expect(row.leakedAt).toBeInstanceOf(Date);
    const view = mustOk(await getApiKey(actorOf(owner), key.id));
    expect(view.leaked).toEqual({ at: row.leakedAt!.toISOString(), source: "pastebin scanner", url: "https://paste.example/abc" });
    const [event, ...more] = await eventsOf(ws, "api_key.leaked");
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({ actorName: "Leak report", actorUserId: null, targetId: key.id, details: { source: "pastebin scanner", action: "disabled" } });
    expect(JSON.stringify(event)).not.toContain(key.secret);

    // A repeat is harmless: no second event, the first report's source stays.
    expect((await report({ keys: [key.secret], source: "someone else" })).status).toBe(202);
    expect(await eventsOf(ws, "api_key.leaked")).toHaveLength(1);
    expect((await keyRow(key.id))!.leakSource).toBe("pastebin scanner");
  });

  it("handles a key once when reports of it arrive at the same time", async () => {
    const { ws, key } = await workspaceWithKey("notify");
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => report({ keys: [key.secret], source: `scanner ${i}` })));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    expect(await eventsOf(ws, "api_key.leaked")).toHaveLength(1);
  });

  it("Delete it: the key is deleted (with its own delete event) and refused at once", async () => {
    const { ws, key } = await workspaceWithKey("delete");
    expect((await call(api.url, "/api/v1/me", { key: key.secret })).status).toBe(200);
    expect((await report({ keys: [key.secret] })).status).toBe(202);
    expect(await keyRow(key.id)).toBeUndefined();
    expect(await eventsOf(ws, "api_key.leaked")).toHaveLength(1);
    const [deleted] = await eventsOf(ws, "api_key.delete");
    expect(deleted).toMatchObject({ actorName: "Leak report", targetId: key.id, details: { reason: "reported leaked" } });
    expect((await call(api.url, "/api/v1/me", { key: key.secret })).body.error?.code).toBe("invalid_api_key");
  });

  it("Only notify: the key keeps working, with the Leaked badge and the event", async () => {
    const { ws, key } = await workspaceWithKey("notify");
    expect((await report({ keys: [key.secret], url: "https://example.com/x" })).status).toBe(202);
    const row = (await keyRow(key.id))!;
    expect(row.disabledAt).toBeNull();
    expect(row.leakedAt).toBeInstanceOf(Date);
    expect(row.leakUrl).toBe("https://example.com/x");
    expect((await call(api.url, "/api/v1/me", { key: key.secret })).status).toBe(200);
    expect(await eventsOf(ws, "api_key.leaked")).toMatchObject([{ details: { action: "notified", source: null } }]);
  });

  it("answers 202 for unknown keys, and ignores malformed ones without any database query", async () => {
    const { key } = await workspaceWithKey();
    const valid = generateSecret();
    const malformed = [valid.slice(0, -1) + (valid.endsWith("A") ? "B" : "A"), "ak_short", "hello", "", "x".repeat(500), valid + "x"];
    const before = leakReportStats.queries;
    const res = await report({ keys: malformed });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ received: malformed.length });
    expect(leakReportStats.queries).toBe(before);

    expect((await report({ keys: [generateSecret(), ...malformed] })).body).toEqual({ received: malformed.length + 1 });
    expect(leakReportStats.queries).toBe(before + 1);
    expect((await keyRow(key.id))!.leakedAt).toBeNull();
  });

  it("refuses bad bodies with 400 invalid_request naming the field, changing nothing", async () => {
    const { key } = await workspaceWithKey();
    const cases: [unknown, string][] = [
      [{ keys: [] }, "keys"],
      [{ keys: Array.from({ length: 101 }, () => key.secret) }, "keys"],
      [{ keys: [key.secret, 42] }, "keys"],
      [{ keys: key.secret }, "keys"],
      [{}, "keys"],
      [[key.secret], "body"],
      [{ keys: [key.secret], source: 7 }, "source"],
      [{ keys: [key.secret], url: "javascript:alert(1)" }, "url"],
      [{ keys: [key.secret, "x".repeat(70 * 1024)] }, "body"],
    ];
    for (const [body, field] of cases) {
      const res = await report(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_request", field });
    }
    for (const raw of ["{not json", "", "null"]) {
      const res = await reportRaw(raw);
      expect(res.status, raw).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_request", field: "body" });
    }
    expect((await keyRow(key.id))!.leakedAt).toBeNull();
  });

  it("limits each address to 60 reports an hour, on every instance (429 rate_limited)", async () => {
    const limited = await startTestApi({ trustProxy: true, leaks: { reports: { syncMs: 50 } } });
    const other = await startTestApi({ trustProxy: true, leaks: { reports: { syncMs: 50 } } });
    try {
      const ip = address();
      const send = (url: string, who = ip) =>
        call(url, "/api/v1/leaks", { body: { keys: ["nothing"] }, headers: { "x-forwarded-for": who } });
      for (let i = 0; i < 60; i++) expect((await send(limited.url)).status).toBe(202);
      const refused = await send(limited.url);
      expect(refused.status).toBe(429);
      expect(refused.body.error?.code).toBe("rate_limited");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await send(limited.url, address())).status).toBe(202);
      // The other instance learns the address is spent from the shared buckets.
      // Twice: a timer's sync may have been under way without the last counts.
      for (let i = 0; i < 2; i++) await limited.api.services.leaks.reports.sync();
      for (let i = 0; i < 2; i++) await other.api.services.leaks.reports.sync();
      await expect.poll(async () => (await send(other.url)).status, { timeout: 10_000 }).toBe(429);
    } finally {
      await limited.close();
      await other.close();
    }
  });
});

describe("POST /api/v1/leaks/github (GitHub secret scanning partner)", () => {
  it("verifies GitHub's signature over the raw body, labels each token, and handles real keys once", async () => {
    const { ws, key } = await workspaceWithKey();
    const unknown = generateSecret();
    const body = JSON.stringify([
      { token: key.secret, type: "keyward_api_key", url: "https://github.com/octo/repo/blob/main/.env", source: "content" },
      { token: unknown, type: "keyward_api_key", url: "https://github.com/octo/repo", source: "content" },
    ]);
    const headers = { "Github-Public-Key-Identifier": KEY_ID, "Github-Public-Key-Signature": signed(body) };
    const res = await githubCall(body, headers);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { token_raw: key.secret, token_type: "keyward_api_key", label: "true_positive" },
      { token_raw: unknown, token_type: "keyward_api_key", label: "false_positive" },
    ]);
    const row = (await keyRow(key.id))!;
    expect(row).toMatchObject({ leakSource: "github", leakUrl: "https://github.com/octo/repo/blob/main/.env" });
    expect(row.disabledAt).toBeInstanceOf(Date);

    // GitHub may deliver the same payload again: same answer, nothing handled twice.
    const replay = await githubCall(body, headers);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(res.body);
    expect(await eventsOf(ws, "api_key.leaked")).toHaveLength(1);
  });

  it("answers 401 invalid_signature for a missing, wrong-key, unknown-identifier or stale signature, changing nothing", async () => {
    const { key } = await workspaceWithKey();
    const body = JSON.stringify([{ token: key.secret, type: "keyward_api_key", url: "https://github.com/a/b", source: "content" }]);
    const altered = body.replace("a/b", "a/c");
    const attempts: Record<string, string>[] = [
      {},
      { "Github-Public-Key-Identifier": KEY_ID },
      { "Github-Public-Key-Signature": signed(body) },
      { "Github-Public-Key-Identifier": "not-a-github-key", "Github-Public-Key-Signature": signed(body) },
      { "Github-Public-Key-Identifier": KEY_ID, "Github-Public-Key-Signature": signed(body, stranger.privateKey) },
      { "Github-Public-Key-Identifier": KEY_ID, "Github-Public-Key-Signature": "bm90IGEgc2lnbmF0dXJl" },
    ];
    for (const headers of attempts) {
      const res = await githubCall(body, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body.error?.code).toBe("invalid_signature");
    }
    const res = await githubCall(altered, { "Github-Public-Key-Identifier": KEY_ID, "Github-Public-Key-Signature": signed(body) });
    expect(res.status).toBe(401);
    expect((await keyRow(key.id))!.leakedAt).toBeNull();
  });

  it("fetches GitHub's keys once an hour, and again on an unknown identifier at most once a minute", async () => {
    let fetches = 0;
    const json = JSON.stringify({ public_keys: [{ key_identifier: "a", key: github.publicKey.export({ type: "spki", format: "pem" }), is_current: true }] });
    const stub = (async () => {
      fetches++;
      return new Response(json, { status: 200 });
    }) as unknown as typeof fetch;
    const keys = new GitHubPublicKeys({ url: "https://keys.example/secret_scanning", fetch: stub });
    const body = Buffer.from("[]");
    expect(await keys.verify("a", signed("[]"), body)).toEqual({ ok: true });
    expect(await keys.verify("a", signed("[]"), body)).toEqual({ ok: true });
    expect(fetches).toBe(1);
    expect(await keys.verify("b", signed("[]"), body)).toEqual({ ok: false });
    expect(await keys.verify("c", signed("[]"), body)).toEqual({ ok: false });
    expect(fetches).toBe(1);
    const eager = new GitHubPublicKeys({ url: "https://keys.example/secret_scanning", fetch: stub, refetchAfterMs: 0 });
    await eager.verify("a", signed("[]"), body);
    await eager.verify("b", signed("[]"), body);
    expect(fetches).toBe(3);
  });
});

describe("Decoy keys (SPEC §13)", () => {
  async function decoyOf(ws: TestWorkspace) {
    const owner = await ws.addMember(["owner"]);
    const actor = actorOf(owner, "Owner", null, { email: "owner@example.test" });
    const created = mustOk(await createApiKey(actor, { name: `decoy-${randomInt(1e9)}`, roleIds: [ws.roleIds.read_only], decoy: true }));
    expect(created.key.isDecoy).toBe(true);
    return created;
  }

  it("is refused byte for byte like an unknown key, and each use is recorded with address and user agent", async () => {
    const ws = await createTestWorkspace("small");
    const decoy = await decoyOf(ws);
    const raw = async (secret: string) => {
      const res = await fetch(`${api.url}/api/v1/me`, { headers: { "x-api-key": secret, "user-agent": "curl/8.1", "x-forwarded-for": "203.0.113.9" } });
      const headers = Object.fromEntries([...res.headers].filter(([name]) => name !== "date"));
      return { status: res.status, headers, text: await res.text() };
    };
    const unknown = generateSecret();
    // Uncached, then cached: both paths answer alike.
    for (let i = 0; i < 2; i++) {
      const [a, b] = [await raw(decoy.secret), await raw(unknown)];
      expect(a.status).toBe(401);
      expect(a).toEqual(b);
      expect(JSON.parse(a.text).error.code).toBe("invalid_api_key");
    }
    await api.api.flush();
    const uses = await eventsOf(ws, "api_key.decoy_used");
    expect(uses).toHaveLength(2);
    expect(uses[0]).toMatchObject({ targetId: decoy.key.id, ip: "203.0.113.9", details: { ip: "203.0.113.9", userAgent: "curl/8.1" } });
    expect((await keyRow(decoy.key.id))!.lastUsedAt).toBeNull();
  });

  it("is invalid_api_key without details on POST /api/v1/keys/verify too, and that use is recorded", async () => {
    const ws = await createTestWorkspace("small");
    const decoy = await decoyOf(ws);
    const admin = await ws.addMember(["administrator"]);
    const verifier = await createTestKey(ws, admin, ["administrator"]);
    const res = await call(api.url, "/api/v1/keys/verify", { key: verifier.secret, body: { key: decoy.secret } });
    expect(res.body).toMatchObject({ valid: false, code: "invalid_api_key", keyId: null, workspace: null });
    await api.api.flush();
    expect(await eventsOf(ws, "api_key.decoy_used")).toMatchObject([{ details: { via: "POST /api/v1/keys/verify" } }]);
  });

  it("spends the failure throttle like an unknown key", async () => {
    const strict = await startTestApi({ trustProxy: true, throttle: { burst: 2, perMinute: 1 } });
    try {
      const ws = await createTestWorkspace("small");
      const decoy = await decoyOf(ws);
      const ip = address();
      const me = (secret: string) => call(strict.url, "/api/v1/me", { key: secret, headers: { "x-forwarded-for": ip } });
      expect((await me(decoy.secret)).status).toBe(401);
      expect((await me(decoy.secret)).status).toBe(401);
      expect((await me(generateSecret())).status).toBe(429);
      expect((await me(decoy.secret)).status).toBe(429);
      await strict.api.flush();
      // Only the uses the throttle let through reach the audit log.
      expect(await eventsOf(ws, "api_key.decoy_used")).toHaveLength(2);
    } finally {
      await strict.close();
    }
  });

  it("bounds the queue of uses waiting to be written", async () => {
    const { DecoyUseRecorder } = await import("./decoy-uses");
    const ws = await createTestWorkspace("small");
    const decoy = await decoyOf(ws);
    const recorder = new DecoyUseRecorder({ db: () => handle().db, capacity: 3 });
    for (let i = 0; i < 10; i++) recorder.record({ keyId: decoy.key.id, workspace: { id: ws.id } as never }, "192.0.2.1", null, "test");
    expect(recorder.pending).toBe(3);
    expect(recorder.stats.dropped).toBe(7);
    await recorder.flush();
    expect(recorder.stats.recorded).toBe(3);
    expect(await eventsOf(ws, "api_key.decoy_used")).toHaveLength(3);
  });
});

describe("Settings → Leaked keys (setLeakPolicy)", () => {
  it("needs workspace:manage, refuses an unknown choice by name, and records the change", async () => {
    const ws = await createTestWorkspace("small");
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    expect(await setLeakPolicy(actorOf(admin), { policy: "delete" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setLeakPolicy(actorOf(owner), { policy: "burn" })).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { policy: expect.any(String) } });
    expect(await setLeakPolicy(actorOf(owner), { policy: "notify" })).toEqual({ ok: true, data: { policy: "notify" } });
    expect(await eventsOf(ws, "workspace.leak_policy")).toMatchObject([{ details: { leakPolicy: { from: "Disable it", to: "Only notify" } } }]);
  });
});
