import { and, eq, not, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import { API_KEY_SORTS, listApiKeysSchema, type ApiKeySort } from "@/lib/validations/api-keys";
import { canUseKeys, NO_KEY_ACCESS, seesOwnerKey } from "./policy";
import { identifiedBy, SEARCH_LIMIT, searchKeys } from "./search";
import { isWellFormedSecret } from "./format";
import { countKeysUpTo } from "./bounded-count";
import { statusCondition } from "./status-filter";
import { newestFirst, rolesOfKeys, selectKeyRows, toKeyView, visibleKeysCondition, type KeyRow } from "./queries";
import type { ApiKeyPage, KeyActor } from "./types";

// Opaque page cursors: a keyset position in the list's order, or an offset into ranked search.
type KeysetCursor = { d: "after" | "before"; s: ApiKeySort; v: string[] };
type Cursor = KeysetCursor | { d: "offset"; o: number };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string | undefined): Cursor | null | "invalid" {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (c.d === "offset" && Number.isInteger(c.o) && c.o >= 0 && c.o < SEARCH_LIMIT) return c;
    if ((c.d === "after" || c.d === "before") && API_KEY_SORTS.includes(c.s) && Array.isArray(c.v) && KEYSETS[sortKey(c.s)].valid(c.v)) {
      return c;
    }
  } catch {
    // fall through
  }
  return "invalid";
}

const sortKey = (sort: ApiKeySort) => (sort.replace("-", "") as "created" | "name");

/**
 * The list's orders, each walking an index so that any page costs the same at 100,000 keys:
 * created on (workspace_id, created_at DESC NULLS LAST, id DESC NULLS LAST), name on the unique
 * (workspace_id, lower(name)) of non-owner keys. An ORDER BY must say the index's NULLS order
 * (the planner does not infer it from NOT NULL) and a cursor must be a row comparison, or
 * PostgreSQL sorts or filters every key of the workspace per page.
 */
const KEYSETS = {
  created: {
    ascending: [sql`${apiKeys.createdAt} asc nulls first`, sql`${apiKeys.id} asc nulls first`],
    descending: newestFirst,
    values: (row: KeyRow) => [row.createdAtExact, row.id],
    valid: (v: unknown[]) => v.length === 2 && v.every((x) => typeof x === "string") && !Number.isNaN(Date.parse(v[0] as string)),
    beyond: (op: ">" | "<", [t, id]: string[]) => sql`(${apiKeys.createdAt}, ${apiKeys.id}) ${sql.raw(op)} (${t}::timestamptz, ${id})`,
  },
  name: {
    ascending: [sql`lower(${apiKeys.name}) asc nulls last`],
    descending: [sql`lower(${apiKeys.name}) desc nulls first`],
    values: (row: KeyRow) => [row.nameKey],
    valid: (v: unknown[]) => v.length === 1 && typeof v[0] === "string",
    beyond: (op: ">" | "<", [name]: string[]) => sql`lower(${apiKeys.name}) ${sql.raw(op)} ${name}`,
  },
};

/**
 * The keys the actor may see, owner key pinned first for the Owner, then in `sort` order (newest
 * first by default); or, with `q`, the first SEARCH_LIMIT matches: the exact name, substring
 * matches, then typo-tolerant trigram matches (pg_trgm), see `searchKeys`.
 */
