import { describe, expect, it } from "vitest";
import { createKey, createTeam, snapshotWorkspace, withTestDatabase } from "@/lib/testing";
import { exportAuditLog } from "./export";

withTestDatabase();

async function csvOf(result: Awaited<ReturnType<typeof exportAuditLog>>): Promise<string[]> {
  if (!result.ok) throw new Error(`expected an export, got ${result.code}: ${result.error}`);
  return (await new Response(result.data.csv).text()).trimEnd().split("\r\n");
}

describe("exportAuditLog", () => {
  it("refuses a member without audit:read, and records nothing", async () => {
    const team = await createTeam();
    const before = await snapshotWorkspace(team.ws.id);
    const result = await exportAuditLog(team.standard, {});
    expect(result).toEqual({ ok: false, code: "forbidden", error: "You don't have permission to read the audit log." });
    expect((await snapshotWorkspace(team.ws.id)).events).toEqual(before.events);
  });

  it("names the bad filter field, and records nothing", async () => {
    const team = await createTeam();
    const before = await snapshotWorkspace(team.ws.id);
    const result = await exportAuditLog(team.admin, { action: "DROP TABLE" });
    expect(result).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { action: "Unknown action" } });
    expect((await snapshotWorkspace(team.ws.id)).events).toEqual(before.events);
  });

  it("streams the workspace's events as CSV, newest first, with the export's own event on top", async () => {
    const team = await createTeam();
    const memberKey = await createKey(team.standard, { name: "stan-csv-key" });
    const lines = await csvOf(await exportAuditLog({ ...team.admin, ip: "198.51.100.4" }, {}));
    expect(lines[0]).toBe('"Time (UTC)","Actor","Actor user ID","Actor key ID","Action","Target type","Target ID","Target","IP","Details"');
    expect(lines[1]).toContain('"audit_log.export","workspace"');
    expect(lines[1]).toContain('"198.51.100.4"');
    expect(lines[1]).toContain(`"${team.admin.name}"`);
    expect(lines.some((l) => l.includes('"api_key.create"') && l.includes(memberKey.key.id))).toBe(true);
    const recorded = (await snapshotWorkspace(team.ws.id)).events.filter((e) => e.action === "audit_log.export");
    expect(recorded).toMatchObject([{ actorUserId: team.admin.userId, details: { action: null, actor: null }, ip: "198.51.100.4" }]);
  });

  it("keeps owner-key events for the Owner's export only", async () => {
    const team = await createTeam();
    const ownerKey = await createKey(team.owner, { name: "owner-csv-key", roleIds: [team.ws.roleIds.owner] });
    const mentions = (lines: string[]) => lines.some((l) => l.includes(ownerKey.key.id));
    expect(mentions(await csvOf(await exportAuditLog(team.admin, {})))).toBe(false);
    expect(mentions(await csvOf(await exportAuditLog(team.owner, {})))).toBe(true);
  });

  it("applies the page's action and actor filters and records them", async () => {
    const team = await createTeam();
    await createKey(team.standard);
    await createKey(team.admin);
    const lines = await csvOf(await exportAuditLog(team.admin, { action: "api_key.create", actor: team.standard.userId }));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"${team.standard.userId}"`);
    const [recorded] = (await snapshotWorkspace(team.ws.id)).events.filter((e) => e.action === "audit_log.export");
    expect(recorded?.details).toEqual({ action: "api_key.create", actor: team.standard.userId });
  });
});
