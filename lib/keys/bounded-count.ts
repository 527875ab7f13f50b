import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";

/**
 * The plain list counts its keys up to this many; past it the total reads "10,000+" (like a
 * search's "1,000+"), so a page at a million keys never scans them all to count them.
 */
export const LIST_COUNT_LIMIT = 10_000;

/** Keys matching `where`, counted up to `limit`: `capped` when there are more. Reads at most limit + 1 index entries. */
export async function countKeysUpTo(db: Executor, where: SQL, limit = LIST_COUNT_LIMIT): Promise<{ total: number; capped: boolean }> {
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from ${apiKeys} where ${where} limit ${limit + 1}) as matching`,
  );
  const n = Number(row?.n ?? 0);
  return { total: Math.min(n, limit), capped: n > limit };
}
