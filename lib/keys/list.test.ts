import { inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeyRoles, apiKeys } from "@/db/schema";
import { listApiKeys } from "./rules";
import { SEARCH_LIMIT } from "./search";
import { generateKeyId, generateSecret, hashSecret, secretHint } from "./format";
import { createKey, createTeam, mustOk, withTestDatabase, type Team } from "@/lib/testing";
import type { ApiKeyPage, KeyActor } from "./types";

// SPEC §3–4: who sees which keys, "Created by: Me", keyset pages of 50, and fuzzy search.
withTestDatabase();

const names = (page: ApiKeyPage) => page.items.map((k) => k.name);

/**
 * Inserts keys directly (the limit of 10 per member would need a dozen members for 120): three
 * keys share each creation time, so the pages must order ties by id too.
 */
async function insertKeys(team: Team, creator: KeyActor, count: number, prefix = "bulk"): Promise<string[]> {
  const base = Date.UTC(2025, 0, 1);
  const rows = Array.from({ length: count }, (_, i) => {
    const secret = generateSecret();
    return {
      id: generateKeyId(),
      workspaceId: team.ws.id,
      name: `${prefix} ${String(i).padStart(3, "0")}`,
      secretHash: hashSecret(secret),
      hint: secretHint(secret),
      createdByUserId: creator.userId,
      createdAt: new Date(base + Math.floor(i / 3) * 1000),
    };
  });
  await getDb().insert(apiKeys).values(rows);
  await getDb().insert(apiKeyRoles).values(rows.map((r) => ({ apiKeyId: r.id, roleId: team.ws.roleIds.read_only })));
  return rows.map((r) => r.id);
}

/** Follows nextCursor to the end, then prevCursor back to the start. */
async function walk(actor: KeyActor, input: Record<string, unknown> = {}) {
  const forward = [mustOk(await listApiKeys(actor, input))];
  while (forward.at(-1)!.nextCursor) forward.push(mustOk(await listApiKeys(actor, { ...input, cursor: forward.at(-1)!.nextCursor })));
  const backward = [forward.at(-1)!];
  while (backward.at(-1)!.prevCursor) backward.push(mustOk(await listApiKeys(actor, { ...input, cursor: backward.at(-1)!.prevCursor })));
  return { forward, backward: backward.reverse() };
}

describe("visibility", () => {
  it("shows readers of all keys every key but the owner key, and others only their own", async () => {
    const team = await createTeam();
    const { ws, owner, admin, standard, readOnly } = team;
    await createKey(owner, { name: "Owner key", roleIds: [ws.roleIds.owner] });
    await createKey(owner, { name: "owner's ordinary" });
    await createKey(admin, { name: "admin's" });
    await createKey(standard, { name: "standard's" });
    const peer = await team.join(["standard"], "Peer");
    await createKey(peer, { name: "peer's" });

    expect(names(mustOk(await listApiKeys(owner, {})))).toEqual(["Owner key", "peer's", "standard's", "admin's", "owner's ordinary"]);
    expect(names(mustOk(await listApiKeys(admin, {})))).toEqual(["peer's", "standard's", "admin's", "owner's ordinary"]);
    expect(mustOk(await listApiKeys(standard, {}))).toMatchObject({ total: 1, items: [{ name: "standard's" }] });
    expect(mustOk(await listApiKeys(peer, {}))).toMatchObject({ total: 1, items: [{ name: "peer's" }] });
    expect(await listApiKeys(readOnly, {})).toEqual({ ok: false, code: "forbidden", error: "You don't have permission to manage API keys" });
  });

  it('filters by "Created by: Me", the owner key staying pinned for the Owner', async () => {
    const { ws, owner, admin, standard } = await createTeam();
    await createKey(owner, { name: "Owner key", roleIds: [ws.roleIds.owner] });
    await createKey(owner, { name: "mine" });
    await createKey(admin, { name: "admin 1" });
    await createKey(standard, { name: "standard 1" });
    await createKey(admin, { name: "admin 2" });

    expect(mustOk(await listApiKeys(admin, { createdBy: "me" }))).toMatchObject({ total: 2, items: [{ name: "admin 2" }, { name: "admin 1" }] });
    expect(names(mustOk(await listApiKeys(admin, { createdBy: "anyone" })))).toHaveLength(4);
    expect(mustOk(await listApiKeys(owner, { createdBy: "me" }))).toMatchObject({ total: 2, items: [{ name: "Owner key" }, { name: "mine" }] });
    expect(names(mustOk(await listApiKeys(admin, { createdBy: "me", q: "admin" })))).toEqual(["admin 2", "admin 1"]);
    expect(names(mustOk(await listApiKeys(admin, { createdBy: "me", q: "standard" })))).toEqual([]);
  });
});

