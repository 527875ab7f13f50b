import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { addMember } from "@/lib/members/add";
import { changeMemberRoles, removeMember } from "@/lib/members/change";
import { updateRole } from "@/lib/roles/rules";
import { createKey, createTeam, mustOk } from "@/lib/testing";
import { createTestRole, withTestDatabase } from "@/lib/testing/database";
import { generateSecret, hashSecret } from "./format";
import { onKeyChange } from "./revocation";
import { KeyVerifier, refusalOf, type VerifierOptions } from "./verify";

// The cold path (issue #20): a miss is one query; role permissions come from a cache by role id
// that every role, member and key change reaches.
withTestDatabase();

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** A verifier that follows this process's key changes, as the Open API handler does. */
function followingVerifier(options: Partial<VerifierOptions> = {}): KeyVerifier {
  const v = new KeyVerifier({ db: () => getDb(), ...options });
  stops.push(onKeyChange((change) => v.invalidate(change)));
  return v;
}

const hashOf = (created: { secret: string }) => hashSecret(created.secret);

describe("the verification cold path", () => {
  it("answers 50 concurrent misses of one key with one key query and one role query", async () => {
    const { admin } = await createTeam();
    const key = await createKey(admin);
    const v = followingVerifier();
    const results = await Promise.all(Array.from({ length: 50 }, () => v.lookup(hashOf(key))));
    expect(new Set(results.map((r) => r?.keyId))).toEqual(new Set([key.key.id]));
    expect(results[0]?.permissions).toEqual(["workspace:read", "members:read"]);
    expect(v.stats.queries).toBe(1);
    expect(v.stats.roleQueries).toBe(1);
  });

  it("reads a role's permissions once for every key holding it", async () => {
    const { admin, standard } = await createTeam();
    const keys = [await createKey(admin), await createKey(admin), await createKey(standard)];
    const v = followingVerifier();
    for (const key of keys) expect((await v.lookup(hashOf(key)))?.keyId).toBe(key.key.id);
    expect(v.stats.queries).toBe(3);
    // Read-only (the keys' role), Administrator and Standard (their creators'): read on the first two misses only.
    expect(v.stats.roleQueries).toBe(2);
  });

  it("sees a role's new permissions at once, also for a key of that role verified after the change", async () => {
    const { ws, owner, admin } = await createTeam();
    const auditor = await createTestRole(ws.id, "Auditor", ["audit:read", "members:read"]);
    const first = await createKey(admin, { roleIds: [auditor] });
    const second = await createKey(admin, { roleIds: [auditor] });
    const v = followingVerifier();
    expect((await v.lookup(hashOf(first)))?.permissions).toEqual(["members:read", "audit:read"]);

    mustOk(await updateRole(owner, { roleId: auditor, name: "Auditor", permissions: ["members:read"] }));
    expect((await v.lookup(hashOf(first)))?.permissions).toEqual(["members:read"]);
    expect((await v.lookup(hashOf(second)))?.permissions).toEqual(["members:read"]);
  });

  it("sees a creator's role change and removal at once", async () => {
    const { ws, owner, admin } = await createTeam();
    const key = await createKey(admin, { roleIds: [ws.roleIds.administrator] });
    const v = followingVerifier();
    expect((await v.lookup(hashOf(key)))?.permissions).toContain("api_keys:manage");
    const { memberId } = await ws.membershipOf(admin.userId);

    mustOk(await changeMemberRoles(owner, { memberId, roleIds: [ws.roleIds.read_only] }));
    expect((await v.lookup(hashOf(key)))?.permissions).toEqual(["workspace:read", "members:read"]);

    mustOk(await removeMember(owner, { memberId }));
    const removed = await v.lookup(hashOf(key));
    expect(removed?.permissions).toEqual([]);
    expect(refusalOf(removed!)).toBe("inactive_api_key");
  });

  it("lets a returning creator's keys work again at once", async () => {
    const { ws, owner, standard } = await createTeam();
    const key = await createKey(standard);
    const { memberId } = await ws.membershipOf(standard.userId);
    const v = followingVerifier();
    mustOk(await removeMember(owner, { memberId }));
    expect(refusalOf((await v.lookup(hashOf(key)))!)).toBe("inactive_api_key");

    const [user] = await getDb().select({ email: users.email }).from(users).where(eq(users.id, standard.userId));
    mustOk(await addMember(owner, { email: user!.email, roleIds: [ws.roleIds.read_only] }));
    const back = await v.lookup(hashOf(key));
    expect(refusalOf(back!)).toBeNull();
    expect(back?.permissions).toEqual(["workspace:read", "members:read"]);
  });

  it("forgets an unknown secret as soon as any key is created", async () => {
    const { admin } = await createTeam();
    const v = followingVerifier({ negativeTtlMs: 60_000 });
    const unknown = hashSecret(generateSecret());
    expect(await v.lookup(unknown)).toBeNull();
    expect(v.peek(unknown)).toBeNull();
    await createKey(admin);
    expect(v.peek(unknown)).toBeUndefined();
  });

  it("remembers at most negativeCapacity unknown secrets", async () => {
    const v = followingVerifier({ negativeTtlMs: 60_000, negativeCapacity: 3 });
    const unknown = Array.from({ length: 5 }, () => hashSecret(generateSecret()));
    for (const hash of unknown) expect(await v.lookup(hash)).toBeNull();
    expect(unknown.map((h) => v.peek(h))).toEqual([undefined, undefined, null, null, null]);
  });
});
