import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, auditEvents } from "@/db/schema";
import { createKey, createTeam, mustOk, withTestDatabase } from "@/lib/testing";
import { createTranslator } from "next-intl";
import { auditDetailText as detailText } from "@/components/audit-log/audit-details";
import en from "@/lib/i18n/messages/en.json";
import { createApiKey, getApiKey, modifyApiKey } from "./rules";

/** The details as the English console shows them. */
const auditDetailText = (action: string, details: Record<string, unknown>) =>
  detailText(action, details, createTranslator({ locale: "en", messages: en, namespace: "AuditLog" }));

// SPEC §10: the key rules accept "Allowed IP addresses" and "Rate limit", refuse bad ones naming
// the field (changing nothing), and audit their changes like other modifications.
withTestDatabase();

const auditOf = (workspaceId: string) =>
  getDb().select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(asc(auditEvents.id));

describe("restrictions on create", () => {
  it("are stored and shown on the key; none by default", async () => {
    const { admin, ws } = await createTeam();
    const plain = mustOk(await createApiKey(admin, { name: "plain", roleIds: [ws.roleIds.read_only] }));
    expect(plain.key).toMatchObject({ ipAllowlist: [], rateLimit: null });

    const { key } = mustOk(
      await createApiKey(admin, {
        name: "restricted",
        roleIds: [ws.roleIds.read_only],
        ipAllowlist: [" 203.0.113.0/24 ", "2001:db8::1", ""],
        rateLimit: { limit: 100, window: "minute" },
      }),
    );
    expect(key).toMatchObject({ ipAllowlist: ["203.0.113.0/24", "2001:db8::1"], rateLimit: { limit: 100, window: "minute" } });
    expect(mustOk(await getApiKey(admin, key.id))).toMatchObject({ ipAllowlist: ["203.0.113.0/24", "2001:db8::1"], rateLimit: { limit: 100, window: "minute" } });
    const [, created] = await auditOf(ws.id);
    const text = auditDetailText(created!.action, created!.details as Record<string, unknown>);
    expect(text).toContain("Allowed IP addresses: 203.0.113.0/24, 2001:db8::1");
    expect(text).toContain("Rate limit: 100 requests per minute");
  });

  it.each([
    [{ ipAllowlist: ["10.0.0.1", "10.0.0.300"] }, "ipAllowlist", "Not an IP address or CIDR range: 10.0.0.300"],
    [{ ipAllowlist: Array.from({ length: 51 }, (_, i) => `10.0.0.${i}`) }, "ipAllowlist", "At most 50 IP addresses or CIDR ranges"],
    [{ ipAllowlist: "10.0.0.1" }, "ipAllowlist", "Allowed IP addresses must be a list of addresses or CIDR ranges"],
    [{ rateLimit: { limit: 0, window: "second" } }, "rateLimit", "Rate limit must be at least 1"],
    [{ rateLimit: { limit: 1_000_001, window: "second" } }, "rateLimit", "Rate limit must be at most 1,000,000"],
    [{ rateLimit: { limit: 5, window: "day" } }, "rateLimit", 'Rate limit window must be "second", "minute" or "hour"'],
    [{ rateLimit: 5 }, "rateLimit", "Rate limit must be {limit, window} or null for no limit"],
  ])("refuses %j naming the field, creating nothing", async (bad, field, message) => {
    const { admin, ws } = await createTeam();
    const result = await createApiKey(admin, { name: "refused", roleIds: [ws.roleIds.read_only], ...bad });
    expect(result).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { [field]: message } });
    expect(await getDb().select().from(apiKeys).where(eq(apiKeys.workspaceId, ws.id))).toHaveLength(0);
  });

  it("accepts a list that lets no one in: the admin's choice", async () => {
    const { admin, ws } = await createTeam();
    const { key } = mustOk(await createApiKey(admin, { name: "locked", roleIds: [ws.roleIds.read_only], ipAllowlist: ["0.0.0.0"] }));
    expect(key.ipAllowlist).toEqual(["0.0.0.0"]);
  });
});

describe("restrictions on modify", () => {
  it("change, are audited with what changed, and can be removed", async () => {
    const { admin, ws } = await createTeam();
    const { key } = await createKey(admin, { name: "to restrict" });
    const set = mustOk(await modifyApiKey(admin, key.id, { ipAllowlist: ["198.51.100.0/24"], rateLimit: { limit: 10, window: "second" } }));
    expect(set).toMatchObject({ ipAllowlist: ["198.51.100.0/24"], rateLimit: { limit: 10, window: "second" } });
    // The same values again: nothing to audit.
    mustOk(await modifyApiKey(admin, key.id, { ipAllowlist: ["198.51.100.0/24"], rateLimit: { limit: 10, window: "second" } }));
    const cleared = mustOk(await modifyApiKey(admin, key.id, { ipAllowlist: [], rateLimit: null }));
    expect(cleared).toMatchObject({ ipAllowlist: [], rateLimit: null });

    const modifications = (await auditOf(ws.id)).filter((e) => e.action === "api_key.modify");
    expect(modifications.map((e) => auditDetailText(e.action, e.details as Record<string, unknown>))).toEqual([
      // (jsonb keeps keys in its own order)
      "Rate limit: No limit → 10 requests per second · Allowed IP addresses: + 198.51.100.0/24",
      "Rate limit: 10 requests per second → No limit · Allowed IP addresses: − 198.51.100.0/24",
    ]);
  });

  it("a bad value changes nothing, not even the valid fields beside it", async () => {
    const { admin } = await createTeam();
    const { key } = await createKey(admin, { name: "kept" });
    const result = await modifyApiKey(admin, key.id, { name: "renamed", ipAllowlist: ["nope"] });
    expect(result).toMatchObject({ ok: false, fieldErrors: { ipAllowlist: "Not an IP address or CIDR range: nope" } });
    expect(mustOk(await getApiKey(admin, key.id))).toMatchObject({ name: "kept", ipAllowlist: [], rateLimit: null });
  });

  it("only someone who may modify the key may restrict it", async () => {
    const { admin, standard } = await createTeam();
    const { key } = await createKey(admin, { name: "admin's" });
    expect(await modifyApiKey(standard, key.id, { rateLimit: { limit: 1, window: "hour" } })).toMatchObject({ ok: false });
    expect(mustOk(await getApiKey(admin, key.id)).rateLimit).toBeNull();
  });
});
