import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApiKey, getApiKey, modifyApiKey } from "./rules";
import { createKey, createTeam, inDays, mustOk, setKeyExpiry, withTestDatabase } from "@/lib/testing";

// SPEC §2: what a key's name, description, roles and expiry may be.
withTestDatabase();

describe("name", () => {
  it("is stored trimmed", async () => {
    const { admin, ws } = await createTeam();
    const { key } = mustOk(await createApiKey(admin, { name: "  billing export \t", roleIds: [ws.roleIds.read_only] }));
    expect(key.name).toBe("billing export");
    expect(mustOk(await getApiKey(admin, key.id)).name).toBe("billing export");

    const renamed = mustOk(await modifyApiKey(admin, key.id, { name: "\n renamed  " }));
    expect(renamed.name).toBe("renamed");
  });

  it("is required: empty or blank names are refused", async () => {
    const { admin, ws } = await createTeam();
    for (const name of ["", "   ", "\t\n"]) {
      expect(await createApiKey(admin, { name, roleIds: [ws.roleIds.read_only] })).toMatchObject({
        ok: false,
        code: "invalid_request",
        fieldErrors: { name: "Name is required" },
      });
    }
  });

  it("counts Unicode code points: 50 are accepted, 51 refused, an emoji counts as one", async () => {
    const { admin, ws } = await createTeam();
    const roleIds = [ws.roleIds.read_only];
    const tooLong = { ok: false, code: "invalid_request", fieldErrors: { name: "Name must be at most 50 characters" } };

    expect(mustOk(await createApiKey(admin, { name: "a".repeat(50), roleIds })).key.name).toHaveLength(50);
    expect(await createApiKey(admin, { name: "b".repeat(51), roleIds })).toMatchObject(tooLong);

    // 50 keys (🔑) are 100 UTF-16 units: a .length check would refuse them.
    const emoji = "🔑".repeat(50);
    expect(mustOk(await createApiKey(admin, { name: emoji, roleIds })).key.name).toBe(emoji);
    expect(await createApiKey(admin, { name: "🗝".repeat(51), roleIds })).toMatchObject(tooLong);
    // Trimming happens before counting.
    expect(mustOk(await createApiKey(admin, { name: `  ${"c".repeat(50)}  `, roleIds })).key.name).toBe("c".repeat(50));
  });

  it("refuses control characters inside the name, C0, DEL and C1 alike", async () => {
    const { admin, ws } = await createTeam();
    const key = await createKey(admin, { name: "clean" });
    for (const name of ["a\u0000b", "line\nbreak", "tab\there", "bell\u0007", "del\u007f", "c1\u0085x", "esc\u001b[31m"]) {
      const expected = { ok: false, code: "invalid_request", fieldErrors: { name: "Name must not contain control characters" } };
      expect(await createApiKey(admin, { name, roleIds: [ws.roleIds.read_only] })).toMatchObject(expected);
      expect(await modifyApiKey(admin, key.key.id, { name })).toMatchObject(expected);
    }
    expect(mustOk(await getApiKey(admin, key.key.id)).name).toBe("clean");
  });

  it("is unique in the workspace regardless of case, on create", async () => {
    const { admin, standard, ws } = await createTeam();
    await createKey(admin, { name: "Billing" });
    const taken = { ok: false, code: "conflict", fieldErrors: { name: "A key with this name already exists" } };
    expect(await createApiKey(standard, { name: "billing", roleIds: [ws.roleIds.read_only] })).toMatchObject(taken);
    expect(await createApiKey(admin, { name: "  BILLING ", roleIds: [ws.roleIds.read_only] })).toMatchObject(taken);

    // Another workspace may use the same name.
    const other = await createTeam();
    expect((await createApiKey(other.admin, { name: "Billing", roleIds: [other.ws.roleIds.read_only] })).ok).toBe(true);
  });

  it("is unique in the workspace regardless of case, on modify; a key may change its own name's case", async () => {
    const { admin } = await createTeam();
    const billing = await createKey(admin, { name: "Billing" });
    const reports = await createKey(admin, { name: "Reports" });
    expect(await modifyApiKey(admin, reports.key.id, { name: "BILLING" })).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { name: "A key with this name already exists" },
    });
    expect(mustOk(await getApiKey(admin, reports.key.id)).name).toBe("Reports");
    expect(mustOk(await modifyApiKey(admin, billing.key.id, { name: "BILLING" })).name).toBe("BILLING");
  });
});

