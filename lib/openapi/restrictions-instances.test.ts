import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { createTestWorkspace } from "@/lib/testing/database";
import { createTestKey } from "@/lib/testing";
import { call, withTwoInstances } from "./testing";

// SPEC §10 with REDIS_URL: one limit across every instance sharing the Redis server. Two
// processes need a PostgreSQL server and the Redis server (CI sets both). Locally:
//   DATABASE_URL=postgres://… REDIS_URL=redis://127.0.0.1:6379 npx vitest run lib/openapi/restrictions-instances.test.ts
const ready = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

describe.skipIf(!ready)("a key's rate limit across two instances sharing Redis (skipped: DATABASE_URL or REDIS_URL unset)", () => {
  const instances = withTwoInstances();

  it("50 concurrent requests split over both instances against a limit of 10: exactly 10 succeed", async () => {
    const ws = await createTestWorkspace("small");
    const admin = await ws.addMember(["administrator"]);
    const key = await createTestKey(ws, admin, ["read_only"]);
    await instances.handle().db.update(apiKeys).set({ rateLimit: 10, rateLimitWindow: "minute" }).where(eq(apiKeys.id, key.id));

    const urls = [instances.a().url, instances.b().url];
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => call(urls[i % 2]!, "/api/v1/me", { key: key.secret })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(40);
    expect(refused.every((a) => a.body.error?.code === "key_rate_limited" && a.headers.get("ratelimit-remaining") === "0")).toBe(true);
  });
});