export async function listApiKeys(actor: KeyActor, input: unknown): Promise<Result<ApiKeyPage>> {
  const parsed = listApiKeysSchema.safeParse(input ?? {});
  if (!parsed.success) return invalidInput(parsed.error.issues);
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  const { q, createdBy, limit, sort, status } = parsed.data;
  const cursor = decodeCursor(parsed.data.cursor);
  if (
    cursor === "invalid" ||
    (cursor && q && cursor.d !== "offset") ||
    (cursor && !q && (cursor.d === "offset" || cursor.s !== sort))
  ) {
    return fail("invalid_request", "cursor: Invalid cursor", { cursor: "Invalid cursor" });
  }

  const filters: SQL[] = [visibleKeysCondition(actor)];
  if (createdBy === "me") filters.push(eq(apiKeys.createdByUserId, actor.userId));
  const byStatus = statusCondition(status);
  if (byStatus) filters.push(byStatus);

  if (q) {
    const offset = cursor?.d === "offset" ? cursor.o : 0;
    return getDb().transaction(async (tx) => {
      const found = await searchKeys(tx, and(...filters)!, q, offset, limit);
      return ok({
        items: await views(actor, found.rows, tx),
        total: found.total,
        totalCapped: found.totalCapped,
        nextCursor: found.hasNext ? encodeCursor({ d: "offset", o: offset + limit }) : null,
        prevCursor: offset > 0 ? encodeCursor({ d: "offset", o: Math.max(0, offset - limit) }) : null,
      });
    });
  }

  return keysetPage(actor, filters, sort, cursor?.d === "offset" ? null : cursor, limit);
}

/**
 * The plain list: the owner key is pinned on the first page, the rest is a keyset walk of the
 * index of the chosen order, fast however many keys there are.
 */
async function keysetPage(
  actor: KeyActor,
  filters: SQL[],
  sort: ApiKeySort,
  cursor: KeysetCursor | null,
  limit: number,
): Promise<Result<ApiKeyPage>> {
  const db = getDb();
  const rest = and(...filters, not(apiKeys.isOwnerKey))!;
  const keyset = KEYSETS[sortKey(sort)];
  const descending = sort.startsWith("-");
  const before = cursor?.d === "before";
  // The page, the pinned owner key and the bounded count are independent reads: on PostgreSQL
  // they run side by side on the pool's connections, so a page costs the slowest of them, not
  // their sum. The owner key is read unless the page is surely not the first (an "after" cursor).
  const [found, owner, count] = await Promise.all([
    selectKeyRows(db)
      .where(and(rest, cursor ? keyset.beyond(descending === before ? ">" : "<", cursor.v) : undefined))
      .orderBy(...(descending === before ? keyset.ascending : keyset.descending))
      .limit(limit + 1),
    seesOwnerKey(actor) && cursor?.d !== "after"
      ? selectKeyRows(db)
          .where(and(...filters, apiKeys.isOwnerKey))
          .limit(1)
      : Promise.resolve([]),
    countKeysUpTo(db, and(...filters)!),
  ]);
  const more = found.length > limit;
  const rows = before ? found.slice(0, limit).reverse() : found.slice(0, limit);
  const hasNext = before || more;
  const hasPrev = before ? more : Boolean(cursor);
  const pinned = hasPrev ? [] : owner;
  const first = rows[0];
  const last = rows[rows.length - 1];
  return ok({
    items: await views(actor, [...pinned, ...rows], db),
    total: count.total,
    totalCapped: count.capped,
    nextCursor: hasNext && last ? encodeCursor({ d: "after", s: sort, v: keyset.values(last) }) : null,
    prevCursor: hasPrev && first ? encodeCursor({ d: "before", s: sort, v: keyset.values(first) }) : null,
  });
}

async function views(actor: KeyActor, rows: KeyRow[], db: Executor) {
  const keyRoles = await rolesOfKeys(
    rows.map((r) => r.id),
    db,
  );
  return rows.map((r) => toKeyView(actor, r, keyRoles.get(r.id) ?? []));
}

/**
 * The id of the visible key whose secret is `secret` (by its hash), for the console's search box:
 * a pasted secret is sent here in a POST body and the list then searches by the Key ID, so the
 * secret never lands in the URL, the history or a log line.
 */
export async function findKeyIdBySecret(actor: KeyActor, secret: unknown): Promise<Result<{ keyId: string | null }>> {
  if (!canUseKeys(actor)) return fail("forbidden", "You don't have permission to manage API keys");
  if (typeof secret !== "string" || !isWellFormedSecret(secret)) {
    return fail("invalid_request", "q: This is not an API key secret", { q: "This is not an API key secret" });
  }
  const [row] = await getDb()
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(visibleKeysCondition(actor), identifiedBy(secret)!))
    .limit(1);
  return ok({ keyId: row?.id ?? null });
}
