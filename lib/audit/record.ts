import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type AuditActor = {
  userId: string | null;
  /** Set when the action came through the Open API with this key. */
  keyId?: string | null;
  name: string;
  ip?: string | null;
  /** The owner key itself acted: readers other than the Owner see the Owner instead (SPEC §2). */
  ownerKey?: boolean;
};

/** The mark in `details` of an event the owner key performed; read views strip it. */
export const OWNER_KEY_ACTOR = "_ownerKeyActor";

export type AuditEventInput = {
  workspaceId: string;
  actor: AuditActor;
  /** Dotted verb, e.g. "api_key.create", "api_key.reveal", "member.remove". */
  action: string;
  targetType: "api_key" | "member" | "role" | "workspace" | "shared_secret" | "webhook";
  targetId?: string | null;
  targetName?: string | null;
  /** Events about the owner key: shown to the Owner only. */
  ownerOnly?: boolean;
  /** What changed. Never a secret. */
  details?: Record<string, unknown>;
  /** When it happened, for events recorded after the fact (seeded data); default: now. */
  at?: Date;
};

/** Writes one audit event, inside the caller's transaction when given one. */
export async function recordAuditEvent(db: Executor, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values({
    workspaceId: event.workspaceId,
    actorUserId: event.actor.userId,
    actorKeyId: event.actor.keyId ?? null,
    actorName: event.actor.name,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    targetName: event.targetName ?? null,
    ownerOnly: event.ownerOnly ?? false,
    details: event.actor.ownerKey ? { ...event.details, [OWNER_KEY_ACTOR]: true } : (event.details ?? {}),
    ip: event.actor.ip ?? null,
    // The moment of writing, not the transaction's start (now()): a change that waited for a
    // lock behind another is recorded after it, so the log's order is the order things happened.
    createdAt: event.at ?? sql`clock_timestamp()`,
  });
}
