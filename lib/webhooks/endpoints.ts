import { randomUUID } from "node:crypto";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { webhookAttempts, webhookDeliveries, webhookEndpoints, workspaces, type WebhookEndpoint } from "@/db/schema";
import { auditActorOf, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record";
import { decryptSecret, encryptSecret } from "@/lib/crypto/aes";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import {
  createWebhookSchema,
  revealWebhookSecretSchema,
  updateWebhookSchema,
  WEBHOOK_ENDPOINTS_MAX,
  type WebhookEventType,
} from "@/lib/validations/webhooks";
import { enqueueDeliveries, webhookBody } from "./outbox";
import { generateWebhookSecret, webhookSecretContext, webhookSecretHint } from "./secret";
import { checkWebhookTarget, type Resolver } from "./ssrf";

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  /** `whsec_` + its first 4 characters + "…"; the secret itself only through reveal. */
  secretHint: string;
  /** Since when deliveries have failed without a success; null while they succeed. */
  failingSince: string | null;
  createdAt: string;
};

export type WebhookDeliveryView = {
  id: string;
  event: string;
  createdAt: string;
  status: "pending" | "delivered" | "failed";
  /** Attempts made so far. */
  attempt: number;
  lastAttemptAt: string | null;
  httpStatus: number | null;
  durationMs: number | null;
  error: string | null;
  nextAttemptAt: string | null;
};

export const DELIVERY_LOG_SIZE = 100;

const FORBIDDEN = "You don't have permission to manage webhooks";
const NOT_FOUND = "Webhook endpoint not found";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notFound = () => fail("not_found", NOT_FOUND);
const canManage = (actor: Actor) => actor.permissions.has("workspace:manage");

/** For tests: a resolver instead of the system's DNS. */
export type WebhookRuleOptions = { resolve?: Resolver; allowPrivate?: boolean };

export function toEndpointView(row: WebhookEndpoint): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEventType[],
    enabled: row.enabled,
    secretHint: row.secretHint,
    failingSince: row.failingSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function findEndpoint(db: Executor, workspaceId: string, id: string, lock = false) {
  if (!UUID.test(id)) return undefined;
  const query = db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, workspaceId)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

async function checkUrl(url: string, options: WebhookRuleOptions): Promise<Result<null>> {
  const check = await checkWebhookTarget(url, options);
  return check.ok ? ok(null) : fail("invalid_request", `url: ${check.message}`, { url: check.message });
}

/** Runs a change as a current `workspace:manage` holder, one at a time per workspace (the limit). */
function manage<T>(actor: Actor, body: (tx: Executor, me: Actor) => Promise<T>): Promise<Result<T>> {
  if (!canManage(actor)) return Promise.resolve(fail("forbidden", FORBIDDEN));
  return transact(async (tx) => {
    const me = await requireCurrentPermission(tx, actor, "workspace:manage", FORBIDDEN);
    await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, actor.workspace.id)).for("update");
    return body(tx, me);
  });
}

const audit = (tx: Executor, actor: Actor, action: string, endpoint: { id: string; url: string }, details?: Record<string, unknown>) =>
  recordAuditEvent(tx, {
    workspaceId: actor.workspace.id,
    actor: auditActorOf(actor),
    action,
    targetType: "webhook",
    targetId: endpoint.id,
    targetName: endpoint.url,
    ...(details ? { details } : {}),
  });

export async function listWebhookEndpoints(actor: Actor): Promise<Result<{ items: WebhookEndpointView[] }>> {
  if (!canManage(actor)) return fail("forbidden", FORBIDDEN);
  const rows = await getDb()
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workspaceId, actor.workspace.id))
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
  return ok({ items: rows.map(toEndpointView) });
}

export async function getWebhookEndpoint(actor: Actor, id: string): Promise<Result<WebhookEndpointView>> {
  if (!canManage(actor)) return fail("forbidden", FORBIDDEN);
  const row = await findEndpoint(getDb(), actor.workspace.id, id);
  return row ? ok(toEndpointView(row)) : notFound();
}

