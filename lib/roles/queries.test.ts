import { describe, expect, it } from "vitest";
import { createTestRole, createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { apiKeyRoles, apiKeys } from "@/db/schema";
import { generateKeyId } from "@/lib/keys/format";
import { listRoles } from "./queries";

const handle = withTestDatabase();

describe("listRoles", () => {
  it("lists built-in roles in order then custom ones, with permissions and who holds them; the owner key only for the Owner", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    await ws.addMember(["standard"]);
    await ws.addMember(["standard"]);
    await createTestRole(ws.id, "Auditor", ["audit:read", "workspace:read"]);
    // Ids unique per run: the server database in CI keeps earlier runs' rows.
    const ownerKey = generateKeyId();
    const standardKey = generateKeyId();
    await handle().db.insert(apiKeys).values([
      { id: ownerKey, workspaceId: ws.id, name: "Owner key", secretHash: `h1${ws.id}`, hint: "ak_…", isOwnerKey: true, createdByUserId: owner.userId },
      { id: standardKey, workspaceId: ws.id, name: "std", secretHash: `h2${ws.id}`, hint: "ak_…", createdByUserId: owner.userId },
    ]);
    await handle().db.insert(apiKeyRoles).values([
      { apiKeyId: ownerKey, roleId: ws.roleIds.owner },
      { apiKeyId: standardKey, roleId: ws.roleIds.standard },
    ]);

    const roles = await listRoles({ workspace: { id: ws.id }, isOwner: false });
    expect(roles.map((r) => r.name)).toEqual(["Owner", "Administrator", "Standard", "Read-only", "Auditor"]);
    const byName = Object.fromEntries(roles.map((r) => [r.name, r]));
    expect(byName.Owner).toMatchObject({ builtIn: "owner", memberCount: 1, keyCount: 0 });
    expect(byName.Standard).toMatchObject({ memberCount: 2, keyCount: 1, permissions: ["workspace:read", "members:read", "api_keys:create", "api_keys:verify"] });
    expect(byName.Auditor).toMatchObject({ builtIn: null, memberCount: 0, keyCount: 0, permissions: ["workspace:read", "audit:read"] });
    expect(byName.Administrator!.permissions).not.toContain("roles:manage");

    const forOwner = await listRoles({ workspace: { id: ws.id }, isOwner: true });
    expect(forOwner.find((r) => r.builtIn === "owner")!.keyCount).toBe(1);
  });
});
