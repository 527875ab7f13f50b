import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, webhookEndpoints } from "@/db/schema";
import { actorOf, createTestWorkspace, mustOk, withTestDatabase } from "@/lib/testing";
import { WEBHOOK_ENDPOINTS_MAX } from "@/lib/validations/webhooks";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  revealWebhookSecret,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "./endpoints";

const handle = withTestDatabase();
const PUBLIC = "https://93.184.215.14/hooks";

async function team() {
  const ws = await createTestWorkspace("small");
  const owner = actorOf(await ws.addMember(["owner"]), "Olive");
  const admin = actorOf(await ws.addMember(["administrator"]), "Adam");
  return { ws, owner, admin };
}

const endpointsOf = (workspaceId: string) => handle().db.select().from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId));

describe("webhook endpoints", () => {
  it("are managed with workspace:manage only; the secret is stored sealed and shown only on reveal, audited", async () => {
    const { ws, owner, admin } = await team();
    expect(await createWebhookEndpoint(admin, { url: PUBLIC, events: ["api_key.created"] })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await listWebhookEndpoints(admin)).toMatchObject({ ok: false, code: "forbidden" });

    const { endpoint, secret } = mustOk(await createWebhookEndpoint(owner, { url: PUBLIC, description: " CI ", events: ["api_key.deleted", "api_key.created", "api_key.created"] }));
    expect(endpoint).toMatchObject({ url: PUBLIC, description: "CI", events: ["api_key.created", "api_key.deleted"], enabled: true, secretHint: `${secret.slice(0, 10)}…` });
    expect(JSON.stringify(endpoint)).not.toContain(secret);
    const [row] = await endpointsOf(ws.id);
    expect(row!.secretCiphertext).not.toContain(secret.slice(6));
    expect(JSON.stringify(mustOk(await listWebhookEndpoints(owner)))).not.toContain(secret);
    expect(mustOk(await revealWebhookSecret(owner, endpoint.id, "copy")).secret).toBe(secret);

    const rotated = mustOk(await rotateWebhookSecret(owner, endpoint.id));
    const fresh = mustOk(await revealWebhookSecret(owner, endpoint.id, "reveal")).secret;
    expect(fresh).not.toBe(secret);
    expect(rotated.secretHint).toBe(`${fresh.slice(0, 10)}…`);

    expect(mustOk(await updateWebhookEndpoint(owner, endpoint.id, { enabled: false })).enabled).toBe(false);
    mustOk(await deleteWebhookEndpoint(owner, endpoint.id));
    expect(await getWebhookEndpoint(owner, endpoint.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await getWebhookEndpoint(owner, "not-a-uuid")).toMatchObject({ ok: false, code: "not_found" });

    const actions = (await handle().db.select().from(auditEvents).where(eq(auditEvents.workspaceId, ws.id)).orderBy(auditEvents.id)).map((e) => e.action);
    expect(actions).toEqual(["webhook.create", "webhook.copy_secret", "webhook.rotate_secret", "webhook.reveal_secret", "webhook.disable", "webhook.delete"]);
    const all = JSON.stringify(await handle().db.select().from(auditEvents).where(eq(auditEvents.workspaceId, ws.id)));
    expect(all).not.toContain(secret.slice(6));
    expect(all).not.toContain(fresh.slice(6));
  });

  it("refuses bad input with a message naming the field, and saves nothing", async () => {
    const { ws, owner } = await team();
    const cases: [unknown, string, RegExp][] = [
      [{ url: "not a url", events: ["api_key.created"] }, "url", /valid URL/],
      [{ url: "", events: ["api_key.created"] }, "url", /URL is required/],
      [{ url: "http://93.184.215.14/h", events: ["api_key.created"] }, "url", /must start with https:\/\//],
      [{ url: "https://127.0.0.1/h", events: ["api_key.created"] }, "url", /private, loopback or link-local/],
      [{ url: "https://[::ffff:169.254.169.254]/h", events: ["api_key.created"] }, "url", /private, loopback or link-local/],
      [{ url: "https://localhost/h", events: ["api_key.created"] }, "url", /private, loopback or link-local/],
      [{ url: PUBLIC, events: [] }, "events", /Choose at least one event/],
      [{ url: PUBLIC }, "events", /Choose at least one event/],
      [{ url: PUBLIC, events: ["api_key.exploded"] }, "events", /Unknown event/],
      [{ url: PUBLIC, events: ["api_key.created"], description: "x".repeat(201) }, "description", /at most 200/],
      [{ url: PUBLIC, events: ["api_key.created"], secret: "whsec_x" }, "secret", /Unknown field/],
    ];
    for (const [input, field, message] of cases) {
      const result = await createWebhookEndpoint(owner, input, { allowPrivate: false });
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, code: "invalid_request" });
      if (!result.ok) expect(result.fieldErrors?.[field], JSON.stringify(input)).toMatch(message);
    }
    expect(await endpointsOf(ws.id)).toHaveLength(0);

    const { endpoint } = mustOk(await createWebhookEndpoint(owner, { url: PUBLIC, events: ["api_key.created"] }));
    const refused = await updateWebhookEndpoint(owner, endpoint.id, { url: "https://10.0.0.1/h", events: [] });
    expect(refused).toMatchObject({ ok: false, code: "invalid_request" });
    expect(await updateWebhookEndpoint(owner, endpoint.id, { url: "https://10.0.0.1/h" }, { allowPrivate: false })).toMatchObject({ ok: false, fieldErrors: { url: expect.any(String) } });
    expect(await updateWebhookEndpoint(owner, endpoint.id, {})).toMatchObject({ ok: false, code: "invalid_request" });
    expect((await endpointsOf(ws.id))[0]).toMatchObject({ url: PUBLIC, events: ["api_key.created"] });
  });

  it(`allows at most ${WEBHOOK_ENDPOINTS_MAX} endpoints per workspace`, async () => {
    const { ws, owner } = await team();
    for (let i = 0; i < WEBHOOK_ENDPOINTS_MAX; i++) mustOk(await createWebhookEndpoint(owner, { url: `${PUBLIC}/${i}`, events: ["api_key.created"] }));
    expect(await createWebhookEndpoint(owner, { url: PUBLIC, events: ["api_key.created"] })).toMatchObject({ ok: false, code: "limit_reached" });
    expect(await endpointsOf(ws.id)).toHaveLength(WEBHOOK_ENDPOINTS_MAX);
  });

  it("re-checks workspace:manage inside the transaction: a member demoted after the page loaded reveals nothing", async () => {
    const { owner, admin } = await team();
    const { endpoint } = mustOk(await createWebhookEndpoint(owner, { url: PUBLIC, events: ["api_key.created"] }));
    const stale = { ...admin, permissions: new Set([...admin.permissions, "workspace:manage" as const]) };
    expect(await revealWebhookSecret(stale, endpoint.id, "reveal")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteWebhookEndpoint(stale, endpoint.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await createWebhookEndpoint(stale, { url: PUBLIC, events: ["api_key.created"] })).toMatchObject({ ok: false, code: "forbidden" });
    expect(mustOk(await getWebhookEndpoint(owner, endpoint.id)).id).toBe(endpoint.id);
  });

  it("keeps workspaces apart", async () => {
    const a = await team();
    const b = await team();
    const { endpoint } = mustOk(await createWebhookEndpoint(a.owner, { url: PUBLIC, events: ["api_key.created"] }));
    expect(await getWebhookEndpoint(b.owner, endpoint.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await revealWebhookSecret(b.owner, endpoint.id, "reveal")).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteWebhookEndpoint(b.owner, endpoint.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await endpointsOf(a.ws.id)).toHaveLength(1);
  });
});