/** Adds an endpoint with a new signing secret, which the answer holds (once; "Reveal" shows it later). */
export async function createWebhookEndpoint(
  actor: Actor,
  input: unknown,
  options: WebhookRuleOptions = {},
): Promise<Result<{ endpoint: WebhookEndpointView; secret: string }>> {
  const parsed = createWebhookSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  if (!canManage(actor)) return fail("forbidden", FORBIDDEN);
  const url = await checkUrl(parsed.data.url, options);
  if (!url.ok) return url;
  const { description, events } = parsed.data;
  return manage(actor, async (tx, me) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.workspaceId, me.workspace.id));
    if (n >= WEBHOOK_ENDPOINTS_MAX) {
      refuse(fail("limit_reached", `A workspace can have at most ${WEBHOOK_ENDPOINTS_MAX} webhook endpoints. Delete one first.`));
    }
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        id,
        workspaceId: me.workspace.id,
        url: parsed.data.url,
        description,
        events,
        secretCiphertext: encryptSecret(secret, webhookSecretContext(id)),
        secretHint: webhookSecretHint(secret),
      })
      .returning();
    await audit(tx, me, "webhook.create", row!, { events, description });
    return { endpoint: toEndpointView(row!), secret };
  });
}

export async function updateWebhookEndpoint(
  actor: Actor,
  id: string,
  input: unknown,
  options: WebhookRuleOptions = {},
): Promise<Result<WebhookEndpointView>> {
  const parsed = updateWebhookSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  if (!canManage(actor)) return fail("forbidden", FORBIDDEN);
  const change = parsed.data;
  if (change.url !== undefined) {
    const url = await checkUrl(change.url, options);
    if (!url.ok) return url;
  }
  return manage(actor, async (tx, me) => {
    const before = (await findEndpoint(tx, me.workspace.id, id, true)) ?? refuse(notFound());
    const set = {
      ...(change.url !== undefined ? { url: change.url } : {}),
      ...(change.description !== undefined ? { description: change.description } : {}),
      ...(change.events !== undefined ? { events: change.events } : {}),
      ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
      // Switched on again: its failing period starts over.
      ...(change.enabled === true && !before.enabled ? { failingSince: null } : {}),
      updatedAt: new Date(),
    };
    const [row] = await tx.update(webhookEndpoints).set(set).where(eq(webhookEndpoints.id, before.id)).returning();
    const details: Record<string, unknown> = {};
    for (const field of ["url", "description", "events", "enabled"] as const) {
      if (change[field] !== undefined && JSON.stringify(change[field]) !== JSON.stringify(before[field])) {
        details[field] = { from: before[field], to: change[field] };
      }
    }
    if (Object.keys(details).length) await audit(tx, me, change.enabled === false ? "webhook.disable" : change.enabled === true ? "webhook.enable" : "webhook.update", row!, details);
    return toEndpointView(row!);
  });
}

export async function deleteWebhookEndpoint(actor: Actor, id: string): Promise<Result<{ id: string; deleted: true }>> {
  return manage(actor, async (tx, me) => {
    const row = (await findEndpoint(tx, me.workspace.id, id, true)) ?? refuse(notFound());
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row.id));
    await audit(tx, me, "webhook.delete", row);
    return { id: row.id, deleted: true as const };
  });
}

/** The signing secret for "Reveal" or "Copy"; each one is an audit event. */
export async function revealWebhookSecret(actor: Actor, id: string, purpose: unknown): Promise<Result<{ secret: string }>> {
  const parsed = revealWebhookSecretSchema.safeParse({ purpose });
  if (!parsed.success) return invalidInput(parsed.error.issues);
  return manage(actor, async (tx, me) => {
    const row = (await findEndpoint(tx, me.workspace.id, id)) ?? refuse(notFound());
    const secret = decryptSecret(row.secretCiphertext, webhookSecretContext(row.id));
    await audit(tx, me, parsed.data.purpose === "reveal" ? "webhook.reveal_secret" : "webhook.copy_secret", row, { hint: row.secretHint });
    return { secret };
  });
}

