import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, workspaces } from "@/db/schema";
import { createKey, createTeam, withTestDatabase } from "@/lib/testing";
import { upgradePlan } from "./plan";

// Issue 13 #7: the Free plan's next step is a real, audited plan change.
withTestDatabase();

const planOf = async (id: string) => (await getDb().select({ plan: workspaces.plan }).from(workspaces).where(eq(workspaces.id, id)))[0]?.plan;

describe("upgradePlan", () => {
  it("lets the Owner move a Free workspace to Small, audited, after which keys can be created", async () => {
    const team = await createTeam("free");
    expect(await upgradePlan(team.owner, { plan: "small" })).toEqual({ ok: true, data: { plan: "small" } });
    expect(await planOf(team.ws.id)).toBe("small");
    const events = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, team.ws.id), eq(auditEvents.action, "workspace.change_plan")));
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toEqual({ plan: { from: "Free", to: "Small" } });
    const actor = { ...team.owner, workspace: { ...team.owner.workspace, plan: "small" as const } };
    await expect(createKey(actor, { name: "first" })).resolves.toMatchObject({ key: { name: "first" } });
  });

  it("refuses members without workspace:manage, downgrades and bad input, changing nothing", async () => {
    const team = await createTeam("free");
    expect(await upgradePlan(team.admin, { plan: "small" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await upgradePlan(team.owner, { plan: "free" })).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { plan: expect.any(String) } });
    expect(await upgradePlan(team.owner, {})).toMatchObject({ ok: false, fieldErrors: { plan: "Choose the Small or Business plan" } });
    expect(await planOf(team.ws.id)).toBe("free");
    const business = await createTeam("business");
    expect(await upgradePlan(business.owner, { plan: "small" })).toMatchObject({ ok: false, fieldErrors: { plan: "Business is already above Small" } });
    expect(await planOf(business.ws.id)).toBe("business");
  });
});
