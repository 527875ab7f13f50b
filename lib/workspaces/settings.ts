import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, workspaces } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { auditActorOf, type Actor } from "@/lib/auth/actor";
import { fail, invalidInput, type Result } from "@/lib/result";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import { renameWorkspaceSchema, showSecretsOnceSchema } from "@/lib/validations/settings";

const NO_PERMISSION = "You don't have permission to change workspace settings";

/** Renames the workspace (`workspace:manage`); the slug, and so its URLs, stay. */
export async function renameWorkspace(actor: Actor, rawInput: unknown, db = getDb()): Promise<Result<{ name: string }>> {
  const parsed = renameWorkspaceSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  const workspaceId = actor.workspace.id;
  return transact(async (tx) => {
    await requireCurrentPermission(tx, actor, "workspace:manage", NO_PERMISSION);
    const [before] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId)).for("update");
    if (!before) return refuse(fail("not_found", "This workspace no longer exists"));
    if (before.name === input.name) return { name: input.name };
    await tx.update(workspaces).set({ name: input.name }).where(eq(workspaces.id, workspaceId));
    await recordAuditEvent(tx, {
      workspaceId,
      actor: auditActorOf(actor),
      action: "workspace.rename",
      targetType: "workspace",
      targetId: workspaceId,
      targetName: input.name,
      details: { from: before.name, to: input.name },
    });
    return { name: input.name };
  }, { db });
}

/**
 * Turns "Show secrets only once" on or off (`workspace:manage`). On deletes the stored
 * (encrypted) secret of every key of the workspace, the owner key's too: nobody can reveal or
 * copy them again, and the keys keep working. Off applies to keys created from then on.
 */
export async function setShowSecretsOnce(
  actor: Actor,
  rawInput: unknown,
  db = getDb(),
): Promise<Result<{ enabled: boolean }>> {
  const parsed = showSecretsOnceSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  // No count of deleted secrets: it would tell a non-Owner that the owner key exists.
  const workspaceId = actor.workspace.id;
  return transact(async (tx) => {
    await requireCurrentPermission(tx, actor, "workspace:manage", NO_PERMISSION);
    // The row lock orders this against key creation reading the setting in its transaction.
    const [before] = await tx
      .select({ showSecretsOnce: workspaces.showSecretsOnce })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId))
      .for("update");
    if (!before) return refuse(fail("not_found", "This workspace no longer exists"));
    let deletedSecrets = 0;
    if (input.enabled) {
      // Also when already on: a key created concurrently with an older setting loses its copy too.
      const cleared = await tx
        .update(apiKeys)
        .set({ secretCiphertext: null })
        .where(and(eq(apiKeys.workspaceId, workspaceId), isNotNull(apiKeys.secretCiphertext)))
        .returning({ id: apiKeys.id });
      deletedSecrets = cleared.length;
    }
    if (before.showSecretsOnce === input.enabled && deletedSecrets === 0) return { enabled: input.enabled };
    await tx.update(workspaces).set({ showSecretsOnce: input.enabled }).where(eq(workspaces.id, workspaceId));
    await recordAuditEvent(tx, {
      workspaceId,
      actor: auditActorOf(actor),
      action: "workspace.update_settings",
      targetType: "workspace",
      targetId: workspaceId,
      targetName: actor.workspace.name,
      details: input.enabled
        ? { showSecretsOnce: { from: before.showSecretsOnce, to: true }, storedSecretsDeleted: true }
        : { showSecretsOnce: { from: before.showSecretsOnce, to: false } },
    });
    return { enabled: input.enabled };
  }, { db });
}
