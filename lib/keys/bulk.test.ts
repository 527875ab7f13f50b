import { afterAll, describe, expect, it } from "vitest";
import { createTeam, createTestRole, mustOk, snapshotWorkspace } from "@/lib/testing";
import { withTestDatabase } from "@/lib/testing/database";
import { createKey } from "@/lib/testing/keys";
import { auditOf, keyRow, listeningVerifier, verdict } from "@/lib/testing/lifecycle";
import { bulkApiKeys } from "./rules";

withTestDatabase();
const { verifier, stop } = listeningVerifier();
afterAll(stop);

describe("bulk actions (SPEC §9.3)", () => {
  it("deletes several keys in one go, each with its own audit event, refused at once", async () => {
    const team = await createTeam();
    const keys = await Promise.all([1, 2, 3].map((i) => createKey(team.admin, { name: `bulk ${i}` })));
    for (const k of keys) expect(await verdict(verifier, k.secret)).toBeNull();
    const ids = keys.map((k) => k.key.id);
    const { results } = mustOk(await bulkApiKeys(team.admin, { action: "delete", keyIds: ids }));
    expect(results).toEqual(ids.map((keyId) => ({ keyId, ok: true })));
    for (const k of keys) {
      expect(await keyRow(k.key.id)).toBeUndefined();
      expect(await verdict(verifier, k.secret)).toBe("invalid_api_key");
    }
    expect((await auditOf(team.ws.id, "api_key.delete")).map((e) => e.targetId).sort()).toEqual([...ids].sort());
  });

  it("disables and enables keys, each one refused or taken back at once", async () => {
    const team = await createTeam();
    const keys = await Promise.all([1, 2].map(() => createKey(team.admin)));
    const keyIds = keys.map((k) => k.key.id);
    mustOk(await bulkApiKeys(team.admin, { action: "disable", keyIds }));
    for (const k of keys) expect(await verdict(verifier, k.secret)).toBe("disabled_api_key");
    expect(await auditOf(team.ws.id, "api_key.disabled")).toHaveLength(2);
    mustOk(await bulkApiKeys(team.admin, { action: "enable", keyIds }));
    for (const k of keys) expect(await verdict(verifier, k.secret)).toBeNull();
    expect(await auditOf(team.ws.id, "api_key.enabled")).toHaveLength(2);
  });

  it("judges each key by the single-key rules: the owner key, other workspaces' and unknown ids are not_found", async () => {
    const team = await createTeam();
    const other = await createTeam();
    const mine = await createKey(team.admin);
    const ownerKey = await createKey(team.owner, { name: "Owner key", roleIds: [team.ws.roleIds.owner] });
    const foreign = await createKey(other.admin);
    const readerRole = await createTestRole(team.ws.id, "Key reader", ["workspace:read", "members:read", "api_keys:read", "api_keys:create"]);
    const reader = await team.join([readerRole], "Kim Reader");
    const readersOwn = await createKey(reader);

    const keyIds = [mine.key.id, ownerKey.key.id, foreign.key.id, "key_doesnotexist0000", "not a key id", readersOwn.key.id];
    const { results } = mustOk(await bulkApiKeys(reader, { action: "disable", keyIds }));
    expect(results).toEqual([
      { keyId: mine.key.id, ok: false, error: { code: "forbidden", message: "You don't have permission to modify this key" } },
      ...keyIds.slice(1, 5).map((keyId) => ({ keyId, ok: false, error: { code: "not_found", message: "API key not found" } })),
      { keyId: readersOwn.key.id, ok: true },
    ]);
    expect((await keyRow(mine.key.id))!.disabledAt).toBeNull();
    expect((await keyRow(ownerKey.key.id))!.disabledAt).toBeNull();
    expect((await keyRow(foreign.key.id))!.disabledAt).toBeNull();
    expect((await keyRow(readersOwn.key.id))!.disabledAt).not.toBeNull();

    // An admin sees everything but the owner key; the Owner sees it too.
    const asAdmin = mustOk(await bulkApiKeys(team.admin, { action: "delete", keyIds: [ownerKey.key.id] }));
    expect(asAdmin.results[0]).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await keyRow(ownerKey.key.id)).toBeDefined();
    expect(mustOk(await bulkApiKeys(team.owner, { action: "disable", keyIds: [ownerKey.key.id] })).results[0]!.ok).toBe(true);
  });

  it("refuses an empty, too long or repeating list and an unknown action, naming the field; nothing changes", async () => {
    const team = await createTeam();
    const key = await createKey(team.admin);
    const before = await snapshotWorkspace(team.ws.id);
    const tooMany = Array.from({ length: 101 }, (_, i) => `key_${String(i).padStart(16, "0")}`);
    const cases: [unknown, string, string][] = [
      [{ action: "delete", keyIds: [] }, "keyIds", "Select at least one key"],
      [{ action: "delete", keyIds: tooMany }, "keyIds", "At most 100 keys at once"],
      [{ action: "delete", keyIds: [key.key.id, key.key.id] }, "keyIds", "Key ids must not repeat"],
      [{ action: "delete", keyIds: "all" }, "keyIds", "Key ids must be a list of key ids"],
      [{ action: "purge", keyIds: [key.key.id] }, "action", 'Action must be one of "delete", "disable", "enable"'],
      [{ keyIds: [key.key.id] }, "action", 'Action must be one of "delete", "disable", "enable"'],
    ];
    for (const [input, field, message] of cases) {
      expect(await bulkApiKeys(team.admin, input)).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { [field]: message } });
    }
    expect(await snapshotWorkspace(team.ws.id)).toEqual(before);
    expect(await bulkApiKeys(team.readOnly, { action: "delete", keyIds: [key.key.id] })).toMatchObject({ ok: false, code: "forbidden" });
  });
});
