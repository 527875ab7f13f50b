import { describe, expect, it } from "vitest";
import { removeTestMember } from "@/lib/testing/database";
import { createSharedSecret, revealSharedSecret } from "@/lib/signing/shared-secret";
import { keyState } from "./policy";
import { createApiKey, getApiKey } from "./rules";
import { createKey, createTeam, setKeyExpiry, setMemberRoles, withTestDatabase } from "@/lib/testing";
import { refusalOf, type VerifiedKey } from "./verify";

withTestDatabase();

describe("keyState", () => {
  const past = new Date(Date.now() - 60_000);
  it("puts expired before inactive, the same for the console badge and the API refusal", async () => {
    expect(keyState({ expiresAt: past, creatorActive: false })).toBe("expired");
    expect(keyState({ expiresAt: null, creatorActive: false })).toBe("inactive");
    expect(keyState({ expiresAt: new Date(Date.now() + 60_000), creatorActive: true })).toBe("active");
    const both = { expiresAt: past.getTime(), creatorPermissions: null, workspace: { plan: "small" } } as unknown as VerifiedKey;
    expect(refusalOf(both)).toBe("expired_api_key");
    expect(refusalOf({ ...both, expiresAt: null })).toBe("inactive_api_key");

    const { ws, owner, standard } = await createTeam();
    const created = await createKey(standard);
    await setKeyExpiry(created.key.id, past);
    await removeTestMember(ws.id, standard.userId);
    const view = await getApiKey(owner, created.key.id);
    expect(view.ok && view.data.status).toBe("expired");
  });
});

describe("a permission removed after the actor was loaded", () => {
  it("is refused inside the transaction, for keys and for the shared secret", async () => {
    const { ws, admin } = await createTeam();
    // The actor as the page loaded it, then a demotion before the action arrives.
    await setMemberRoles(ws, admin.userId, [ws.roleIds.read_only]);
    const created = await createApiKey(admin, { name: "stale permissions", roleIds: [ws.roleIds.read_only] });
    expect(created).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createSharedSecret({ ...admin, permissions: new Set(["workspace:manage"]) })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("reveals no shared secret to a member demoted after the page loaded", async () => {
    const { owner, admin } = await createTeam();
    expect(await createSharedSecret(owner)).toMatchObject({ ok: true });
    const stale = { ...admin, permissions: new Set([...admin.permissions, "workspace:manage" as const]) };
    expect(await revealSharedSecret(stale, "reveal")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await revealSharedSecret(owner, "reveal")).toMatchObject({ ok: true });
  });
});
