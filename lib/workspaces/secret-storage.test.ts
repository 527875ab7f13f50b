import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { createTestWorkspace, openTestDatabase, type TestWorkspace } from "@/lib/testing/database";
import type { Membership } from "@/lib/auth/membership";
import { encryptSecret } from "@/lib/crypto/aes";
import { generateKeyId, generateSecret, hashSecret, secretHint } from "@/lib/keys/format";
import { actorOf } from "@/lib/testing/actor";
import { countStoredSecrets, lastTurnedOnShowOnce } from "./secret-storage";
import { setShowSecretsOnce } from "./settings";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

async function storedKey(ws: TestWorkspace, creator: Membership, owner = false) {
  const id = generateKeyId();
  const secret = generateSecret();
  await handle.db.insert(apiKeys).values({
    id,
    workspaceId: ws.id,
    name: `k-${id}`,
    secretHash: hashSecret(secret),
    secretCiphertext: encryptSecret(secret, id),
    hint: secretHint(secret),
    isOwnerKey: owner,
    createdByUserId: creator.userId,
  });
}

describe("countStoredSecrets", () => {
  it("counts the keys a switch to show-once would clear, the owner key for the Owner only", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    await storedKey(ws, admin);
    await storedKey(ws, admin);
    await storedKey(ws, owner, true);
    expect(await countStoredSecrets(ws.id, true)).toBe(3);
    expect(await countStoredSecrets(ws.id, false)).toBe(2);
    await setShowSecretsOnce(actorOf(owner, "Olivia Owner"), { enabled: true });
    expect(await countStoredSecrets(ws.id, true)).toBe(0);
  });
});

describe("lastTurnedOnShowOnce", () => {
  it("is null until the setting is turned on, then names the last one who turned it on", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    expect(await lastTurnedOnShowOnce(ws.id)).toBeNull();
    const before = Date.now();
    await setShowSecretsOnce(actorOf(owner, "First"), { enabled: true });
    await setShowSecretsOnce(actorOf(owner, "Off again"), { enabled: false });
    expect(await lastTurnedOnShowOnce(ws.id)).toMatchObject({ by: "First" });
    await setShowSecretsOnce(actorOf(owner, "Second"), { enabled: true });
    const last = await lastTurnedOnShowOnce(ws.id);
    expect(last?.by).toBe("Second");
    expect(Date.parse(last!.at)).toBeGreaterThanOrEqual(before - 1000);
    // Another workspace's switch is not this one's.
    expect(await lastTurnedOnShowOnce((await createTestWorkspace()).id)).toBeNull();
  });
});