/** A new signing secret; the old one stops signing at once. */
export async function rotateWebhookSecret(actor: Actor, id: string): Promise<Result<WebhookEndpointView>> {
  return manage(actor, async (tx, me) => {
    const before = (await findEndpoint(tx, me.workspace.id, id, true)) ?? refuse(notFound());
    const secret = generateWebhookSecret();
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secretCiphertext: encryptSecret(secret, webhookSecretContext(before.id)), secretHint: webhookSecretHint(secret), updatedAt: new Date() })
      .where(eq(webhookEndpoints.id, before.id))
      .returning();
    await audit(tx, me, "webhook.rotate_secret", row!, { hint: row!.secretHint, previousHint: before.secretHint });
    return toEndpointView(row!);
  });
}

/** "Send test event": a `webhook.test` delivery to this endpoint only, whatever it subscribes to. */
export async function sendWebhookTestEvent(actor: Actor, id: string): Promise<Result<{ deliveryId: string }>> {
  return manage(actor, async (tx, me) => {
    const row = (await findEndpoint(tx, me.workspace.id, id)) ?? refuse(notFound());
    const now = new Date();
    const body = webhookBody("webhook.test", now, {
      webhook: { id: row.id, url: row.url },
      workspace: { id: me.workspace.id, slug: me.workspace.slug, name: me.workspace.name },
      message: "This is a test event from Keyward.",
    });
    const [deliveryId] = await enqueueDeliveries(tx, me.workspace.id, [row.id], "webhook.test", body, now);
    return { deliveryId: deliveryId! };
  });
}

/** "Retry": the delivery is due again now, for one more attempt (also after it has failed). */
export async function retryWebhookDelivery(actor: Actor, id: string, deliveryId: string): Promise<Result<{ id: string }>> {
  return manage(actor, async (tx, me) => {
    const row = (await findEndpoint(tx, me.workspace.id, id)) ?? refuse(notFound());
    const updated = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: new Date(), claimedUntil: null })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, row.id), eq(webhookDeliveries.workspaceId, me.workspace.id)))
      .returning({ id: webhookDeliveries.id });
    if (updated.length === 0) refuse(fail("not_found", "Delivery not found"));
    return { id: deliveryId };
  });
}

/** The last 100 deliveries of an endpoint, newest first, with their last attempt. */
export async function listWebhookDeliveries(actor: Actor, id: string): Promise<Result<{ items: WebhookDeliveryView[] }>> {
  if (!canManage(actor)) return fail("forbidden", FORBIDDEN);
  const db = getDb();
  const endpoint = await findEndpoint(db, actor.workspace.id, id);
  if (!endpoint) return notFound();
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.workspaceId, actor.workspace.id)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(DELIVERY_LOG_SIZE);
  return ok({
    items: rows.map((r) => ({
      id: r.id,
      event: r.eventType,
      createdAt: r.createdAt.toISOString(),
      status: r.status as WebhookDeliveryView["status"],
      attempt: r.attempts,
      lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
      httpStatus: r.lastHttpStatus,
      durationMs: r.lastDurationMs,
      error: r.lastError,
      nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
    })),
  });
}

/** Every attempt of these deliveries (the full log, for tests and support). */
export async function attemptsOf(db: Executor, deliveryIds: readonly string[]) {
  if (deliveryIds.length === 0) return [];
  return db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, deliveryIds)).orderBy(webhookAttempts.id);
}

/** What Settings → "Webhooks" shows: every endpoint with its delivery log; null without workspace:manage. */
export async function loadWebhookSection(actor: Actor): Promise<{ endpoint: WebhookEndpointView; deliveries: WebhookDeliveryView[] }[] | null> {
  const endpoints = await listWebhookEndpoints(actor);
  if (!endpoints.ok) return null;
  return Promise.all(
    endpoints.data.items.map(async (endpoint) => {
      const log = await listWebhookDeliveries(actor, endpoint.id);
      return { endpoint, deliveries: log.ok ? log.data.items : [] };
    }),
  );
}
