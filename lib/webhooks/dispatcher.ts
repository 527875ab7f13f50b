import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { Executor } from "@/db/client";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { decryptSecret } from "@/lib/crypto/aes";
import { log } from "@/lib/log";
import { webhookSecretContext } from "./secret";
import { createSender, type Sender } from "./send";
import { checkWebhookTarget, type Resolver } from "./ssrf";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** SPEC §12: after a failed attempt, the next one this much later; after the last, the delivery has failed. */
export const RETRY_SCHEDULE_MS: readonly number[] = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
/** An endpoint whose deliveries have failed without a success for this long is disabled. */
export const DISABLE_AFTER_MS = 5 * 24 * HOUR;
/** A claimed attempt not finished by then (its instance died) is due again. */
export const CLAIM_LEASE_MS = 60 * SECOND;

export type DispatcherOptions = {
  db: () => Executor;
  now?: () => Date;
  schedule?: readonly number[];
  disableAfterMs?: number;
  leaseMs?: number;
  /** How often the queue is looked at (WEBHOOK_POLL_MS, default 1000). */
  pollMs?: number;
  batch?: number;
  send?: Sender;
  resolve?: Resolver;
  allowPrivate?: boolean;
  /** Only this workspace's deliveries (tests that share one database). */
  workspaceId?: string;
};

type Claimed = { id: string; endpointId: string; workspaceId: string; payload: string; attempts: number };

/**
 * Sends the outbox. Each instance runs one; a due attempt is claimed (FOR UPDATE SKIP LOCKED,
 * then a lease) by exactly one of them, sent, and its outcome written with the attempt log.
 * `stop()` claims nothing more and waits for the attempts in flight (each ends within 10 s);
 * an instance that dies instead leaves its claims to expire, and they are sent again.
 */
