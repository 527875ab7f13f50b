import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { createApiKey, deleteApiKey, listApiKeyAuditTrail, modifyApiKey, revealApiKeySecret } from "./rules";
import { createTeam, inDays, mustOk, withTestDatabase } from "@/lib/testing";
import type { KeyActor } from "./types";

// SPEC §3: create, modify (what changed), delete, reveal and copy each write one audit event
// naming the actor, the key and the address; owner-key events are for the Owner's eyes only.
withTestDatabase();

const eventsOf = (workspaceId: string) =>
  getDb().select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(asc(auditEvents.id));

const fromAddress = (actor: KeyActor, ip: string): KeyActor => ({ ...actor, ip });

describe("audit events", () => {
  it("records one event per create, modify, reveal, copy and delete, with actor, key and address", async () => {
    const { ws, admin } = await createTeam();
    const actor = fromAddress(admin, "203.0.113.9");
    const { key } = mustOk(await createApiKey(actor, { name: "audited", roleIds: [ws.roleIds.read_only] }));
    mustOk(await modifyApiKey(actor, key.id, { name: "audited 2" }));
    mustOk(await revealApiKeySecret(actor, key.id, "reveal"));
    mustOk(await revealApiKeySecret(actor, key.id, "copy"));
    mustOk(await deleteApiKey(actor, key.id));

    const events = await eventsOf(ws.id);
    expect(events.map((e) => [e.action, e.targetName])).toEqual([
      ["api_key.create", "audited"],
      ["api_key.modify", "audited 2"],
      ["api_key.reveal", "audited 2"],
      ["api_key.copy", "audited 2"],
      ["api_key.delete", "audited 2"],
    ]);
    for (const event of events) {
      expect(event).toMatchObject({
        actorUserId: admin.userId,
        actorKeyId: null,
        actorName: admin.name,
        targetType: "api_key",
        targetId: key.id,
        ip: "203.0.113.9",
        ownerOnly: false,
      });
    }
    expect(events[0]!.details).toEqual({ roles: ["Read-only"], expiresAt: null });
  });

  it("records what a modification changed, from and to, and nothing when nothing changed", async () => {
    const { ws, admin } = await createTeam();
    const { key } = mustOk(await createApiKey(admin, { name: "before", roleIds: [ws.roleIds.read_only] }));
    const expiresAt = inDays(30);
    mustOk(
      await modifyApiKey(admin, key.id, {
        name: "after",
        description: "now described",
        roleIds: [ws.roleIds.standard],
        expiresAt,
      }),
    );
    // The same values again: no change, no event.
    mustOk(await modifyApiKey(admin, key.id, { name: "after", description: "now described", roleIds: [ws.roleIds.standard], expiresAt }));

    const modifications = (await eventsOf(ws.id)).filter((e) => e.action === "api_key.modify");
    expect(modifications).toHaveLength(1);
    expect(modifications[0]!.details).toEqual({
      changes: {
        name: { from: "before", to: "after" },
        description: { from: "", to: "now described" },
        roles: { from: ["Read-only"], to: ["Standard"] },
        expiresAt: { from: null, to: expiresAt },
      },
    });
    expect(modifications[0]!.ip).toBeNull();
  });

  it("flags every event about the owner key owner-only", async () => {
    const { ws, owner } = await createTeam();
    const { key } = mustOk(await createApiKey(owner, { name: "Owner key", roleIds: [ws.roleIds.owner] }));
    mustOk(await modifyApiKey(owner, key.id, { description: "the one" }));
    mustOk(await revealApiKeySecret(owner, key.id, "reveal"));
    mustOk(await revealApiKeySecret(owner, key.id, "copy"));
    mustOk(await deleteApiKey(owner, key.id));
    const ordinary = mustOk(await createApiKey(owner, { name: "ordinary", roleIds: [ws.roleIds.read_only] }));

    const events = await eventsOf(ws.id);
    expect(events.filter((e) => e.targetId === key.id).map((e) => [e.action, e.ownerOnly])).toEqual([
      ["api_key.create", true],
      ["api_key.modify", true],
      ["api_key.reveal", true],
      ["api_key.copy", true],
      ["api_key.delete", true],
    ]);
    expect(events.find((e) => e.targetId === ordinary.key.id)?.ownerOnly).toBe(false);
  });

  it("shows a key's trail newest first to those who can see the key", async () => {
    const { ws, admin, standard } = await createTeam();
    const { key } = mustOk(await createApiKey(standard, { name: "trail", roleIds: [ws.roleIds.read_only] }));
    mustOk(await revealApiKeySecret(fromAddress(admin, "198.51.100.4"), key.id, "copy"));
    const trail = mustOk(await listApiKeyAuditTrail(standard, key.id));
    expect(trail.map((e) => [e.action, e.actorName, e.ip])).toEqual([
      ["api_key.copy", admin.name, "198.51.100.4"],
      ["api_key.create", standard.name, null],
    ]);
  });
});
