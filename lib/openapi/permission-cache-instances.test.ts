import { describe, expect, it } from "vitest";
import { changeMemberRoles, removeMember } from "@/lib/members/change";
import { updateRole } from "@/lib/roles/rules";
import { createKey, createTeam, mustOk } from "@/lib/testing";
import { createTestRole } from "@/lib/testing/database";
import { call, withTwoInstances } from "./testing";

const serverDatabase = Boolean(process.env.DATABASE_URL);

/** Polls until the instance answers `status` (a change reaches it through LISTEN), or 5 s pass; the last status. */
async function eventually(request: () => ReturnType<typeof call>, status: number): Promise<number> {
  const until = Date.now() + 5_000;
  for (;;) {
    const res = await request();
    if (res.status === status || Date.now() > until) return res.status;
    await new Promise((r) => setTimeout(r, 25));
  }
}

// The role permission cache of another instance (issue #20) hears role and member changes through
// the same LISTEN channel as keys. Needs PostgreSQL (DATABASE_URL).
describe.skipIf(!serverDatabase)("role and member permission caches on a second instance (skipped: DATABASE_URL unset)", () => {
  const instances = withTwoInstances();

  it("a role's permissions changed here apply there, also to a key of that role it had not seen", async () => {
    const { ws, owner, admin } = await createTeam();
    const auditor = await createTestRole(ws.id, "Auditor", ["audit:read", "members:read"]);
    const seen = await createKey(admin, { roleIds: [auditor] });
    const unseen = await createKey(admin, { roleIds: [auditor] });
    const b = instances.b().url;
    expect((await call(b, "/api/v1/audit-log", { key: seen.secret })).status).toBe(200);

    mustOk(await updateRole(owner, { roleId: auditor, name: "Auditor", permissions: ["members:read"] }));
    expect(await eventually(() => call(b, "/api/v1/audit-log", { key: seen.secret }), 403)).toBe(403);
    expect((await call(b, "/api/v1/audit-log", { key: unseen.secret })).status).toBe(403);
    expect((await call(b, "/api/v1/me", { key: unseen.secret })).body).toMatchObject({ permissions: ["members:read"] });
  });

  it("a creator's roles changed and their removal here apply there", async () => {
    const { ws, owner, admin } = await createTeam();
    const key = await createKey(admin, { roleIds: [ws.roleIds.administrator] });
    const { memberId } = await ws.membershipOf(admin.userId);
    const b = instances.b().url;
    expect((await call(b, "/api/v1/audit-log", { key: key.secret })).status).toBe(200);

    mustOk(await changeMemberRoles(owner, { memberId, roleIds: [ws.roleIds.read_only] }));
    expect(await eventually(() => call(b, "/api/v1/audit-log", { key: key.secret }), 403)).toBe(403);

    mustOk(await removeMember(owner, { memberId }));
    expect(await eventually(() => call(b, "/api/v1/me", { key: key.secret }), 401)).toBe(401);
    expect((await call(b, "/api/v1/me", { key: key.secret })).body).toMatchObject({ error: { code: "inactive_api_key" } });
  });
});
