import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { createTestRole, createTestWorkspace, withTestDatabase, type TestWorkspace } from "@/lib/testing/database";
import { loadMembershipById, type Membership } from "@/lib/auth/membership";
import { verifyPassword } from "@/lib/auth/password";
import { actorFromMembership } from "@/lib/auth/actor";
import { getApiKey } from "@/lib/keys/rules";
import { onKeyChange, type KeyChange } from "@/lib/keys/revocation";
import { addMemberSchema, changeMemberRolesSchema } from "@/lib/validations/members";
import { actorOf as testActor } from "@/lib/testing/actor";
import { listMembers } from "./queries";
import { countKeysByCreator } from "@/lib/keys/queries";
import { addMember, changeMemberRoles, removeMember, transferOwnership } from "./rules";
import { insertTestKey, keyPermissions } from "@/lib/testing/keys";

const handle = withTestDatabase();
const changes: KeyChange[] = [];
beforeAll(() => {
  onKeyChange((c) => changes.push(c));
});

const actorOf = (m: Membership, name = "Actor") => testActor(m, name, "198.51.100.4");

async function auditActions(workspaceId: string) {
  const rows = await handle().db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(auditEvents.id);
  return rows;
}

const memberRoleNames = async (ws: TestWorkspace, userId: string) => (await ws.membershipOf(userId)).roles.map((r) => r.name).sort();

describe("addMember", () => {
  it("adds an existing user by email, in any letter case, with the chosen roles", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const admin = await ws.addMember(["administrator"]);
    const elsewhere = await other.addMember(["standard"], "Elsa");
    const [user] = await handle().db.select().from(users).where(eq(users.id, elsewhere.userId));

    const input = addMemberSchema.parse({ email: user!.email.toUpperCase(), roleIds: [ws.roleIds.standard] });
    const result = await addMember(actorOf(admin, "Adam"), input);
    expect(result).toMatchObject({ ok: true, data: { userId: elsewhere.userId, name: "Elsa", initialPassword: null } });
    expect(await memberRoleNames(ws, elsewhere.userId)).toEqual(["Standard"]);

    const again = await addMember(actorOf(admin), input);
    expect(again).toMatchObject({ ok: false, code: "conflict", fieldErrors: { email: expect.stringContaining("already a member") } });
    const [event] = (await auditActions(ws.id)).filter((e) => e.action === "member.add");
    expect(event).toMatchObject({ actorName: "Adam", targetId: elsewhere.userId, ip: "198.51.100.4", details: { roles: ["Standard"], newUser: false } });
  });

  it("creates an unknown user with an initial password that signs in, shown once and stored only as a hash", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const email = `new-${Date.now()}@example.test`;
    const result = await addMember(actorOf(owner), addMemberSchema.parse({ email, name: "Nina New", roleIds: [ws.roleIds.read_only] }));
    if (!result.ok) throw new Error(result.error);
    const password = result.data.initialPassword!;
    expect(password).toMatch(/^[0-9A-Za-z]{20}$/);
    const [user] = await handle().db.select().from(users).where(eq(users.email, email));
    expect(user!.name).toBe("Nina New");
    expect(user!.passwordHash).not.toContain(password);
    expect(await verifyPassword(password, user!.passwordHash)).toBe(true);
    const events = await auditActions(ws.id);
    expect(JSON.stringify(events)).not.toContain(password);
    expect(events.at(-1)!.details).toMatchObject({ newUser: true });
  });

  it("refuses without members:manage, the Owner role, unknown roles and roles with permissions the actor lacks, changing nothing", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const standard = await ws.addMember(["standard"]);
    const admin = await ws.addMember(["administrator"]);
    const settingsRole = await createTestRole(ws.id, "Settings keeper", ["workspace:read", "workspace:manage"]);
    const email = () => `x-${Math.random().toString(36).slice(2)}@example.test`;
    const attempt = (actor: Membership, roleIds: string[], address = email()) =>
      addMember(actorOf(actor), addMemberSchema.parse({ email: address, roleIds }));

    expect(await attempt(standard, [ws.roleIds.read_only])).toMatchObject({ ok: false, code: "forbidden" });
    expect(await attempt(admin, [ws.roleIds.owner])).toMatchObject({ ok: false, code: "forbidden", fieldErrors: { roleIds: expect.stringContaining("Owner") } });
    // Privilege escalation: an Administrator granting a role holding workspace:manage.
    expect(await attempt(admin, [settingsRole])).toMatchObject({
      ok: false,
      code: "forbidden",
      fieldErrors: { roleIds: expect.stringContaining("workspace:manage") },
    });
    expect(await attempt(admin, [other.roleIds.read_only])).toMatchObject({ ok: false, fieldErrors: { roleIds: "Unknown role" } });
    expect((await listMembers(ws.id)).length).toBe(2);
    const [count] = await handle().db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.workspaceId, ws.id));
    expect(count!.n).toBe(0);
  });

  it("gives a clear message under each field for a malformed email or no roles, and adds nobody", async () => {
    const ws = await createTestWorkspace();
    const admin = await ws.addMember(["administrator"]);
    const result = await addMember(actorOf(admin), { email: "not-an-email", roleIds: [] });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_request",
      fieldErrors: { email: "Enter a valid email address", roleIds: "Select at least one role" },
    });
    expect(await addMember(actorOf(admin), { email: "a@b.test", roleIds: [ws.roleIds.standard], isOwner: true })).toMatchObject({ ok: false, code: "invalid_request" });
    expect((await listMembers(ws.id)).length).toBe(1);
  });
});

