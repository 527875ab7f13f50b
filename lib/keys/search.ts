import { and, inArray, not, sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { newestFirst, selectKeyRows, type KeyRow } from "./queries";

/**
 * A search pages through at most this many matches, like GitHub's search. Past it the total is
 * shown as "1,000+" and the user narrows the query; this is what keeps a broad search over
 * 100,000 keys as fast as a narrow one (no query counts, sorts or ranks more than this).
 */
export const SEARCH_LIMIT = 1000;

// word_similarity threshold: low enough that "prodrep" and "prodcut" find "productreport".
const WORD_SIMILARITY = 0.35;

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

export type SearchPage = {
  rows: KeyRow[];
  /** Matches, at most SEARCH_LIMIT. */
  total: number;
  /** More keys match than `total`; only the first SEARCH_LIMIT can be paged through. */
  totalCapped: boolean;
  hasNext: boolean;
};

/**
 * One page of the matches of `q` among the keys `visible` selects, in this order:
 *  1. pinned: the owner key when it matches (it is only ever visible to the Owner), then the
 *     key named exactly `q` (case-insensitive; a unique index finds it);
 *  2. the other keys whose name contains `q`, newest first: a walk of the (workspace,
 *     created_at) index that stops after the page when matches are common, or the trigram GIN
 *     index when they are rare — the planner picks;
 *  3. typo-tolerant matches (pg_trgm word similarity) that do not contain `q`, most similar
 *     first, ranked among the newest SEARCH_LIMIT of them.
 * `offset` counts positions in that sequence; `tx` must be a transaction (the similarity
 * threshold is set for it alone).
 */
export async function searchKeys(tx: Executor, visible: SQL, q: string, offset: number, limit: number): Promise<SearchPage> {
  await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`);
  const substring = sql`${apiKeys.name} ilike ${`%${escapeLike(q)}%`}`;
  const similar = sql`${q} <% ${apiKeys.name}`;
  const exact = sql`lower(${apiKeys.name}) = lower(${q})`;

  // Two index look-ups: the owner-key partial index and the unique (workspace, lower(name)) one.
  const [ownerKey] = await selectKeyRows(tx)
    .where(and(visible, apiKeys.isOwnerKey, sql`(${substring} or ${similar})`))
    .limit(1);
  const [exactMatch] = await selectKeyRows(tx)
    .where(and(visible, not(apiKeys.isOwnerKey), exact))
    .limit(1);
  const pinned = [ownerKey, exactMatch].filter((row): row is KeyRow => row !== undefined);

  const rest = and(visible, not(apiKeys.isOwnerKey), sql`lower(${apiKeys.name}) <> lower(${q})`)!;
  const budget = SEARCH_LIMIT - pinned.length;
  const [counted] = await selectRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from (select 1 from ${apiKeys} where ${and(rest, substring)} limit ${budget + 1}) matches`,
  );
  const substringCount = counted?.n ?? 0;

  // Typo matches are looked for only while the substring matches leave room under the limit.
  let similarIds: string[] = [];
  let capped = substringCount > budget;
  if (!capped) {
    const room = budget - substringCount;
    const found = await selectRows<{ id: string }>(
      tx,
      sql`with candidates as (
            select ${apiKeys.id} as id, ${apiKeys.name} as name, ${apiKeys.createdAt} as created_at
            from ${apiKeys}
            where ${and(rest, sql`not (${substring})`, similar)}
            order by ${sql.join(newestFirst, sql`, `)}
            limit ${room + 1})
          select id from candidates
          order by word_similarity(${q}, name) desc, created_at desc, id desc`,
    );
    capped = found.length > room;
    similarIds = found.map((r) => r.id).slice(0, room);
  }
  const total = capped ? SEARCH_LIMIT : pinned.length + substringCount + similarIds.length;

  // The page is a window [offset, end) over pinned ++ substring ++ similar.
  const end = Math.min(offset + limit, total);
  const page: KeyRow[] = pinned.slice(offset, end);
  const substringFrom = Math.max(0, offset - pinned.length);
  const substringTo = Math.min(end - pinned.length, capped ? budget : substringCount);
  if (substringTo > substringFrom) {
    page.push(
      ...(await selectKeyRows(tx)
        .where(and(rest, substring))
        .orderBy(...newestFirst)
        .limit(substringTo - substringFrom)
        .offset(substringFrom)),
    );
  }
  const similarFrom = Math.max(0, offset - pinned.length - substringCount);
  const wanted = similarIds.slice(similarFrom, Math.max(similarFrom, end - pinned.length - substringCount));
  if (wanted.length > 0) {
    const byId = new Map((await selectKeyRows(tx).where(inArray(apiKeys.id, wanted))).map((r) => [r.id, r]));
    for (const id of wanted) {
      const row = byId.get(id);
      if (row) page.push(row);
    }
  }
  return { rows: page, total, totalCapped: capped, hasNext: end < total };
}
