import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { recordAuditEvent } from "./record";
import { decodeCursor, iterateAuditEvents, listAuditEvents } from "./queries";

const handle = withTestDatabase();

const actor = (userId: string, name: string) => ({ userId, name, ip: "203.0.113.7" });

describe("listAuditEvents", () => {
  it("pages newest first without skipping or repeating events that share a timestamp", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"], "Olga");
    // Seven events with one and the same created_at: only the id tells them apart.
    const tie = new Date(Date.now() - 60_000);
    await handle().db.insert(auditEvents).values(
      Array.from({ length: 7 }, (_, i) => ({
        workspaceId: ws.id,
        actorUserId: owner.userId,
        actorName: "Olga",
        action: "role.create",
        targetType: "role",
        targetName: `r${i}`,
        createdAt: tie,
      })),
    );
    for (let i = 7; i < 12; i++) {
      await recordAuditEvent(handle().db, { workspaceId: ws.id, actor: actor(owner.userId, "Olga"), action: "role.update", targetType: "role", targetName: `r${i}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    const pages: string[][] = [];
    do {
      const page = await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: true, cursor, limit: 5 });
      pages.push(page.items.map((e) => e.targetName!));
      seen.push(...page.items.map((e) => e.targetName!));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    expect(seen).toEqual(["r11", "r10", "r9", "r8", "r7", "r6", "r5", "r4", "r3", "r2", "r1", "r0"]);

    // Going back: from the third page, "newer" returns the second page, and from there the first.
    const first = await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: true, limit: 5 });
    expect(first.prevCursor).toBeNull();
    const second = await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: true, limit: 5, cursor: first.nextCursor });
    const third = await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: true, limit: 5, cursor: second.nextCursor });
    expect(third.nextCursor).toBeNull();
    const backToSecond = await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: true, limit: 5, cursor: third.prevCursor });
    expect(backToSecond.items.map((e) => e.id)).toEqual(second.items.map((e) => e.id));
    const backToFirst = await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: true, limit: 5, cursor: backToSecond.prevCursor });
    expect(backToFirst.items.map((e) => e.id)).toEqual(first.items.map((e) => e.id));
    expect(backToFirst.prevCursor).toBeNull();
  });

  it("hides owner-only events unless asked, filters by action, actor and target, and stays in its workspace", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const owner = await ws.addMember(["owner"], "Olga");
    const admin = await ws.addMember(["administrator"], "Adam");
    await recordAuditEvent(handle().db, { workspaceId: ws.id, actor: actor(owner.userId, "Olga"), action: "api_key.reveal", targetType: "api_key", targetId: "key_owner", ownerOnly: true });
    await recordAuditEvent(handle().db, { workspaceId: ws.id, actor: actor(admin.userId, "Adam"), action: "member.add", targetType: "member", targetId: "m1" });
    await recordAuditEvent(handle().db, { workspaceId: ws.id, actor: actor(owner.userId, "Olga"), action: "member.remove", targetType: "member", targetId: "m1" });
    await recordAuditEvent(handle().db, { workspaceId: other.id, actor: actor(owner.userId, "Olga"), action: "member.add", targetType: "member" });

    const all = await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: true });
    expect(all.items.map((e) => e.action)).toEqual(["member.remove", "member.add", "api_key.reveal"]);
    expect(all.items[0]).toMatchObject({ actorName: "Olga", actorUserId: owner.userId, ip: "203.0.113.7", targetType: "member" });
    expect(new Date(all.items[0]!.createdAt).toISOString()).toBe(all.items[0]!.createdAt);

    const forAdmins = await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: false });
    expect(forAdmins.items.map((e) => e.action)).toEqual(["member.remove", "member.add"]);
    expect((await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: true, action: "member.add" })).items).toHaveLength(1);
    expect((await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: true, actorUserId: admin.userId })).items.map((e) => e.action)).toEqual(["member.add"]);
    expect((await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: false, targetId: "key_owner" })).items).toEqual([]);
    expect((await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: true, targetId: "m1" })).items).toHaveLength(2);

  });

  it("treats a forged cursor as the first page and iterates every event for the export", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"], "Olga");
    await handle().db.insert(auditEvents).values(
      Array.from({ length: 23 }, (_, i) => ({
        workspaceId: ws.id,
        actorUserId: owner.userId,
        actorName: "Olga",
        action: "role.update",
        targetType: "role",
        targetName: `r${i}`,
        createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)),
      })),
    );
    expect(decodeCursor("bm9uc2Vuc2U")).toBeNull();
    const forged = await listAuditEvents({ workspaceId: ws.id, includeOwnerOnly: true, cursor: "x'); drop table users; --", limit: 3 });
    expect(forged.items.map((e) => e.targetName)).toEqual(["r22", "r21", "r20"]);
    const batches: number[] = [];
    const names: string[] = [];
    for await (const batch of iterateAuditEvents({ workspaceId: ws.id, includeOwnerOnly: true }, { batchSize: 10 })) {
      batches.push(batch.length);
      names.push(...batch.map((e) => e.targetName!));
    }
    expect(batches).toEqual([10, 10, 3]);
    expect(names[0]).toBe("r22");
    expect(names.at(-1)).toBe("r0");
  });
});
