import { describe, expect, it } from "vitest";
import { createTestRole, createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { listMembers } from "./queries";

withTestDatabase();

describe("listMembers", () => {
  it("lists the workspace's members with their roles, the Owner first", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const auditor = await createTestRole(ws.id, "Auditor", ["audit:read"]);
    const bea = await ws.addMember(["standard", auditor], "Bea");
    const zed = await ws.addMember(["owner"], "Zed");
    await other.addMember(["owner"], "Elsewhere");

    const list = await listMembers(ws.id);
    expect(list.map((m) => m.name)).toEqual(["Zed", "Bea"]);
    expect(list[0]).toMatchObject({ userId: zed.userId, isOwner: true, roles: [{ name: "Owner", builtIn: "owner" }] });
    expect(list[1]).toMatchObject({ memberId: bea.memberId, isOwner: false });
    expect(list[1]!.roles.map((r) => r.name)).toEqual(["Standard", "Auditor"]);
    expect(list[1]!.email).toMatch(/@example\.test$/);
  });
});
