import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, listApiKeyAuditTrail } from "@/lib/keys/rules";
import { createTeam, withTestDatabase, type Team } from "@/lib/testing";
import { call, startTestApi } from "@/lib/openapi/testing";
import { auditCsvStream } from "./csv";
import { iterateAuditEvents, listAuditEvents } from "./queries";

// SPEC §2 (issue 12, defect 1): what the owner key does appears to everyone but the Owner as
// done by the Owner, never naming the key; the Owner sees the truth.
withTestDatabase();

let api: Awaited<ReturnType<typeof startTestApi>>;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const OWNER_KEY_NAME = "Owner key of Olivia";

async function keyFor(team: Team, actor: Team["owner"], roleIds: string[], name: string) {
  const created = await createApiKey(actor, { name, roleIds });
  if (!created.ok) throw new Error(created.error);
  return created.data;
}

describe("events the owner key performed", () => {
  it("show the Owner, never the key, to every reader but the Owner", async () => {
    const team = await createTeam();
    const ownerKey = await keyFor(team, team.owner, [team.ws.roleIds.owner], OWNER_KEY_NAME);
    const adminKey = await keyFor(team, team.admin, [team.ws.roleIds.administrator], "Admin reader");
    const made = await call(api.url, "/api/v1/keys", { key: ownerKey.secret, body: { name: "made by owner key", roleIds: [team.ws.roleIds.read_only] } });
    expect(made.status).toBe(201);
    const madeId = (made.body.key as { id: string }).id;
    // The Owner as the console names members: "Name (email)" of their user.
    const ownerName = expect.stringMatching(/^Olivia Owner \(.+@example\.test\)$/);
    const leaks = (value: unknown) => {
      const text = typeof value === "string" ? value : JSON.stringify(value);
      return text.includes(ownerKey.key.id) || text.includes(OWNER_KEY_NAME) || text.includes("_ownerKeyActor");
    };

    const viaApi = await call(api.url, "/api/v1/audit-log?action=api_key.create", { key: adminKey.secret });
    expect(viaApi.status).toBe(200);
    const apiEvent = (viaApi.body.items as { targetId: string; actorName: string; actorKeyId: string | null }[]).find((e) => e.targetId === madeId);
    expect(apiEvent).toMatchObject({ actorName: ownerName, actorKeyId: null });
    expect(leaks(viaApi.body)).toBe(false);

    const filter = { workspaceId: team.ws.id, includeOwnerOnly: false };
    const consolePage = await listAuditEvents(filter);
    expect(consolePage.items.find((e) => e.targetId === madeId)).toMatchObject({ actorName: ownerName, actorKeyId: null });
    expect(leaks(consolePage)).toBe(false);

    const csv = await new Response(auditCsvStream(iterateAuditEvents(filter))).text();
    expect(csv).toMatch(/Olivia Owner \(.+@example\.test\)/);
    expect(leaks(csv)).toBe(false);

    const trail = await listApiKeyAuditTrail(team.admin, madeId);
    expect(trail.ok && trail.data[0]).toMatchObject({ action: "api_key.create", actorName: ownerName, actorKeyId: null });
    expect(leaks(trail)).toBe(false);

    const forOwner = await listAuditEvents({ ...filter, includeOwnerOnly: true });
    expect(forOwner.items.find((e) => e.targetId === madeId)).toMatchObject({ actorName: `API key ${OWNER_KEY_NAME}`, actorKeyId: ownerKey.key.id });
    expect(JSON.stringify(forOwner)).not.toContain("_ownerKeyActor");
  }, 90_000);
});
