import type { Executor } from "@/db/client";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record";
import { enqueueKeyEvent } from "@/lib/webhooks/outbox";

/** The key events of SPEC §12, as webhooks name them. */
export const KEY_EVENT_TYPES = [
  "api_key.created",
  "api_key.updated",
  "api_key.rolled",
  "api_key.disabled",
  "api_key.enabled",
  "api_key.deleted",
  "api_key.expiring",
  "api_key.expired",
  "api_key.leaked",
  "api_key.decoy_used",
  "api_key.rate_limited",
] as const;
export type KeyEventType = (typeof KEY_EVENT_TYPES)[number];

/** The key an event is about, as `data.key` of a webhook describes it (never its secret). */
export type KeyEventSubject = {
  id: string;
  name: string;
  hint: string;
  isOwnerKey: boolean;
  createdByUserId: string;
  expiresAt: Date | null;
};

export type KeyEvent = {
  workspaceId: string;
  key: KeyEventSubject;
  /**
   * The webhook event type; `data` adds to `data.key` (e.g. `gracePeriod`, `daysLeft`). Left out
   * for an audit-only event (e.g. `api_key.previous_secret_expired`, which no webhook names).
   */
  type?: KeyEventType;
  data?: Record<string, unknown>;
  /** The audit event, when the change is audited: who did it, its action, and what changed. */
  audit?: { actor: AuditActor; action: string; details?: Record<string, unknown>; at?: Date };
};

/**
 * The one place a change to a key is recorded, inside the transaction that makes it: its audit
 * event, and the webhook outbox rows (SPEC §12; never for the owner key, which nobody but the
 * Owner may know exists). Every key event of lib/keys goes through here.
 */
export async function recordKeyEvent(tx: Executor, event: KeyEvent): Promise<void> {
  const { key, audit } = event;
  if (audit) {
    await recordAuditEvent(tx, {
      workspaceId: event.workspaceId,
      actor: audit.actor,
      action: audit.action,
      targetType: "api_key",
      targetId: key.id,
      targetName: key.name,
      ownerOnly: key.isOwnerKey,
      ...(audit.details ? { details: audit.details } : {}),
      ...(audit.at ? { at: audit.at } : {}),
    });
  }
  await enqueueKeyEvent(tx, event);
}
