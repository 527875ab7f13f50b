import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { workspaces, type LeakPolicy } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { auditActorOf, type Actor } from "@/lib/auth/actor";
import { KeyChanges } from "@/lib/keys/revocation";
import { fail, invalidInput, type Result } from "@/lib/result";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import { leakPolicySchema } from "@/lib/validations/leaks";

/** Settings → "Leaked keys", "When a key is reported leaked" (SPEC §13): the choices as the console words them. */
export const LEAK_POLICY_LABELS: Record<LeakPolicy, string> = {
  disable: "Disable it",
  delete: "Delete it",
  notify: "Only notify",
};

const NO_PERMISSION = "You don't have permission to change workspace settings";

/** The workspace's leak policy (`workspace:manage` to change it; any member may read it). */
export async function getLeakPolicy(actor: Pick<Actor, "workspace">, db = getDb()): Promise<LeakPolicy> {
  const [row] = await db.select({ policy: workspaces.leakPolicy }).from(workspaces).where(eq(workspaces.id, actor.workspace.id));
  return row?.policy ?? "disable";
}

/** Sets what happens to a key of the workspace reported leaked; audited as `workspace.leak_policy`. */
export async function setLeakPolicy(actor: Actor, rawInput: unknown, db = getDb()): Promise<Result<{ policy: LeakPolicy }>> {
  const parsed = leakPolicySchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const { policy } = parsed.data;
  const workspaceId = actor.workspace.id;
  return transact(
    async (tx, keyChanges: KeyChanges) => {
      await requireCurrentPermission(tx, actor, "workspace:manage", NO_PERMISSION);
      const [before] = await tx.select({ policy: workspaces.leakPolicy }).from(workspaces).where(eq(workspaces.id, workspaceId)).for("update");
      if (!before) return refuse(fail("not_found", "This workspace no longer exists"));
      if (before.policy === policy) return { policy };
      await tx.update(workspaces).set({ leakPolicy: policy }).where(eq(workspaces.id, workspaceId));
      await recordAuditEvent(tx, {
        workspaceId,
        actor: auditActorOf(actor),
        action: "workspace.leak_policy",
        targetType: "workspace",
        targetId: workspaceId,
        targetName: actor.workspace.name,
        details: { leakPolicy: { from: LEAK_POLICY_LABELS[before.policy], to: LEAK_POLICY_LABELS[policy] } },
      });
      // Cached key records carry the workspace, its policy included.
      await keyChanges.add({ workspaceId });
      return { policy };
    },
    { db },
  );
}
