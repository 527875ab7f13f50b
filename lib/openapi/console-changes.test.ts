import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRole, createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { actorFromMembership } from "@/lib/auth/actor";
import { changeMemberRoles, removeMember } from "@/lib/members/rules";
import { updateRole } from "@/lib/roles/rules";
import { call, startTestApi } from "./testing";
import { createTestKey } from "@/lib/testing";

// What the console changes reaches keys already verified (and cached) by the Open API at once:
// the member and role rules announce their changes like the key rules do.
withTestDatabase();
let api: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const me = (secret: string) => call(api.url, "/api/v1/me", { key: secret });

describe("console changes seen by cached keys", () => {
  it("a creator demoted in the console: their key's permissions shrink on its next request", async () => {
    const ws = await createTestWorkspace("small");
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin, ["administrator"]);
    expect((await me(key.secret)).body.permissions).toContain("api_keys:manage");

    const ownerActor = actorFromMembership(owner, { name: "Owner", email: "owner@example.test" });
    const changed = await changeMemberRoles(ownerActor, { memberId: admin.memberId, roleIds: [ws.roleIds.standard] });
    expect(changed.ok).toBe(true);
    expect((await me(key.secret)).body.permissions).toEqual(["workspace:read", "members:read", "api_keys:create", "api_keys:verify"]);
  });

  it("a creator removed in the console: their key is inactive on its next request", async () => {
    const ws = await createTestWorkspace("small");
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin, ["read_only"]);
    expect((await me(key.secret)).status).toBe(200);

    const removed = await removeMember(actorFromMembership(owner, { name: "Owner", email: "owner@example.test" }), { memberId: admin.memberId });
    expect(removed.ok).toBe(true);
    const res = await me(key.secret);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe("inactive_api_key");
  });

  it("a custom role's permissions edited in the console apply to keys holding it at once", async () => {
    const ws = await createTestWorkspace("small");
    const owner = await ws.addMember(["owner"]);
    const auditors = await createTestRole(ws.id, "Auditors", ["audit:read"]);
    const key = await createTestKey(ws, owner, [auditors]);
    expect((await call(api.url, "/api/v1/audit-log", { key: key.secret })).status).toBe(200);

    const updated = await updateRole(actorFromMembership(owner, { name: "Owner", email: "owner@example.test" }), {
      roleId: auditors,
      name: "Auditors",
      permissions: ["workspace:read"],
    });
    expect(updated.ok).toBe(true);
    const res = await call(api.url, "/api/v1/audit-log", { key: key.secret });
    expect(res.status).toBe(403);
    expect(res.body.error?.permission).toBe("audit:read");
  });
});
