import { describe, expect, it } from "vitest";
import { createTestWorkspace } from "@/lib/testing/database";
import { createApiKey, deleteApiKey, getCreateKeyOptions, listApiKeys, modifyApiKey } from "./rules";
import { addExistingUser, createKey, createTeam, inDays, mustOk, setKeyExpiry, setPlan, snapshotWorkspace, withTestDatabase } from "@/lib/testing";
import type { KeyActor } from "./types";

// SPEC §1–2: keys exist only on Small and above; a member holds at most 10 keys per workspace.
withTestDatabase();

const LIMIT_MESSAGE = "You have reached the limit of 10 API keys in this workspace. Delete a key to create another.";

async function createMany(actor: KeyActor, count: number, roleId: string) {
  const keys = [];
  for (let i = 0; i < count; i++) keys.push(mustOk(await createApiKey(actor, { name: `${actor.name} ${i}`, roleIds: [roleId] })).key);
  return keys;
}

describe("10 keys per member per workspace", () => {
  it("refuses the 11th key, counts expired keys, and frees a slot when one is deleted", async () => {
    const { ws, standard, admin } = await createTeam();
    const keys = await createMany(standard, 10, ws.roleIds.read_only);
    await setKeyExpiry(keys[0]!.id, new Date(Date.now() - 1000));
    await setKeyExpiry(keys[1]!.id, new Date(Date.now() - 1000));

    const before = await snapshotWorkspace(ws.id);
    expect(await createApiKey(standard, { name: "eleventh", roleIds: [ws.roleIds.read_only] })).toEqual({
      ok: false,
      code: "limit_reached",
      error: LIMIT_MESSAGE,
    });
    expect(await snapshotWorkspace(ws.id)).toEqual(before);
    expect(await getCreateKeyOptions(standard)).toMatchObject({ canCreate: false, reason: LIMIT_MESSAGE, ownKeyCount: 10, limit: 10 });

    // The limit is per member: an Administrator who manages every key still has their own 10.
    expect((await createApiKey(admin, { name: "admin's", roleIds: [ws.roleIds.read_only] })).ok).toBe(true);
    // Deleting an (expired) key frees a slot.
    mustOk(await deleteApiKey(standard, keys[0]!.id));
    expect(await getCreateKeyOptions(standard)).toMatchObject({ canCreate: true, reason: null, ownKeyCount: 9 });
    expect((await createApiKey(standard, { name: "eleventh", roleIds: [ws.roleIds.read_only] })).ok).toBe(true);
    expect((await createApiKey(standard, { name: "twelfth", roleIds: [ws.roleIds.read_only] })).ok).toBe(false);
  });

  it("counts the owner key for the Owner", async () => {
    const { ws, owner } = await createTeam();
    await createKey(owner, { name: "Owner key", roleIds: [ws.roleIds.owner] });
    await createMany(owner, 9, ws.roleIds.read_only);
    expect(await createApiKey(owner, { name: "one more", roleIds: [ws.roleIds.read_only] })).toMatchObject({ code: "limit_reached" });
    expect(mustOk(await listApiKeys(owner, {})).total).toBe(10);
  });

  it("counts keys per workspace: a member of two workspaces holds 10 in each", async () => {
    const { ws, admin } = await createTeam();
    await createMany(admin, 10, ws.roleIds.read_only);
    const second = await createTestWorkspace("small");
    const there = await addExistingUser(second, admin.userId, "administrator");
    expect((await createApiKey(there, { name: "elsewhere", roleIds: [second.roleIds.read_only] })).ok).toBe(true);
  });
});

describe("plans", () => {
  it("refuses keys in a free-plan workspace, to every role, with plan_required", async () => {
    const { ws, owner, admin, standard } = await createTeam("free");
    const before = await snapshotWorkspace(ws.id);
    for (const actor of [owner, admin, standard]) {
      expect(await createApiKey(actor, { name: "free key", roleIds: [ws.roleIds.read_only] })).toEqual({
        ok: false,
        code: "plan_required",
        error: "API keys are available on the Small plan and above.",
      });
      expect(await getCreateKeyOptions(actor)).toMatchObject({ canCreate: false, reason: "API keys are available on the Small plan and above." });
    }
    expect(await createApiKey(owner, { name: "Owner key", roleIds: [ws.roleIds.owner] })).toMatchObject({ code: "plan_required" });
    expect(await snapshotWorkspace(ws.id)).toEqual(before);
  });

  it("refuses modifying keys once the workspace is downgraded to free, but still lists and deletes them", async () => {
    const { ws, admin } = await createTeam("business");
    const key = await createKey(admin, { expiresAt: inDays(3) });
    const downgraded = await setPlan(ws, "free", admin);
    expect(await modifyApiKey(downgraded, key.key.id, { name: "renamed" })).toMatchObject({ ok: false, code: "plan_required" });
    expect(mustOk(await listApiKeys(downgraded, {})).items.map((k) => k.name)).toEqual([key.key.name]);
    expect((await deleteApiKey(downgraded, key.key.id)).ok).toBe(true);
  });
});