describe("changeMemberRoles", () => {
  it("replaces a member's roles; their keys lose what the new roles lack at once", async () => {
    const ws = await createTestWorkspace();
    const admin = await ws.addMember(["administrator"]);
    const member = await ws.addMember(["administrator"]);
    const key = (await insertTestKey(ws, member, { roles: [ws.roleIds.administrator] })).id;
    expect(await keyPermissions(ws, key)).toContain("api_keys:manage");
    changes.length = 0;

    const result = await changeMemberRoles(actorOf(admin), changeMemberRolesSchema.parse({ memberId: member.memberId, roleIds: [ws.roleIds.standard] }));
    expect(result).toEqual({ ok: true, data: { roles: ["Standard"] } });
    expect(await memberRoleNames(ws, member.userId)).toEqual(["Standard"]);
    expect(await keyPermissions(ws, key)).toEqual(["workspace:read", "members:read", "api_keys:create", "api_keys:verify"]);
    expect(changes).toEqual([{ workspaceId: ws.id, userId: member.userId }]);
    const [event] = (await auditActions(ws.id)).filter((e) => e.action === "member.update_roles");
    expect(event!.details).toEqual({ from: ["Administrator"], to: ["Standard"] });
  });

  it("never touches the Owner, never grants Owner, and keeps at least one role", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    const member = await ws.addMember(["standard"]);
    expect(await changeMemberRoles(actorOf(admin), { memberId: owner.memberId, roleIds: [ws.roleIds.read_only] })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeMemberRoles(actorOf(owner), { memberId: member.memberId, roleIds: [ws.roleIds.owner] })).toMatchObject({ ok: false, code: "forbidden" });
    expect(changeMemberRolesSchema.safeParse({ memberId: member.memberId, roleIds: [] }).success).toBe(false);
    expect(await memberRoleNames(ws, owner.userId)).toEqual(["Owner"]);
    expect(await memberRoleNames(ws, member.userId)).toEqual(["Standard"]);
  });

  it("refuses privilege escalation: an Administrator granting or taking away a role with permissions they lack", async () => {
    const ws = await createTestWorkspace();
    const admin = await ws.addMember(["administrator"]);
    const rolesManager = await createTestRole(ws.id, "Role manager", ["roles:manage"]);
    const member = await ws.addMember(["standard"]);
    const keeper = await ws.addMember(["read_only", rolesManager]);

    const grant = await changeMemberRoles(actorOf(admin), { memberId: member.memberId, roleIds: [ws.roleIds.standard, rolesManager] });
    expect(grant).toMatchObject({ ok: false, code: "forbidden", fieldErrors: { roleIds: expect.stringContaining("roles:manage") } });
    // Nor may the Administrator give themselves more.
    const self = await changeMemberRoles(actorOf(admin), { memberId: admin.memberId, roleIds: [ws.roleIds.administrator, rolesManager] });
    expect(self).toMatchObject({ ok: false, code: "forbidden" });
    const strip = await changeMemberRoles(actorOf(admin), { memberId: keeper.memberId, roleIds: [ws.roleIds.read_only] });
    expect(strip).toMatchObject({ ok: false, code: "forbidden" });
    // Roles they can grant change; the one they can't stays.
    const ok = await changeMemberRoles(actorOf(admin), { memberId: keeper.memberId, roleIds: [ws.roleIds.standard, rolesManager] });
    expect(ok).toMatchObject({ ok: true });
    expect(await memberRoleNames(ws, keeper.userId)).toEqual(["Role manager", "Standard"]);
    expect(await memberRoleNames(ws, member.userId)).toEqual(["Standard"]);
    expect(await memberRoleNames(ws, admin.userId)).toEqual(["Administrator"]);
  });

  it("refuses members without members:manage", async () => {
    const ws = await createTestWorkspace();
    const standard = await ws.addMember(["standard"]);
    const viewer = await ws.addMember(["read_only"]);
    expect(await changeMemberRoles(actorOf(standard), { memberId: viewer.memberId, roleIds: [ws.roleIds.standard] })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeMemberRoles(actorOf(standard), { memberId: standard.memberId, roleIds: [ws.roleIds.administrator] })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await memberRoleNames(ws, standard.userId)).toEqual(["Standard"]);
  });

  it("checks the actor's permissions as they are now, not as they were when the page loaded", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    const member = await ws.addMember(["read_only"]);
    const staleActor = actorOf(admin);
    await changeMemberRoles(actorOf(owner), { memberId: admin.memberId, roleIds: [ws.roleIds.read_only] });
    expect(await changeMemberRoles(staleActor, { memberId: member.memberId, roleIds: [ws.roleIds.standard] })).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("removeMember", () => {
  it("removes a member; their keys stop authenticating at once but stay listed", async () => {
    const ws = await createTestWorkspace();
    const admin = await ws.addMember(["administrator"]);
    const member = await ws.addMember(["standard"], "Leaving Lee");
    const key = (await insertTestKey(ws, member, { roles: [ws.roleIds.standard] })).id;
    await insertTestKey(ws, member, { roles: [ws.roleIds.read_only] });
    expect((await keyPermissions(ws, key))!.length).toBeGreaterThan(0);
    changes.length = 0;

    const result = await removeMember(actorOf(admin), { memberId: member.memberId });
    expect(result).toMatchObject({ ok: true, data: { inactiveKeys: 2 } });
    expect(await loadMembershipById(member.userId, ws.id)).toBeNull();
    expect(await keyPermissions(ws, key)).toEqual([]);
    expect((await countKeysByCreator({ workspace: { id: ws.id }, isOwner: false })).get(member.userId)).toBe(2);
    // What the API Keys page shows: still listed, "Inactive — creator removed".
    const view = await getApiKey(actorFromMembership(await ws.membershipOf(admin.userId), { name: "Adam", email: "a@x.test" }), key);
    expect(view).toMatchObject({ ok: true, data: { status: "inactive", createdBy: { active: false }, effectivePermissions: [] } });
    expect(changes).toEqual([{ workspaceId: ws.id, userId: member.userId }]);
    expect((await listMembers(ws.id)).map((m) => m.name)).not.toContain("Leaving Lee");
    const [event] = (await auditActions(ws.id)).filter((e) => e.action === "member.remove");
    expect(event).toMatchObject({ targetId: member.userId, details: { roles: ["Standard"], inactiveKeys: 2 } });
  });

  it("refuses to remove the Owner, a member holding permissions the actor lacks, or anything without members:manage", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    const standard = await ws.addMember(["standard"]);
    const settings = await ws.addMember([await createTestRole(ws.id, "Settings", ["workspace:manage"])]);
    expect(await removeMember(actorOf(admin), { memberId: owner.memberId })).toMatchObject({ ok: false, code: "forbidden", error: expect.stringContaining("Owner cannot be removed") });
    expect(await removeMember(actorOf(owner), { memberId: owner.memberId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeMember(actorOf(admin), { memberId: settings.memberId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeMember(actorOf(standard), { memberId: admin.memberId })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await listMembers(ws.id)).length).toBe(4);
    expect(await removeMember(actorOf(owner), { memberId: settings.memberId })).toMatchObject({ ok: true });
  });

  it("answers not found for a member of another workspace", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const admin = await ws.addMember(["administrator"]);
    const stranger = await other.addMember(["standard"]);
    expect(await removeMember(actorOf(admin), { memberId: stranger.memberId })).toMatchObject({ ok: false, code: "not_found" });
    expect(await loadMembershipById(stranger.userId, other.id)).not.toBeNull();
  });
});

describe("transferOwnership", () => {
  it("makes the member the Owner and the old Owner an Administrator, and deletes the owner key, in one go", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const next = await ws.addMember(["standard"]);
    const ownerKey = (await insertTestKey(ws, owner, { roles: [ws.roleIds.owner], owner: true, name: "Owner key" })).id;
    const otherKey = (await insertTestKey(ws, owner, { roles: [ws.roleIds.administrator] })).id;
    changes.length = 0;

    const result = await transferOwnership(actorOf(owner), { memberId: next.memberId });
    expect(result).toMatchObject({ ok: true, data: { ownerKeyDeleted: true } });
    expect(await memberRoleNames(ws, next.userId)).toEqual(["Owner"]);
    expect(await memberRoleNames(ws, owner.userId)).toEqual(["Administrator"]);
    expect((await ws.membershipOf(next.userId)).isOwner).toBe(true);
    expect(await keyPermissions(ws, ownerKey)).toBeNull();
    expect(await keyPermissions(ws, otherKey)).not.toContain("workspace:manage");
    expect(changes).toEqual(
      expect.arrayContaining([
        { workspaceId: ws.id, keyId: ownerKey },
        { workspaceId: ws.id, userId: owner.userId },
        { workspaceId: ws.id, userId: next.userId },
      ]),
    );
    const events = await auditActions(ws.id);
    expect(events.map((e) => [e.action, e.ownerOnly])).toEqual([
      ["api_key.delete", true],
      ["member.transfer_ownership", false],
    ]);

    // The old Owner can no longer transfer; the new one can hand it back.
    expect(await transferOwnership(actorOf(owner), { memberId: next.memberId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await transferOwnership(actorOf(next), { memberId: owner.memberId })).toMatchObject({ ok: true, data: { ownerKeyDeleted: false } });
  });

  it("is the Owner's alone, and two transfers at once leave exactly one Owner", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    const a = await ws.addMember(["standard"]);
    const b = await ws.addMember(["standard"]);
    expect(await transferOwnership(actorOf(admin), { memberId: admin.memberId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await transferOwnership(actorOf(owner), { memberId: owner.memberId })).toMatchObject({ ok: false });

    const results = await Promise.all([
      transferOwnership(actorOf(owner), { memberId: a.memberId }),
      transferOwnership(actorOf(owner), { memberId: b.memberId }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const owners = (await listMembers(ws.id)).filter((m) => m.isOwner);
    expect(owners).toHaveLength(1);
    expect([a.userId, b.userId]).toContain(owners[0]!.userId);
    const rows = await handle().db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, ws.id), eq(auditEvents.action, "member.transfer_ownership")));
    expect(rows[0]!.n).toBe(1);
  });
});