export class WebhookDispatcher {
  private readonly now: () => Date;
  private readonly schedule: readonly number[];
  private readonly send: Sender;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly options: DispatcherOptions) {
    this.now = options.now ?? (() => new Date());
    this.schedule = options.schedule ?? RETRY_SCHEDULE_MS;
    this.send = options.send ?? createSender();
  }

  start(): void {
    const pollMs = this.options.pollMs ?? 1000;
    const tick = () => {
      if (this.stopped) return;
      void this.runOnce()
        .catch((err: unknown) => log("warn", "webhook dispatch failed", { err }))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, pollMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Claims the attempts due now and sends them; resolves when all of them are recorded. Returns how many. */
  async runOnce(): Promise<number> {
    if (this.stopped) return 0;
    if (this.running) return this.running;
    this.running = (async () => {
      const claimed = await this.claim();
      await Promise.all(claimed.map((d) => this.track(this.attempt(d))));
      return claimed.length;
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** No more claims; the attempts in flight finish and are recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  private track(p: Promise<void>): Promise<void> {
    this.inFlight.add(p);
    return p.finally(() => this.inFlight.delete(p));
  }

  private async claim(): Promise<Claimed[]> {
    const now = this.now();
    const leaseEnd = new Date(now.getTime() + (this.options.leaseMs ?? CLAIM_LEASE_MS));
    const batch = this.options.batch ?? 20;
    const rows = await this.options.db().execute(sql`
      update ${webhookDeliveries} set claimed_until = ${leaseEnd.toISOString()}::timestamptz
      where id in (
        select d.id from ${webhookDeliveries} d
        join ${webhookEndpoints} e on e.id = d.endpoint_id and e.enabled
        where d.status = 'pending' ${this.options.workspaceId ? sql`and d.workspace_id = ${this.options.workspaceId}` : sql``}
          and d.next_attempt_at <= ${now.toISOString()}::timestamptz
          and (d.claimed_until is null or d.claimed_until <= ${now.toISOString()}::timestamptz)
        order by d.next_attempt_at
        limit ${batch}
        for update of d skip locked
      )
      returning id, endpoint_id, workspace_id, payload, attempts`);
    return rowsOf<{ id: string; endpoint_id: string; workspace_id: string; payload: string; attempts: number }>(rows).map((r) => ({ id: r.id, endpointId: r.endpoint_id, workspaceId: r.workspace_id, payload: r.payload, attempts: Number(r.attempts) }));
  }

  private async attempt(delivery: Claimed): Promise<void> {
    const db = this.options.db();
    const [endpoint] = await db
      .select({ url: webhookEndpoints.url, secretCiphertext: webhookEndpoints.secretCiphertext })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, delivery.endpointId));
    if (!endpoint) return;
    const startedAt = this.now();
    const started = performance.now();
    // Checked again at send time: the name may resolve elsewhere than when it was saved.
    const check = await checkWebhookTarget(endpoint.url, {
      ...(this.options.allowPrivate === undefined ? {} : { allowPrivate: this.options.allowPrivate }),
      ...(this.options.resolve ? { resolve: this.options.resolve } : {}),
    });
    let result: { status: number | null; error: string | null };
    if (!check.ok) result = { status: null, error: `Refused: ${check.message}` };
    else {
      const secret = decryptSecret(endpoint.secretCiphertext, webhookSecretContext(delivery.endpointId));
      const headers = {
        "webhook-id": delivery.id,
        "webhook-timestamp": String(Math.floor(startedAt.getTime() / 1000)),
        "webhook-signature": new Webhook(secret).sign(delivery.id, startedAt, delivery.payload),
      };
      result = await this.send(check.target, headers, delivery.payload);
    }
    const durationMs = Math.max(0, Math.round(performance.now() - started));
    await this.record(delivery, startedAt, durationMs, result);
  }

  private async record(delivery: Claimed, startedAt: Date, durationMs: number, result: { status: number | null; error: string | null }) {
    const delivered = result.status !== null && result.status >= 200 && result.status < 300;
    const attempt = delivery.attempts + 1;
    const now = this.now();
    const wait = this.schedule[attempt - 1];
    await this.options.db().transaction(async (tx) => {
      const updated = await tx
        .update(webhookDeliveries)
        .set({
          attempts: attempt,
          status: delivered ? "delivered" : wait === undefined ? "failed" : "pending",
          nextAttemptAt: delivered || wait === undefined ? null : new Date(now.getTime() + wait),
          claimedUntil: null,
          lastAttemptAt: startedAt,
          lastHttpStatus: result.status,
          lastDurationMs: durationMs,
          lastError: delivered ? null : result.error,
        })
        .where(eq(webhookDeliveries.id, delivery.id))
        .returning({ id: webhookDeliveries.id });
      // The endpoint was deleted while this attempt was in flight: nothing left to record.
      if (updated.length === 0) return;
      await tx.insert(webhookAttempts).values({
        deliveryId: delivery.id,
        attempt,
        startedAt,
        durationMs,
        httpStatus: result.status,
        error: delivered ? null : result.error,
      });
      await this.updateEndpointHealth(tx, delivery, delivered, now);
    });
  }

  /** A success clears the failing state; failing without one for 5 days disables the endpoint. */
  private async updateEndpointHealth(tx: Executor, delivery: Claimed, delivered: boolean, now: Date) {
    if (delivered) {
      await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, delivery.endpointId));
      return;
    }
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)` })
      .where(eq(webhookEndpoints.id, delivery.endpointId))
      .returning({ failingSince: webhookEndpoints.failingSince, enabled: webhookEndpoints.enabled, url: webhookEndpoints.url });
    if (!endpoint?.failingSince || !endpoint.enabled) return;
    if (now.getTime() - endpoint.failingSince.getTime() < (this.options.disableAfterMs ?? DISABLE_AFTER_MS)) return;
    const disabled = await tx
      .update(webhookEndpoints)
      .set({ enabled: false, updatedAt: now })
      .where(and(eq(webhookEndpoints.id, delivery.endpointId), eq(webhookEndpoints.enabled, true)))
      .returning({ id: webhookEndpoints.id });
    if (disabled.length === 0) return;
    await recordAuditEvent(tx, {
      workspaceId: delivery.workspaceId,
      actor: { userId: null, name: "Keyward" },
      action: "webhook.disable",
      targetType: "webhook",
      targetId: delivery.endpointId,
      targetName: endpoint.url,
      details: { reason: "Deliveries failed for 5 days", failingSince: endpoint.failingSince.toISOString() },
    });
    log("warn", "webhook endpoint disabled after failing for 5 days", { endpointId: delivery.endpointId });
  }
}

/** postgres.js answers an array; PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
