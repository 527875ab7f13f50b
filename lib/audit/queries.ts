import { and, eq, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { exactTimestamp } from "@/db/timestamps";
import { OWNER_KEY_ACTOR } from "./record";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_PAGE_SIZE_MAX = 500;

export type AuditEventView = {
  id: string;
  action: string;
  actorName: string;
  actorUserId: string | null;
  actorKeyId: string | null;
  targetType: string;
  targetId: string | null;
  targetName: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  createdAt: string;
};

export type AuditEventFilter = {
  workspaceId: string;
  /**
   * The reader sees the owner key (`seesOwnerKey`): events about it are listed, and what the
   * owner key did is shown as done by it. Everyone else sees those acts as done by the Owner.
   */
  includeOwnerOnly: boolean;
  action?: string;
  actorUserId?: string;
  targetType?: string;
  targetId?: string;
};

export type AuditEventPage = {
  items: AuditEventView[];
  /** Older events: pass as `cursor`. */
  nextCursor: string | null;
  /** Newer events, when this page is not the newest: pass as `cursor`. */
  prevCursor: string | null;
};

type Position = { createdAt: string; id: string; direction: "older" | "newer" };

// created_at keeps microseconds; a JS Date would round them off and skip or repeat rows.
const createdAtText = exactTimestamp(auditEvents.createdAt);

// Whether the owner key itself acted: marked when written (see auditActorOf), or, for events
// written before the mark, an actor key that is the owner key.
const byOwnerKey = sql<boolean>`(coalesce((${auditEvents.details} ->> ${OWNER_KEY_ACTOR})::boolean, false)
  or exists (select 1 from api_keys k where k.id = ${auditEvents.actorKeyId} and k.is_owner_key))`;

const NEWEST_FIRST_ORDER = [sql`${auditEvents.createdAt} desc nulls last`, sql`${auditEvents.id} desc nulls last`];
const NEWER_FIRST_ORDER_REVERSED = [sql`${auditEvents.createdAt} asc nulls first`, sql`${auditEvents.id} asc nulls first`];

function encodeCursor(position: Position): string {
  return Buffer.from(`${position.direction === "older" ? "o" : "n"}|${position.createdAt}|${position.id}`).toString("base64url");
}

/** The position a cursor stands for, or null when it is not one of ours. */
export function decodeCursor(cursor: string): Position | null {
  const [dir, createdAt, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (rest.length || (dir !== "o" && dir !== "n") || !createdAt || !id) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(createdAt) || !/^\d{1,18}$/.test(id)) return null;
  return { direction: dir === "o" ? "older" : "newer", createdAt, id };
}

/**
 * Audit events of a workspace, newest first, a page at a time. Keyset pagination on
 * (created_at, id), which the (workspace_id, created_at desc, id desc) index serves, so the
 * thousandth page costs what the first does. An unknown cursor starts from the newest.
 */
export async function listAuditEvents(
  filter: AuditEventFilter & { cursor?: string | null; limit?: number },
  db: Executor = getDb(),
): Promise<AuditEventPage> {
  const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? AUDIT_PAGE_SIZE)), AUDIT_PAGE_SIZE_MAX);
  const position = filter.cursor ? decodeCursor(filter.cursor) : null;
  const conditions: (SQL | undefined)[] = [...filterConditions(filter)];
  if (position) {
    const at = sql`(${position.createdAt}::timestamptz, ${position.id}::bigint)`;
    conditions.push(
      position.direction === "older"
        ? sql`(${auditEvents.createdAt}, ${auditEvents.id}) < ${at}`
        : sql`(${auditEvents.createdAt}, ${auditEvents.id}) > ${at}`,
    );
  }
  const newer = position?.direction === "newer";
  const rows = await db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actorName: auditEvents.actorName,
      actorUserId: auditEvents.actorUserId,
      actorKeyId: auditEvents.actorKeyId,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      targetName: auditEvents.targetName,
      details: auditEvents.details,
      ip: auditEvents.ip,
      createdAt: auditEvents.createdAt,
      cursorAt: createdAtText,
      byOwnerKey,
      ownerName: users.name,
      ownerEmail: users.email,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...conditions))
    // The index is (created_at DESC NULLS LAST, id DESC NULLS LAST), drizzle's default for
    // .desc(); PostgreSQL's plain DESC means NULLS FIRST and would not match it (a full sort of
    // the workspace's events instead of reading 51 index entries), so the order says it exactly.
    .orderBy(...(newer ? NEWER_FIRST_ORDER_REVERSED : NEWEST_FIRST_ORDER))
    .limit(limit + 1);

  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (newer) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  // Going older: more rows beyond means an older page; a cursor means a newer page exists.
  // Going newer: the reverse.
  const hasOlder = newer ? true : more;
  const hasNewer = newer ? more : Boolean(position);
  return {
    items: page.map((row) => toEventView(row, filter.includeOwnerOnly)),
    nextCursor: hasOlder && last ? encodeCursor({ direction: "older", createdAt: last.cursorAt, id: String(last.id) }) : null,
    prevCursor:
      hasNewer && first ? encodeCursor({ direction: "newer", createdAt: first.cursorAt, id: String(first.id) }) : null,
  };
}

type EventRow = Omit<AuditEventView, "id" | "createdAt"> & {
  id: number;
  createdAt: Date;
  byOwnerKey: boolean;
  ownerName: string | null;
  ownerEmail: string | null;
};

/** SPEC §2: what the owner key did appears to all but the Owner as done by the Owner, never naming the key. */
function toEventView(row: EventRow, seesOwnerKey: boolean): AuditEventView {
  const { cursorAt: _cursorAt, byOwnerKey: ownerKeyActed, ownerName, ownerEmail, id, createdAt, ...event } = row as EventRow & { cursorAt?: string };
  const { [OWNER_KEY_ACTOR]: _mark, ...details } = event.details;
  const view = { ...event, details, id: String(id), createdAt: createdAt.toISOString() };
  if (!ownerKeyActed || seesOwnerKey) return view;
  const actorName = ownerEmail ? (ownerName ? `${ownerName} (${ownerEmail})` : ownerEmail) : "Owner";
  return { ...view, actorName, actorKeyId: null };
}

function filterConditions(filter: AuditEventFilter): (SQL | undefined)[] {
  return [
    eq(auditEvents.workspaceId, filter.workspaceId),
    filter.includeOwnerOnly ? undefined : eq(auditEvents.ownerOnly, false),
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
    filter.targetType ? eq(auditEvents.targetType, filter.targetType) : undefined,
    filter.targetId ? eq(auditEvents.targetId, filter.targetId) : undefined,
  ];
}

/** Every event matching the filter, newest first, in batches (the CSV export). */
export async function* iterateAuditEvents(
  filter: AuditEventFilter,
  { batchSize = 500, db = getDb() }: { batchSize?: number; db?: Executor } = {},
): AsyncGenerator<AuditEventView[]> {
  let cursor: string | null = null;
  do {
    const page: AuditEventPage = await listAuditEvents({ ...filter, cursor, limit: batchSize }, db);
    if (page.items.length) yield page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
