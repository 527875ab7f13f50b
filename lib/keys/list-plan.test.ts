import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { getDatabaseHandle, setDatabaseHandle, type Database, type DatabaseHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { listApiKeys } from "./rules";
import { createKey, createTeam, mustOk, withTestDatabase } from "@/lib/testing";

// The key list must stay fast at 100,000 keys (issue 3): each page is read from the
// (workspace_id, created_at, id) index in order, starting at the cursor — never a sort or a
// filter over every key of the workspace. Checked on the plans of the queries listApiKeys
// really runs, with sorting and sequential scans priced out, so only an index can serve them.
withTestDatabase();

type Logged = { query: string; params: unknown[] };
const logged: Logged[] = [];
let original: DatabaseHandle;

beforeAll(() => {
  original = getDatabaseHandle();
  const logger = { logQuery: (query: string, params: unknown[]) => logged.push({ query, params }) };
  const db =
    original.kind === "pglite"
      ? (drizzlePglite({ client: original.client, schema, logger }) as unknown as Database)
      : (drizzlePostgres({ client: original.client, schema, logger }) as unknown as Database);
  setDatabaseHandle({ ...original, db } as DatabaseHandle);
});
afterAll(() => setDatabaseHandle(original));

const PRICED_OUT = "set local enable_sort = off; set local enable_seqscan = off; set local enable_bitmapscan = off";

async function explain({ query, params }: Logged, settings = PRICED_OUT): Promise<string> {
  const statement = `explain ${query}`;
  if (original.kind === "pglite") {
    const client = original.client;
    return client.transaction(async (tx) => {
      await tx.exec(settings);
      const result = await tx.query<{ "QUERY PLAN": string }>(statement, params);
      return result.rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
  }
  const plan = await original.client.begin(async (sql) => {
    await sql.unsafe(settings);
    return sql.unsafe(statement, params as never[]);
  });
  return (plan as unknown as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]).join("\n");
}

/** The page query of one listApiKeys call: the select ordered by creation time with a limit. */
async function pageQueryOf(call: () => Promise<unknown>): Promise<Logged> {
  logged.length = 0;
  await call();
  const pages = logged.filter((l) => /order by "api_keys"\."created_at"/i.test(l.query) && /limit/i.test(l.query));
  expect(pages).toHaveLength(1);
  return pages[0]!;
}

describe("the key list's query plans", () => {
  it("read the first page, the next page and the previous page straight from the index", async () => {
    const { admin } = await createTeam();
    for (let i = 0; i < 4; i++) await createKey(admin);
    const first = mustOk(await listApiKeys(admin, { limit: 2 }));
    const next = mustOk(await listApiKeys(admin, { limit: 2, cursor: first.nextCursor! }));

    const plans = {
      first: await explain(await pageQueryOf(() => listApiKeys(admin, { limit: 2 }))),
      next: await explain(await pageQueryOf(() => listApiKeys(admin, { limit: 2, cursor: first.nextCursor! }))),
      previous: await explain(await pageQueryOf(() => listApiKeys(admin, { limit: 2, cursor: next.prevCursor! }))),
    };
    for (const [page, plan] of Object.entries(plans)) {
      expect(plan, page).toContain("api_keys_workspace_created_idx");
      expect(plan, page).not.toMatch(/\bSort\b/);
    }
    // The cursor bounds the index scan itself, not a filter applied to every earlier key.
    expect(plans.next).toMatch(/Index Cond: .*ROW\(/);
    expect(plans.previous).toMatch(/Index Cond: .*ROW\(/);
  });
});

describe("the Status filter's count", () => {
  it("counts Active keys from the partial index of enabled keys alone, not from each key's row", async () => {
    const { admin } = await createTeam();
    for (let i = 0; i < 3; i++) await createKey(admin);
    logged.length = 0;
    await listApiKeys(admin, { status: "active" });
    const counts = logged.filter((l) => /count\(\*\)/i.test(l.query) && /limit/i.test(l.query));
    expect(counts).toHaveLength(1);
    // Plain index scans priced out too: the count can be served from an index alone, and only
    // this one holds every column it reads (on a few rows the planner may still prefer a scan).
    const plan = await explain(counts[0]!, `${PRICED_OUT}; set local enable_indexscan = off`);
    expect(plan).toMatch(/Index Only Scan using api_keys_workspace_enabled_creator_idx on api_keys/);
  });
});
