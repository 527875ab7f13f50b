import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";
import { decryptSecret } from "@/lib/crypto/aes";
import { createApiKey, deleteApiKey, getApiKey, listApiKeyAuditTrail, listApiKeys, modifyApiKey, revealApiKeySecret } from "./rules";
import { createTeam, mustOk, setShowSecretsOnce, withTestDatabase } from "@/lib/testing";

// SPEC §2: the secret is stored as a SHA-256 hash, plus AES-256-GCM ciphertext unless the
// workspace shows secrets only once; never in plain text, never in an event or a log line.
withTestDatabase();

afterEach(() => {
  vi.restoreAllMocks();
});

/** The forms a leaked secret could take: itself, its random part, base64 and hex encodings. */
function leakedForms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  return [secret, secret.slice(3, 29), bytes.toString("base64"), bytes.toString("base64url"), bytes.toString("hex")];
}

function expectNoLeak(haystack: string, secret: string) {
  for (const form of leakedForms(secret)) expect(haystack, `found ${form}`).not.toContain(form);
  expect(haystack.toLowerCase()).not.toContain(secret.toLowerCase());
}

/** Every column of the key's row, read with `select *` so columns added later are scanned too. */
async function rawKeyRow(keyId: string) {
  const [row] = await selectRows<Record<string, unknown>>(getDb(), sql`select * from api_keys where id = ${keyId}`);
  return row!;
}

describe("secrets at rest", () => {
  it("no column of api_keys holds the secret in plain text or encoded", async () => {
    const { ws, admin } = await createTeam();
    const { key, secret } = mustOk(await createApiKey(admin, { name: "at rest", roleIds: [ws.roleIds.read_only] }));
    const row = await rawKeyRow(key.id);
    expect(Object.keys(row)).toEqual(expect.arrayContaining(["secret_hash", "secret_ciphertext", "hint"]));
    for (const value of Object.values(row)) expectNoLeak(JSON.stringify(value) ?? "", secret);
    expect(row.hint).toBe(`${secret.slice(0, 7)}…${secret.slice(-4)}`);
  });

  it("decrypts only with the server's KEY_ENCRYPTION_KEY and only for its own key id", async () => {
    const { ws, admin } = await createTeam();
    const first = mustOk(await createApiKey(admin, { name: "first", roleIds: [ws.roleIds.read_only] }));
    const second = mustOk(await createApiKey(admin, { name: "second", roleIds: [ws.roleIds.read_only] }));
    const ciphertext = String((await rawKeyRow(first.key.id)).secret_ciphertext);

    expect(decryptSecret(ciphertext, first.key.id)).toBe(first.secret);
    expect(() => decryptSecret(ciphertext, first.key.id, randomBytes(32))).toThrow();
    // A ciphertext copied onto another row does not decrypt there.
    expect(() => decryptSecret(ciphertext, second.key.id)).toThrow();
  });

  it("stores no ciphertext in a workspace that shows secrets only once: reveal and copy return null", async () => {
    const { ws, admin } = await createTeam();
    await setShowSecretsOnce(ws.id, true);
    const { key, secret } = mustOk(await createApiKey(admin, { name: "shown once", roleIds: [ws.roleIds.read_only] }));
    expect(secret).toMatch(/^ak_[0-9A-Za-z]{32}$/);
    expect(key.secretStored).toBe(false);
    expect((await rawKeyRow(key.id)).secret_ciphertext).toBeNull();
    expect(await revealApiKeySecret(admin, key.id, "reveal")).toEqual({ ok: true, data: { secret: null } });
    expect(await revealApiKeySecret(admin, key.id, "copy")).toEqual({ ok: true, data: { secret: null } });
  });
});

describe("secrets in transit", () => {
  it("never appear in audit events, views, lists or log lines; only create, reveal and copy return them", async () => {
    const { ws, admin } = await createTeam();
    const written: string[] = [];
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    }
    const { key, secret } = mustOk(await createApiKey(admin, { name: "in transit", roleIds: [ws.roleIds.read_only] }));
    mustOk(await modifyApiKey(admin, key.id, { name: "in transit 2", description: "changed" }));
    expect(mustOk(await revealApiKeySecret(admin, key.id, "reveal")).secret).toBe(secret);
    expect(mustOk(await revealApiKeySecret(admin, key.id, "copy")).secret).toBe(secret);
    const views = JSON.stringify([
      mustOk(await getApiKey(admin, key.id)),
      mustOk(await listApiKeys(admin, {})),
      mustOk(await listApiKeys(admin, { q: "transit" })),
      mustOk(await listApiKeyAuditTrail(admin, key.id)),
    ]);
    mustOk(await deleteApiKey(admin, key.id));
    vi.restoreAllMocks();

    const events = await selectRows(getDb(), sql`select * from audit_events where workspace_id = ${ws.id}`);
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["api_key.create", "api_key.modify", "api_key.reveal", "api_key.copy", "api_key.delete"]),
    );
    expectNoLeak(JSON.stringify(events), secret);
    expectNoLeak(views, secret);
    expectNoLeak(written.join(""), secret);
  });
});
