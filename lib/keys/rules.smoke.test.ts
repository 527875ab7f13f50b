import { describe, expect, it } from "vitest";
import { createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { actorFromMembership } from "@/lib/auth/actor";
import { createApiKey, deleteApiKey, getApiKey, listApiKeys, modifyApiKey, revealApiKeySecret } from "./rules";

withTestDatabase();

describe("key lifecycle", () => {
  it("creates, lists, searches, modifies, reveals and deletes", async () => {
    const ws = await createTestWorkspace("small");
    const owner = actorFromMembership(await ws.addMember(["owner"]), { name: "O", email: "o@x.test" });
    const admin = actorFromMembership(await ws.addMember(["administrator"]), { name: "A", email: "a@x.test" });
    const ownerKey = await createApiKey(owner, { name: "Owner key", roleIds: [ws.roleIds.owner] });
    expect(ownerKey.ok).toBe(true);
    const created = await createApiKey(admin, { name: "productreport", roleIds: [ws.roleIds.read_only] });
    if (!created.ok) throw new Error(created.error);
    expect(created.data.secret).toHaveLength(35);
    await createApiKey(admin, { name: "other", roleIds: [ws.roleIds.read_only] });

    const ownerList = await listApiKeys(owner, {});
    if (!ownerList.ok) throw new Error(ownerList.error);
    expect(ownerList.data.items.map((k) => k.name)).toEqual(["Owner key", "other", "productreport"]);
    const adminList = await listApiKeys(admin, {});
    if (!adminList.ok) throw new Error(adminList.error);
    expect(adminList.data.items.map((k) => k.name)).toEqual(["other", "productreport"]);
    expect(adminList.data.total).toBe(2);

    for (const q of ["prodrep", "prodcut", "REPORT"]) {
      const found = await listApiKeys(admin, { q });
      if (!found.ok) throw new Error(found.error);
      expect(found.data.items.map((k) => k.name)).toEqual(["productreport"]);
    }

    const dup = await modifyApiKey(admin, created.data.key.id, { name: "OTHER" });
    expect(dup).toMatchObject({ ok: false, code: "conflict", fieldErrors: { name: "A key with this name already exists" } });

    const revealed = await revealApiKeySecret(admin, created.data.key.id, "reveal");
    expect(revealed).toEqual({ ok: true, data: { secret: created.data.secret } });

    if (!ownerKey.ok) throw new Error();
    expect(await getApiKey(admin, ownerKey.data.key.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteApiKey(admin, ownerKey.data.key.id)).toMatchObject({ ok: false, code: "not_found" });

    const details = await getApiKey(admin, created.data.key.id);
    expect(details.ok && details.data.effectivePermissions).toEqual(["workspace:read", "members:read"]);
    expect(await deleteApiKey(admin, created.data.key.id)).toMatchObject({ ok: true });
    expect(await getApiKey(admin, created.data.key.id)).toMatchObject({ ok: false, code: "not_found" });
  });
});
