import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { seenSignatures } from "@/db/schema";
import { createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { actorFromMembership } from "@/lib/auth/actor";
import { signRequest } from "./format";
import { createSharedSecret, revealSharedSecret, rotateSharedSecret, setRequireSignedRequests } from "./shared-secret";
import { SignatureVerifier, type SignedRequest } from "./verify";

const handle = withTestDatabase();

const verifiers: SignatureVerifier[] = [];
function newVerifier(options?: ConstructorParameters<typeof SignatureVerifier>[0]) {
  const verifier = new SignatureVerifier(options);
  verifiers.push(verifier);
  return verifier;
}
afterEach(async () => {
  await Promise.all(verifiers.splice(0).map((v) => v.close()));
});

/** A workspace requiring signed requests, its owner and its current shared secret. */
async function signingWorkspace(requireSigned = true) {
  const ws = await createTestWorkspace("small");
  const owner = actorFromMembership(await ws.addMember(["owner"]), { name: "Olive", email: "olive@x.test" });
  await createSharedSecret(owner);
  if (requireSigned) await setRequireSignedRequests(owner, { enabled: true });
  const secretOf = async () => {
    const r = await revealSharedSecret(owner, "reveal");
    if (!r.ok) throw new Error(r.error);
    return r.data.secret;
  };
  return { ws, owner, secret: await secretOf(), secretOf };
}

let counter = 0;
/** A signed request; each call signs a different body so signatures never collide by accident. */
function signed(
  workspaceId: string,
  secret: string,
  { now = Date.now(), method = "POST", path = "/api/v1/keys?dry=1", body }: { now?: number; method?: string; path?: string; body?: string } = {},
): SignedRequest {
  const rawBody = Buffer.from(body ?? JSON.stringify({ name: `k${++counter}` }));
  const headers = signRequest({ secret, method, pathWithQuery: path, body: rawBody, timestamp: Math.floor(now / 1000) });
  return {
    workspaceId,
    method,
    pathWithQuery: path,
    rawBody,
    timestamp: headers["X-Timestamp"],
    signature: headers["X-Signature"],
    now,
  };
}

describe("SignatureVerifier (SPEC §5.1)", () => {
  it("lets unsigned requests through while the workspace does not require signing", async () => {
    const { ws, owner } = await signingWorkspace(false);
    const verifier = newVerifier();
    const unsigned = { workspaceId: ws.id, method: "GET", pathWithQuery: "/api/v1/me", rawBody: Buffer.alloc(0), timestamp: undefined, signature: undefined };
    expect(await verifier.verify(unsigned)).toEqual({ ok: true });

    // The switch reaches the cached state at once (a change notification, not a timeout).
    await setRequireSignedRequests(owner, { enabled: true });
    expect(await verifier.verify(unsigned)).toMatchObject({ ok: false, code: "missing_signature" });
    await setRequireSignedRequests(owner, { enabled: false });
    expect(await verifier.verify(unsigned)).toEqual({ ok: true });
  });

  it("accepts a correctly signed request", async () => {
    const { ws, secret } = await signingWorkspace();
    expect(await newVerifier().verify(signed(ws.id, secret))).toEqual({ ok: true });
    const get = signed(ws.id, secret, { method: "GET", path: "/api/v1/keys?q=a%20b&limit=5", body: "" });
    expect(await newVerifier().verify(get)).toEqual({ ok: true });
  });

  it("refuses a missing or empty X-Timestamp or X-Signature with missing_signature", async () => {
    const { ws, secret } = await signingWorkspace();
    const verifier = newVerifier();
    const good = signed(ws.id, secret);
    for (const change of [
      { timestamp: undefined, signature: undefined },
      { timestamp: undefined },
      { signature: undefined },
      { signature: "" },
      { timestamp: "  " },
    ]) {
      const result = await verifier.verify({ ...good, ...change });
      expect(result).toMatchObject({ ok: false, code: "missing_signature" });
      expect(!result.ok && result.message).toMatch(/X-(Timestamp|Signature)/);
    }
  });

  it("refuses a timestamp more than 300 s from the server clock, or not in Unix seconds, with stale_timestamp", async () => {
    const { ws, secret } = await signingWorkspace();
    const verifier = newVerifier();
    const now = Date.now();
    for (const offset of [-301, 301, -3600, 86_400]) {
      const request = signed(ws.id, secret, { now: now + offset * 1000 });
      expect(await verifier.verify({ ...request, now })).toMatchObject({ ok: false, code: "stale_timestamp" });
    }
    for (const timestamp of ["abc", "1.5e9", String(now), "-1", "0x65000000"]) {
      expect(await verifier.verify({ ...signed(ws.id, secret, { now }), timestamp })).toMatchObject({ ok: false, code: "stale_timestamp" });
    }
    // The edges of the window are inside it.
    for (const offset of [-300, 300]) {
      const request = signed(ws.id, secret, { now: now + offset * 1000 });
      expect(await verifier.verify({ ...request, now })).toEqual({ ok: true });
    }
  });

  it("refuses a signature that does not match the request with invalid_signature", async () => {
    const { ws, secret } = await signingWorkspace();
    const verifier = newVerifier();
    const good = signed(ws.id, secret, { body: '{"name":"original"}' });
    const tampered: Partial<SignedRequest>[] = [
      { rawBody: Buffer.from('{"name":"tampered"}') },
      { pathWithQuery: "/api/v1/keys?dry=0" },
      { pathWithQuery: "/api/v1/keys" },
      { method: "PATCH" },
      { timestamp: String(Number(good.timestamp) - 1) },
      { signature: good.signature!.replace(/^v1=/, "v2=") },
      { signature: good.signature!.slice(3) },
      { signature: good.signature!.slice(0, -1) },
      { signature: `${good.signature}00` },
      { signature: `v1=${"0".repeat(64)}` },
      { signature: `${good.signature},${good.signature}` },
    ];
    for (const change of tampered) {
      expect(await verifier.verify({ ...good, ...change })).toMatchObject({ ok: false, code: "invalid_signature" });
    }
    // The untampered request still passes: refusals did not burn its signature.
    expect(await verifier.verify(good)).toEqual({ ok: true });
  });

  it("refuses a request signed with another workspace's secret", async () => {
    const a = await signingWorkspace();
    const b = await signingWorkspace();
    const verifier = newVerifier();
    expect(await verifier.verify(signed(a.ws.id, b.secret))).toMatchObject({ ok: false, code: "invalid_signature" });
    expect(await verifier.verify(signed(b.ws.id, a.secret))).toMatchObject({ ok: false, code: "invalid_signature" });
    expect(await verifier.verify(signed(a.ws.id, a.secret))).toEqual({ ok: true });
  });

  it("refuses a signature seen before within the window with replayed_request, on this and on another instance", async () => {
    const { ws, secret } = await signingWorkspace();
    const first = newVerifier();
    const second = newVerifier();
    const request = signed(ws.id, secret);
    expect(await first.verify(request)).toEqual({ ok: true });
    expect(await first.verify(request)).toMatchObject({ ok: false, code: "replayed_request" });
    // Another instance has an empty memory: the database remembers.
    expect(await second.verify(request)).toMatchObject({ ok: false, code: "replayed_request" });
    // Upper-case hex is the same signature.
    const shouted = { ...request, signature: `v1=${request.signature!.slice(3).toUpperCase()}` };
    expect(await second.verify(shouted)).toMatchObject({ ok: false, code: "replayed_request" });

    // The same fresh request sent concurrently to both instances passes exactly once.
    const fresh = signed(ws.id, secret);
    const results = await Promise.all([first.verify(fresh), second.verify(fresh), first.verify(fresh), second.verify(fresh)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "replayed_request")).toHaveLength(3);
  });

  it("honours the previous secret during its grace period, then refuses it", async () => {
    const { ws, owner, secret: old, secretOf } = await signingWorkspace();
    const verifier = newVerifier();
    const rotated = await rotateSharedSecret(owner, { grace: "1h" });
    if (!rotated.ok) throw new Error(rotated.error);
    const current = await secretOf();
    const end = Date.parse(rotated.data.previous!.validUntil);

    expect(await verifier.verify(signed(ws.id, old))).toEqual({ ok: true });
    expect(await verifier.verify(signed(ws.id, current))).toEqual({ ok: true });
    expect(await verifier.verify(signed(ws.id, old, { now: end - 5_000 }))).toEqual({ ok: true });
    // After the grace period (clock moved, cache kept) only the current secret works.
    expect(await verifier.verify(signed(ws.id, old, { now: end + 1_000 }))).toMatchObject({ ok: false, code: "invalid_signature" });
    expect(await verifier.verify(signed(ws.id, current, { now: end + 1_000 }))).toEqual({ ok: true });
    // A fresh instance agrees.
    expect(await newVerifier().verify(signed(ws.id, old, { now: end + 1_000 }))).toMatchObject({ ok: false, code: "invalid_signature" });
  });

  it("refuses the previous secret at once after a rotation without grace period", async () => {
    const { ws, owner, secret: old, secretOf } = await signingWorkspace();
    const verifier = newVerifier();
    expect(await verifier.verify(signed(ws.id, old))).toEqual({ ok: true });
    await rotateSharedSecret(owner, { grace: "none" });
    expect(await verifier.verify(signed(ws.id, old))).toMatchObject({ ok: false, code: "invalid_signature" });
    expect(await verifier.verify(signed(ws.id, await secretOf()))).toEqual({ ok: true });
  });

  it("purges expired seen signatures and bounds its memory without forgetting replays", async () => {
    const { ws, secret } = await signingWorkspace();
    await handle().db.insert(seenSignatures).values({ signature: `expired-${ws.id}`, expiresAt: new Date(Date.now() - 1000) });
    const verifier = newVerifier({ purgeIntervalMs: 0, maxSeenSignatures: 2 });
    const requests = Array.from({ length: 4 }, () => signed(ws.id, secret));
    for (const request of requests) expect(await verifier.verify(request)).toEqual({ ok: true });
    expect(verifier.size().seenSignatures).toBe(2);
    // Evicted from memory, still refused: the database remembers.
    expect(await verifier.verify(requests[0]!)).toMatchObject({ ok: false, code: "replayed_request" });
    await verifier.close();
    const left = await handle().db.select().from(seenSignatures).where(eq(seenSignatures.signature, `expired-${ws.id}`));
    expect(left).toHaveLength(0);

    // Rows carry their window's end: timestamp + 300 s (+1 s for the rounding of seconds).
    const request = requests[3]!;
    const [row] = await handle().db
      .select({ expiresAt: seenSignatures.expiresAt })
      .from(seenSignatures)
      .where(eq(seenSignatures.signature, request.signature!.slice(3)));
    expect(row!.expiresAt.getTime()).toBe((Number(request.timestamp) + 301) * 1000);
  });
});
