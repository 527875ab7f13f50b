import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiKeys, auditEvents, memberRoles, rolePermissions } from "@/db/schema";
import { createTestRole, createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { type Membership } from "@/lib/auth/membership";
import { onKeyChange, type KeyChange } from "@/lib/keys/revocation";
import { actorOf as testActor } from "@/lib/testing/actor";
import { createRoleSchema, updateRoleSchema } from "@/lib/validations/roles";
import { listRoles } from "./queries";
import { createRole, deleteRole, roleUsage, updateRole } from "./rules";
import { insertTestKey, keyPermissions } from "@/lib/testing/keys";

const handle = withTestDatabase();
const changes: KeyChange[] = [];
beforeAll(() => {
  onKeyChange((c) => changes.push(c));
});

const actorOf = (m: Membership, name = "Actor") => testActor(m, name, null);

const permissionsOf = async (roleId: string) =>
  (await handle().db.select().from(rolePermissions).where(eq(rolePermissions.roleId, roleId))).map((r) => r.permission).sort();
const eventsOf = async (workspaceId: string) =>
  handle().db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(auditEvents.id);

describe("createRole", () => {
  it("creates a custom role with permissions the Owner holds; names are unique regardless of case", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const input = createRoleSchema.parse({ name: "  Auditor ", description: "Reads the log", permissions: ["audit:read", "workspace:read"] });
    const created = await createRole(actorOf(owner, "Olga"), input);
    if (!created.ok) throw new Error(created.error);
    const list = await listRoles({ workspace: { id: ws.id }, isOwner: false });
    expect(list.at(-1)).toMatchObject({ name: "Auditor", description: "Reads the log", builtIn: null, permissions: ["workspace:read", "audit:read"] });

    expect(await createRole(actorOf(owner), { ...input, name: "AUDITOR" })).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { name: "A role with this name already exists" },
    });
    expect(await createRole(actorOf(owner), { ...input, name: "administrator" })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    const events = await eventsOf(ws.id);
    expect(events.map((e) => [e.action, e.actorName, e.targetName])).toEqual([["role.create", "Olga", "Auditor"]]);
  });

  it("refuses a member without roles:manage (a Standard member, an Administrator)", async () => {
    const ws = await createTestWorkspace();
    const standard = await ws.addMember(["standard"]);
    const admin = await ws.addMember(["administrator"]);
    const input = createRoleSchema.parse({ name: "Mine", permissions: ["workspace:read"] });
    expect(await createRole(actorOf(standard), input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createRole(actorOf(admin), input)).toMatchObject({ ok: false, code: "forbidden" });
    expect((await listRoles({ workspace: { id: ws.id }, isOwner: false })).length).toBe(4);
  });

  it("refuses a role with permissions the actor lacks, even with roles:manage", async () => {
    const ws = await createTestWorkspace();
    const roleManager = await createTestRole(ws.id, "Role manager", ["roles:manage", "audit:read"]);
    const manager = await ws.addMember([roleManager]);
    const escalate = await createRole(actorOf(manager), createRoleSchema.parse({ name: "Everything", permissions: ["audit:read", "workspace:manage"] }));
    expect(escalate).toMatchObject({ ok: false, code: "forbidden", fieldErrors: { permissions: expect.stringContaining("workspace:manage") } });
    expect(await createRole(actorOf(manager), createRoleSchema.parse({ name: "Reader", permissions: ["audit:read"] }))).toMatchObject({ ok: true });
    expect((await listRoles({ workspace: { id: ws.id }, isOwner: false })).map((r) => r.name)).toEqual(["Owner", "Administrator", "Standard", "Read-only", "Reader", "Role manager"]);
  });

  it("validates name, description and permissions with clear messages", () => {
    const result = createRoleSchema.safeParse({ name: " ", description: "x".repeat(201), permissions: ["keys:everything"] });
    expect(result.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`)).toEqual([
      "name: Name is required",
      "description: Description must be at most 200 characters",
      "permissions: Unknown permission",
    ]);
    expect(createRoleSchema.safeParse({ name: "x".repeat(51), permissions: [] }).error!.issues.map((i) => i.message)).toEqual([
      "Name must be at most 50 characters",
      "Select at least one permission",
    ]);
  });
});

describe("updateRole", () => {
  it("changes name, description and permissions; keys holding the role change at once", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    const roleId = await createTestRole(ws.id, "Integrations", ["api_keys:read", "api_keys:verify"]);
    const key = (await insertTestKey(ws, admin, { roles: [roleId] })).id;
    expect(await keyPermissions(ws, key)).toEqual(["api_keys:read", "api_keys:verify"]);
    changes.length = 0;

    const result = await updateRole(
      actorOf(owner),
      updateRoleSchema.parse({ roleId, name: "Integration bots", description: "CI", permissions: ["api_keys:verify"] }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(await keyPermissions(ws, key)).toEqual(["api_keys:verify"]);
    expect(changes).toEqual([{ workspaceId: ws.id }]);
    const [event] = await eventsOf(ws.id);
    expect(event).toMatchObject({
      action: "role.update",
      targetName: "Integration bots",
      details: { name: { from: "Integrations", to: "Integration bots" }, permissionsRemoved: ["api_keys:read"] },
    });

    // Only the description: no key change is announced.
    changes.length = 0;
    await updateRole(actorOf(owner), updateRoleSchema.parse({ roleId, name: "Integration bots", description: "CI bots", permissions: ["api_keys:verify"] }));
    expect(changes).toEqual([]);
  });

  it("refuses built-in roles, members without roles:manage, and adding or taking away permissions the actor lacks", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const standard = await ws.addMember(["standard"]);
    const manager = await ws.addMember([await createTestRole(ws.id, "Role manager", ["roles:manage", "audit:read", "members:read"])]);
    const target = await createTestRole(ws.id, "Mixed", ["audit:read", "workspace:manage"]);

    expect(await updateRole(actorOf(owner), { roleId: ws.roleIds.standard, name: "Standard", description: "", permissions: ["workspace:read"] })).toMatchObject({
      ok: false,
      code: "forbidden",
      error: "Built-in roles cannot be changed",
    });
    expect(await updateRole(actorOf(standard), { roleId: target, name: "Mixed", description: "", permissions: ["audit:read"] })).toMatchObject({ ok: false, code: "forbidden" });
    // Taking workspace:manage away, which the manager lacks: refused.
    expect(await updateRole(actorOf(manager), { roleId: target, name: "Mixed", description: "", permissions: ["audit:read"] })).toMatchObject({
      ok: false,
      fieldErrors: { permissions: expect.stringContaining("workspace:manage") },
    });
    // Adding api_keys:manage, which the manager lacks: refused.
    expect(
      await updateRole(actorOf(manager), { roleId: target, name: "Mixed", description: "", permissions: ["audit:read", "workspace:manage", "api_keys:manage"] }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await permissionsOf(target)).toEqual(["audit:read", "workspace:manage"]);
    // What the manager holds may change, and the rest stays.
    expect(await updateRole(actorOf(manager), { roleId: target, name: "Mixed", description: "", permissions: ["members:read", "workspace:manage"] })).toMatchObject({ ok: true });
    expect(await permissionsOf(target)).toEqual(["members:read", "workspace:manage"]);
    expect(await permissionsOf(ws.roleIds.standard)).toEqual(["api_keys:create", "api_keys:verify", "members:read", "workspace:read"]);
  });

  it("answers not found for a role of another workspace", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const foreign = await createTestRole(other.id, "Theirs", ["audit:read"]);
    expect(await updateRole(actorOf(owner), { roleId: foreign, name: "Mine now", description: "", permissions: ["audit:read"] })).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteRole(actorOf(owner), { roleId: foreign })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("deleteRole", () => {
  it("refuses while members or keys hold the role, naming them; deletes once unassigned", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const roleId = await createTestRole(ws.id, "Auditor", ["audit:read"]);
    const holder = await ws.addMember(["read_only", roleId], "Hana Holder");
    const key = (await insertTestKey(ws, owner, { roles: [roleId], name: "audit-bot" })).id;

    const refused = await deleteRole(actorOf(owner), { roleId });
    expect(refused).toEqual({
      ok: false,
      code: "conflict",
      error: "“Auditor” is in use by 1 member (Hana Holder) and 1 API key (audit-bot). Remove it from them first.",
    });
    expect(await roleUsage(ws.id, roleId)).toMatchObject({ memberCount: 1, keyCount: 1, members: [{ userId: holder.userId }], keys: [{ id: key }] });

    await handle().db.delete(apiKeys).where(eq(apiKeys.id, key));
    expect(await deleteRole(actorOf(owner), { roleId })).toMatchObject({ ok: false, error: expect.stringContaining("1 member (Hana Holder)") });
    await handle().db.delete(memberRoles).where(eq(memberRoles.roleId, roleId));
    changes.length = 0;
    expect(await deleteRole(actorOf(owner), { roleId })).toEqual({ ok: true, data: { name: "Auditor" } });
    expect((await listRoles({ workspace: { id: ws.id }, isOwner: false })).map((r) => r.name)).not.toContain("Auditor");
    expect(changes).toEqual([{ workspaceId: ws.id }]);
    expect((await eventsOf(ws.id)).at(-1)).toMatchObject({ action: "role.delete", targetName: "Auditor" });
  });

  it("never names the owner key to anyone but the Owner", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const manager = await ws.addMember(["administrator", await createTestRole(ws.id, "Role manager", ["roles:manage"])]);
    const roleId = await createTestRole(ws.id, "Extra", ["audit:read"]);
    await insertTestKey(ws, owner, { roles: [roleId], owner: true, name: "Owner key" });
    const forManager = await deleteRole(actorOf(manager), { roleId });
    expect(forManager).toEqual({ ok: false, code: "conflict", error: "“Extra” is in use and cannot be deleted." });
    const forOwner = await deleteRole(actorOf(owner), { roleId });
    expect(forOwner).toMatchObject({ ok: false, error: expect.stringContaining("Owner key") });
  });

  it("refuses built-in roles and members without roles:manage", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    const roleId = await createTestRole(ws.id, "Spare", ["audit:read"]);
    expect(await deleteRole(actorOf(owner), { roleId: ws.roleIds.read_only })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteRole(actorOf(admin), { roleId })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await listRoles({ workspace: { id: ws.id }, isOwner: false })).length).toBe(5);
  });
});
