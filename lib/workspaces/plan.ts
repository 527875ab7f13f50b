import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { workspaces, type Plan } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { auditActorOf, type Actor } from "@/lib/auth/actor";
import { fail, invalidInput, type Result } from "@/lib/result";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";

export const PLAN_LABELS: Record<Plan, string> = { free: "Free", small: "Small", business: "Business" };
const PLAN_RANK: Record<Plan, number> = { free: 0, small: 1, business: 2 };

export const upgradePlanSchema = z.object({
  plan: z.enum(["small", "business"], { error: "Choose the Small or Business plan" }),
});

/**
 * Moves the workspace up to a paid plan (`workspace:manage`), the next step the Free plan's
 * "API keys are available on the Small plan and above." offers. Only upwards: a downgrade
 * would strand the workspace's keys and belongs to billing, which this console does not do.
 */
export async function upgradePlan(actor: Actor, rawInput: unknown, db = getDb()): Promise<Result<{ plan: Plan }>> {
  const parsed = upgradePlanSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const { plan } = parsed.data;
  const workspaceId = actor.workspace.id;
  return transact(async (tx, keyChanges) => {
    await requireCurrentPermission(tx, actor, "workspace:manage", "You don't have permission to change the plan");
    const [before] = await tx.select({ plan: workspaces.plan }).from(workspaces).where(eq(workspaces.id, workspaceId)).for("update");
    if (!before) return refuse(fail("not_found", "This workspace no longer exists"));
    if (before.plan === plan) return { plan };
    if (PLAN_RANK[plan] < PLAN_RANK[before.plan]) {
      const message = `${PLAN_LABELS[before.plan]} is already above ${PLAN_LABELS[plan]}`;
      return refuse(fail("invalid_request", `plan: ${message}`, { plan: message }));
    }
    await tx.update(workspaces).set({ plan }).where(eq(workspaces.id, workspaceId));
    await recordAuditEvent(tx, {
      workspaceId,
      actor: auditActorOf(actor),
      action: "workspace.change_plan",
      targetType: "workspace",
      targetId: workspaceId,
      targetName: actor.workspace.name,
      details: { plan: { from: PLAN_LABELS[before.plan], to: PLAN_LABELS[plan] } },
    });
    // Verified keys of this workspace are cached with its plan (402 plan_required on Free).
    await keyChanges.add({ workspaceId });
    return { plan };
  }, { db });
}
