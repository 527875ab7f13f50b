import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sharedSecrets, workspaces } from "@/db/schema";
import { createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { actorFromMembership } from "@/lib/auth/actor";
import { onKeyChange, type KeyChange } from "@/lib/keys/revocation";
import { isSharedSecret } from "./format";
import {
  createSharedSecret,
  getSharedSecretStatus,
  revealSharedSecret,
  rotateSharedSecret,
  setRequireSignedRequests,
} from "./shared-secret";

const handle = withTestDatabase();

async function workspaceWithOwner() {
  const ws = await createTestWorkspace("small");
  const owner = actorFromMembership(await ws.addMember(["owner"]), { name: "Olive", email: "olive@x.test" });
  const admin = actorFromMembership(await ws.addMember(["administrator"]), { name: "Adam", email: "adam@x.test" });
  return { ws, owner, admin };
}

const reveal = async (actor: Parameters<typeof revealSharedSecret>[0]) => {
  const result = await revealSharedSecret(actor, "reveal");
  if (!result.ok) throw new Error(result.error);
  return result.data.secret;
};

const auditOf = (workspaceId: string) =>
  handle().db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(auditEvents.id);

describe("API shared secret", () => {
  it("is created once, stored encrypted, shown as a hint and revealed on demand", async () => {
    const { ws, owner } = await workspaceWithOwner();
    expect(await getSharedSecretStatus(owner)).toEqual({
      ok: true,
      data: { current: null, previous: null, requireSignedRequests: false },
    });
    expect(await revealSharedSecret(owner, "reveal")).toMatchObject({ ok: false, code: "not_found" });

    const created = await createSharedSecret(owner);
    if (!created.ok) throw new Error(created.error);
    expect(created.data.current?.hint).toMatch(/^ss_[0-9A-Za-z]{4}…[0-9A-Za-z]{4}$/);
    expect(created.data.previous).toBeNull();

    const secret = await reveal(owner);
    expect(isSharedSecret(secret)).toBe(true);
    expect(created.data.current?.hint).toBe(`${secret.slice(0, 7)}…${secret.slice(-4)}`);
    const copied = await revealSharedSecret(owner, "copy");
    expect(copied).toEqual({ ok: true, data: { secret } });

    const [row] = await handle().db.select().from(sharedSecrets).where(eq(sharedSecrets.workspaceId, ws.id));
    expect(row!.ciphertext).not.toContain(secret.slice(3, 20));

    expect(await createSharedSecret(owner)).toMatchObject({
      ok: false,
      code: "conflict",
      error: "This workspace already has an API shared secret. Rotate it to replace it.",
    });
    expect(await revealSharedSecret(owner, "peek")).toMatchObject({ ok: false, code: "invalid_request" });

    const events = await auditOf(ws.id);
    expect(events.map((e) => e.action)).toEqual(["shared_secret.create", "shared_secret.reveal", "shared_secret.copy"]);
    expect(events[0]).toMatchObject({ actorName: "Olive (olive@x.test)", targetType: "shared_secret" });
    expect(JSON.stringify(events)).not.toContain(secret.slice(3));
  });

  it("is refused to members without workspace:manage, who learn nothing about it", async () => {
    const { owner, admin } = await workspaceWithOwner();
    expect(await createSharedSecret(admin)).toMatchObject({ ok: false, code: "forbidden" });
    await createSharedSecret(owner);
    for (const result of [
      await getSharedSecretStatus(admin),
      await revealSharedSecret(admin, "reveal"),
      await revealSharedSecret(admin, "copy"),
      await rotateSharedSecret(admin, { grace: "1h" }),
      await setRequireSignedRequests(admin, { enabled: true }),
      await createSharedSecret(admin),
    ]) {
      expect(result).toEqual({ ok: false, code: "forbidden", error: "You don't have permission to manage the API shared secret" });
    }
  });

  it("is created exactly once by concurrent requests", async () => {
    const { ws, owner } = await workspaceWithOwner();
    const results = await Promise.all(Array.from({ length: 5 }, () => createSharedSecret(owner)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "conflict")).toBe(true);
    const rows = await handle().db.select().from(sharedSecrets).where(eq(sharedSecrets.workspaceId, ws.id));
    expect(rows).toHaveLength(1);
  });

  it("rotates, keeping the previous one valid for the chosen grace period only", async () => {
    const { ws, owner } = await workspaceWithOwner();
    expect(await rotateSharedSecret(owner, { grace: "1h" })).toMatchObject({ ok: false, code: "not_found" });
    await createSharedSecret(owner);
    const first = await reveal(owner);

    const before = Date.now();
    const rotated = await rotateSharedSecret(owner, { grace: "24h" });
    if (!rotated.ok) throw new Error(rotated.error);
    const second = await reveal(owner);
    expect(second).not.toBe(first);
    expect(rotated.data.current?.hint).toBe(`${second.slice(0, 7)}…${second.slice(-4)}`);
    expect(rotated.data.previous?.hint).toBe(`${first.slice(0, 7)}…${first.slice(-4)}`);
    const until = Date.parse(rotated.data.previous!.validUntil);
    expect(until - before).toBeGreaterThanOrEqual(24 * 3600_000 - 1000);
    expect(until - Date.now()).toBeLessThanOrEqual(24 * 3600_000);

    // The grace period ends as the status is read by a later clock.
    const later = await getSharedSecretStatus(owner, new Date(until + 1000));
    expect(later.ok && later.data.previous).toBeNull();

    // A second rotation ends the first secret at once: at most two are ever valid.
    const again = await rotateSharedSecret(owner, { grace: "1h" });
    if (!again.ok) throw new Error(again.error);
    expect(again.data.previous?.hint).toBe(rotated.data.current?.hint);
    expect(Date.parse(again.data.previous!.validUntil) - Date.now()).toBeLessThanOrEqual(3600_000);
    const rows = await handle().db.select().from(sharedSecrets).where(eq(sharedSecrets.workspaceId, ws.id));
    expect(rows).toHaveLength(2);

    const none = await rotateSharedSecret(owner, { grace: "none" });
    expect(none.ok && none.data.previous).toBeNull();
    expect(await handle().db.select().from(sharedSecrets).where(eq(sharedSecrets.workspaceId, ws.id))).toHaveLength(1);

    expect(await rotateSharedSecret(owner, { grace: "2h" })).toMatchObject({ ok: false, code: "invalid_request" });
    const rotations = (await auditOf(ws.id)).filter((e) => e.action === "shared_secret.rotate");
    expect(rotations.map((e) => e.details.gracePeriod)).toEqual(["24h", "1h", "none"]);
    expect(JSON.stringify(rotations)).not.toContain(first.slice(3));
  });

  it("requires signed requests only once a shared secret exists, and tells every cache", async () => {
    const { ws, owner } = await workspaceWithOwner();
    expect(await setRequireSignedRequests(owner, { enabled: true })).toEqual({
      ok: false,
      code: "conflict",
      error: "Create an API shared secret before requiring signed requests.",
    });
    await createSharedSecret(owner);
    const changes: KeyChange[] = [];
    const stop = onKeyChange((c) => changes.push(c));
    try {
      const on = await setRequireSignedRequests(owner, { enabled: true });
      expect(on.ok && on.data.requireSignedRequests).toBe(true);
      expect(changes).toContainEqual({ workspaceId: ws.id });
    } finally {
      stop();
    }
    const [row] = await handle().db.select({ on: workspaces.requireSignedRequests }).from(workspaces).where(eq(workspaces.id, ws.id));
    expect(row!.on).toBe(true);
    // Repeating it changes nothing and writes no second event.
    await setRequireSignedRequests(owner, { enabled: true });
    await setRequireSignedRequests(owner, { enabled: false });
    expect(await setRequireSignedRequests(owner, { enabled: "yes" })).toMatchObject({ ok: false, code: "invalid_request" });
    const switches = await handle().db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, ws.id), eq(auditEvents.targetType, "workspace")))
      .orderBy(auditEvents.id);
    expect(switches.map((e) => [e.action, e.details])).toEqual([
      ["workspace.update_settings", { requireSignedRequests: { from: false, to: true } }],
      ["workspace.update_settings", { requireSignedRequests: { from: true, to: false } }],
    ]);
  });
});
