import { and, arrayContains, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { randomBase62 } from "@/lib/crypto/random";
import type { KeyEvent } from "@/lib/keys/events";
import type { WebhookEventType } from "@/lib/validations/webhooks";

export const newDeliveryId = () => `msg_${randomBase62(24)}`;

/** The body of every webhook (SPEC §12): `{"type","timestamp","data"}`, never a secret. */
export function webhookBody(type: WebhookEventType, timestamp: Date, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp: timestamp.toISOString(), data });
}

/** One outbox row per endpoint, due at once; sent by whichever instance's dispatcher claims it. */
export async function enqueueDeliveries(
  tx: Executor,
  workspaceId: string,
  endpointIds: readonly string[],
  type: WebhookEventType,
  payload: string,
  now: Date,
): Promise<string[]> {
  if (endpointIds.length === 0) return [];
  const rows = endpointIds.map((endpointId) => ({
    id: newDeliveryId(),
    workspaceId,
    endpointId,
    eventType: type,
    payload,
    nextAttemptAt: now,
    createdAt: now,
  }));
  await tx.insert(webhookDeliveries).values(rows);
  return rows.map((r) => r.id);
}

/**
 * The webhook side of `recordKeyEvent`, in the same transaction: one outbox row for each
 * enabled endpoint of the workspace subscribed to the event. The owner key is never told about:
 * endpoints belong to `workspace:manage` holders, to whom that key does not exist (SPEC §2).
 */
export async function enqueueKeyEvent(tx: Executor, event: KeyEvent, now = new Date()): Promise<string[]> {
  const { type } = event;
  // Audit-only events (e.g. a previous secret's grace ending) send nothing.
  if (event.key.isOwnerKey || type === undefined) return [];
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.workspaceId, event.workspaceId),
        eq(webhookEndpoints.enabled, true),
        arrayContains(webhookEndpoints.events, [type]),
      ),
    );
  if (endpoints.length === 0) return [];
  const [creator] = await tx
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, event.key.createdByUserId));
  const { key } = event;
  const data = {
    ...event.data,
    key: {
      id: key.id,
      name: key.name,
      hint: key.hint,
      createdBy: { userId: key.createdByUserId, name: creator?.name ?? null, email: creator?.email ?? null },
      expiresAt: key.expiresAt?.toISOString() ?? null,
    },
  };
  return enqueueDeliveries(tx, event.workspaceId, endpoints.map((e) => e.id), type, webhookBody(type, now, data), now);
}
