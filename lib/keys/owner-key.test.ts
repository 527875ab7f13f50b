import { describe, expect, it } from "vitest";
import { generateKeyId } from "./format";
import {
  createApiKey,
  deleteApiKey,
  getApiKey,
  listApiKeyAuditTrail,
  listApiKeys,
  modifyApiKey,
  revealApiKeySecret,
} from "./rules";
import { createKey, createTeam, mustOk, snapshotWorkspace, withTestDatabase } from "@/lib/testing";
import type { KeyActor } from "./types";

// SPEC §2: to everyone but the Owner the owner key does not exist — not listed, not counted,
// not found by id, not in search, not in the audit trail — and nothing says otherwise.
withTestDatabase();

async function workspaceWithOwnerKey() {
  const team = await createTeam();
  const ownerKey = await createKey(team.owner, { name: "Owner key", roleIds: [team.ws.roleIds.owner] });
  const adminKey = await createKey(team.admin, { name: "Owner-ish reports" });
  return { ...team, ownerKey, adminKey };
}

/** Every way to reach a key by id, as one actor. */
const byId = (actor: KeyActor, keyId: string) => ({
  get: () => getApiKey(actor, keyId),
  modify: () => modifyApiKey(actor, keyId, { name: "taken over" }),
  delete: () => deleteApiKey(actor, keyId),
  reveal: () => revealApiKeySecret(actor, keyId, "reveal"),
  copy: () => revealApiKeySecret(actor, keyId, "copy"),
  auditTrail: () => listApiKeyAuditTrail(actor, keyId),
});

describe("the owner key", () => {
  it("is pinned first in the Owner's list, with every other key after it", async () => {
    const { owner, ownerKey, adminKey } = await workspaceWithOwnerKey();
    const later = await createKey(owner, { name: "newest" });
    const page = mustOk(await listApiKeys(owner, {}));
    expect(page.items.map((k) => k.id)).toEqual([ownerKey.key.id, later.key.id, adminKey.key.id]);
    expect(page.items[0]!.isOwnerKey).toBe(true);
    expect(page.total).toBe(3);
  });

  it.each(["admin", "standard"] as const)("is not listed, counted or found by search for the %s", async (who) => {
    const team = await workspaceWithOwnerKey();
    const actor = team[who];
    const own = await createKey(actor, { name: "Owner's helper" });
    for (const input of [{}, { q: "Owner" }, { q: "owner key" }, { q: "ownr" }, { createdBy: "anyone" }]) {
      const page = mustOk(await listApiKeys(actor, input));
      expect(page.items.map((k) => k.id)).not.toContain(team.ownerKey.key.id);
      expect(page.items.some((k) => k.isOwnerKey)).toBe(false);
      expect(page.total).toBe(page.items.length);
    }
    const visible = mustOk(await listApiKeys(actor, {}));
    expect(visible.items.map((k) => k.id)).toContain(own.key.id);
  });

  it("answers everyone else exactly as a key that does not exist, and changes nothing", async () => {
    const { ws, admin, standard, ownerKey } = await workspaceWithOwnerKey();
    const other = await createTeam();
    const missing = generateKeyId();
    for (const actor of [admin, standard, other.owner]) {
      const before = await snapshotWorkspace(ws.id);
      const toOwnerKey = byId(actor, ownerKey.key.id);
      const toNothing = byId(actor, missing);
      for (const op of Object.keys(toOwnerKey) as (keyof typeof toOwnerKey)[]) {
        const result = await toOwnerKey[op]();
        expect(result, `${op} by ${actor.name}`).toMatchObject({ ok: false, code: "not_found" });
        expect(result, `${op} by ${actor.name}`).toEqual(await toNothing[op]());
      }
      expect(await snapshotWorkspace(ws.id)).toEqual(before);
    }
  });

  it("does not stop anyone else from taking its name, which would tell them it exists", async () => {
    const first = await workspaceWithOwnerKey();
    const created = await createApiKey(first.admin, { name: "OWNER KEY", roleIds: [first.ws.roleIds.read_only] });
    expect(created).toMatchObject({ ok: true, data: { key: { name: "OWNER KEY", isOwnerKey: false } } });

    const second = await workspaceWithOwnerKey();
    const own = await createKey(second.standard);
    expect(mustOk(await modifyApiKey(second.standard, own.key.id, { name: " owner key " })).name).toBe("owner key");

    // The Owner sees both, the owner key pinned and badged.
    const page = mustOk(await listApiKeys(first.owner, {}));
    expect(page.items.slice(0, 2).map((k) => [k.name, k.isOwnerKey])).toEqual([
      ["Owner key", true],
      ["OWNER KEY", false],
    ]);
  });

  it("keeps its name unique for the Owner, who sees every key", async () => {
    const { ws, owner, ownerKey, adminKey } = await workspaceWithOwnerKey();
    const ordinary = await createKey(owner, { name: "owner's ordinary" });
    const taken = { ok: false, code: "conflict", fieldErrors: { name: "A key with this name already exists" } };
    expect(await createApiKey(owner, { name: "owner key", roleIds: [ws.roleIds.read_only] })).toMatchObject(taken);
    expect(await modifyApiKey(owner, ordinary.key.id, { name: "OWNER KEY" })).toMatchObject(taken);
    expect(await modifyApiKey(owner, ownerKey.key.id, { name: adminKey.key.name.toUpperCase() })).toMatchObject(taken);
    expect(mustOk(await modifyApiKey(owner, ownerKey.key.id, { name: "owner KEY" })).name).toBe("owner KEY");

    // Deleted, the owner key frees its name; recreated, it cannot take an existing key's name.
    mustOk(await deleteApiKey(owner, ownerKey.key.id));
    expect(await createApiKey(owner, { name: "Owner's Ordinary", roleIds: [ws.roleIds.owner] })).toMatchObject(taken);
    expect((await createApiKey(owner, { name: "owner key", roleIds: [ws.roleIds.read_only] })).ok).toBe(true);
  });

  it("keeps its audit trail for the Owner, flagged owner-only", async () => {
    const { owner, ownerKey } = await workspaceWithOwnerKey();
    mustOk(await revealApiKeySecret(owner, ownerKey.key.id, "reveal"));
    const trail = mustOk(await listApiKeyAuditTrail(owner, ownerKey.key.id));
    expect(trail.map((e) => e.action)).toEqual(["api_key.reveal", "api_key.create"]);
  });
});
