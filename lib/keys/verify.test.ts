import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { workspaces } from "@/db/schema";
import { createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { createTestKey } from "@/lib/testing";
import { generateSecret, hashSecret } from "./format";
import { KeyVerifier, refusalOf } from "./verify";

withTestDatabase();

const verifier = (options: Partial<ConstructorParameters<typeof KeyVerifier>[0]> = {}) =>
  new KeyVerifier({ db: () => getDb(), ...options });

async function someKeys(count: number) {
  const ws = await createTestWorkspace("small");
  const admin = await ws.addMember(["administrator"]);
  const keys = [];
  for (let i = 0; i < count; i++) keys.push(await createTestKey(ws, admin, ["read_only"]));
  return { ws, admin, keys };
}

describe("KeyVerifier", () => {
  it("makes one query on a miss and none on repeats", async () => {
    const { ws, admin, keys } = await someKeys(1);
    const v = verifier();
    const hash = hashSecret(keys[0]!.secret);
    const first = await v.lookup(hash);
    expect(first).toMatchObject({ keyId: keys[0]!.id, createdByUserId: admin.userId, workspace: { id: ws.id, plan: "small" } });
    expect(first?.permissions).toEqual(["workspace:read", "members:read"]);
    for (let i = 0; i < 100; i++) await v.lookup(hash);
    expect(v.stats.queries).toBe(1);
    expect(v.stats.hits).toBe(100);
  });

  it("shares one query between concurrent misses of one secret", async () => {
    const { keys } = await someKeys(1);
    const v = verifier();
    const hash = hashSecret(keys[0]!.secret);
    const results = await Promise.all(Array.from({ length: 25 }, () => v.lookup(hash)));
    expect(new Set(results.map((r) => r?.keyId))).toEqual(new Set([keys[0]!.id]));
    expect(v.stats.queries).toBe(1);
    expect(v.stats.lookups).toBe(1);
  });

  it("batches concurrent misses of different secrets into one query, and answers each", async () => {
    const { ws, keys } = await someKeys(3);
    const v = verifier();
    const unknown = hashSecret(generateSecret());
    const results = await Promise.all([...keys.map((k) => v.lookup(hashSecret(k.secret))), v.lookup(unknown)]);
    expect(results.map((r) => r?.keyId ?? null)).toEqual([...keys.map((k) => k.id), null]);
    expect(v.stats).toMatchObject({ queries: 1, lookups: 4 });
    v.invalidate({ workspaceId: ws.id, keyId: keys[0]!.id });
    expect((await v.lookup(hashSecret(keys[0]!.secret)))?.keyId).toBe(keys[0]!.id);
    expect(v.stats).toMatchObject({ queries: 2, lookups: 5 });
  });

  it("remembers unknown secrets briefly, and forgets them on any key change", async () => {
    const v = verifier({ negativeTtlMs: 60_000 });
    const hash = hashSecret(generateSecret());
    expect(await v.lookup(hash)).toBeNull();
    expect(await v.lookup(hash)).toBeNull();
    expect(v.stats.queries).toBe(1);
    v.invalidate({ workspaceId: "00000000-0000-4000-8000-000000000000", keyId: "key_0000000000000000" });
    expect(await v.lookup(hash)).toBeNull();
    expect(v.stats.queries).toBe(2);

    const short = verifier({ negativeTtlMs: 50 });
    await short.lookup(hash);
    await new Promise((r) => setTimeout(r, 80));
    await short.lookup(hash);
    expect(short.stats.queries).toBe(2);
  });

  it("drops exactly what a change touches: one key, one creator's keys, or a workspace", async () => {
    const a = await someKeys(2);
    const creator2 = await a.ws.addMember(["administrator"]);
    const other = await createTestKey(a.ws, creator2, ["read_only"]);
    const elsewhere = await someKeys(1);
    const v = verifier();
    const all = [...a.keys, other, ...elsewhere.keys];
    const lookAll = () => Promise.all(all.map((k) => v.lookup(hashSecret(k.secret))));
    await lookAll();
    // Concurrent misses of different keys share one query; each hash is asked for once.
    expect(v.stats.lookups).toBe(4);
    expect(v.stats.queries).toBe(1);

    v.invalidate({ workspaceId: a.ws.id, keyId: a.keys[0]!.id });
    await lookAll();
    expect(v.stats.lookups).toBe(5);

    v.invalidate({ workspaceId: a.ws.id, userId: a.admin.userId });
    await lookAll();
    expect(v.stats.lookups).toBe(7);

    v.invalidate({ workspaceId: a.ws.id });
    await lookAll();
    expect(v.stats.lookups).toBe(10);
  });

  it("does not cache a look-up that was in flight when a change arrived", async () => {
    const { ws, keys } = await someKeys(1);
    const v = verifier();
    const hash = hashSecret(keys[0]!.secret);
    const pending = v.lookup(hash);
    v.invalidate({ workspaceId: ws.id, keyId: keys[0]!.id });
    await pending;
    expect(v.peek(hash)).toBeUndefined();
    await v.lookup(hash);
    expect(v.peek(hash)?.keyId).toBe(keys[0]!.id);
  });

  it("holds at most `capacity` keys", async () => {
    const { keys } = await someKeys(3);
    const v = verifier({ capacity: 2 });
    for (const k of keys) await v.lookup(hashSecret(k.secret));
    expect(v.cachedKeys).toBe(2);
    expect(v.peek(hashSecret(keys[0]!.secret))).toBeUndefined();
    expect(v.peek(hashSecret(keys[2]!.secret))).toBeTruthy();
  });

  it("re-reads the plan and refuses free workspaces", async () => {
    const { ws, keys } = await someKeys(1);
    const v = verifier();
    const hash = hashSecret(keys[0]!.secret);
    expect(refusalOf((await v.lookup(hash))!)).toBeNull();
    await getDb().update(workspaces).set({ plan: "free" }).where(eq(workspaces.id, ws.id));
    v.invalidate({ workspaceId: ws.id });
    expect(refusalOf((await v.lookup(hash))!)).toBe("plan_required");
  });

  it("checks expiry against the clock it is given", async () => {
    const { keys } = await someKeys(1);
    const v = verifier();
    const key = (await v.lookup(hashSecret(keys[0]!.secret)))!;
    const expiring = { ...key, expiresAt: 1_000 };
    expect(refusalOf(expiring, 999)).toBeNull();
    expect(refusalOf(expiring, 1_000)).toBe("expired_api_key");
  });
});
