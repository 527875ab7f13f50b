import { describe, expect, it } from "vitest";
import { createTestWorkspace } from "@/lib/testing/database";
import { actorFromMembership } from "@/lib/auth/actor";
import { signRequest } from "@/lib/signing/format";
import { createSharedSecret, revealSharedSecret, rotateSharedSecret, setRequireSignedRequests } from "@/lib/signing/shared-secret";
import { answeredWithin, call, withTwoInstances } from "./testing";
import { createTestKey } from "@/lib/testing";

const serverDatabase = Boolean(process.env.DATABASE_URL);

// Needs a PostgreSQL server, like two-instances.test.ts:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> npx vitest run lib/openapi/signed-requests-instances.test.ts
describe.skipIf(!serverDatabase)("signed requests across two app instances (skipped: DATABASE_URL unset)", () => {
  const instances = withTwoInstances();

  it("turning signing on, rotating without grace and replays reach every instance", async () => {
    const ws = await createTestWorkspace("small");
    const owner = await ws.addMember(["owner"]);
    const actor = actorFromMembership(owner, { name: "Olive", email: "olive@x.test" });
    const key = await createTestKey(ws, owner, ["standard"]);
    await createSharedSecret(actor);
    const reveal = async () => {
      const r = await revealSharedSecret(actor, "reveal");
      if (!r.ok) throw new Error(r.error);
      return r.data.secret;
    };

    // Both instances have the key (and "no signing") in memory.
    for (const instance of [instances.a(), instances.b()]) expect((await call(instance.url, "/api/v1/me", { key: key.secret })).status).toBe(200);

    // Turned on in this process: the instances hear of it through NOTIFY.
    expect((await setRequireSignedRequests(actor, { enabled: true })).ok).toBe(true);
    for (const instance of [instances.a(), instances.b()]) {
      const seen = await answeredWithin(() => call(instance.url, "/api/v1/me", { key: key.secret }), "missing_signature", 1_000);
      expect(seen.code).toBe("missing_signature");
      expect(seen.ms).toBeLessThan(1_000);
    }

    const old = await reveal();
    const headers = signRequest({ secret: old, method: "GET", pathWithQuery: "/api/v1/me?replay=1" });
    expect((await call(instances.a().url, "/api/v1/me?replay=1", { key: key.secret, headers })).status).toBe(200);
    const replayed = await call(instances.b().url, "/api/v1/me?replay=1", { key: key.secret, headers });
    expect(replayed.body.error?.code).toBe("replayed_request");

    expect((await rotateSharedSecret(actor, { grace: "none" })).ok).toBe(true);
    let n = 0;
    for (const instance of [instances.a(), instances.b()]) {
      const seen = await answeredWithin(
        () => call(instance.url, `/api/v1/me?n=${++n}`, { key: key.secret, headers: signRequest({ secret: old, method: "GET", pathWithQuery: `/api/v1/me?n=${n}` }) }),
        "invalid_signature",
        1_000,
      );
      expect(seen.code).toBe("invalid_signature");
      expect(seen.ms).toBeLessThan(1_000);
    }
    const current = await reveal();
    const fresh = signRequest({ secret: current, method: "GET", pathWithQuery: "/api/v1/me?fresh=1" });
    expect((await call(instances.b().url, "/api/v1/me?fresh=1", { key: key.secret, headers: fresh })).status).toBe(200);

    // Off again: unsigned requests pass everywhere.
    expect((await setRequireSignedRequests(actor, { enabled: false })).ok).toBe(true);
    for (const instance of [instances.a(), instances.b()]) {
      const started = Date.now();
      let status = 0;
      while (status !== 200 && Date.now() - started < 3_000) status = (await call(instance.url, "/api/v1/me", { key: key.secret })).status;
      expect(status).toBe(200);
    }
  });
});
