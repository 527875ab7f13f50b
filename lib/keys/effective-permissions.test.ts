import { describe, expect, it } from "vitest";
import { createTestRole, removeTestMember } from "@/lib/testing/database";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { getApiKey, listApiKeys } from "./rules";
import { createKey, createTeam, mustOk, setMemberRoles, withTestDatabase } from "@/lib/testing";

// SPEC §2: a key can never do more than its creator can do right now.
withTestDatabase();

const ADMINISTRATOR = PERMISSIONS.filter((p) => p !== "workspace:manage" && p !== "roles:manage");

describe("effective permissions", () => {
  it("are the union of the key's roles", async () => {
    const { ws, admin, owner } = await createTeam();
    const auditor = await createTestRole(ws.id, "Auditor", ["audit:read"]);
    const key = await createKey(admin, { roleIds: [ws.roleIds.standard, auditor] });
    expect(mustOk(await getApiKey(owner, key.key.id)).effectivePermissions).toEqual([
      "workspace:read",
      "members:read",
      "api_keys:create",
      "api_keys:verify",
      "audit:read",
    ]);
  });

  it("shrink to what the creator holds now when the creator is demoted, and grow back on promotion", async () => {
    const { ws, admin, owner } = await createTeam();
    const key = await createKey(admin, { roleIds: [ws.roleIds.administrator] });
    expect(mustOk(await getApiKey(owner, key.key.id)).effectivePermissions).toEqual(ADMINISTRATOR);

    await setMemberRoles(ws, admin.userId, [ws.roleIds.read_only]);
    const demoted = mustOk(await getApiKey(owner, key.key.id));
    expect(demoted.effectivePermissions).toEqual(["workspace:read", "members:read"]);
    // The key's roles are untouched: only what they can do changes.
    expect(demoted.roles.map((r) => r.name)).toEqual(["Administrator"]);
    expect(demoted.status).toBe("active");

    await setMemberRoles(ws, admin.userId, [ws.roleIds.administrator]);
    expect(mustOk(await getApiKey(owner, key.key.id)).effectivePermissions).toEqual(ADMINISTRATOR);
  });

  it("are every permission for the owner key", async () => {
    const { ws, owner } = await createTeam();
    const key = await createKey(owner, { name: "Owner key", roleIds: [ws.roleIds.owner] });
    expect(mustOk(await getApiKey(owner, key.key.id)).effectivePermissions).toEqual([...PERMISSIONS]);
  });

  it("are none, and the key shows inactive, once the creator is removed from the workspace", async () => {
    const { ws, admin, standard, owner } = await createTeam();
    const key = await createKey(standard, { roleIds: [ws.roleIds.standard] });
    const other = await createKey(admin);
    await removeTestMember(ws.id, standard.userId);

    const details = mustOk(await getApiKey(admin, key.key.id));
    expect(details).toMatchObject({ status: "inactive", effectivePermissions: [], createdBy: { userId: standard.userId, active: false } });
    const listed = mustOk(await listApiKeys(owner, {})).items;
    expect(listed.find((k) => k.id === key.key.id)).toMatchObject({ status: "inactive" });
    expect(listed.find((k) => k.id === other.key.id)).toMatchObject({ status: "active" });
  });
});
