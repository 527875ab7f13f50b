import { describe, expect, it } from "vitest";
import { and, asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, auditEvents } from "@/db/schema";
import { createTestRole } from "@/lib/testing/database";
import { createApiKey, deleteApiKey, getApiKey, listApiKeyAuditTrail, listApiKeys, modifyApiKey } from "./rules";
import { createKey, createTeam, mustOk, withTestDatabase } from "@/lib/testing";
import type { KeyActor } from "./types";

// SPEC §3: limits and uniqueness hold when requests race. On PGlite (one connection) these calls
// serialise; against PostgreSQL (DATABASE_URL, as in CI) they truly race on a pool of 20.
withTestDatabase();

const RACERS = 20;

async function keysOf(workspaceId: string, userId?: string) {
  const [row] = await getDb()
    .select({ n: count() })
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), userId ? eq(apiKeys.createdByUserId, userId) : undefined));
  return row!.n;
}

const tally = (results: { ok: boolean; code?: string }[]) => {
  const byCode: Record<string, number> = {};
  for (const r of results) byCode[r.ok ? "ok" : r.code!] = (byCode[r.ok ? "ok" : r.code!] ?? 0) + 1;
  return byCode;
};

describe("concurrent creations", () => {
  it(`${RACERS} owner-key creations at once: exactly one owner key`, async () => {
    const { ws, owner } = await createTeam();
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => createApiKey(owner, { name: `Owner key ${i}`, roleIds: [ws.roleIds.owner] })),
    );
    expect(tally(results)).toEqual({ ok: 1, conflict: RACERS - 1 });
    for (const r of results.filter((r) => !r.ok)) {
      expect(r).toMatchObject({ fieldErrors: { roleIds: "This workspace already has an owner key" } });
    }
    const [row] = await getDb()
      .select({ n: count() })
      .from(apiKeys)
      .where(and(eq(apiKeys.workspaceId, ws.id), apiKeys.isOwnerKey));
    expect(row!.n).toBe(1);
    expect(await keysOf(ws.id)).toBe(1);
  });

  it(`a member at 8 keys firing ${RACERS} creations: exactly 2 succeed and they end with 10`, async () => {
    const { ws, standard } = await createTeam();
    for (let i = 0; i < 8; i++) mustOk(await createApiKey(standard, { name: `existing ${i}`, roleIds: [ws.roleIds.read_only] }));
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => createApiKey(standard, { name: `burst ${i}`, roleIds: [ws.roleIds.read_only] })),
    );
    expect(tally(results)).toEqual({ ok: 2, limit_reached: RACERS - 2 });
    expect(await keysOf(ws.id, standard.userId)).toBe(10);
    expect(mustOk(await listApiKeys(standard, {})).total).toBe(10);
  });

  it(`${RACERS} members creating one name at once: exactly one key holds it`, async () => {
    const { ws, join } = await createTeam();
    const racers: KeyActor[] = [];
    for (let i = 0; i < RACERS; i++) racers.push(await join(["standard"], `Racer ${i}`));
    // Case and surrounding spaces differ: the name is unique case-insensitively after trimming.
    const results = await Promise.all(
      racers.map((actor, i) => createApiKey(actor, { name: i % 2 ? " Shared Name " : "shared name", roleIds: [ws.roleIds.read_only] })),
    );
    expect(tally(results)).toEqual({ ok: 1, conflict: RACERS - 1 });
    for (const r of results.filter((r) => !r.ok)) {
      expect(r).toMatchObject({ fieldErrors: { name: "A key with this name already exists" } });
    }
    expect(await keysOf(ws.id)).toBe(1);
  });

  it(`${RACERS} members of one workspace creating distinct keys at once: all succeed`, async () => {
    // The guards above must not refuse what is allowed: a lock per member, not per workspace.
    const { ws, join } = await createTeam();
    const racers: KeyActor[] = [];
    for (let i = 0; i < RACERS; i++) racers.push(await join(["standard"], `Parallel ${i}`));
    const results = await Promise.all(
      racers.map((actor, i) => createApiKey(actor, { name: `parallel ${i}`, roleIds: [ws.roleIds.read_only] })),
    );
    expect(tally(results)).toEqual({ ok: RACERS });
    expect(await keysOf(ws.id)).toBe(RACERS);
  });

  it("modifies racing deletes of the same keys: each modify sees a live key or none, never a ghost", async () => {
    const { ws, admin, standard } = await createTeam();
    const keys = [];
    for (let i = 0; i < 10; i++) keys.push((await createKey(standard, { name: `doomed ${i}` })).key);
    const outcomes = await Promise.all(
      keys.flatMap((key) => [
        deleteApiKey(standard, key.id),
        modifyApiKey(admin, key.id, { description: "edited" }),
        modifyApiKey(admin, key.id, { name: `${key.name} renamed` }),
      ]),
    );
    for (const result of outcomes) {
      if (result.ok) expect(result.data).toMatchObject({ id: expect.stringMatching(/^key_/) });
      else expect(result).toMatchObject({ code: "not_found" });
    }
    expect(await keysOf(ws.id)).toBe(0);
    // No modification is recorded after a key's deletion.
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.workspaceId, ws.id)).orderBy(asc(auditEvents.id));
    for (const key of keys) {
      const actions = events.filter((e) => e.targetId === key.id).map((e) => e.action);
      expect(actions.at(-1), key.name).toBe("api_key.delete");
    }
  });

  it("concurrent role changes of one key: the key ends with the roles of one of them, never a mix", async () => {
    const { ws, admin } = await createTeam();
    const roleIds = [];
    for (let i = 0; i < 10; i++) roleIds.push(await createTestRole(ws.id, `Role ${i}`, ["workspace:read"]));
    const { key } = await createKey(admin);
    const results = await Promise.all(roleIds.map((roleId) => modifyApiKey(admin, key.id, { roleIds: [roleId] })));
    expect(results.every((r) => r.ok)).toBe(true);
    const final = mustOk(await getApiKey(admin, key.id)).roles.map((r) => r.name);
    expect(final).toHaveLength(1);
    // The audit trail tells the same story: the last recorded change is what the key holds.
    const trail = mustOk(await listApiKeyAuditTrail(admin, key.id));
    expect(trail[0]!.details).toMatchObject({ changes: { roles: { to: final } } });
  });
});
