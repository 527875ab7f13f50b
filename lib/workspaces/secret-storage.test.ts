import { describe, expect, it } from "vitest";
import { createTestWorkspace, withTestDatabase } from "@/lib/testing/database";
import { actorOf } from "@/lib/testing/actor";
import { countStoredSecrets, lastTurnedOnShowOnce } from "./secret-storage";
import { setShowSecretsOnce } from "./settings";
import { insertTestKey } from "@/lib/testing/keys";

withTestDatabase();

describe("countStoredSecrets", () => {
  it("counts the keys a switch to show-once would clear, the owner key for the Owner only", async () => {
    const ws = await createTestWorkspace();
    const owner = await ws.addMember(["owner"]);
    const admin = await ws.addMember(["administrator"]);
    await insertTestKey(ws, admin, { stored: true });
    await insertTestKey(ws, admin, { stored: true });
    await insertTestKey(ws, owner, { stored: true, owner: true });
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