describe("keyset pagination", () => {
  it("walks 120 keys forward and back in pages of 50 with none missing or repeated; the owner key is pinned on the first page only", async () => {
    const team = await createTeam();
    const ownerKey = await createKey(team.owner, { name: "Owner key", roleIds: [team.ws.roleIds.owner] });
    const ids = await insertKeys(team, team.admin, 120);
    // Newest first; ties in creation time by id, descending.
    const expected = ids
      .map((id, i) => ({ id, t: Math.floor(i / 3) }))
      .sort((a, b) => b.t - a.t || (a.id < b.id ? 1 : -1))
      .map((k) => k.id);

    for (const actor of [team.owner, team.admin]) {
      const { forward, backward } = await walk(actor);
      const pinned = actor === team.owner ? [ownerKey.key.id] : [];
      expect(forward.map((p) => p.items.length)).toEqual([50 + pinned.length, 50, 20]);
      expect(forward.flatMap((p) => p.items.map((k) => k.id))).toEqual([...pinned, ...expected]);
      expect(forward.every((p) => p.total === 120 + pinned.length)).toBe(true);
      expect(forward[0]!.prevCursor).toBeNull();
      expect(forward[2]!.nextCursor).toBeNull();
      // Back from the last page: the same pages, the owner key again on the first only.
      expect(backward.map((p) => p.items.map((k) => k.id))).toEqual(forward.map((p) => p.items.map((k) => k.id)));
    }
  });

  it("sorts by name or creation time, either way, and pages each order without gaps; the owner key stays pinned", async () => {
    const team = await createTeam();
    const ownerKey = await createKey(team.owner, { name: "Owner key", roleIds: [team.ws.roleIds.owner] });
    const ids = await insertKeys(team, team.admin, 120);
    // Names in an order unrelated to creation, some differing only in letter case.
    await getDb().execute(sql`update api_keys set name = 'k' || substr(md5(id), 1, 10) where id in ${ids}`);
    await getDb().execute(sql`update api_keys set name = upper(name) where id in ${ids.slice(0, 40)}`);
    const stored = await getDb().select({ id: apiKeys.id, name: apiKeys.name }).from(apiKeys).where(inArray(apiKeys.id, ids));
    const byName = stored.sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1)).map((k) => k.id);

    const orders: Record<string, string[]> = { name: byName, "-name": [...byName].reverse() };
    for (const [sort, expected] of Object.entries(orders)) {
      const { forward, backward } = await walk(team.owner, { sort });
      expect(forward.map((p) => p.items.length)).toEqual([51, 50, 20]);
      expect(forward.flatMap((p) => p.items.map((k) => k.id))).toEqual([ownerKey.key.id, ...expected]);
      expect(backward.map((p) => p.items.map((k) => k.id))).toEqual(forward.map((p) => p.items.map((k) => k.id)));
    }
    const newest = (await walk(team.admin, { sort: "-created" })).forward.flatMap((p) => p.items.map((k) => k.id));
    const { forward, backward } = await walk(team.admin, { sort: "created" });
    expect(forward.flatMap((p) => p.items.map((k) => k.id))).toEqual([...newest].reverse());
    expect(backward.map((p) => p.items.map((k) => k.id))).toEqual(forward.map((p) => p.items.map((k) => k.id)));

    // A cursor belongs to its order; an unknown order is refused with the choices.
    const byNamePage = mustOk(await listApiKeys(team.admin, { sort: "name" }));
    expect(await listApiKeys(team.admin, { sort: "-name", cursor: byNamePage.nextCursor! })).toMatchObject({
      ok: false,
      fieldErrors: { cursor: "Invalid cursor" },
    });
    expect(await listApiKeys(team.admin, { sort: "lastUsed" })).toMatchObject({
      ok: false,
      code: "invalid_request",
      fieldErrors: { sort: "Sort must be one of -created, created, name, -name" },
    });
  });

  it("pages with a smaller limit and refuses a forged cursor", async () => {
    const team = await createTeam();
    const ids = await insertKeys(team, team.admin, 7);
    const { forward } = await walk(team.admin, { limit: 3 });
    expect(forward.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(new Set(forward.flatMap((p) => p.items.map((k) => k.id)))).toEqual(new Set(ids));
    for (const cursor of ["garbage", Buffer.from('{"d":"after","t":"nope","i":"x"}').toString("base64url"), Buffer.from("null").toString("base64url")]) {
      expect(await listApiKeys(team.admin, { cursor })).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { cursor: "Invalid cursor" } });
    }
  });
});

