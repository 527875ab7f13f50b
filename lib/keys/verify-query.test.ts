import { describe, expect, it } from "vitest";
import { getDatabaseHandle, getDb } from "@/db/client";
import { createKey, createTeam, mustOk } from "@/lib/testing";
import { withTestDatabase } from "@/lib/testing/database";
import { generateSecret, hashSecret } from "./format";
import { modifyApiKey } from "./modify";
import { rollApiKey } from "./roll";
import { setApiKeyEnabled } from "./disable";
import { RolePermissionCache } from "./role-permissions";
import { drizzleKeyQuery, loadKeyRecords, rawKeyQuery } from "./verify-query";

// On postgres.js the verification query skips drizzle's execute and row mapping (issue #20):
// it must read exactly what drizzle reads, for every kind of key.
withTestDatabase();

describe.skipIf(!process.env.DATABASE_URL)("the verification query on postgres.js (skipped: DATABASE_URL unset)", () => {
  it("reads the same record as drizzle: a plain key, a restricted, expiring, disabled one, a rolled one's both secrets, an unknown hash", async () => {
    const handle = getDatabaseHandle();
    if (handle.kind !== "postgres") throw new Error("DATABASE_URL is set: the test database is PostgreSQL");
    const { admin } = await createTeam();
    const plain = await createKey(admin);
    const restricted = await createKey(admin, { expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    mustOk(await modifyApiKey(admin, restricted.key.id, { ipAllowlist: ["198.51.100.0/24", "2001:db8::/32"], rateLimit: { limit: 10, window: "minute" } }));
    mustOk(await setApiKeyEnabled(admin, restricted.key.id, false));
    const rolledFrom = await createKey(admin);
    const rolled = mustOk(await rollApiKey(admin, rolledFrom.key.id, { gracePeriod: "1h" }));

    const viaDrizzle = drizzleKeyQuery(getDb());
    const raw = rawKeyQuery(handle.client, getDb());
    const hashes = [plain.secret, restricted.secret, rolledFrom.secret, rolled.secret, generateSecret()].map(hashSecret);
    for (const hash of hashes) expect(await raw([hash])).toEqual(await viaDrizzle([hash]));
    const byKey = (rows: { keyId: string }[]) => [...rows].sort((a, b) => a.keyId.localeCompare(b.keyId));
    expect(byKey(await raw(hashes))).toEqual(byKey(await viaDrizzle(hashes)));
    expect(await raw(hashes)).toHaveLength(3);

    const [row] = await raw([hashSecret(restricted.secret)]);
    expect(row).toMatchObject({ keyId: restricted.key.id, ipAllowlist: ["198.51.100.0/24", "2001:db8::/32"], rateLimit: 10, rateLimitWindow: "minute" });
    expect(row!.expiresAt).toBeInstanceOf(Date);
    expect(row!.disabledAt).toBeInstanceOf(Date);
    expect(row!.workspace.createdAt).toBeInstanceOf(Date);
    expect(await raw([hashSecret(generateSecret())])).toEqual([]);
  });
});

describe("a batch of verification look-ups", () => {
  it("answers each hash of one query: plain keys, both secrets of a rolled key, an unknown hash", async () => {
    const { admin } = await createTeam();
    const plain = await createKey(admin);
    const other = await createKey(admin);
    const rolledFrom = await createKey(admin);
    const rolled = mustOk(await rollApiKey(admin, rolledFrom.key.id, { gracePeriod: "1h" }));
    const unknown = hashSecret(generateSecret());
    const [p, o, previous, current] = [plain.secret, other.secret, rolledFrom.secret, rolled.secret].map(hashSecret);

    const records = await loadKeyRecords(getDb(), [p!, o!, previous!, current!, unknown], new RolePermissionCache());
    expect([...records.keys()].sort()).toEqual([p, o, previous, current].sort());
    expect(records.get(p!)).toMatchObject({ keyId: plain.key.id, previousSecret: null });
    expect(records.get(o!)).toMatchObject({ keyId: other.key.id, previousSecret: null });
    expect(records.get(current!)).toMatchObject({ keyId: rolledFrom.key.id, previousSecret: null });
    expect(records.get(previous!)).toMatchObject({ keyId: rolledFrom.key.id, previousSecret: { hash: previous } });
    expect(records.get(previous!)!.previousSecret!.validUntil).toBeGreaterThan(Date.now());
    expect(records.get(p!)!.rolePermissions).toEqual(expect.arrayContaining(["workspace:read"]));

    // Asked alone, each hash reads the same record.
    for (const hash of [p!, previous!, current!]) expect((await loadKeyRecords(getDb(), [hash], new RolePermissionCache())).get(hash)).toEqual(records.get(hash));
    expect((await loadKeyRecords(getDb(), [unknown], new RolePermissionCache())).size).toBe(0);
  });
});