describe("description", () => {
  it("is optional and holds at most 200 characters", async () => {
    const { admin, ws } = await createTeam();
    const roleIds = [ws.roleIds.read_only];
    expect(mustOk(await createApiKey(admin, { name: "no description", roleIds })).key.description).toBe("");
    const longest = "é".repeat(200);
    const key = mustOk(await createApiKey(admin, { name: "described", description: longest, roleIds })).key;
    expect(key.description).toBe(longest);

    const tooLong = { ok: false, code: "invalid_request", fieldErrors: { description: "Description must be at most 200 characters" } };
    expect(await createApiKey(admin, { name: "too long", description: "d".repeat(201), roleIds })).toMatchObject(tooLong);
    expect(await modifyApiKey(admin, key.id, { description: "d".repeat(201) })).toMatchObject(tooLong);
    expect(mustOk(await getApiKey(admin, key.id)).description).toBe(longest);
  });
});

describe("roles", () => {
  it("needs at least one", async () => {
    const { admin } = await createTeam();
    const key = await createKey(admin);
    const none = { ok: false, code: "invalid_request", fieldErrors: { roleIds: "Select at least one role" } };
    expect(await createApiKey(admin, { name: "no roles", roleIds: [] })).toMatchObject(none);
    expect(await createApiKey(admin, { name: "no roles" })).toMatchObject(none);
    expect(await modifyApiKey(admin, key.key.id, { roleIds: [] })).toMatchObject(none);
    expect(mustOk(await getApiKey(admin, key.key.id)).roles).toHaveLength(1);
  });

  it("refuses role ids that do not exist or belong to another workspace", async () => {
    const { admin, ws } = await createTeam();
    const other = await createTeam();
    const key = await createKey(admin);
    const unknown = { ok: false, code: "invalid_request", fieldErrors: { roleIds: "Unknown role" } };
    for (const roleIds of [[randomUUID()], [ws.roleIds.read_only, other.ws.roleIds.read_only], [other.ws.roleIds.administrator]]) {
      expect(await createApiKey(admin, { name: "foreign role", roleIds })).toMatchObject(unknown);
      expect(await modifyApiKey(admin, key.key.id, { roleIds })).toMatchObject(unknown);
    }
    expect(mustOk(await getApiKey(admin, key.key.id)).roles.map((r) => r.name)).toEqual(["Read-only"]);
  });

  it("holds several roles; a repeated id counts once", async () => {
    const { admin, ws } = await createTeam();
    const { key } = mustOk(
      await createApiKey(admin, { name: "two roles", roleIds: [ws.roleIds.read_only, ws.roleIds.standard, ws.roleIds.read_only] }),
    );
    expect(key.roles.map((r) => r.name)).toEqual(["Standard", "Read-only"]);
  });
});

describe("expiry", () => {
  it("is Permanent by default or when null, else a future time", async () => {
    const { admin, ws } = await createTeam();
    const roleIds = [ws.roleIds.read_only];
    expect(mustOk(await createApiKey(admin, { name: "default", roleIds })).key.expiresAt).toBeNull();
    expect(mustOk(await createApiKey(admin, { name: "permanent", roleIds, expiresAt: null })).key.expiresAt).toBeNull();
    const at = inDays(30);
    const dated = mustOk(await createApiKey(admin, { name: "dated", roleIds, expiresAt: at })).key;
    expect(dated.expiresAt).toBe(at);
    expect(dated.status).toBe("active");
  });

  it("refuses a time in the past, on create and on modify", async () => {
    const { admin, ws } = await createTeam();
    const key = await createKey(admin);
    const past = { ok: false, code: "invalid_request", fieldErrors: { expiresAt: "Expiry must be in the future" } };
    for (const expiresAt of [inDays(-1), new Date(Date.now() - 1000).toISOString(), "2020-01-01T00:00:00+02:00"]) {
      expect(await createApiKey(admin, { name: "past", roleIds: [ws.roleIds.read_only], expiresAt })).toMatchObject(past);
      expect(await modifyApiKey(admin, key.key.id, { expiresAt })).toMatchObject(past);
    }
    expect(mustOk(await getApiKey(admin, key.key.id)).expiresAt).toBeNull();
  });

  it("shows an expired key as expired; moving its expiry to the future, or to Permanent, revives it", async () => {
    const { admin } = await createTeam();
    const first = await createKey(admin, { expiresAt: inDays(1) });
    const second = await createKey(admin, { expiresAt: inDays(1) });
    await setKeyExpiry(first.key.id, new Date(Date.now() - 60_000));
    await setKeyExpiry(second.key.id, new Date(Date.now() - 60_000));
    expect(mustOk(await getApiKey(admin, first.key.id)).status).toBe("expired");

    const revived = mustOk(await modifyApiKey(admin, first.key.id, { expiresAt: inDays(7) }));
    expect(revived.status).toBe("active");
    expect(mustOk(await getApiKey(admin, first.key.id)).status).toBe("active");
    expect(mustOk(await modifyApiKey(admin, second.key.id, { expiresAt: null })).status).toBe("active");
  });
});
