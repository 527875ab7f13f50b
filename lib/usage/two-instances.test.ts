import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { call, startTestInstance, stopTestInstance } from "@/lib/openapi/testing";
import { createTestKey, createTestWorkspace, withTestDatabase } from "@/lib/testing";
import { queryKeyUsage, queryWorkspaceUsage } from "./queries";

const serverDatabase = Boolean(process.env.DATABASE_URL);

// Two processes on one database need a PostgreSQL server (see lib/openapi/two-instances.test.ts).
describe.skipIf(!serverDatabase)("usage counted by two app instances on one database (skipped: DATABASE_URL unset)", () => {
  withTestDatabase();

  it("adds both instances' counts to the same buckets, and each writes its counts when stopped with SIGTERM", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin, ["read_only"]);
    // Counts are flushed every 10 minutes here: only the SIGTERM path can have written them.
    process.env.USAGE_FLUSH_MS = "600000";
    const [a, b] = await Promise.all([startTestInstance(), startTestInstance()]);
    try {
      const requests = (url: string, n: number, path: string) =>
        Promise.all(Array.from({ length: n }, () => call(url, path, { key: key.secret })));
      await Promise.all([
        requests(a.url, 30, "/api/v1/me"),
        requests(b.url, 20, "/api/v1/me"),
        requests(a.url, 4, "/api/v1/audit-log"),
        requests(b.url, 6, "/api/v1/audit-log"),
      ]);
      expect((await queryKeyUsage(getDb(), ws.id, key.id, "24h")).totals).toEqual({ success: 0, refused: 0 });
    } finally {
      expect(await stopTestInstance(a)).toBe(0);
      expect(await stopTestInstance(b)).toBe(0);
      delete process.env.USAGE_FLUSH_MS;
    }
    const usage = await queryKeyUsage(getDb(), ws.id, key.id, "24h");
    expect(usage.totals).toEqual({ success: 50, refused: 10 });
    expect(usage.buckets.reduce((n, b) => n + (b.byCode.forbidden ?? 0), 0)).toBe(10);
    expect((await queryWorkspaceUsage(getDb(), ws.id, "24h")).totals).toEqual({ success: 50, refused: 10 });
  }, 180_000);
});
