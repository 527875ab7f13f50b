import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { webhookDeliveries } from "@/db/schema";
import { modifyApiKey } from "@/lib/keys/rules";
import { actorOf, createTestWorkspace, insertTestKey, mustOk, setKeyExpiry, withTestDatabase } from "@/lib/testing";
import { createWebhookEndpoint } from "./endpoints";
import { checkExpiringKeys, thresholdFor } from "./expiry";

const handle = withTestDatabase();
const DAY = 86_400_000;
const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY);

async function setup() {
  const ws = await createTestWorkspace("small");
  const ownerMember = await ws.addMember(["owner"]);
  const owner = actorOf(ownerMember, "Olive");
  const { endpoint } = mustOk(await createWebhookEndpoint(owner, { url: "https://93.184.215.14/h", events: ["api_key.expiring", "api_key.expired"] }));
  const sent = async () =>
    (await handle().db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)).orderBy(webhookDeliveries.createdAt)).map((d) => {
      const body = JSON.parse(d.payload) as { type: string; data: { daysLeft?: number; key: { id: string } } };
      return [body.type, body.data.key.id, body.data.daysLeft ?? null];
    });
  return { ws, ownerMember, owner, sent };
}

describe("expiry warnings", () => {
  it("picks the nearest threshold the key is inside", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(thresholdFor(at(now, 20), now)).toBeNull();
    expect(thresholdFor(at(now, 14), now)).toBe(14);
    expect(thresholdFor(at(now, 10), now)).toBe(14);
    expect(thresholdFor(at(now, 5), now)).toBe(7);
    expect(thresholdFor(at(now, 0.5), now)).toBe(1);
    expect(thresholdFor(now, now)).toBe(0);
  });

  it("sends 14, 7 and 1 days before, and expired, once each across two checkers; never for the owner key", async () => {
    const { ws, ownerMember, sent } = await setup();
    const start = new Date();
    const expiresAt = at(start, 20);
    const key = await insertTestKey(ws, ownerMember, { expiresAt });
    await insertTestKey(ws, ownerMember, { expiresAt, owner: true });
    const checkTwice = async (now: Date) => {
      const [a, b] = await Promise.all([checkExpiringKeys(handle().db, now), checkExpiringKeys(handle().db, now)]);
      return a + b;
    };
    expect(await checkTwice(at(start, 1))).toBe(0);
    expect(await checkTwice(at(start, 6.5))).toBe(1); // 13.5 days left
    expect(await checkTwice(at(start, 7))).toBe(0);
    expect(await checkTwice(at(start, 13.5))).toBe(1); // 6.5 days left
    expect(await checkTwice(at(start, 19.25))).toBe(1); // 0.75 days left
    expect(await checkTwice(at(start, 19.5))).toBe(0);
    expect(await checkTwice(at(start, 20.01))).toBe(1);
    expect(await checkTwice(at(start, 21))).toBe(0);
    expect(await sent()).toEqual([
      ["api_key.expiring", key.id, 13],
      ["api_key.expiring", key.id, 6],
      ["api_key.expiring", key.id, 0],
      ["api_key.expired", key.id, null],
    ]);
  });

  it("gives a key created inside a threshold only the nearest one, and a later expiry starts over", async () => {
    const { ws, ownerMember, owner, sent } = await setup();
    const now = new Date();
    const key = await insertTestKey(ws, ownerMember, { expiresAt: at(now, 5) });
    expect(await checkExpiringKeys(handle().db, at(now, 0.001))).toBe(1);
    expect(await checkExpiringKeys(handle().db, at(now, 0.002))).toBe(0);
    expect(await sent()).toEqual([["api_key.expiring", key.id, 4]]);
    // Modified to a later expiry: eligible again, through the key rules.
    mustOk(await modifyApiKey(owner, key.id, { expiresAt: at(now, 10).toISOString() }));
    expect(await checkExpiringKeys(handle().db, at(now, 0.003))).toBe(1);
    expect((await sent()).filter(([type]) => type === "api_key.expiring").at(-1)).toEqual(["api_key.expiring", key.id, 9]);
    // Expiry removed (Permanent): nothing more.
    await setKeyExpiry(key.id, null);
    expect(await checkExpiringKeys(handle().db, at(now, 9.5))).toBe(0);
  });
});
