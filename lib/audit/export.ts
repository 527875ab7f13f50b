import { getDb, type Executor } from "@/db/client";
import { seesOwnerKey } from "@/lib/keys/policy";
import type { KeyActor } from "@/lib/keys/types";
import { auditActorOf } from "@/lib/auth/actor";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import { auditLogQuerySchema } from "@/lib/validations/audit-log";
import { auditCsvStream } from "./csv";
import { iterateAuditEvents } from "./queries";
import { recordAuditEvent } from "./record";

export type AuditLogExport = { filename: string; csv: ReadableStream<Uint8Array> };

/**
 * The audit log as a CSV stream, with the audit log page's filters (`query`: its `action` and
 * `actor` parameters). The export itself is recorded first, so the file holds its own event.
 */
export async function exportAuditLog(actor: KeyActor, query: unknown, db: Executor = getDb()): Promise<Result<AuditLogExport>> {
  if (!actor.permissions.has("audit:read")) return fail("forbidden", "You don't have permission to read the audit log.");
  const parsed = auditLogQuerySchema.safeParse(query);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const { workspace } = actor;
  const { action, actor: actorUserId } = parsed.data;
  await recordAuditEvent(db, {
    workspaceId: workspace.id,
    actor: auditActorOf(actor),
    action: "audit_log.export",
    targetType: "workspace",
    targetId: workspace.id,
    targetName: workspace.name,
    details: { action: action ?? null, actor: actorUserId ?? null },
  });
  const filter = { workspaceId: workspace.id, includeOwnerOnly: seesOwnerKey(actor), action, actorUserId };
  const date = new Date().toISOString().slice(0, 10);
  return ok({ filename: `audit-log-${workspace.slug}-${date}.csv`, csv: auditCsvStream(iterateAuditEvents(filter, { db })) });
}
