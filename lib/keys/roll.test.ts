import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { workspaces } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/aes";
import { createTeam, createTestRole, mustOk, snapshotWorkspace } from "@/lib/testing";
import { withTestDatabase } from "@/lib/testing/database";
import { auditOf, keyRow, listeningVerifier, verdict } from "@/lib/testing/lifecycle";
import { createKey } from "@/lib/testing/keys";
import { hashSecret, secretHint } from "./format";
import { LastUsedRecorder } from "./last-used";
import { endElapsedGracePeriods } from "./roll";
import { expirePreviousSecret, getApiKey, rollApiKey } from "./rules";

withTestDatabase();
const { verifier, stop } = listeningVerifier();
afterAll(stop);

const HOUR = 60 * 60_000;

describe("rolling a key (SPEC §9.1)", () => {
  it("changes only the secret; the previous one works for the grace chosen, then is invalid_api_key by the clock alone", async () => {
    const team = await createTeam();
    const created = await createKey(team.admin, { name: "to roll", description: "d" });
    expect(await verdict(verifier, created.secret)).toBeNull();
    const before = mustOk(await getApiKey(team.admin, created.key.id));

    const started = Date.now();
    const rolled = mustOk(await rollApiKey(team.admin, created.key.id, { gracePeriod: "1h" }));
    expect(rolled.secret).not.toBe(created.secret);
    expect(rolled.key).toMatchObject({ id: before.id, name: "to roll", description: "d", roles: before.roles, expiresAt: null, createdBy: before.createdBy });
    expect(rolled.key.hint).not.toBe(before.hint);
    const until = Date.parse(rolled.previousSecretValidUntil!);
    expect(until).toBeGreaterThanOrEqual(started + HOUR);
    expect(until).toBeLessThanOrEqual(Date.now() + HOUR);
    expect(rolled.key.previousSecret).toMatchObject({ hint: before.hint, validUntil: rolled.previousSecretValidUntil });

    // Both secrets work now, the new one and the previous one (found by the same single query).
    expect(await verdict(verifier, rolled.secret)).toBeNull();
    expect(await verdict(verifier, created.secret)).toBeNull();
    const queries = verifier.stats.queries;
    // At the end of the grace the cached entry is refused without a query or a notification.
    expect(await verdict(verifier, created.secret, until - 1)).toBeNull();
    expect(await verdict(verifier, created.secret, until)).toBe("invalid_api_key");
    expect(verifier.stats.queries).toBe(queries);

    const [event] = await auditOf(team.ws.id, "api_key.rolled");
    expect(event).toMatchObject({ targetId: created.key.id, details: { gracePeriod: "1h" } });
  });

  it('defaults to 24 hours; "none" refuses the previous secret at once', async () => {
    const team = await createTeam();
    const a = await createKey(team.admin);
    const rolled = mustOk(await rollApiKey(team.admin, a.key.id, {}));
    expect(Date.parse(rolled.previousSecretValidUntil!) - Date.now()).toBeGreaterThan(23 * HOUR);

    const b = await createKey(team.admin);
    expect(await verdict(verifier, b.secret)).toBeNull();
    const now = mustOk(await rollApiKey(team.admin, b.key.id, { gracePeriod: "none" }));
    expect(now.previousSecretValidUntil).toBeNull();
    expect(now.key.previousSecret).toBeNull();
    expect(await verdict(verifier, b.secret)).toBe("invalid_api_key");
    expect(await verdict(verifier, now.secret)).toBeNull();
  });

  it("never keeps the previous secret past the key's own expiry", async () => {
    const team = await createTeam();
    const expiresAt = new Date(Date.now() + 2 * HOUR);
    const key = await createKey(team.admin, { expiresAt: expiresAt.toISOString() });
    const rolled = mustOk(await rollApiKey(team.admin, key.key.id, { gracePeriod: "7d" }));
    expect(rolled.previousSecretValidUntil).toBe(expiresAt.toISOString());
  });

  it("rolling again ends the older previous secret at once: at most two secrets work", async () => {
    const team = await createTeam();
    const first = await createKey(team.admin);
    const second = mustOk(await rollApiKey(team.admin, first.key.id, { gracePeriod: "7d" }));
    expect(await verdict(verifier, first.secret)).toBeNull();
    const third = mustOk(await rollApiKey(team.admin, first.key.id, { gracePeriod: "7d" }));
    expect(await verdict(verifier, first.secret)).toBe("invalid_api_key");
    expect(await verdict(verifier, second.secret)).toBeNull();
    expect(await verdict(verifier, third.secret)).toBeNull();
    const [ended] = await auditOf(team.ws.id, "api_key.previous_secret_expired");
    expect(ended).toMatchObject({ targetId: first.key.id, details: { reason: "rolled again" } });
  });

  it("concurrent rolls of one key never leave three valid secrets", async () => {
    const team = await createTeam();
    const key = await createKey(team.admin);
    // Different members (each one's own transactions already queue on their membership row).
    const rollers = [team.admin, team.owner, await team.join(["administrator"], "Ann Other"), await team.join(["administrator"], "Al Third")];
    const rolls = await Promise.all(rollers.concat(rollers).map((m) => rollApiKey(m, key.key.id, { gracePeriod: "24h" })));
    const secrets = [key.secret, ...rolls.map((r) => mustOk(r).secret)];
    const fresh = listeningVerifier();
    try {
      const valid = [];
      for (const s of secrets) if ((await verdict(fresh.verifier, s)) === null) valid.push(s);
      // Each roll saw the one before it: the two secrets that work are those of the last two
      // rolls in the order they were written (without the row lock, a roll keeps as "previous" a
      // secret some other roll had already replaced).
      const order = (await auditOf(team.ws.id, "api_key.rolled")).map((e) => (e.details as { hint: string }).hint);
      const lastTwo = order.slice(-2).map((hint) => secrets.find((s) => secretHint(s) === hint));
      expect(valid.sort()).toEqual(lastTwo.sort());
    } finally {
      fresh.stop();
    }
    expect(await auditOf(team.ws.id, "api_key.rolled")).toHaveLength(8);
  });

  it('"Expire now" refuses the previous secret at once and records it; nothing when there is none', async () => {
    const team = await createTeam();
    const key = await createKey(team.admin);
    const rolled = mustOk(await rollApiKey(team.admin, key.key.id, { gracePeriod: "24h" }));
    expect(await verdict(verifier, key.secret)).toBeNull();
    const view = mustOk(await expirePreviousSecret(team.admin, key.key.id));
    expect(view.previousSecret).toBeNull();
    expect(await verdict(verifier, key.secret)).toBe("invalid_api_key");
    expect(await verdict(verifier, rolled.secret)).toBeNull();
    expect(await auditOf(team.ws.id, "api_key.previous_secret_expired")).toHaveLength(1);
    mustOk(await expirePreviousSecret(team.admin, key.key.id));
    expect(await auditOf(team.ws.id, "api_key.previous_secret_expired")).toHaveLength(1);
  });

  it("records the previous secret's own last use", async () => {
    const team = await createTeam();
    const key = await createKey(team.admin);
    mustOk(await rollApiKey(team.admin, key.key.id, { gracePeriod: "1h" }));
    const recorder = new LastUsedRecorder({ db: () => getDb(), flushMs: 60_000 });
    const at = Date.now();
    recorder.recordPreviousSecret(hashSecret(key.secret), at);
    await recorder.flush();
    expect((await keyRow(key.key.id))!.previousSecretLastUsedAt?.getTime()).toBe(at);
    expect(mustOk(await getApiKey(team.admin, key.key.id)).previousSecret?.lastUsedAt).toBe(new Date(at).toISOString());
  });

  it("stores the new secret encrypted, unless the workspace shows secrets only once", async () => {
    const team = await createTeam();
    const key = await createKey(team.admin);
    const setOnce = (on: boolean) => getDb().update(workspaces).set({ showSecretsOnce: on }).where(eq(workspaces.id, team.ws.id));
    await setOnce(false);
    const kept = mustOk(await rollApiKey(team.admin, key.key.id, { gracePeriod: "1h" }));
    const row = (await keyRow(key.key.id))!;
    expect(row.secretHash).toBe(hashSecret(kept.secret));
    expect(decryptSecret(row.secretCiphertext!, key.key.id)).toBe(kept.secret);
    await setOnce(true);
    mustOk(await rollApiKey(team.admin, key.key.id, { gracePeriod: "1h" }));
    expect((await keyRow(key.key.id))!.secretCiphertext).toBeNull();
  });

  it("refuses unknown grace periods, keys one may not change, and the owner key for all but the Owner; nothing changes", async () => {
    const team = await createTeam();
    const key = await createKey(team.admin);
    const ownerKey = await createKey(team.owner, { name: "Owner key", roleIds: [team.ws.roleIds.owner] });
    const readerRole = await createTestRole(team.ws.id, "Key reader", ["workspace:read", "members:read", "api_keys:read", "api_keys:create"]);
    const reader = await team.join([readerRole], "Kim Reader");
    const before = await snapshotWorkspace(team.ws.id);

    for (const gracePeriod of ["2h", "", 24, null]) {
      const bad = await rollApiKey(team.admin, key.key.id, { gracePeriod });
      expect(bad).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { gracePeriod: expect.stringContaining("Grace period") } });
    }
    expect(await rollApiKey(team.admin, key.key.id, { gracePeriod: "1h", extra: 1 })).toMatchObject({ ok: false, code: "invalid_request" });
    expect(await rollApiKey(team.admin, ownerKey.key.id, {})).toMatchObject({ ok: false, code: "not_found" });
    expect(await expirePreviousSecret(team.admin, ownerKey.key.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await rollApiKey(team.standard, key.key.id, {})).toMatchObject({ ok: false, code: "not_found" });
    expect(await rollApiKey(reader, key.key.id, {})).toMatchObject({ ok: false, code: "forbidden" });
    expect(await rollApiKey(team.readOnly, key.key.id, {})).toMatchObject({ ok: false, code: "forbidden" });
    expect(await rollApiKey(team.admin, "key_doesnotexist0000", {})).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshotWorkspace(team.ws.id)).toEqual(before);

    expect(mustOk(await rollApiKey(team.owner, ownerKey.key.id, { gracePeriod: "none" })).key.isOwnerKey).toBe(true);
  });
});

