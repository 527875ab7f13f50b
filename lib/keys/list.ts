import { and, eq, not, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import { listApiKeysSchema } from "@/lib/validations/api-keys";
import { canUseKeys } from "./policy";
import { SEARCH_LIMIT, searchKeys } from "./search";
import { newestFirst, rolesOfKeys, selectKeyRows, toKeyView, visibleKeysCondition, type KeyRow } from "./queries";
import type { ApiKeyPage, KeyActor } from "./types";

// Opaque page cursors: keyset on (created_at, id) for the plain list, offset for ranked search.
type Cursor = { d: "after" | "before"; t: string; i: string } | { d: "offset"; o: number };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string | undefined): Cursor | null | "invalid" {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (c.d === "offset" && Number.isInteger(c.o) && c.o >= 0 && c.o < SEARCH_LIMIT) return c;
    if ((c.d === "after" || c.d === "before") && typeof c.t === "string" && !Number.isNaN(Date.parse(c.t)) && typeof c.i === "string") {
      return c;
    }
  } catch {
    // fall through
  }
  return "invalid";
}

// The indexes are (workspace_id, created_at DESC NULLS LAST, id DESC NULLS LAST): an ORDER BY
// must say the same NULLS order (the planner does not infer it from NOT NULL), and the cursor
// must be a row comparison, or PostgreSQL sorts or filters every key of the workspace per page.
const oldestFirst = [sql`${apiKeys.createdAt} asc nulls first`, sql`${apiKeys.id} asc nulls first`];
const olderThan = (t: string, id: string) => sql`(${apiKeys.createdAt}, ${apiKeys.id}) < (${t}::timestamptz, ${id})`;
const newerThan = (t: string, id: string) => sql`(${apiKeys.createdAt}, ${apiKeys.id}) > (${t}::timestamptz, ${id})`;

/**
 * The keys the actor may see, owner key pinned first for the Owner, then newest first; or, with
 * `q`, the first SEARCH_LIMIT matches: substring matches first, then typo-tolerant trigram
 * matches (pg_trgm), see `searchKeys`.
 */
export async function listApiKeys(actor: KeyActor, input: unknown): Promise<Result<ApiKeyPage>> {
  const parsed = listApiKeysSchema.safeParse(input ?? {});
  if (!parsed.success) return invalidInput(parsed.error.issues);
  if (!canUseKeys(actor)) return fail("forbidden", "You don't have permission to manage API keys");
  const { q, createdBy, limit } = parsed.data;
  const cursor = decodeCursor(parsed.data.cursor);
  if (cursor === "invalid" || (cursor && q && cursor.d !== "offset") || (cursor && !q && cursor.d === "offset")) {
    return fail("invalid_request", "cursor: Invalid cursor", { cursor: "Invalid cursor" });
  }

  const filters: SQL[] = [visibleKeysCondition(actor)];
  if (createdBy === "me") filters.push(eq(apiKeys.createdByUserId, actor.userId));
  const db = getDb();

  if (q) {
    const offset = cursor?.d === "offset" ? cursor.o : 0;
    return db.transaction(async (tx) => {
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

  // Plain list: the owner key is pinned on the first page, the rest is a keyset scan of
  // (workspace_id, created_at desc, id desc), fast however many keys there are.
  const rest = and(...filters, not(apiKeys.isOwnerKey))!;
  let rows: KeyRow[];
  let hasNext: boolean;
  let hasPrev: boolean;
  if (cursor?.d === "before") {
    const found = await selectKeyRows(db)
      .where(and(rest, newerThan(cursor.t, cursor.i)))
      .orderBy(...oldestFirst)
      .limit(limit + 1);
    hasPrev = found.length > limit;
    rows = found.slice(0, limit).reverse();
    hasNext = true;
  } else {
    const after = cursor?.d === "after" ? olderThan(cursor.t, cursor.i) : undefined;
    const found = await selectKeyRows(db)
      .where(and(rest, after))
      .orderBy(...newestFirst)
      .limit(limit + 1);
    hasNext = found.length > limit;
    rows = found.slice(0, limit);
    hasPrev = Boolean(cursor);
  }
  const pinned =
    actor.isOwner && !hasPrev
      ? await selectKeyRows(db)
          .where(and(...filters, apiKeys.isOwnerKey))
          .limit(1)
      : [];
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(and(...filters));
  const first = rows[0];
  const last = rows[rows.length - 1];
  return ok({
    items: await views(actor, [...pinned, ...rows], db),
    total: count?.n ?? 0,
    totalCapped: false,
    nextCursor: hasNext && last ? encodeCursor({ d: "after", t: last.createdAtExact, i: last.id }) : null,
    prevCursor: hasPrev && first ? encodeCursor({ d: "before", t: first.createdAtExact, i: first.id }) : null,
  });
}

async function views(actor: KeyActor, rows: KeyRow[], db: Executor) {
  const keyRoles = await rolesOfKeys(
    rows.map((r) => r.id),
    db,
  );
  return rows.map((r) => toKeyView(actor, r, keyRoles.get(r.id) ?? []));
}
