import { describe, expect, it } from "vitest";
import { findKeyIdBySecret } from "./list";
import { listApiKeys } from "./rules";
import { createKey, createTeam, mustOk, withTestDatabase } from "@/lib/testing";
import type { ApiKeyPage, KeyActor } from "./types";

// Issue 13 #6: a pasted hint, Key ID or secret, and description words find the key.
withTestDatabase();

const names = (page: ApiKeyPage) => page.items.map((k) => k.name);
const search = async (actor: KeyActor, q: string) => names(mustOk(await listApiKeys(actor, { q })));

describe("search by what identifies a key", () => {
  it("finds a key by its hint as the list shows it, typed with ..., or by its first part", async () => {
    const { admin } = await createTeam();
    const target = await createKey(admin, { name: "target" });
    await createKey(admin, { name: "other" });
    const hint = target.key.hint;
    expect(hint).toMatch(/^ak_[0-9A-Za-z]{4}…[0-9A-Za-z]{4}$/);
    expect(await search(admin, hint)).toEqual(["target"]);
    expect(await search(admin, hint.replace("…", "..."))).toEqual(["target"]);
    expect(await search(admin, hint.slice(0, 7))).toEqual(["target"]);
    // A hint that differs in its last part finds nothing; hints are case-sensitive.
    const wrongEnd = `${hint.slice(0, 8)}${hint.at(-1) === "a" ? "bbbb" : "aaaa"}`;
    expect(await search(admin, wrongEnd)).toEqual([]);
    const flipped = hint.slice(0, 7).replace(/[a-z]/, (c) => c.toUpperCase());
    if (flipped !== hint.slice(0, 7)) expect(await search(admin, flipped)).not.toContain("target");
  });

  it("offers no typo matches for a hint: a name sharing its characters is not a match", async () => {
    const { admin } = await createTeam();
    const target = await createKey(admin, { name: "target" });
    const start = target.key.hint.slice(0, 7);
    // word_similarity("ak_6f02", "6f02z") is 0.5, over the typo threshold: a name search would offer it.
    await createKey(admin, { name: `${start.slice(3)}z` });
    expect(await search(admin, `${start.slice(3)}y`)).toContain(`${start.slice(3)}z`);
    expect(await search(admin, start)).toEqual(["target"]);
  });

  it("finds a key by its full Key ID and by its full secret, never another workspace's", async () => {
    const team = await createTeam();
    const other = await createTeam();
    const target = await createKey(team.admin, { name: "target" });
    await createKey(team.admin, { name: "other" });
    const foreign = await createKey(other.admin, { name: "foreign" });
    expect(await search(team.admin, target.key.id)).toEqual(["target"]);
    expect(await search(team.admin, target.secret)).toEqual(["target"]);
    expect(await search(team.admin, foreign.key.id)).toEqual([]);
    expect(await search(team.admin, foreign.secret)).toEqual([]);
    expect(await search(team.admin, foreign.key.hint)).toEqual([]);
    // A secret with one character changed fails its checksum and matches nothing.
    const changed = target.secret.slice(0, -1) + (target.secret.endsWith("A") ? "B" : "A");
    expect(await search(team.admin, changed)).toEqual([]);
  });

  it("identifies only keys the actor may see: a Standard member cannot find others' keys by ID", async () => {
    const team = await createTeam();
    const adminKey = await createKey(team.admin, { name: "admin's" });
    const ownerKey = await createKey(team.owner, { name: "Owner key", roleIds: [team.ws.roleIds.owner] });
    expect(await search(team.standard, adminKey.key.id)).toEqual([]);
    expect(await search(team.admin, ownerKey.key.id)).toEqual([]);
    expect(await search(team.owner, ownerKey.key.id)).toEqual(["Owner key"]);
    expect(await search(team.owner, ownerKey.secret)).toEqual(["Owner key"]);
  });
});

describe("search by description", () => {
  it("finds description words after name matches, newest first, and keeps the name ranking", async () => {
    const { admin } = await createTeam();
    await createKey(admin, { name: "reports", description: "Nightly export" });
    await createKey(admin, { name: "monthly", description: "" });
    await createKey(admin, { name: "finance", description: "Monthly report for finance" });
    await createKey(admin, { name: "ops", description: "monthly ops dashboard" });
    await createKey(admin, { name: "monthly-sync", description: "" });
    // Exact name, other name matches, then description matches newest first.
    expect(await search(admin, "Monthly")).toEqual(["monthly", "monthly-sync", "ops", "finance"]);
    expect(await search(admin, "nightly")).toEqual(["reports"]);
    const all = mustOk(await listApiKeys(admin, { q: "monthly" }));
    expect(all.total).toBe(4);
    const first = mustOk(await listApiKeys(admin, { q: "monthly", limit: 3 }));
    const second = mustOk(await listApiKeys(admin, { q: "monthly", limit: 3, cursor: first.nextCursor! }));
    expect([...names(first), ...names(second)]).toEqual(names(all));
  });

  it("does not offer a typo match for a key whose description already matched", async () => {
    const { admin } = await createTeam();
    await createKey(admin, { name: "reprt", description: "the report key" });
    expect(await search(admin, "report")).toEqual(["reprt"]);
  });
});

describe("findKeyIdBySecret (the search box's look-up of a pasted secret)", () => {
  it("answers the Key ID of a visible key, null for others, and refuses what is not a secret", async () => {
    const team = await createTeam();
    const mine = await createKey(team.standard, { name: "mine" });
    const admins = await createKey(team.admin, { name: "admin's" });
    expect(await findKeyIdBySecret(team.standard, mine.secret)).toEqual({ ok: true, data: { keyId: mine.key.id } });
    expect(await findKeyIdBySecret(team.standard, admins.secret)).toEqual({ ok: true, data: { keyId: null } });
    expect(await findKeyIdBySecret(team.standard, mine.key.hint)).toMatchObject({ ok: false, fieldErrors: { q: "This is not an API key secret" } });
    expect(await findKeyIdBySecret(team.readOnly, mine.secret)).toMatchObject({ ok: false, code: "forbidden" });
  });
});