describe("a grace period that runs out on its own (SPEC §9.1)", () => {
  it("is cleared by the periodic sweep with one api_key.previous_secret_expired, however many sweeps race", async () => {
    const team = await createTeam();
    const created = await createKey(team.admin);
    const rolled = mustOk(await rollApiKey(team.admin, created.key.id, { gracePeriod: "1h" }));
    const until = new Date(Date.parse(rolled.previousSecretValidUntil!));
    // Other tests' keys may be swept too (a kept database): this key only once its grace ended.
    await endElapsedGracePeriods(getDb(), new Date(until.getTime() - 1));
    expect(mustOk(await getApiKey(team.admin, created.key.id)).previousSecret).not.toBeNull();
    const swept = await Promise.all([0, 1, 2].map(() => endElapsedGracePeriods(getDb(), until)));
    expect(swept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const events = await auditOf(team.ws.id, "api_key.previous_secret_expired");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ targetId: created.key.id, actorName: "Keyward", details: { reason: "grace period ended", hint: created.key.hint } });
    expect(mustOk(await getApiKey(team.admin, created.key.id)).previousSecret).toBeNull();
    expect(await verdict(verifier, created.secret)).toBe("invalid_api_key");
    expect(await verdict(verifier, rolled.secret)).toBeNull();
  });
});
