import { describe, expect, it } from "vitest";
import { createTestRole } from "@/lib/testing/database";
import { createApiKey, deleteApiKey, getApiKey, getCreateKeyOptions, modifyApiKey } from "./rules";
import { createKey, createTeam, mustOk, snapshotWorkspace, withTestDatabase } from "@/lib/testing";

// SPEC §3: a key's roles may only be roles whose permissions the creator holds; the Owner role
// only for the Owner, and only while no owner key exists.
withTestDatabase();

describe("no privilege escalation", () => {
  it("never offers or grants an Administrator a custom role holding workspace:manage", async () => {
    const { ws, owner, admin } = await createTeam();
    const settings = await createTestRole(ws.id, "Settings editor", ["workspace:read", "workspace:manage"]);
    const auditor = await createTestRole(ws.id, "Auditor", ["audit:read", "api_keys:read"]);

    const offered = (await getCreateKeyOptions(admin)).roles.map((r) => r.name);
    expect(offered).toEqual(["Administrator", "Standard", "Read-only", "Auditor"]);

    const before = await snapshotWorkspace(ws.id);
    const refused = await createApiKey(admin, { name: "escalate", roleIds: [ws.roleIds.read_only, settings] });
    expect(refused).toMatchObject({
      ok: false,
      code: "forbidden",
      fieldErrors: { roleIds: `You can't grant the role "Settings editor": it has permissions you don't hold` },
    });
    expect(await snapshotWorkspace(ws.id)).toEqual(before);

    expect((await createApiKey(admin, { name: "audit", roleIds: [auditor] })).ok).toBe(true);
    // The Owner holds every permission, so they may.
    expect((await createApiKey(owner, { name: "settings", roleIds: [settings] })).ok).toBe(true);
  });

  it("lets a Standard member grant Standard and Read-only, not Administrator", async () => {
    const { ws, standard } = await createTeam();
    expect((await getCreateKeyOptions(standard)).roles.map((r) => r.name)).toEqual(["Standard", "Read-only"]);
    expect(await createApiKey(standard, { name: "admin", roleIds: [ws.roleIds.administrator] })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect((await createApiKey(standard, { name: "std", roleIds: [ws.roleIds.standard] })).ok).toBe(true);
  });

  it("refuses adding a role on modify that the actor could not grant, but keeps roles the key already holds", async () => {
    const { ws, owner, admin } = await createTeam();
    const settings = await createTestRole(ws.id, "Settings editor", ["workspace:manage"]);
    const key = await createKey(owner, { roleIds: [settings] });
    const adminsKey = await createKey(admin);

    expect(await modifyApiKey(admin, adminsKey.key.id, { roleIds: [ws.roleIds.read_only, settings] })).toMatchObject({
      ok: false,
      code: "forbidden",
      fieldErrors: { roleIds: expect.stringContaining("Settings editor") },
    });
    expect(mustOk(await getApiKey(admin, adminsKey.key.id)).roles.map((r) => r.name)).toEqual(["Read-only"]);

    // The Administrator may manage the Owner's ordinary key: keeping its role is no escalation.
    const kept = mustOk(await modifyApiKey(admin, key.key.id, { roleIds: [settings, ws.roleIds.read_only] }));
    expect(kept.roles.map((r) => r.name)).toEqual(["Read-only", "Settings editor"]);
  });
});

describe("the Owner role", () => {
  it("is offered to the Owner only while no owner key exists, and never to anyone else", async () => {
    const { ws, owner, admin } = await createTeam();
    const names = async (actor: typeof owner) => (await getCreateKeyOptions(actor)).roles.map((r) => r.name);
    expect(await names(owner)).toEqual(["Owner", "Administrator", "Standard", "Read-only"]);
    expect(await names(admin)).not.toContain("Owner");

    await createKey(owner, { name: "Owner key", roleIds: [ws.roleIds.owner] });
    expect(await names(owner)).toEqual(["Administrator", "Standard", "Read-only"]);
  });

  it("refuses the Owner role to an Administrator as an unknown role, creating nothing", async () => {
    const { ws, owner, admin } = await createTeam();
    const before = await snapshotWorkspace(ws.id);
    expect(await createApiKey(admin, { name: "sneaky", roleIds: [ws.roleIds.owner] })).toMatchObject({
      ok: false,
      code: "invalid_request",
      fieldErrors: { roleIds: "Unknown role" },
    });
    expect(await snapshotWorkspace(ws.id)).toEqual(before);
    // The Owner can still create the one owner key afterwards.
    expect(mustOk(await createApiKey(owner, { name: "Owner key", roleIds: [ws.roleIds.owner] })).key.isOwnerKey).toBe(true);
  });

  it("allows one owner key per workspace; deleting it lets the Owner create another", async () => {
    const { ws, owner } = await createTeam();
    const first = await createKey(owner, { name: "Owner key", roleIds: [ws.roleIds.owner] });
    expect(await createApiKey(owner, { name: "Second owner key", roleIds: [ws.roleIds.owner] })).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { roleIds: "This workspace already has an owner key" },
    });
    mustOk(await deleteApiKey(owner, first.key.id));
    expect(mustOk(await createApiKey(owner, { name: "Second owner key", roleIds: [ws.roleIds.owner] })).key.isOwnerKey).toBe(true);
  });

  it("cannot be added to or removed from an existing key", async () => {
    const { ws, owner } = await createTeam();
    const ordinary = await createKey(owner);
    const ownerKey = await createKey(owner, { name: "Owner key", roleIds: [ws.roleIds.owner] });
    const message = "The Owner role can't be added to or removed from an existing key";
    expect(await modifyApiKey(owner, ordinary.key.id, { roleIds: [ws.roleIds.owner] })).toMatchObject({
      ok: false,
      fieldErrors: { roleIds: message },
    });
    expect(await modifyApiKey(owner, ownerKey.key.id, { roleIds: [ws.roleIds.read_only] })).toMatchObject({
      ok: false,
      fieldErrors: { roleIds: message },
    });
    expect(mustOk(await getApiKey(owner, ownerKey.key.id)).isOwnerKey).toBe(true);
    expect(mustOk(await getApiKey(owner, ordinary.key.id)).isOwnerKey).toBe(false);
  });
});
