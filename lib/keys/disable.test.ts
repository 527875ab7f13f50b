import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createTeam, mustOk, snapshotWorkspace } from "@/lib/testing";
import { withTestDatabase } from "@/lib/testing/database";
import { expireTestKey } from "@/lib/testing/keys";
import { auditOf, listeningVerifier, verdict } from "@/lib/testing/lifecycle";
import { createKey } from "@/lib/testing/keys";
import { countOwnKeys } from "./checks";
import { deleteApiKey, getApiKey, modifyApiKey, rollApiKey, setApiKeyEnabled } from "./rules";

withTestDatabase();
const { verifier, stop } = listeningVerifier();
afterAll(stop);

describe("disabling and enabling a key (SPEC §9.2)", () => {
  it("refuses a disabled key at once with disabled_api_key, shows it, and takes it back when enabled", async () => {
    const team = await createTeam();
    const key = await createKey(team.admin, { name: "switch" });
    expect(await verdict(verifier, key.secret)).toBeNull();

    const off = mustOk(await setApiKeyEnabled(team.admin, key.key.id, false));
    expect(off).toMatchObject({ enabled: false, status: "disabled" });
    expect(await verdict(verifier, key.secret)).toBe("disabled_api_key");
    expect(mustOk(await getApiKey(team.admin, key.key.id))).toMatchObject({ enabled: false, status: "disabled" });

    const on = mustOk(await setApiKeyEnabled(team.admin, key.key.id, true));
    expect(on).toMatchObject({ enabled: true, status: "active" });
    expect(await verdict(verifier, key.secret)).toBeNull();

    expect(await auditOf(team.ws.id, "api_key.disabled")).toHaveLength(1);
    expect(await auditOf(team.ws.id, "api_key.enabled")).toHaveLength(1);
    // Enabling an enabled key changes nothing and records nothing.
    mustOk(await setApiKeyEnabled(team.admin, key.key.id, true));
    expect(await auditOf(team.ws.id, "api_key.enabled")).toHaveLength(1);
  });

  it("says disabled before expired", async () => {
    const team = await createTeam();
    const key = await createKey(team.admin);
    mustOk(await setApiKeyEnabled(team.admin, key.key.id, false));
    await expireTestKey(key.key.id);
    verifier.clear();
    expect(await verdict(verifier, key.secret)).toBe("disabled_api_key");
    expect(mustOk(await getApiKey(team.admin, key.key.id)).status).toBe("disabled");
  });

  it("is what PATCH `enabled` does, with its own audit event", async () => {
    const team = await createTeam();
    const key = await createKey(team.admin);
    const view = mustOk(await modifyApiKey(team.admin, key.key.id, { enabled: false, description: "paused" }));
    expect(view).toMatchObject({ enabled: false, description: "paused" });
    expect(await verdict(verifier, key.secret)).toBe("disabled_api_key");
    expect(await auditOf(team.ws.id, "api_key.disabled")).toHaveLength(1);
    expect(await auditOf(team.ws.id, "api_key.modify")).toHaveLength(1);
    expect(await modifyApiKey(team.admin, key.key.id, { enabled: "no" })).toMatchObject({
      ok: false,
      code: "invalid_request",
      fieldErrors: { enabled: "Enabled must be true or false" },
    });
  });

  it("keeps a disabled key counted toward the limit, and lets it be modified, rolled and deleted", async () => {
    const team = await createTeam();
    const key = await createKey(team.admin);
    mustOk(await setApiKeyEnabled(team.admin, key.key.id, false));
    expect(await countOwnKeys(getDb(), team.admin)).toBe(1);
    mustOk(await modifyApiKey(team.admin, key.key.id, { name: "renamed while off" }));
    const rolled = mustOk(await rollApiKey(team.admin, key.key.id, { gracePeriod: "none" }));
    expect(rolled.key.enabled).toBe(false);
    expect(await verdict(verifier, rolled.secret)).toBe("disabled_api_key");
    mustOk(await deleteApiKey(team.admin, key.key.id));
  });

  it("hides the owner key from all but the Owner and refuses those who may not change a key; nothing changes", async () => {
    const team = await createTeam();
    const ownerKey = await createKey(team.owner, { name: "Owner key", roleIds: [team.ws.roleIds.owner] });
    const key = await createKey(team.admin);
    const before = await snapshotWorkspace(team.ws.id);
    expect(await setApiKeyEnabled(team.admin, ownerKey.key.id, false)).toMatchObject({ ok: false, code: "not_found" });
    expect(await modifyApiKey(team.admin, ownerKey.key.id, { enabled: false })).toMatchObject({ ok: false, code: "not_found" });
    expect(await setApiKeyEnabled(team.standard, key.key.id, false)).toMatchObject({ ok: false, code: "not_found" });
    expect(await setApiKeyEnabled(team.readOnly, key.key.id, false)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setApiKeyEnabled(team.admin, key.key.id, "false")).toMatchObject({ ok: false, code: "invalid_request" });
    expect(await snapshotWorkspace(team.ws.id)).toEqual(before);
    expect(mustOk(await setApiKeyEnabled(team.owner, ownerKey.key.id, false)).enabled).toBe(false);
  });
});