describe("search", () => {
  async function searchable() {
    const team = await createTeam();
    for (const name of ["productreport", "billing-export", "50% off", "a_b", "ab", "axb", "PRODUCT catalogue"]) {
      await createKey(team.admin, { name });
    }
    return team;
  }
  const search = async (actor: KeyActor, q: string) => names(mustOk(await listApiKeys(actor, { q })));

  it('finds "productreport" from typos and fragments, case-insensitively', async () => {
    const { admin } = await searchable();
    expect(await search(admin, "prodrep")).toContain("productreport");
    expect(await search(admin, "prodcut")).toContain("productreport");
    // "billing-export" is a near miss of "report": it may follow, never lead.
    expect((await search(admin, "REPORT"))[0]).toBe("productreport");
    expect(await search(admin, "billing")).toEqual(["billing-export"]);
    expect(await search(admin, "zzzz")).toEqual([]);
  });

  it("ranks substring matches before typo-tolerant matches, even newer and more similar ones", async () => {
    const { admin } = await createTeam();
    await createKey(admin, { name: "xxreportxx" });
    // Newer, and more similar to "report" by trigrams, but not containing it.
    await createKey(admin, { name: "repor" });
    expect(await search(admin, "report")).toEqual(["xxreportxx", "repor"]);
  });

  it("puts the key named exactly like the query first, then the other substring matches newest first", async () => {
    const { admin } = await createTeam();
    for (const name of ["Deploy", "deploy-staging", "old typo: deplyo", "pre-deploy", "deploys"]) await createKey(admin, { name });
    expect(await search(admin, "deploy")).toEqual(["Deploy", "deploys", "pre-deploy", "deploy-staging", "old typo: deplyo"]);
    // No exact match and one substring match: the typo-tolerant matches follow it.
    const typo = await search(admin, "deplyo");
    expect(typo[0]).toBe("old typo: deplyo");
    expect(typo.slice(1).sort()).toEqual(["Deploy", "deploy-staging", "deploys", "pre-deploy"]);
  });

  it("pages through the pinned, substring and typo matches without gaps or repeats", async () => {
    const team = await createTeam();
    await createKey(team.owner, { name: "Owner report", roleIds: [team.ws.roleIds.owner] });
    for (const name of ["report", "monthly report", "repor", "reprt", "weekly report"]) await createKey(team.admin, { name });
    await createKey(team.standard, { name: "standard report" });
    const all = mustOk(await listApiKeys(team.owner, { q: "report" }));
    expect(names(all).slice(0, 2)).toEqual(["Owner report", "report"]);
    expect(names(all).slice(2, 5)).toEqual(["standard report", "weekly report", "monthly report"]);
    // Typo matches last, most similar first.
    expect(names(all).slice(5)).toEqual(["repor", "reprt"]);
    expect(all.total).toBe(all.items.length);
    for (const limit of [1, 2, 3]) {
      const { forward, backward } = await walk(team.owner, { q: "report", limit });
      expect(forward.flatMap(names)).toEqual(names(all));
      expect(backward.flatMap(names)).toEqual(names(all));
      expect(forward.every((page) => page.total === all.total && !page.totalCapped)).toBe(true);
    }
  });

  it(`pages through at most ${SEARCH_LIMIT} matches and says there are more`, async () => {
    const team = await createTeam();
    await insertKeys(team, team.admin, SEARCH_LIMIT + 10);
    await createKey(team.standard, { name: "quartz" });

    const first = mustOk(await listApiKeys(team.admin, { q: "bulk" }));
    expect(first).toMatchObject({ total: SEARCH_LIMIT, totalCapped: true });
    expect(names(first).slice(0, 2).sort()).toEqual(["bulk 1008", "bulk 1009"]);
    const { forward } = await walk(team.admin, { q: "bulk" });
    const listed = forward.flatMap(names);
    expect(listed).toHaveLength(SEARCH_LIMIT);
    expect(new Set(listed).size).toBe(SEARCH_LIMIT);
    // The newest 1,000 (three keys share each creation time, so the cut falls among bulk 009–011).
    for (const name of ["bulk 000", "bulk 008"]) expect(listed).not.toContain(name);
    for (const name of ["bulk 012", "bulk 500", "bulk 1009"]) expect(listed).toContain(name);
    const created = forward.flatMap((page) => page.items.map((k) => Date.parse(k.createdAt)));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(forward.at(-1)!.nextCursor).toBeNull();

    // A narrower query is exact again.
    expect(mustOk(await listApiKeys(team.admin, { q: "quartz" }))).toMatchObject({ total: 1, totalCapped: false });
    const beyond = Buffer.from(JSON.stringify({ d: "offset", o: SEARCH_LIMIT })).toString("base64url");
    expect(await listApiKeys(team.admin, { q: "bulk", cursor: beyond })).toMatchObject({ ok: false, fieldErrors: { cursor: "Invalid cursor" } });
  });

  it("takes LIKE wildcards in the query literally", async () => {
    const { admin } = await searchable();
    expect(await search(admin, "%")).toEqual(["50% off"]);
    expect(await search(admin, "_")).toEqual(["a_b"]);
    expect(await search(admin, "a_b")).not.toContain("axb");
    expect(await search(admin, "\\")).toEqual([]);
  });

  it("searches only the keys the actor may see, counts only those, and pages through matches", async () => {
    const team = await searchable();
    await createKey(team.owner, { name: "Owner key", roleIds: [team.ws.roleIds.owner] });
    await createKey(team.standard, { name: "standard report" });
    expect(await search(team.standard, "report")).toEqual(["standard report"]);
    expect(mustOk(await listApiKeys(team.admin, { q: "key" })).total).toBe(0);
    expect(await search(team.owner, "owner")).toEqual(["Owner key"]);

    const all = mustOk(await listApiKeys(team.admin, { q: "report" }));
    const first = mustOk(await listApiKeys(team.admin, { q: "report", limit: 1 }));
    const second = mustOk(await listApiKeys(team.admin, { q: "report", limit: 1, cursor: first.nextCursor! }));
    expect(first.total).toBe(all.total);
    expect([...names(first), ...names(second)]).toEqual(names(all).slice(0, 2));
  });
});
