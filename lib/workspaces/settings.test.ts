import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys, auditEvents, workspaces } from "@/db/schema";
import { createTestRole, createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import type { Membership } from "@/lib/auth/membership";
import { decryptSecret } from "@/lib/crypto/aes";
import { actorOf as testActor } from "@/lib/testing/actor";
import { renameWorkspaceSchema } from "@/lib/validations/settings";
import { renameWorkspace, setShowSecretsOnce } from "./settings";
import { insertTestKey } from "@/lib/testing/keys";

const handle = withTestDatabase();

const actorOf = (m: Membership) => testActor(m, "Actor", null);

const ciphertextOf = async (id: string) => (await handle().db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!.secretCiphertext;
const workspaceRow = async (id: string) => (await handle().db.select().from(workspaces).where(eq(workspaces.id, id)))[0]!;

describe("renameWorkspace", () => {
  it("renames with workspace:manage, keeps the slug, and records from and to", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const before = await workspaceRow(ws.id);
    expect(await renameWorkspace(actorOf(owner), renameWorkspaceSchema.parse({ name: "  Acme Labs " }))).toEqual({ ok: true, data: { name: "Acme Labs" } });
    const after = await workspaceRow(ws.id);
    expect(after).toMatchObject({ name: "Acme Labs", slug: before.slug });
    const [event] = await handle().db.select().from(auditEvents).where(eq(auditEvents.workspaceId, ws.id));
    expect(event).toMatchObject({ action: "workspace.rename", details: { from: before.name, to: "Acme Labs" } });
  });

  it("refuses Administrators and others without workspace:manage, and bad names", async () => {
    const ws = await createTestWorkspace();
    const admin = await ws.addMember(["administrator"]);
    const keeper = await ws.addMember([await createTestRole(ws.id, "Settings", ["workspace:read", "workspace:manage"])]);
    expect(await renameWorkspace(actorOf(admin), { name: "Nope" })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await workspaceRow(ws.id)).name).not.toBe("Nope");
    expect(await renameWorkspace(actorOf(keeper), { name: "Yes" })).toMatchObject({ ok: true });
    expect(renameWorkspaceSchema.safeParse({ name: "" }).error!.issues[0]!.message).toBe("Workspace name is required");
    expect(renameWorkspaceSchema.safeParse({ name: "x".repeat(51) }).error!.issues[0]!.message).toBe("Workspace name must be at most 50 characters");
  });
});

describe("setShowSecretsOnce", () => {
  it("turning it on deletes every stored secret of the workspace, the owner key's too, and no other workspace's", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const otherOwner = await other.addMember(["owner"]);
    const a = await insertTestKey(ws, owner, { stored: true });
    const ownerKey = await insertTestKey(ws, owner, { stored: true, owner: true });
    const elsewhere = await insertTestKey(other, otherOwner, { stored: true });
    expect(decryptSecret((await ciphertextOf(a.id))!, a.id)).toBe(a.secret);

    expect(await setShowSecretsOnce(actorOf(owner), { enabled: true })).toEqual({ ok: true, data: { enabled: true } });
    expect((await workspaceRow(ws.id)).showSecretsOnce).toBe(true);
    expect(await ciphertextOf(a.id)).toBeNull();
    expect(await ciphertextOf(ownerKey.id)).toBeNull();
    expect(await ciphertextOf(elsewhere.id)).not.toBeNull();
    const [event] = await handle().db.select().from(auditEvents).where(eq(auditEvents.workspaceId, ws.id));
    expect(event).toMatchObject({ action: "workspace.update_settings", details: { showSecretsOnce: { from: false, to: true } } });
    expect(JSON.stringify(event)).not.toContain(a.secret);
  });

  it("turning it off applies to new keys only: deleted secrets stay deleted", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const key = await insertTestKey(ws, owner, { stored: true });
    await setShowSecretsOnce(actorOf(owner), { enabled: true });
    expect(await setShowSecretsOnce(actorOf(owner), { enabled: false })).toEqual({ ok: true, data: { enabled: false } });
    expect((await workspaceRow(ws.id)).showSecretsOnce).toBe(false);
    expect(await ciphertextOf(key.id)).toBeNull();
    const events = await handle().db.select().from(auditEvents).where(eq(auditEvents.workspaceId, ws.id)).orderBy(auditEvents.id);
    expect(events.map((e) => e.details)).toEqual([
      { showSecretsOnce: { from: false, to: true }, storedSecretsDeleted: true },
      { showSecretsOnce: { from: true, to: false } },
    ]);
  });

  it("refuses members without workspace:manage and changes nothing", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    const key = await insertTestKey(ws, owner, { stored: true });
    expect(await setShowSecretsOnce(actorOf(admin), { enabled: true })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await workspaceRow(ws.id)).showSecretsOnce).toBe(false);
    expect(await ciphertextOf(key.id)).not.toBeNull();
  });
});
