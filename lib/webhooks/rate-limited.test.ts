import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { webhookDeliveries } from "@/db/schema";
import { actorOf, createTestWorkspace, insertTestKey, mustOk, withTestDatabase } from "@/lib/testing";
import { createWebhookEndpoint } from "./endpoints";
import { sendRateLimitedAlert } from "./rate-limited";

const handle = withTestDatabase();
const HOUR = 3_600_000;
const rule = { limit: 10, window: "second" as const };

async function setup() {
  const ws = await createTestWorkspace("small");
  const ownerMember = await ws.addMember(["owner"]);
  const owner = actorOf(ownerMember, "Olive");
  const { endpoint } = mustOk(await createWebhookEndpoint(owner, { url: "https://93.184.215.14/h", events: ["api_key.rate_limited"] }));
  const sent = async () =>
    (await handle().db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).map((d) => {
      const body = JSON.parse(d.payload) as { type: string; data: { key: { id: string }; rateLimit: { limit: number } } };
      return [body.type, body.data.key.id, body.data.rateLimit.limit];
    });
  return { ws, ownerMember, sent };
}

describe("api_key.rate_limited", () => {
  it("is sent at most once per key per hour, even when two instances race", async () => {
    const { ws, ownerMember, sent } = await setup();
    const key = await insertTestKey(ws, ownerMember);
    const other = await insertTestKey(ws, ownerMember);
    const t0 = Date.now();
    const raced = await Promise.all([0, 1, 2].map(() => sendRateLimitedAlert(handle().db, { keyId: key.id, rule, at: t0 })));
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await sendRateLimitedAlert(handle().db, { keyId: key.id, rule, at: t0 + HOUR - 1_000 })).toBe(false);
    expect(await sendRateLimitedAlert(handle().db, { keyId: other.id, rule, at: t0 + 1_000 })).toBe(true);
    expect(await sendRateLimitedAlert(handle().db, { keyId: key.id, rule, at: t0 + HOUR })).toBe(true);
    expect(await sent()).toEqual([
      ["api_key.rate_limited", key.id, 10],
      ["api_key.rate_limited", other.id, 10],
      ["api_key.rate_limited", key.id, 10],
    ]);
  });

  it("never tells anyone about the owner key", async () => {
    const { ws, ownerMember, sent } = await setup();
    const ownerKey = await insertTestKey(ws, ownerMember, { owner: true });
    await sendRateLimitedAlert(handle().db, { keyId: ownerKey.id, rule, at: Date.now() });
    expect(await sent()).toEqual([]);
  });
});
