import { and, eq, inArray, not, notInArray, or, sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { newestFirst, selectKeyRows, type KeyRow } from "./queries";
import { hashSecret, isKeyId, isWellFormedSecret } from "./format";

/**
 * A search pages through at most this many matches, like GitHub's search. Past it the total is
 * shown as "1,000+" and the user narrows the query; this is what keeps a broad search over
 * 100,000 keys as fast as a narrow one (no query counts, sorts or ranks more than this).
 */
export const SEARCH_LIMIT = 1000;

// word_similarity threshold: low enough that "prodrep" and "prodcut" find "productreport".
const WORD_SIMILARITY = 0.35;
// Keys sharing a hint's first part ("ak_kHZw") are pinned up to this many; 62⁴ values make more rare.
const IDENTIFIED_MAX = 20;
// What the list shows ("ak_kHZw…abcd"), typed with "..." too, or only its first part.
const HINT_PATTERN = /^(ak_[0-9A-Za-z]{4})(?:(?:…|\.{3})([0-9A-Za-z]{4}))?$/;

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The keys `q` names outright: a Key ID, a full secret (looked up by its hash, like a request
 * presenting it), or a hint as the list shows it. Each walks an index: the primary key, the
 * unique secret hash, (workspace_id, left(hint, 7)).
 */
export function identifiedBy(q: string): SQL | null {
  if (isKeyId(q)) return eq(apiKeys.id, q);
  if (isWellFormedSecret(q)) return eq(apiKeys.secretHash, hashSecret(q));
  const hint = HINT_PATTERN.exec(q);
  if (!hint) return null;
  const start = sql`left(${apiKeys.hint}, 7) = ${hint[1]}`;
  return hint[2] ? and(start, eq(apiKeys.hint, `${hint[1]}…${hint[2]}`))! : start;
}

export type SearchPage = {
  rows: KeyRow[];
  /** Matches, at most SEARCH_LIMIT. */
  total: number;
  /** More keys match than `total`; only the first SEARCH_LIMIT can be paged through. */
  totalCapped: boolean;
  hasNext: boolean;
};

/** Pinned first: the owner key when it matches (only the Owner sees it), keys `q` identifies, the exact name. */
async function pinnedMatches(tx: Executor, visible: SQL, q: string, anyMatch: SQL): Promise<KeyRow[]> {
  const identity = identifiedBy(q);
  const [ownerKey] = await selectKeyRows(tx).where(and(visible, apiKeys.isOwnerKey, anyMatch)).limit(1);
  const identified = identity
    ? await selectKeyRows(tx)
        .where(and(visible, not(apiKeys.isOwnerKey), identity))
        .orderBy(...newestFirst)
        .limit(IDENTIFIED_MAX)
    : [];
  // The unique (workspace, lower(name)) index finds it.
  const [exactMatch] = await selectKeyRows(tx)
    .where(and(visible, not(apiKeys.isOwnerKey), sql`lower(${apiKeys.name}) = lower(${q})`))
    .limit(1);
  const seen = new Set<string>();
  return [ownerKey, ...identified, exactMatch].filter((row): row is KeyRow => {
    if (!row || seen.has(row.id)) return false;
    seen.add(row.id);
    return true;
  });
}

/**
 * One page of the matches of `q` among the keys `visible` selects, in this order:
 *  1. pinned (see `pinnedMatches`);
 *  2. the other keys whose name contains `q`, newest first: a walk of the (workspace,
 *     created_at) index that stops after the page when matches are common, or the trigram GIN
 *     index when they are rare — the planner picks;
 *  3. keys whose description (but not name) contains `q`, newest first, the same way;
 *  4. typo-tolerant name matches (pg_trgm word similarity) that contain `q` nowhere, most
 *     similar first, ranked among the newest SEARCH_LIMIT of them; none when `q` is a Key ID,
 *     a secret or a hint (`identifiedBy`).
 * `offset` counts positions in that sequence; `tx` must be a transaction (the similarity
 * threshold is set for it alone).
 */
export async function searchKeys(tx: Executor, visible: SQL, q: string, offset: number, limit: number): Promise<SearchPage> {
  await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`);
  const pattern = `%${escapeLike(q)}%`;
  const inName = sql`${apiKeys.name} ilike ${pattern}`;
  const inDescription = sql`${apiKeys.description} ilike ${pattern}`;
  const similar = sql`${q} <% ${apiKeys.name}`;
  const identity = identifiedBy(q);
  // Typos are forgiven in names, not in what identifies a key: a hint's first part ("ak_6f02")
  // would otherwise match every name with a "6f…" word, a trigram scan of the whole workspace
  // (3 s at 1,000,000 keys, issue #20).
  const anyMatch = or(inName, inDescription, ...(identity ? [identity] : [similar]))!;

  const pinned = await pinnedMatches(tx, visible, q, anyMatch);
  const rest = and(visible, not(apiKeys.isOwnerKey), pinned.length ? notInArray(apiKeys.id, pinned.map((r) => r.id)) : undefined)!;
  const tiers = [and(rest, inName)!, and(rest, inDescription, sql`not (${inName})`)!];

  // Each tier is counted only up to the room the ones before it leave under the limit.
  let room = SEARCH_LIMIT - pinned.length;
  let capped = false;
  const counts: number[] = [];
  for (const where of tiers) {
    const n: number = capped ? 0 : await countUpTo(tx, where, room + 1);
    capped ||= n > room;
    counts.push(Math.min(n, room));
    room -= Math.min(n, room);
  }
  const similarIds = capped || identity ? [] : await similarMatches(tx, and(rest, sql`not (${inName})`, sql`not (${inDescription})`, similar)!, q, room + 1);
  capped ||= similarIds.length > room;
  const similarCount = Math.min(similarIds.length, room);
  const total = capped ? SEARCH_LIMIT : pinned.length + counts[0]! + counts[1]! + similarCount;

  // The page is a window [offset, end) over pinned ++ tiers ++ similar.
  const end = Math.min(offset + limit, total);
  const page: KeyRow[] = pinned.slice(offset, end);
  let position = pinned.length;
  for (const [i, where] of tiers.entries()) {
    const from = Math.max(0, offset - position);
    const to = Math.min(end - position, counts[i]!);
    if (to > from) {
      page.push(...(await selectKeyRows(tx).where(where).orderBy(...newestFirst).limit(to - from).offset(from)));
    }
    position += counts[i]!;
  }
  const wanted = similarIds.slice(Math.max(0, offset - position), Math.max(0, Math.min(end - position, similarCount)));
  if (wanted.length > 0) {
    const byId = new Map((await selectKeyRows(tx).where(inArray(apiKeys.id, wanted))).map((r) => [r.id, r]));
    for (const id of wanted) {
      const row = byId.get(id);
      if (row) page.push(row);
    }
  }
  return { rows: page, total, totalCapped: capped, hasNext: end < total };
}

async function countUpTo(tx: Executor, where: SQL, cap: number): Promise<number> {
  const [counted] = await selectRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from (select 1 from ${apiKeys} where ${where} limit ${cap}) matches`,
  );
  return counted?.n ?? 0;
}

/** Ids of up to `cap` typo matches, most similar first, among the newest `cap` of them. */
async function similarMatches(tx: Executor, where: SQL, q: string, cap: number): Promise<string[]> {
  const found = await selectRows<{ id: string }>(
    tx,
    sql`with candidates as (
          select ${apiKeys.id} as id, ${apiKeys.name} as name, ${apiKeys.createdAt} as created_at
          from ${apiKeys}
          where ${where}
          order by ${sql.join(newestFirst, sql`, `)}
          limit ${cap})
        select id from candidates
        order by word_similarity(${q}, name) desc, created_at desc, id desc`,
  );
  return found.map((r) => r.id);
}
