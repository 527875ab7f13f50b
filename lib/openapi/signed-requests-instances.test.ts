import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestWorkspace, openTestDatabase } from "@/db/testing";
import { actorFromMembership } from "@/lib/keys/actor";
import { signRequest } from "@/lib/signing/format";
import { createSharedSecret, revealSharedSecret, rotateSharedSecret, setRequireSignedRequests } from "@/lib/signing/shared-secret";
import { call, createTestKey } from "./testing";

const serverDatabase = Boolean(process.env.DATABASE_URL);

/** lib/openapi/test-instance.ts in its own process (wired like server.ts, LISTEN included). */
function startInstance(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/openapi/test-instance.ts"], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("instance did not start in 30 s")), 30_000);
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.startsWith('{"port"')) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, child });
    });
  });
}

/** Polls until `request` answers `code`; how long that took. */
async function answeredWithin(request: () => ReturnType<typeof call>, code: string, limitMs: number): Promise<{ ms: number; code?: string }> {
  const started = Date.now();
  for (;;) {
    const res = await request();
    const ms = Date.now() - started;
    if (res.body.error?.code === code || ms > limitMs * 3) return { ms, code: res.body.error?.code };
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Needs a PostgreSQL server, like two-instances.test.ts:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> npx vitest run lib/openapi/signed-requests-instances.test.ts
describe.skipIf(!serverDatabase)("signed requests across two app instances (skipped: DATABASE_URL unset)", () => {
  let handle: DatabaseHandle;
  let a: { url: string; child: ChildProcess };
  let b: { url: string; child: ChildProcess };

  beforeAll(async () => {
    handle = await openTestDatabase();
    [a, b] = await Promise.all([startInstance(), startInstance()]);
  });

  afterAll(async () => {
    for (const instance of [a, b]) {
      if (!instance || instance.child.exitCode !== null) continue;
      instance.child.kill("SIGTERM");
      await new Promise((r) => instance.child.once("exit", r));
    }
    await handle?.close();
  });

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
    for (const instance of [a, b]) expect((await call(instance.url, "/api/v1/me", { key: key.secret })).status).toBe(200);

    // Turned on in this process: the instances hear of it through NOTIFY.
    expect((await setRequireSignedRequests(actor, { enabled: true })).ok).toBe(true);
    for (const instance of [a, b]) {
      const seen = await answeredWithin(() => call(instance.url, "/api/v1/me", { key: key.secret }), "missing_signature", 1_000);
      expect(seen.code).toBe("missing_signature");
      expect(seen.ms).toBeLessThan(1_000);
    }

    const old = await reveal();
    const headers = signRequest({ secret: old, method: "GET", pathWithQuery: "/api/v1/me?replay=1" });
    expect((await call(a.url, "/api/v1/me?replay=1", { key: key.secret, headers })).status).toBe(200);
    const replayed = await call(b.url, "/api/v1/me?replay=1", { key: key.secret, headers });
    expect(replayed.body.error?.code).toBe("replayed_request");

    expect((await rotateSharedSecret(actor, { grace: "none" })).ok).toBe(true);
    let n = 0;
    for (const instance of [a, b]) {
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
    expect((await call(b.url, "/api/v1/me?fresh=1", { key: key.secret, headers: fresh })).status).toBe(200);

    // Off again: unsigned requests pass everywhere.
    expect((await setRequireSignedRequests(actor, { enabled: false })).ok).toBe(true);
    for (const instance of [a, b]) {
      const started = Date.now();
      let status = 0;
      while (status !== 200 && Date.now() - started < 3_000) status = (await call(instance.url, "/api/v1/me", { key: key.secret })).status;
      expect(status).toBe(200);
    }
  });
});
