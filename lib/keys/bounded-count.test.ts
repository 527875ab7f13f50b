import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { createTeam, mustOk, withTestDatabase } from "@/lib/testing";
import { countKeysUpTo, LIST_COUNT_LIMIT } from "./bounded-count";
import { listApiKeys } from "./rules";

// Issue #20: the list's total is counted up to a bound, never by scanning a million keys.
withTestDatabase();

/** `count` keys of `userId` in the workspace, in one statement. */
async function insertKeys(workspaceId: string, userId: string, count: number, tag: string) {
  // Unique per run: a PostgreSQL test database keeps earlier runs' rows.
  const prefix = `${tag}${randomBytes(4).toString("hex")}`;
  await getDb().execute(sql`
    insert into api_keys (id, workspace_id, name, secret_hash, hint, created_by_user_id)
    select ${`key_${prefix}`} || lpad(g::text, 8, '0'), ${workspaceId}::uuid, ${`${prefix} `} || g,
           md5(${prefix} || g) || md5('x' || ${prefix} || g), 'ak_0000…0000', ${userId}::uuid
    from generate_series(1, ${count}) g`);
}

describe("the bounded count of the keys list", () => {
  it("counts exactly up to its limit and reports capped past it", async () => {
    const { ws, admin } = await createTeam();
    await insertKeys(ws.id, admin.userId, 5, "cnta");
    const where = and(eq(apiKeys.workspaceId, ws.id), eq(apiKeys.createdByUserId, admin.userId))!;
    expect(await countKeysUpTo(getDb(), where, 5)).toEqual({ total: 5, capped: false });
    expect(await countKeysUpTo(getDb(), where, 4)).toEqual({ total: 4, capped: true });
    expect(await countKeysUpTo(getDb(), where, 10)).toEqual({ total: 5, capped: false });
  });

  it(`lists ${LIST_COUNT_LIMIT.toLocaleString("en-US")}+ keys past the limit, and still pages on`, async () => {
    const { ws, admin, standard } = await createTeam();
    await insertKeys(ws.id, admin.userId, LIST_COUNT_LIMIT, "cntb");
    await insertKeys(ws.id, standard.userId, 1, "cntc");
    const all = mustOk(await listApiKeys(admin, {}));
    expect(all).toMatchObject({ total: LIST_COUNT_LIMIT, totalCapped: true });
    expect(all.nextCursor).not.toBeNull();
    const mine = mustOk(await listApiKeys(admin, { createdBy: "me" }));
    expect(mine).toMatchObject({ total: LIST_COUNT_LIMIT, totalCapped: false });
    const theirs = mustOk(await listApiKeys(standard, { createdBy: "me" }));
    expect(theirs).toMatchObject({ total: 1, totalCapped: false });
  });
});
