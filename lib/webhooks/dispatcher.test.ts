import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { auditEvents, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { createTestKey, createTestWorkspace, mustOk, actorOf, withTestDatabase } from "@/lib/testing";
import { recordKeyEvent } from "@/lib/keys/events";
import { deleteApiKey } from "@/lib/keys/rules";
import { fail } from "@/lib/result";
import { refuse, transact } from "@/lib/transact";
import { DISABLE_AFTER_MS, RETRY_SCHEDULE_MS, WebhookDispatcher, type DispatcherOptions } from "./dispatcher";
import { attemptsOf, createWebhookEndpoint, listWebhookDeliveries, retryWebhookDelivery, revealWebhookSecret, sendWebhookTestEvent } from "./endpoints";
import { createSender } from "./send";
import { manualClock, startReceiver } from "./testing";

const handle = withTestDatabase();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(status?: Parameters<typeof startReceiver>[0], events = ["api_key.created", "api_key.deleted"]) {
  const receiver = await startReceiver(status);
  cleanups.push(receiver.close);
  const ws = await createTestWorkspace("small");
  const ownerMember = await ws.addMember(["owner"], "Olive");
  const owner = actorOf(ownerMember, "Olive");
  const admin = await ws.addMember(["administrator"], "Adam");
  const created = mustOk(await createWebhookEndpoint(owner, { url: receiver.url, events }, { allowPrivate: true }));
  const dispatcher = (options: Partial<DispatcherOptions> = {}) =>
    new WebhookDispatcher({ db: () => handle().db, allowPrivate: true, workspaceId: ws.id, ...options });
  return { receiver, ws, owner, ownerMember, admin, endpoint: created.endpoint, secret: created.secret, dispatcher };
}

const deliveriesOf = (endpointId: string) =>
  handle().db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(webhookDeliveries.createdAt);

describe("webhook delivery", () => {
  it("sends each key event signed as Standard Webhooks says, verified by the standardwebhooks library", async () => {
    const { receiver, ws, admin, secret, dispatcher, owner, endpoint } = await setup();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(24);
    expect(mustOk(await revealWebhookSecret(owner, endpoint.id, "reveal")).secret).toBe(secret);
    const key = await createTestKey(ws, admin, ["read_only"], { name: "ci deploy" });
    expect(await dispatcher().runOnce()).toBe(1);

    expect(receiver.received).toHaveLength(1);
    const [hook] = receiver.received;
    const headers = { "webhook-id": String(hook!.headers["webhook-id"]), "webhook-timestamp": String(hook!.headers["webhook-timestamp"]), "webhook-signature": String(hook!.headers["webhook-signature"]) };
    expect(headers["webhook-id"]).toMatch(/^msg_[0-9A-Za-z]{24}$/);
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const verified = new Webhook(secret).verify(hook!.body, headers) as { type: string; timestamp: string; data: { key: Record<string, unknown> } };
    expect(verified.type).toBe("api_key.created");
    expect(Object.keys(verified)).toEqual(["type", "timestamp", "data"]);
    expect(verified.data.key).toMatchObject({ id: key.id, name: "ci deploy", hint: expect.stringMatching(/^ak_.{4}….{4}$/), expiresAt: null });
    expect(verified.data.key.createdBy).toMatchObject({ userId: admin.userId });
    // Never a secret in it: not the key's, not the endpoint's.
    expect(hook!.body).not.toContain(key.secret);
    expect(hook!.body).not.toContain(secret.slice(6));
    // A tampered body or another secret fails verification.
    expect(() => new Webhook(secret).verify(hook!.body.replace("ci deploy", "ci deplox"), headers)).toThrow();
    expect(() => new Webhook("whsec_" + Buffer.alloc(24, 1).toString("base64")).verify(hook!.body, headers)).toThrow();

    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastHttpStatus: 200 });
    const log = mustOk(await listWebhookDeliveries(owner, endpoint.id)).items;
    expect(log[0]).toMatchObject({ event: "api_key.created", status: "delivered", attempt: 1, httpStatus: 200 });
    expect(log[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("writes the outbox in the change's transaction: a refused change sends nothing, and the owner key's events never", async () => {
    const { receiver, ws, ownerMember, owner, dispatcher, endpoint } = await setup();
    // The Owner's owner key: created and deleted, and no endpoint hears of it.
    const ownerKey = await createTestKey(ws, ownerMember, ["owner"]);
    mustOk(await deleteApiKey(owner, ownerKey.id));
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
    // A key deleted: one event; deleting it again is refused and adds none.
    const key = await createTestKey(ws, ownerMember, ["read_only"]);
    mustOk(await deleteApiKey(owner, key.id));
    expect((await deleteApiKey(owner, key.id)).ok).toBe(false);
    expect((await deliveriesOf(endpoint.id)).map((d) => d.eventType)).toEqual(["api_key.created", "api_key.deleted"]);
    await dispatcher().runOnce();
    expect(receiver.received.map((r) => JSON.parse(r.body).type).sort()).toEqual(["api_key.created", "api_key.deleted"]);
  });

  it("rolls the outbox row back with a transaction that fails after recording the event", async () => {
    const { ws, admin, endpoint } = await setup();
    const result = await transact(async (tx) => {
      await recordKeyEvent(tx, {
        workspaceId: ws.id,
        type: "api_key.created",
        key: { id: "key_0123456789abcdef", name: "ghost", hint: "ak_abcd…wxyz", isOwnerKey: false, createdByUserId: admin.userId, expiresAt: null },
      });
      expect(await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).toHaveLength(1);
      return refuse(fail("conflict", "changed my mind"));
    });
    expect(result.ok).toBe(false);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
  });

  it("sends only the events an endpoint subscribes to, and nothing to a disabled endpoint", async () => {
    const { ws, admin, endpoint } = await setup(undefined, ["api_key.deleted"]);
    await createTestKey(ws, admin);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
    await handle().db.update(webhookEndpoints).set({ events: ["api_key.created"], enabled: false }).where(eq(webhookEndpoints.id, endpoint.id));
    await createTestKey(ws, admin);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
  });

  it("retries a failing receiver 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h later, then gives up", async () => {
    // The clock starts at the real time: "Retry" below schedules at the real now, which the
    // manual clock (27 h ahead by then) has passed, whatever day the test runs.
    const clock = manualClock(new Date());
    const { receiver, owner, endpoint, dispatcher } = await setup(() => 500);
    mustOk(await sendWebhookTestEvent(owner, endpoint.id));
    await handle().db.update(webhookDeliveries).set({ nextAttemptAt: clock.now() }).where(eq(webhookDeliveries.endpointId, endpoint.id));
    const d = dispatcher({ now: clock.now });
    const gaps: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      expect(await d.runOnce()).toBe(1);
      const [row] = await deliveriesOf(endpoint.id);
      expect(row!.attempts).toBe(attempt);
      if (attempt < 8) {
        expect(row!.status).toBe("pending");
        const gap = row!.nextAttemptAt!.getTime() - clock.now().getTime();
        gaps.push(gap);
        // Not due a moment before its time.
        clock.advance(gap - 1);
        expect(await d.runOnce()).toBe(0);
        clock.advance(1);
      } else {
        expect(row).toMatchObject({ status: "failed", nextAttemptAt: null, lastHttpStatus: 500 });
      }
    }
    expect(gaps).toEqual([...RETRY_SCHEDULE_MS]);
    expect(gaps).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(receiver.received).toHaveLength(8);
    // Each attempt is logged; every one carries the same webhook-id.
    const [row] = await deliveriesOf(endpoint.id);
    expect((await attemptsOf(handle().db, [row!.id])).map((a) => [a.attempt, a.httpStatus])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, 500]));
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([row!.id]));
    // "Retry" gives a failed delivery one more attempt.
    mustOk(await retryWebhookDelivery(owner, endpoint.id, row!.id));
    expect(await d.runOnce()).toBe(1);
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ attempts: 9, status: "failed" });
  });

  it("two dispatchers on one database send each attempt once", async () => {
    const { receiver, owner, endpoint, dispatcher } = await setup();
    for (let i = 0; i < 12; i++) mustOk(await sendWebhookTestEvent(owner, endpoint.id));
    const a = dispatcher({ batch: 3 });
    const b = dispatcher({ batch: 3 });
    const drain = async (d: WebhookDispatcher) => {
      while ((await d.runOnce()) > 0) {
        /* next batch */
      }
    };
    await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
    const ids = receiver.received.map((r) => String(r.headers["webhook-id"]));
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect((await deliveriesOf(endpoint.id)).every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);
  });

  it("loses nothing when an instance dies mid-queue, and lets attempts in flight finish on stop()", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { receiver, ws, admin, endpoint, dispatcher } = await setup();
    for (let i = 0; i < 4; i++) await createTestKey(ws, admin);
    const clock = manualClock(new Date(Date.now() + 1000));
    // Instance A claims everything, then hangs and is never heard of again (killed).
    const hanging = dispatcher({ now: clock.now, send: () => new Promise(() => {}) });
    void hanging.runOnce();
    await expect.poll(async () => (await deliveriesOf(endpoint.id)).filter((d) => d.claimedUntil !== null).length).toBe(4);
    // Instance B does not take them while A's claim lasts, then sends every one.
    const b = dispatcher({ now: clock.now });
    expect(await b.runOnce()).toBe(0);
    clock.advance(61_000);
    expect(await b.runOnce()).toBe(4);
    expect(receiver.received).toHaveLength(4);

    // stop() waits for the attempt under way and records it; nothing more is claimed after.
    const slowSender = createSender();
    const c = dispatcher({ now: clock.now, send: async (...args) => (await gate, slowSender(...args)) });
    await createTestKey(ws, admin);
    clock.advance(1000);
    const run = c.runOnce();
    await expect.poll(async () => (await deliveriesOf(endpoint.id)).filter((d) => d.status === "pending" && d.claimedUntil).length).toBe(1);
    const stopped = c.stop();
    release();
    await Promise.all([stopped, run]);
    expect((await deliveriesOf(endpoint.id)).every((d) => d.status === "delivered")).toBe(true);
    await createTestKey(ws, admin);
    clock.advance(1000);
    expect(await c.runOnce()).toBe(0);
  });

  it("disables an endpoint failing for 5 days, with an audit event", async () => {
    const clock = manualClock();
    const { ws, owner, endpoint, dispatcher } = await setup(() => 503);
    const d = dispatcher({ now: clock.now });
    mustOk(await sendWebhookTestEvent(owner, endpoint.id));
    await handle().db.update(webhookDeliveries).set({ nextAttemptAt: clock.now() }).where(eq(webhookDeliveries.endpointId, endpoint.id));
    await d.runOnce();
    clock.advance(DISABLE_AFTER_MS - 1000);
    mustOk(await sendWebhookTestEvent(owner, endpoint.id));
    await handle().db.update(webhookDeliveries).set({ nextAttemptAt: clock.now() }).where(eq(webhookDeliveries.endpointId, endpoint.id));
    await d.runOnce();
    let [row] = await handle().db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row!.enabled).toBe(true);
    clock.advance(2000);
    await handle().db.update(webhookDeliveries).set({ nextAttemptAt: clock.now() }).where(eq(webhookDeliveries.endpointId, endpoint.id));
    await d.runOnce();
    [row] = await handle().db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row!.enabled).toBe(false);
    const events = await handle().db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, ws.id), eq(auditEvents.action, "webhook.disable")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorName: "Keyward", targetType: "webhook", targetId: endpoint.id });
  });

  it("fails an attempt that is redirected, hangs past the timeout, or now resolves to a private address", async () => {
    let answer: number | null = 302;
    const { receiver, owner, endpoint, dispatcher } = await setup(() => answer);
    mustOk(await sendWebhookTestEvent(owner, endpoint.id));
    await dispatcher().runOnce();
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: "pending", lastHttpStatus: 302, attempts: 1 });
    expect(receiver.received).toHaveLength(1);

    answer = null; // hangs
    const [row] = await deliveriesOf(endpoint.id);
    mustOk(await retryWebhookDelivery(owner, endpoint.id, row!.id));
    const started = Date.now();
    await dispatcher({ send: createSender({ timeoutMs: 300 }) }).runOnce();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ attempts: 2, lastHttpStatus: null, lastError: "No answer within 0 s" });

    // DNS rebinding: saved while public, the name now points at loopback: refused, never sent.
    mustOk(await retryWebhookDelivery(owner, endpoint.id, row!.id));
    const before = receiver.received.length;
    await dispatcher({ allowPrivate: false }).runOnce();
    expect(receiver.received).toHaveLength(before);
    expect((await deliveriesOf(endpoint.id))[0]!.lastError).toMatch(/^Refused: .*private, loopback or link-local/);
  });
});
